import { describe, it, expect } from 'vitest';
import { validateResidentId, residentIdCheckChar, makeResidentId, maskResidentId, maskPhone } from '../../kernel/identifiers/index.ts';

// Deterministic PRNG (mulberry32) so the generated-ID test is reproducible.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TODAY = new Date('2024-06-15T00:00:00Z');
const failure = (v: string, today = TODAY) => {
  const r = validateResidentId(v, { today });
  if (r.ok) throw new Error(`expected ${v} to be rejected`);
  return r;
};

describe('validateResidentId', () => {
  it('accepts the GB 11643-1999 example 11010519491231002X', () => {
    expect(validateResidentId('11010519491231002X', { today: TODAY })).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'FEMALE',
      regionCode: '110105',
    });
  });

  it("computes the standard examples' check characters", () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    // The standard's other example, 440524188001010014, has a valid check digit
    // but a pre-1900 birth date, which this platform rejects.
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    const r = failure('440524188001010014');
    expect(r.code).toBe('BIRTH_DATE');
    expect(r.reason).toContain('1900');
    expect(() => residentIdCheckChar('1234')).toThrow(RangeError);
  });

  it('normalizes a lowercase x and surrounding whitespace', () => {
    const r = validateResidentId(' 11010519491231002x ', { today: TODAY });
    expect(r.ok && r.value).toBe('11010519491231002X');
  });

  it('reads gender from the 17th digit', () => {
    const male = makeResidentId('341324', '1980-05-06', 13);
    const r = validateResidentId(male, { today: TODAY });
    expect(r.ok && r.gender).toBe('MALE');
  });

  it('rejects a wrong length', () => {
    for (const v of ['', '1101051949123100', '11010519491231002X1']) {
      const r = failure(v);
      expect(r.code).toBe('LENGTH');
      expect(r.reason).toContain('18');
      expect(r.reason).toContain(`got ${v.length}`);
    }
  });

  it('rejects letters among the digits', () => {
    for (const v of ['1101051949123100AX', '11010519491231002Y', '11O10519491231002X', '１１０１０５１９４９１２３１００２Ｘ']) {
      const r = failure(v);
      expect(r.code).toBe('FORMAT');
      expect(r.reason).toMatch(/digit/);
    }
  });

  it('rejects an impossible birth date', () => {
    // 1999-02-30 with a correct check digit, so only the date is wrong.
    const first17 = '34132419990230001';
    const r = failure(first17 + residentIdCheckChar(first17));
    expect(r.code).toBe('BIRTH_DATE');
    expect(r.reason).toContain('19990230');
    expect(r.reason).toContain('does not exist');
    for (const ymd of ['19991301', '19990001', '19990100', '19000229', '20230229']) {
      expect(failure(`341324${ymd}0011`).code).toBe('BIRTH_DATE');
    }
    // 2000 and 2024 are leap years.
    expect(validateResidentId(makeResidentId('341324', '20000229', 1), { today: TODAY }).ok).toBe(true);
    expect(validateResidentId(makeResidentId('341324', '20240229', 1), { today: TODAY }).ok).toBe(true);
  });

  it('rejects a future birth date relative to `today`', () => {
    const id = makeResidentId('341324', '2024-06-16', 21);
    const r = failure(id);
    expect(r.code).toBe('BIRTH_DATE');
    expect(r.reason).toContain('future');
    expect(validateResidentId(makeResidentId('341324', '2024-06-15', 21), { today: TODAY }).ok).toBe(true);
    expect(validateResidentId(id, { today: new Date('2024-06-16T00:00:00Z') }).ok).toBe(true);
    // `today` is read in China time: 2024-06-15T16:30Z is already 06-16 in Beijing.
    expect(validateResidentId(id, { today: new Date('2024-06-15T16:30:00Z') }).ok).toBe(true);
  });

  it('rejects a wrong check digit and names the right one', () => {
    const r = failure('110105194912310021');
    expect(r.code).toBe('CHECK_DIGIT');
    expect(r.reason).toBe('身份证号校验位错误，应为 X (check digit should be X, got 1)');
  });

  it('validates 10,000 generated IDs and round-trips birth date, gender and region', () => {
    const rand = mulberry32(341324);
    const regions = ['341324', '110105', '440305', '650102'];
    const start = Date.UTC(1900, 0, 1);
    const span = TODAY.getTime() - start;
    for (let i = 0; i < 10_000; i++) {
      const region = regions[Math.floor(rand() * regions.length)]!;
      const birth = new Date(start + Math.floor((rand() * span) / 86_400_000) * 86_400_000);
      const seq = Math.floor(rand() * 1000);
      const asString = rand() < 0.5;
      const iso = birth.toISOString().slice(0, 10);
      const id = makeResidentId(region, asString ? iso : birth, seq);
      const r = validateResidentId(id, { today: TODAY });
      expect(r).toEqual({ ok: true, value: id, birthDate: iso, gender: seq % 2 === 1 ? 'MALE' : 'FEMALE', regionCode: region });
      // Any single-digit change among the first 17 is caught (MOD 11-2 property).
      const pos = Math.floor(rand() * 17);
      const d = (Number(id[pos]) + 1 + Math.floor(rand() * 9)) % 10;
      const mutated = id.slice(0, pos) + d + id.slice(pos + 1);
      expect(validateResidentId(mutated, { today: TODAY }).ok).toBe(false);
    }
  });

  it('makeResidentId rejects inputs that cannot form a valid ID', () => {
    expect(() => makeResidentId('34132', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => makeResidentId('341324', '1990-02-30', 1)).toThrow(RangeError);
    expect(() => makeResidentId('341324', '1899-12-31', 1)).toThrow(RangeError);
    expect(() => makeResidentId('341324', new Date(NaN), 1)).toThrow(RangeError);
    expect(() => makeResidentId('341324', '1990-01-01', 1000)).toThrow(RangeError);
    expect(() => makeResidentId('341324', '1990-01-01', 1.5)).toThrow(RangeError);
    expect(makeResidentId('341324', '19900101', 7)).toBe(makeResidentId('341324', '1990-01-01', 7));
  });
});

describe('masking', () => {
  it('masks resident IDs keeping the first 6 and last 4', () => {
    expect(maskResidentId('34132419900101123X')).toBe('341324********123X');
    expect(maskResidentId('34132419900101123x')).toBe('341324********123X');
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
    expect(maskResidentId('12345')).toBe('*****'); // too short: nothing revealed
  });

  it('masks phone numbers keeping the first 3 and last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('123456')).toBe('******');
  });
});
