// Calendar dates in China Standard Time (UTC+8 all year, no daylight saving).
// A calendar date is a Date at UTC midnight: the form PostgreSQL DATE columns
// are read and written in, so comparisons with stored dates are exact.

const CST_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date in China at an instant: at 23:30 UTC it is already the next day there. */
export function chinaDate(instant: Date): Date {
  const cst = new Date(instant.getTime() + CST_OFFSET_MS);
  return new Date(Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate()));
}

/** Today in China as a calendar date. */
export const todayInChina = (now: Date = new Date()): Date => chinaDate(now);

/** `YYYY-MM-DD` of a calendar date. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** Today in China as `YYYY-MM-DD`. */
export const todayInChinaIso = (now: Date = new Date()): string => isoDate(todayInChina(now));

/** A strict `YYYY-MM-DD` that names a real day, as a calendar date; null otherwise (2021-02-30, 2021-2-3). */
export function parseIsoDate(value: string): Date | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return isoDate(date) === value ? date : null;
}

/** Whole years of age on `today` (both calendar dates). */
export function ageOn(birth: Date, today: Date): number {
  const years = today.getUTCFullYear() - birth.getUTCFullYear();
  const before =
    today.getUTCMonth() < birth.getUTCMonth() || (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() < birth.getUTCDate());
  return before ? years - 1 : years;
}
