// Administrative division codes (行政区划代码):
//   county   6 digits  (GB/T 2260)                e.g. 341324       泗县
//   township 9 digits  (county + 3, GB/T 10114)   e.g. 341324100
//   village 12 digits  (township + 3, statistical division code) e.g. 341324100201
// A code's ancestors are its prefixes at these level boundaries. Pure functions.

export type DivisionLevel = 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';
export type DivisionCodeError = 'LENGTH' | 'FORMAT' | 'LEVEL';
export type DivisionCodeResult = { ok: true; value: string; level: DivisionLevel } | { ok: false; reason: string; code: DivisionCodeError };

const LEVEL_BY_LENGTH: Readonly<Record<number, DivisionLevel>> = { 6: 'COUNTY', 9: 'TOWNSHIP', 12: 'VILLAGE' };
const LEVEL_NAME: Readonly<Record<DivisionLevel, string>> = { COUNTY: '县级', TOWNSHIP: '乡镇级', VILLAGE: '村级' };
// Province-level prefixes in GB/T 2260 (incl. 71 台湾, 81 香港, 82 澳门).
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
);

const fail = (code: DivisionCodeError, reason: string): DivisionCodeResult => ({ ok: false, code, reason });

/**
 * Validates a county, township or village code, optionally requiring a level.
 * Besides length and digits it rejects codes that name a higher level instead:
 * an unknown province prefix, a 6-digit code ending in 00 (a prefecture or
 * province, not a county), or a township/village segment of 000.
 */
export function validateDivisionCode(code: string, expectedLevel?: DivisionLevel): DivisionCodeResult {
  const v = String(code ?? '').trim();
  const level = LEVEL_BY_LENGTH[v.length];
  if (level === undefined) {
    return fail(
      'LENGTH',
      `行政区划代码应为 6、9 或 12 位，实际为 ${v.length} 位 (division code must be 6, 9 or 12 digits, got ${v.length})`,
    );
  }
  if (!/^\d+$/.test(v)) return fail('FORMAT', `行政区划代码只能包含数字 (division code must contain only digits: ${v})`);
  if (!PROVINCES.has(v.slice(0, 2))) {
    return fail('FORMAT', `行政区划代码的省级代码 ${v.slice(0, 2)} 不存在 (unknown province prefix ${v.slice(0, 2)})`);
  }
  if (v.slice(4, 6) === '00') {
    return fail('FORMAT', `行政区划代码 ${v.slice(0, 6)} 不是县级代码 (${v.slice(0, 6)} is a prefecture or province code, not a county)`);
  }
  if (v.length >= 9 && v.slice(6, 9) === '000') {
    return fail('FORMAT', `乡镇代码段不能为 000 (township segment of ${v} must not be 000)`);
  }
  if (v.length === 12 && v.slice(9, 12) === '000') {
    return fail('FORMAT', `村级代码段不能为 000 (village segment of ${v} must not be 000)`);
  }
  if (expectedLevel !== undefined && level !== expectedLevel) {
    return fail(
      'LEVEL',
      `应为${LEVEL_NAME[expectedLevel]}代码，实际为${LEVEL_NAME[level]}代码 (expected a ${expectedLevel} code, got a ${level} code: ${v})`,
    );
  }
  return { ok: true, value: v, level };
}

// The validated (trimmed) code and its level, or null.
function parse(code: string): { value: string; level: DivisionLevel } | null {
  const r = validateDivisionCode(code);
  return r.ok ? r : null;
}

/** Level of a valid code, or null when the code is not valid (see validateDivisionCode). */
export function divisionLevel(code: string): DivisionLevel | null {
  return parse(code)?.level ?? null;
}

/** Village → township, township → county; null for a county or an invalid code. */
export function parentCode(code: string): string | null {
  const p = parse(code);
  if (p?.level === 'VILLAGE') return p.value.slice(0, 9);
  if (p?.level === 'TOWNSHIP') return p.value.slice(0, 6);
  return null;
}

/**
 * True when `code` lies in `scopeCode` (equal to it or beneath it). Both must
 * be valid codes: prefix matching alone would let an empty or truncated scope
 * ('', '3413') match everything under it, widening a viewer's access, so a
 * scope must itself be a 6-, 9- or 12-digit code, i.e. sit on a level boundary.
 */
export function isWithin(code: string, scopeCode: string): boolean {
  const c = parse(code),
    s = parse(scopeCode);
  if (c === null || s === null) return false;
  return s.value.length <= c.value.length && c.value.startsWith(s.value);
}

/** The 6-digit county a valid code belongs to, or null. */
export function countyOf(code: string): string | null {
  return parse(code)?.value.slice(0, 6) ?? null;
}

/** The 9-digit township of a valid township or village code, or null. */
export function townshipOf(code: string): string | null {
  const p = parse(code);
  return p !== null && p.level !== 'COUNTY' ? p.value.slice(0, 9) : null;
}
