// Shared pieces of the Relay connections: ordering and id parsing.
import { builder } from './builder.ts';
import { badInput } from './errors.ts';

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

/** A numeric primary key from a global id's local part; null when it is not one (then: not found). */
export function parseIntId(id: string | number): number | null {
  const n = typeof id === 'number' ? id : Number(id);
  return Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
}

/** A numeric id named in a mutation input, or BAD_USER_INPUT. */
export function requireIntId(id: string | number, field: string): number {
  const n = parseIntId(id);
  if (n === null) throw badInput(field, `无效的 ID (invalid id): ${id}`);
  return n;
}
