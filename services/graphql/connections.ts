// Shared pieces of the Relay connections: ordering and the keys of global ids.
import { builder } from './builder.ts';
import { badInput } from './errors.ts';
import type { GlobalId } from './globalId.ts';

export const OrderDirection = builder.enumType('OrderDirection', {
  values: { ASC: { value: 'asc', description: '升序' }, DESC: { value: 'desc', description: '降序' } } as const,
});

/**
 * An `orderBy` input for one connection: `{ field, direction }` over the named
 * sortable columns. The primary key is always the last sort key so that pages
 * are stable and cursors are exact.
 */
export function orderByInput<F extends string>(name: string, fields: Record<F, string>) {
  const fieldEnum = builder.enumType(`${name}Field`, {
    values: Object.fromEntries(Object.entries(fields).map(([key, description]) => [key, { description: String(description) }])) as Record<
      F,
      { description: string }
    >,
  });
  return builder.inputType(name, {
    fields: (t) => ({
      field: t.field({ type: fieldEnum, required: true }),
      direction: t.field({ type: OrderDirection, required: true, defaultValue: 'asc' }),
    }),
  });
}

/** Prisma orderBy for an `orderBy` argument (field names are the Prisma field names, camelCase). */
export function prismaOrder(
  orderBy: { field: string; direction: 'asc' | 'desc' } | null | undefined,
  key: string,
  fallback: Record<string, 'asc' | 'desc'>[] = [],
): Record<string, 'asc' | 'desc'>[] {
  const primary = orderBy ? [{ [orderBy.field]: orderBy.direction }] : fallback;
  return [...primary, { [key]: orderBy?.direction ?? 'asc' }];
}

/** A numeric primary key from a global id's key (decoded by globalId.ts); null when it is not one (then: not found). */
export function parseIntId(id: string | number): number | null {
  const n = typeof id === 'number' ? id : /^[1-9]\d{0,9}$/.test(id) ? Number(id) : NaN;
  return Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
}

/**
 * A numeric id named in an input, or BAD_USER_INPUT. Given a decoded global id
 * and its expected `type` (for `t.globalID()` arguments without `for:`), a
 * global id of another type is refused too.
 */
export function requireIntId(id: string | number | GlobalId, field: string, type?: string): number {
  if (typeof id === 'object' && type && id.typename !== type) throw badInput(field, `应为 ${type} 的全局 ID (expected a ${type} id)`);
  const n = parseIntId(typeof id === 'object' ? id.id : id);
  if (n === null) throw badInput(field, `无效的 ID (invalid id): ${typeof id === 'object' ? id.id : id}`);
  return n;
}
