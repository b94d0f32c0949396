// Region scope for households and what hangs off them (persons, incomes, …).
import type { Context } from '../graphql/context.ts';
import { effectiveRegion, regionWhere } from '../auth/scope.ts';

/** Households the viewer sees, optionally narrowed to a requested region. */
export const visibleHouseholds = (ctx: Context, requested?: string | null) => regionWhere(effectiveRegion(ctx, requested));

/** Persons the viewer sees: those of visible households. */
export const visiblePersons = (ctx: Context, requested?: string | null) => ({ household: visibleHouseholds(ctx, requested) });
