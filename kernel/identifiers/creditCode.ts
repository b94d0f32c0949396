// Unified social credit codes (统一社会信用代码), GB 32100-2015:
//   pos 1     registration authority (登记管理部门代码)
//   pos 2     organisation type within that authority (机构类别代码)
//   pos 3–8   administrative division code of the registering authority
//   pos 9–17  organisation code (组织机构代码, GB 11714-1997), itself ending in a check char
//   pos 18    check character, MOD 31 over positions 1–17
// Pure functions, no dependencies.

export type CreditCodeError = 'LENGTH' | 'CHARSET' | 'REGION' | 'ORG_CODE' | 'CHECK_CHAR';

export type CreditCodeResult =
  | {
      ok: true;
      value: string;
      regionCode: string;
      authority: string; // pos 1, e.g. '9'
      orgType: string; // pos 2, e.g. '1'
      authorityName: string | null; // e.g. '工商/市场监管'; null when not in AUTHORITIES
    }
  | { ok: false; reason: string; code: CreditCodeError };

// GB 32100-2015 alphabet: digits plus uppercase letters except I, O, Z, S, V
// (too easily confused with 1, 0, 2, 5, U). A char's value is its index here.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Weights for positions 1–17 are 3^(i) mod 31 (GB 32100-2015 §4.4).
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714-1997 organisation-code check: weights over the 8-char body.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Registration authorities (GB 32100-2015 Table 1, plus later additions such as N). */
export const AUTHORITIES: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '工商/市场监管',
  A: '中央军委改革和编制办公室',
  N: '农业农村（农村集体经济组织）',
  Y: '其他',
};
export type CreditAuthority = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'A' | 'N' | 'Y';

/** Final check char over the first 17 chars (throws if they are not 17 alphabet chars). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`creditCodeCheckChar needs 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const n = ALPHABET.indexOf(first17[i]!);
    if (n < 0) throw new RangeError(`"${first17[i]}" is not a credit-code character`);
    sum += n * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!; // 31 → 0
}

/** GB 11714 check char for an 8-char organisation-code body. */
function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    // GB 11714 values letters by their place in A–Z (A=10 … Z=35), not by
    // their index in the 31-char credit-code alphabet.
    const n = Number.parseInt(body8[i]!, 36);
    sum += n * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const fail = (code: CreditCodeError, reason: string): CreditCodeResult => ({ ok: false, code, reason });

/**
 * Validates a credit code; trims whitespace and uppercases, so `value` in the
 * result is the canonical form. Unknown authority codes are accepted (the
 * table keeps growing, and the check char already guards against typos);
 * `authorityName` is then null.
 */
export function validateCreditCode(value: string): CreditCodeResult {
  const v = String(value ?? '')
    .trim()
    .toUpperCase();
  if (v.length !== 18) {
    return fail('LENGTH', `统一社会信用代码应为 18 位，实际为 ${v.length} 位 (credit code must be 18 characters, got ${v.length})`);
  }
  const bad = [...v].filter((ch) => !ALPHABET.includes(ch));
  if (bad.length > 0) {
    const list = [...new Set(bad)].join(' ');
    return fail(
      'CHARSET',
      `统一社会信用代码含非法字符 ${list}（不使用 I、O、Z、S、V）(credit code contains invalid characters ${list}; I, O, Z, S, V are not used)`,
    );
  }
  const regionCode = v.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) {
    return fail(
      'REGION',
      `统一社会信用代码第 3–8 位须为 6 位行政区划代码 (credit code positions 3–8 must be a 6-digit division code, got ${regionCode})`,
    );
  }
  const orgExpected = orgCodeCheckChar(v.slice(8, 16));
  if (v[16] !== orgExpected) {
    return fail(
      'ORG_CODE',
      `统一社会信用代码中的组织机构代码校验位错误，第 17 位应为 ${orgExpected} (organisation code check char at position 17 should be ${orgExpected}, got ${v[16]})`,
    );
  }
  const expected = creditCodeCheckChar(v.slice(0, 17));
  if (v[17] !== expected) {
    return fail('CHECK_CHAR', `统一社会信用代码校验位错误，应为 ${expected} (check character should be ${expected}, got ${v[17]})`);
  }
  const authority = v[0]!;
  return { ok: true, value: v, regionCode, authority, orgType: v[1]!, authorityName: AUTHORITIES[authority] ?? null };
}

/**
 * Builds a valid credit code deterministically (for the data generator): the
 * organisation-code body is `serial` as 8 digits (0 – 99,999,999), followed
 * by its GB 11714 check char, then the final check char. Throws RangeError
 * on inputs that cannot form a valid code.
 */
export function makeCreditCode(args: { authority: CreditAuthority; orgType: string; regionCode6: string; serial: number }): string {
  const { authority, orgType, regionCode6, serial } = args;
  if (!ALPHABET.includes(authority) || authority.length !== 1) throw new RangeError(`invalid authority "${authority}"`);
  if (orgType.length !== 1 || !ALPHABET.includes(orgType)) throw new RangeError(`invalid organisation type "${orgType}"`);
  if (!/^\d{6}$/.test(regionCode6)) throw new RangeError(`region code must be 6 digits, got "${regionCode6}"`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 99_999_999) {
    throw new RangeError(`serial must be an integer 0–99999999, got ${serial}`);
  }
  const body = String(serial).padStart(8, '0');
  const first17 = authority + orgType + regionCode6 + body + orgCodeCheckChar(body);
  return first17 + creditCodeCheckChar(first17);
}
