// Resident identity numbers (公民身份号码), GB 11643-1999:
//   digits 1–6   address code (administrative division, GB/T 2260)
//   digits 7–14  birth date YYYYMMDD
//   digits 15–17 sequence; the 17th digit is odd for men, even for women
//   char 18      check character, ISO 7064:1983 MOD 11-2
// Pure functions; shared by GraphQL validation, imports, the data generator
// and the console.
import { chinaDate, isoDate } from '../dates.ts';

export type ResidentIdError = 'LENGTH' | 'FORMAT' | 'BIRTH_DATE' | 'CHECK_DIGIT';
export type Gender = 'MALE' | 'FEMALE';

export type ResidentIdResult =
  { ok: true; value: string; birthDate: string; gender: Gender; regionCode: string } | { ok: false; reason: string; code: ResidentIdError };

// MOD 11-2 weights are 2^(17-i) mod 11 for i = 0..16 (GB 11643-1999 §6.3).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
// Indexed by (weighted sum mod 11); 'X' stands for the value 10.
const CHECK_TABLE = '10X98765432';

/** Check character for the first 17 digits (throws if they are not 17 digits). */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`residentIdCheckChar needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_TABLE[sum % 11]!;
}

// Calendar dates are read in China Standard Time (UTC+8, no DST) so the result
// does not depend on the server's time zone: both `new Date('1990-01-01')`
// (UTC midnight) and a local-midnight Date on a China server give 1990-01-01.
const cstYmd = (d: Date): string => isoDate(chinaDate(d)).replaceAll('-', '');

/** True when YYYYMMDD is a real Gregorian calendar date. */
function isCalendarDate(ymd: string): boolean {
  const y = Number(ymd.slice(0, 4)),
    m = Number(ymd.slice(4, 6)),
    d = Number(ymd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d); // out-of-range days roll over, e.g. 02-30 → 03-02
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const fail = (code: ResidentIdError, reason: string): ResidentIdResult => ({ ok: false, code, reason });

/**
 * Validates a resident ID. Surrounding whitespace is trimmed and a lowercase
 * check character `x` is accepted and normalized to `X` (the standard only
 * defines uppercase, but hand-typed data often uses lowercase); `value` in the
 * result is the canonical form to store. `today` (default: now) bounds the
 * birth date; it is read as a China Standard Time date.
 */
export function validateResidentId(value: string, opts: { today?: Date } = {}): ResidentIdResult {
  const v = String(value ?? '')
    .trim()
    .toUpperCase();
  if (v.length !== 18) {
    return fail('LENGTH', `身份证号应为 18 位，实际为 ${v.length} 位 (resident ID must be 18 characters, got ${v.length})`);
  }
  if (!/^\d{17}[\dX]$/.test(v)) {
    return fail('FORMAT', '身份证号前 17 位须为数字，末位须为数字或 X (resident ID must be 17 digits followed by a digit or X)');
  }
  const ymd = v.slice(6, 14);
  const shown = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  if (!isCalendarDate(ymd)) {
    return fail('BIRTH_DATE', `身份证号中的出生日期 ${ymd} 不是有效日期 (birth date ${shown} does not exist)`);
  }
  if (ymd < '19000101') {
    return fail('BIRTH_DATE', `身份证号中的出生日期 ${ymd} 早于 1900 年 (birth date ${shown} is before 1900)`);
  }
  if (ymd > cstYmd(opts.today ?? new Date())) {
    return fail('BIRTH_DATE', `身份证号中的出生日期 ${ymd} 晚于今天 (birth date ${shown} is in the future)`);
  }
  const expected = residentIdCheckChar(v.slice(0, 17));
  if (v[17] !== expected) {
    return fail('CHECK_DIGIT', `身份证号校验位错误，应为 ${expected} (check digit should be ${expected}, got ${v[17]})`);
  }
  return {
    ok: true,
    value: v,
    birthDate: shown,
    gender: Number(v[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
    regionCode: v.slice(0, 6),
  };
}

/**
 * Builds a valid resident ID (for the data generator). `birthDate` is a Date
 * (read as a CST calendar date) or 'YYYY-MM-DD' / 'YYYYMMDD'; `sequence3` is
 * 0–999 and its parity decides the gender (odd = male). Throws RangeError on
 * inputs that cannot form a valid ID. Does not check against "today".
 */
export function makeResidentId(regionCode6: string, birthDate: Date | string, sequence3: number): string {
  if (!/^\d{6}$/.test(regionCode6)) throw new RangeError(`region code must be 6 digits, got "${regionCode6}"`);
  if (!Number.isInteger(sequence3) || sequence3 < 0 || sequence3 > 999) {
    throw new RangeError(`sequence must be an integer 0–999, got ${sequence3}`);
  }
  const ymd = typeof birthDate === 'string' ? birthDate.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1$2$3') : cstYmd(birthDate);
  if (!/^\d{8}$/.test(ymd) || !isCalendarDate(ymd) || ymd < '19000101') {
    throw new RangeError(`invalid birth date "${String(birthDate)}"`);
  }
  const first17 = regionCode6 + ymd + String(sequence3).padStart(3, '0');
  return first17 + residentIdCheckChar(first17);
}

/** `341324199001011234` → `341324********1234`. Values too short to mask partially are fully starred. */
export function maskResidentId(id: string): string {
  const v = String(id ?? '')
    .trim()
    .toUpperCase();
  if (v.length < 11) return '*'.repeat(v.length);
  return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
}

/** `13812345678` → `138****5678`. Values too short to mask partially are fully starred. */
export function maskPhone(phone: string): string {
  const v = String(phone ?? '').trim();
  if (v.length < 8) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}
