import { describe, it, expect } from 'vitest';
import { divisionLevel, validateDivisionCode, parentCode, isWithin, countyOf, townshipOf } from '../../kernel/identifiers/index.ts';

const COUNTY = '341324',
  TOWNSHIP = '341324100',
  VILLAGE = '341324100201';

describe('division codes', () => {
  it('classifies levels by length', () => {
    expect(divisionLevel(COUNTY)).toBe('COUNTY');
    expect(divisionLevel(TOWNSHIP)).toBe('TOWNSHIP');
    expect(divisionLevel(VILLAGE)).toBe('VILLAGE');
    for (const bad of ['', '34132', '3413241', '34132410020', '3413241002011', '34132a', '341300', '991324', '341324000', '341324100000']) {
      expect(divisionLevel(bad)).toBeNull();
    }
  });

  it('validates with a reason and an optional expected level', () => {
    expect(validateDivisionCode(VILLAGE)).toEqual({ ok: true, value: VILLAGE, level: 'VILLAGE' });
    expect(validateDivisionCode(TOWNSHIP, 'TOWNSHIP').ok).toBe(true);
    const cases: [string, string, RegExp][] = [
      ['3413241', 'LENGTH', /6, 9 or 12 digits, got 7/],
      ['34132x', 'FORMAT', /only digits/],
      ['991324', 'FORMAT', /province prefix 99/],
      ['341300', 'FORMAT', /not a county/],
      ['341324000', 'FORMAT', /township segment/],
      ['341324100000', 'FORMAT', /village segment/],
    ];
    for (const [code, err, reason] of cases) {
      const r = validateDivisionCode(code);
      expect(r.ok ? null : [r.code, r.reason]).toEqual([err, expect.stringMatching(reason)]);
    }
    const r = validateDivisionCode(VILLAGE, 'TOWNSHIP');
    expect(r.ok ? null : r.code).toBe('LEVEL');
    expect(r.ok ? '' : r.reason).toContain('expected a TOWNSHIP code, got a VILLAGE code');
  });

  it('finds parents, county and township', () => {
    expect(parentCode(VILLAGE)).toBe(TOWNSHIP);
    expect(parentCode(TOWNSHIP)).toBe(COUNTY);
    expect(parentCode(COUNTY)).toBeNull();
    expect(parentCode('nonsense')).toBeNull();
    expect(countyOf(VILLAGE)).toBe(COUNTY);
    expect(countyOf(COUNTY)).toBe(COUNTY);
    expect(countyOf('34132')).toBeNull();
    expect(townshipOf(VILLAGE)).toBe(TOWNSHIP);
    expect(townshipOf(TOWNSHIP)).toBe(TOWNSHIP);
    expect(townshipOf(COUNTY)).toBeNull();
  });

  it('checks scope only at level boundaries', () => {
    expect(isWithin(VILLAGE, COUNTY)).toBe(true);
    expect(isWithin(VILLAGE, TOWNSHIP)).toBe(true);
    expect(isWithin(VILLAGE, VILLAGE)).toBe(true);
    expect(isWithin(TOWNSHIP, COUNTY)).toBe(true);
    expect(isWithin(COUNTY, TOWNSHIP)).toBe(false); // a parent is not inside its child
    expect(isWithin('341324101201', TOWNSHIP)).toBe(false); // sibling township
    expect(isWithin('341323100201', COUNTY)).toBe(false); // neighbouring county
    // Scopes that are prefixes but not valid codes must never match.
    for (const scope of ['', '3', '34', '3413', '34132', '3413241', '34132410', '3413241002']) {
      expect(isWithin(VILLAGE, scope)).toBe(false);
    }
    expect(isWithin('34132410020x', COUNTY)).toBe(false);
  });
});
