// The JavaScript stand-in for Cube's native result transformation, on the
// shapes Cube hands it (no database needed).
import { describe, expect, it } from 'vitest';
import { installNativeFallback, redactSqlLiterals, transformRows, type TransformData } from '../../services/analytics/nativeFallback.ts';

const td = (over: Partial<TransformData> = {}): TransformData => ({
  aliasToMemberNameMap: { poverty__year: 'poverty.year', poverty__poor_persons: 'poverty.poor_persons', t__d_month: 't.d.month' },
  annotation: {
    'poverty.year': { type: 'number' },
    'poverty.poor_persons': { type: 'number' },
    't.d.month': { type: 'time' },
    't.d': { type: 'time' },
  },
  query: { measures: ['poverty.poor_persons'], dimensions: ['poverty.year'] },
  queryType: 'regularQuery',
  ...over,
});

describe('native fallback', () => {
  it('is installed once, only where the binary does not load', () => {
    const first = installNativeFallback();
    expect(installNativeFallback()).toBe(first);
    // These machines have no binary; where it loads, nothing is installed.
    if (first.installed) expect(first.reason).toMatch(/Unable to load @cubejs-backend\/native/);
    else expect(first.reason).toBeUndefined();
  });

  it('turns columnar rows into member-keyed rows, or members + dataset when compact', () => {
    const raw = {
      members: ['poverty__year', 'poverty__poor_persons'],
      columns: [
        [2019, 2020],
        ['10', '12'],
      ],
    };
    expect(transformRows(td(), raw)).toEqual([
      { 'poverty.year': 2019, 'poverty.poor_persons': '10' },
      { 'poverty.year': 2020, 'poverty.poor_persons': '12' },
    ]);
    expect(transformRows(td({ resType: 'compact' }), raw)).toEqual({
      members: ['poverty.year', 'poverty.poor_persons'],
      dataset: [
        [2019, '10'],
        [2020, '12'],
      ],
    });
  });

  it('writes time values as UTC ISO without zone and adds the bare time dimension', () => {
    const raw = { members: ['t__d_month'], columns: [['2020-03-01 00:00:00', '2020-04-01T00:00:00.000Z']] };
    const rows = transformRows(
      td({ query: { measures: [], timeDimensions: [{ dimension: 't.d', granularity: 'month' }] } }),
      raw,
    ) as Record<string, unknown>[];
    expect(rows).toEqual([
      { 't.d.month': '2020-03-01T00:00:00.000', 't.d': '2020-03-01T00:00:00.000' },
      { 't.d.month': '2020-04-01T00:00:00.000', 't.d': '2020-04-01T00:00:00.000' },
    ]);
  });

  it('refuses hidden members, also on an empty result', () => {
    const raw = { members: ['secret__x'], columns: [[1]] };
    expect(() => transformRows(td({ aliasToMemberNameMap: { secret__x: 'secret.x' } }), raw)).toThrow(/hidden member/);
    expect(() => transformRows(td({ query: { measures: ['secret.x'] } }), { members: [], columns: [] })).toThrow(/hidden member/);
    expect(transformRows(td(), { members: [], columns: [] })).toEqual([]);
  });

  it('redacts SQL string literals', () => {
    expect(redactSqlLiterals("SELECT * FROM t WHERE a = 'it''s' AND b = 2")).toBe("SELECT * FROM t WHERE a = 'redacted' AND b = 2");
  });
});
