// Region codes as scopes, and the level ↔ column map the scope filters use.
import { describe, expect, it } from 'vitest';
import { LEVEL_COLUMN, isRegionCode, narrowerScope, regionColumn, within } from '../../kernel/regions.ts';

describe('region scopes', () => {
  it('maps each level\'s code length to its column', () => {
    expect(LEVEL_COLUMN).toEqual({ 6: 'countyCode', 9: 'townshipCode', 12: 'villageCode' });
    expect(regionColumn('341324100')).toBe('townshipCode');
    expect(regionColumn('3413241')).toBeNull();
  });

  it('never lets a truncated or empty scope match', () => {
    expect(within('341324100201', '341324100')).toBe(true);
    expect(within('341324100201', '3413')).toBe(false);
    expect(within('341324100201', '')).toBe(false);
    expect(isRegionCode('34132410a')).toBe(false);
  });

  it('narrows two overlapping scopes and separates disjoint ones', () => {
    expect(narrowerScope('341324', '341324100')).toBe('341324100');
    expect(narrowerScope('341324100', '341324101')).toBeNull();
  });
});
