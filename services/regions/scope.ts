// Which regions a viewer sees: those inside their scope, plus the township a
// village cadre's village belongs to (needed to navigate; it shows only the
// cadre's own village beneath it).
import type { Context } from '../graphql/context.ts';
import { viewerOf } from '../graphql/context.ts';
import { effectiveRegion } from '../auth/scope.ts';

export function townshipWhere(code: string | null) {
  if (code === null) return { code: '' };
  return code.length === 6 ? { countyCode: code } : { code: code.slice(0, 9) };
}

export function villageWhere(code: string | null) {
  if (code === null) return { code: '' };
  if (code.length === 6) return { countyCode: code };
  return code.length === 9 ? { townshipCode: code } : { code };
}

export const visibleTownships = (ctx: Context, requested?: string | null) => townshipWhere(effectiveRegion(ctx, requested));
export const visibleVillages = (ctx: Context, requested?: string | null) => villageWhere(effectiveRegion(ctx, requested));
export const viewerVillages = (ctx: Context) => villageWhere(viewerOf(ctx).regionCode);
