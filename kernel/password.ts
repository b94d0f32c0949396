// Password hashing with scrypt (memory-hard, built into Node): the stored form
// is `scrypt$N$r$p$saltB64$hashB64`, N=16384, r=8, p=1, a 32-byte salt and a
// 32-byte key. The salt is random, except that the data generator passes one
// derived from the seed and the username so generated data stay deterministic.
// In the kernel because the data generator writes this format and login reads
// it; computation only (node:crypto), no I/O.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16_384;
const R = 8;
const P = 1;
const SALT_BYTES = 32;
const KEY_BYTES = 32;
/** Upper bounds for parameters read from a stored hash, so a crafted row cannot exhaust memory. */
const MAX_N = 2 ** 17;
const MAX_R = 16;
const MAX_P = 4;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** 128 · N · r · p bytes are needed; leave headroom above Node's 32 MiB default. */
const maxmem = (n: number, r: number, p: number) => 128 * n * r * p + 1024 * 1024;

/**
 * Hashes a password. `salt` (32 bytes) is for the data generator only; leave it
 * out everywhere else to get a fresh random salt.
 */
export async function hashPassword(password: string, salt?: Buffer): Promise<string> {
  const s = salt ?? randomBytes(SALT_BYTES);
  if (s.length !== SALT_BYTES) throw new RangeError(`salt must be ${SALT_BYTES} bytes, got ${s.length}`);
  const key = await scrypt(password, s, KEY_BYTES, { N, r: R, p: P, maxmem: maxmem(N, R, P) });
  return `scrypt$${N}$${R}$${P}$${s.toString('base64')}$${key.toString('base64')}`;
}

interface ParsedHash {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  expected: Buffer;
}

/** The parameters of a stored hash, or null when it is malformed or out of bounds (e.g. a locked account's '!'). */
function parseHash(stored: string): ParsedHash | null {
  const parts = String(stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [n, r, p] = parts.slice(1, 4).map((x) => (/^\d{1,7}$/.test(x!) ? Number(x) : NaN)) as [number, number, number];
  if (!(n >= 2 && n <= MAX_N && (n & (n - 1)) === 0) || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return null;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 16 || expected.length < 16 || expected.length > 64) return null;
  return { n, r, p, salt, expected };
}

async function matches(password: string, hash: ParsedHash): Promise<boolean> {
  const { n, r, p, salt, expected } = hash;
  const actual = await scrypt(password, salt, expected.length, { N: n, r, p, maxmem: maxmem(n, r, p) });
  return timingSafeEqual(actual, expected);
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parseHash(stored);
  return hash !== null && matches(password, hash);
}

let dummy: Promise<ParsedHash> | null = null;
/** A hash of a random password with the current parameters, made once per process. */
export function dummyHash(): Promise<ParsedHash> {
  dummy ??= hashPassword(randomBytes(24).toString('base64')).then((h) => parseHash(h)!);
  return dummy;
}

/**
 * Login's check: an unknown user (null) or an unusable stored hash costs one
 * scrypt against a dummy hash and fails, so the answer's timing does not tell
 * which usernames exist.
 */
export async function verifyPasswordOrDummy(password: string, stored: string | null): Promise<boolean> {
  const hash = stored === null ? null : parseHash(stored);
  if (hash) return matches(password, hash);
  await matches(password, await dummyHash());
  return false;
}
