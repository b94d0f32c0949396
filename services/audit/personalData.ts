// Personal data (ID numbers, phone numbers): masked for anyone without the
// permission; every unmasked value returned is remembered for the audit log.
import { maskPhone, maskResidentId } from '../../kernel/identifiers/index.ts';
import type { Context } from '../graphql/context.ts';

export function canReadPersonalData(ctx: Context): boolean {
  return ctx.viewer !== null && ctx.viewer.canReadPersonalData && ctx.viewer.role !== 'STATISTICIAN';
}

function reveal(ctx: Context, entity: string, id: number, value: string | null, mask: (v: string) => string) {
  if (value == null) return null;
  if (!canReadPersonalData(ctx)) return mask(value);
  ctx.personalDataReads.add(`${entity}:${id}`);
  return value;
}

export const residentIdFor = (ctx: Context, entity: string, id: number, value: string | null) =>
  reveal(ctx, entity, id, value, maskResidentId);

export const phoneFor = (ctx: Context, entity: string, id: number, value: string | null) =>
  reveal(ctx, entity, id, value, maskPhone);
