import { describe, it, expect } from 'vitest';
import { validateCreditCode, creditCodeCheckChar, makeCreditCode, type CreditAuthority } from '../../kernel/identifiers/index.ts';

// Deterministic PRNG (mulberry32) so the generated-code test is reproducible.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const failure = (v: string) => {
  const r = validateCreditCode(v);
  if (r.ok) throw new Error(`expected ${v} to be rejected`);
  return r;
};

describe('validateCreditCode', () => {
  it('accepts the GB 32100-2015 example and real public codes', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
      regionCode: '350100',
      authority: '9',
      orgType: '1',
      authorityName: '工商/市场监管',
    });
    // Published business-licence codes (华为技术有限公司, 深圳市腾讯计算机系统有限公司).
    for (const code of ['914403001922038216', '91440300708461136T']) {
      const r = validateCreditCode(code);
      expect(r.ok && r.regionCode).toBe('440300');
    }
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('normalizes lowercase and whitespace', () => {
    const r = validateCreditCode(' 91350100m000100y43 ');
    expect(r.ok && r.value).toBe('91350100M000100Y43');
  });

  it('rejects a wrong length', () => {
    const r = failure('91350100M000100Y4');
    expect(r.code).toBe('LENGTH');
    expect(r.reason).toContain('got 17');
  });

  it('rejects I, O, Z, S, V and other characters outside the alphabet', () => {
    for (const ch of ['I', 'O', 'Z', 'S', 'V', '-', '*']) {
      const r = failure(`91350100M00010${ch}Y43`);
      expect(r.code).toBe('CHARSET');
      expect(r.reason).toContain(ch);
    }
  });

  it('rejects a non-numeric division code segment', () => {
    const r = failure('9135A100M000100Y43');
    expect(r.code).toBe('REGION');
    expect(r.reason).toContain('35A100');
  });

  it('rejects a wrong organisation-code check char (position 17)', () => {
    const first17 = '91350100M000100Y5'; // org code M000100Y should end in 4
    const r = failure(first17 + creditCodeCheckChar(first17));
    expect(r.code).toBe('ORG_CODE');
    expect(r.reason).toContain('should be 4');
  });

  it('rejects a wrong final check char', () => {
    const r = failure('91350100M000100Y44');
    expect(r.code).toBe('CHECK_CHAR');
    expect(r.reason).toBe('统一社会信用代码校验位错误，应为 3 (check character should be 3, got 4)');
  });

  it('validates 10,000 generated codes and round-trips their parts', () => {
    const rand = mulberry32(32100);
    const kinds: [CreditAuthority, string][] = [
      ['9', '1'],
      ['9', '2'],
      ['9', '3'],
      ['5', '1'],
      ['1', '2'],
      ['N', '2'],
      ['Y', '1'],
    ];
    const regions = ['341324', '341300', '340000', '110105'];
    let sawX = false,
      sawZero = false;
    for (let i = 0; i < 10_000; i++) {
      const [authority, orgType] = kinds[Math.floor(rand() * kinds.length)]!;
      const regionCode6 = regions[Math.floor(rand() * regions.length)]!;
      const serial = Math.floor(rand() * 100_000_000);
      const code = makeCreditCode({ authority, orgType, regionCode6, serial });
      expect(makeCreditCode({ authority, orgType, regionCode6, serial })).toBe(code); // deterministic
      const r = validateCreditCode(code);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect([r.authority, r.orgType, r.regionCode]).toEqual([authority, orgType, regionCode6]);
      sawX ||= code[16] === 'X';
      sawZero ||= code[16] === '0';
      // Any single-character substitution in positions 1–17 is caught.
      const pos = Math.floor(rand() * 17);
      const repl = ALPHABET[(ALPHABET.indexOf(code[pos]!) + 1 + Math.floor(rand() * 30)) % 31]!;
      expect(validateCreditCode(code.slice(0, pos) + repl + code.slice(pos + 1)).ok).toBe(false);
    }
    expect(sawX && sawZero).toBe(true); // both special org-code check values were exercised
  });

  it('makeCreditCode rejects inputs that cannot form a valid code', () => {
    const base = { authority: '9', orgType: '1', regionCode6: '341324', serial: 1 } as const;
    expect(() => makeCreditCode({ ...base, regionCode6: '3413' })).toThrow(RangeError);
    expect(() => makeCreditCode({ ...base, orgType: 'I' })).toThrow(RangeError);
    expect(() => makeCreditCode({ ...base, serial: -1 })).toThrow(RangeError);
    expect(() => makeCreditCode({ ...base, serial: 100_000_000 })).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100YI')).toThrow(RangeError);
  });
});
