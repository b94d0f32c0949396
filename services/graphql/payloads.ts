// Mutation payloads: `{ <field>: <the changed node> }`, as Relay clients expect.
import { builder } from './builder.ts';

/** `ref` is any object or node ref of the builder (typed loosely: payloads only pass rows through). */
export function payloadType(name: string, field: string, ref: unknown, description?: string) {
  return builder.objectRef<Record<string, unknown>>(name).implement({
    ...(description ? { description } : {}),
    fields: (t) => ({ [field]: t.field({ type: ref as never, resolve: (payload) => payload[field] as never }) }),
  });
}

/** The payload of a delete: the deleted record's global id. */
export const DeletePayload = builder.objectRef<{ deletedId: string }>('DeletePayload').implement({
  description: '删除结果',
  fields: (t) => ({ deletedId: t.exposeID('deletedId', { description: '被删除记录的全局 ID' }) }),
});
