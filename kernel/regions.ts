// Region codes as scopes: a record lies in a scope when its division code starts
// with the scope's code. Codes have three lengths (county 6, township 9,
// village 12), and region-bound tables carry one column per level, so "starts
// with" is one equality on the column of the scope's level. Validation of the
// codes themselves is in identifiers/divisionCode.ts.
import type { DivisionLevel } from './identifiers/divisionCode.ts';

/** Code length ↔ level ↔ the column (Prisma field) that holds a record's code at that level. */
export const REGION_LEVELS = [
  { level: 'COUNTY', length: 6, column: 'countyCode' },
  { level: 'TOWNSHIP', length: 9, column: 'townshipCode' },
  { level: 'VILLAGE', length: 12, column: 'villageCode' },
] as const satisfies readonly { level: DivisionLevel; length: number; column: string }[];

export type RegionColumn = (typeof REGION_LEVELS)[number]['column'];

/** `{ 6: 'countyCode', 9: 'townshipCode', 12: 'villageCode' }`. */
export const LEVEL_COLUMN = Object.fromEntries(REGION_LEVELS.map((l) => [l.length, l.column])) as {
  6: 'countyCode';
  9: 'townshipCode';
  12: 'villageCode';
};

/** Digits only, of one of the three lengths (a cheap shape check; `validateDivisionCode` checks the segments). */
export function isRegionCode(code: string): boolean {
  return /^\d+$/.test(code) && code.length in LEVEL_COLUMN;
}

/** True when `code` (any level) lies inside `scope` (a code of a level's length). */
export function within(code: string, scope: string): boolean {
  return isRegionCode(scope) && code.startsWith(scope);
}
