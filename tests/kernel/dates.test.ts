// China time: the calendar date in Anhui, whatever the server's clock zone.
import { describe, expect, it } from 'vitest';
import { ageOn, chinaDate, isoDate, parseIsoDate, todayInChina, todayInChinaIso } from '../../kernel/dates.ts';

describe('China-time dates', () => {
  it('is already tomorrow in China from 16:00 UTC', () => {
    expect(todayInChinaIso(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(todayInChinaIso(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
    expect(todayInChina(new Date('2026-12-31T23:30:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('keeps a calendar date (UTC midnight) on its day', () => {
    expect(isoDate(chinaDate(new Date('1990-01-01')))).toBe('1990-01-01');
  });

  it('parses only real YYYY-MM-DD days', () => {
    expect(parseIsoDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    for (const bad of ['2023-02-29', '2024-2-29', '2024-02-29T00:00', '', '2024-13-01']) expect(parseIsoDate(bad), bad).toBeNull();
  });

  it('counts whole years of age', () => {
    const birth = new Date('2000-06-15');
    expect(ageOn(birth, new Date('2020-06-14'))).toBe(19);
    expect(ageOn(birth, new Date('2020-06-15'))).toBe(20);
  });
});
