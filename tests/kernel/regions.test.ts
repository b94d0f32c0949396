// Region codes as scopes, and the level ↔ column map the scope filters use.
import { describe, expect, it } from 'vitest';
import { LEVEL_COLUMN, isRegionCode, within } from '../../kernel/regions.ts';

describe('region scopes', () => {
  it("maps each level's code length to its column", () => {
    expect(LEVEL_COLUMN).toEqual({ 6: 'countyCode', 9: 'townshipCode', 12: 'villageCode' });
  });

  it('never lets a truncated or empty scope match', () => {
    expect(within('341324100201', '341324100')).toBe(true);
    expect(within('341324100201', '3413')).toBe(false);
    expect(within('341324100201', '')).toBe(false);
    expect(isRegionCode('34132410a')).toBe(false);
  });
});
