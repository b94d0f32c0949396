// Region filters. Who sees what is decided by PostgreSQL row-level security
// (services/scopedDb.ts), for every statement; nothing here is a security rule.
// These helpers narrow a list to a requested region (`filter.regionCode`),
// defaulting to the viewer's own, so that the query names an indexed column
// (county 6, township 9, village 12 digits: one equality on that level's
// column) instead of leaving the policy to filter the whole table.
import type { Context } from '../graphql/context.ts';
import { viewerOf } from '../graphql/context.ts';
import { badInput } from '../graphql/errors.ts';
import { LEVEL_COLUMN, isRegionCode, within, type RegionColumn } from '../../kernel/regions.ts';

// The code ↔ column rules are the kernel's; the helpers below apply them to a request.
export { isRegionCode, within };

/** A filter on the three region columns. */
export type RegionWhere = Partial<Record<RegionColumn, string>>;

/** Matches no row: used when a requested region lies outside the viewer's scope. */
export const NOTHING = { countyCode: '' } as const satisfies RegionWhere;

/**
 * The narrower of the viewer's scope and a requested region, or null when the
 * two do not overlap (the caller then returns nothing, not an error: an
 * out-of-scope region must not be distinguishable from an empty one).
 */
export function effectiveRegion(ctx: Context, requested?: string | null): string | null {
  const scope = viewerOf(ctx).regionCode;
  if (requested == null) return scope;
  if (!isRegionCode(requested)) {
    throw badInput('filter.regionCode', `行政区划代码应为 6、9 或 12 位数字 (a division code has 6, 9 or 12 digits): ${requested}`);
  }
  if (within(requested, scope)) return requested;
  if (within(scope, requested)) return scope;
  return null;
}

/** Where-clause for a model that carries county/township/village code columns. */
export function regionWhere(code: string | null): RegionWhere {
  if (code === null) return NOTHING;
  return { [LEVEL_COLUMN[code.length as keyof typeof LEVEL_COLUMN]]: code };
}

/** Whether a division code lies in the viewer's scope (the caller picks FORBIDDEN or NOT_FOUND). */
export function inScope(ctx: Context, code: string): boolean {
  return within(code, viewerOf(ctx).regionCode);
}
