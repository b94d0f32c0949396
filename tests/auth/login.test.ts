// Login hardening over real HTTP and PostgreSQL: throttling by username and by
// client address with a retry-after, a burst that races the counter, and the
// same path and time for unknown, inactive and locked users as for known ones.
// Each test logs in from its own loopback address (127.0.0.x), so the address
// counts of one test do not reach into another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../kernel/password.ts';
import { ADDRESS_LIMIT, USERNAME_LIMIT, WINDOW_SECONDS } from '../../services/auth/throttle.ts';
import { sql, sqlOne } from '../support/sql.ts';
import { PASSWORD, startPlatform, type Platform, type Reply } from './support.ts';

// A cap for a busy shared machine (each test waits on answers, never on time): logins cost a scrypt each, Cube compiles per region.
const SLOW = { timeout: 180_000 };

let p: Platform;

beforeAll(async () => {
  p = await startPlatform();
});

afterAll(async () => {
  await p?.stop();
});

const code = (r: Reply) => r.body.errors?.[0]?.extensions?.code ?? (r.body.data?.login ? 'OK' : 'NONE');

function expectThrottled(r: Reply) {
  expect(code(r)).toBe('TOO_MANY_REQUESTS');
  expect(r.status).toBe(429);
  const retryAfter = r.body.errors[0].extensions.retryAfter;
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(r.headers['retry-after']).toBe(String(retryAfter));
  expect(r.body.data?.login ?? null).toBeNull();
}

describe('throttling', SLOW, () => {
  it(`by username: after ${USERNAME_LIMIT} failures even the right password waits, until the window ends`, async () => {
    const from = '127.0.0.11';
    for (let i = 0; i < USERNAME_LIMIT; i++) expect(code(await p.login('township3', `wrong-${i}`, from))).toBe('UNAUTHENTICATED');
    expectThrottled(await p.login('township3', PASSWORD, from));
    // The same name in other letters is the same name; another address does not help.
    expectThrottled(await p.login('TOWNSHIP3', PASSWORD, '127.0.0.12'));
    // Another user from the same address is not affected.
    expect(code(await p.login('township5', PASSWORD, from))).toBe('OK');
    // The window ends (moved back in the table instead of waiting 15 minutes): the right password works again.
    await sql(`update login_throttle set window_start = now() - make_interval(secs => $1) where key = 'u:township3'`, [WINDOW_SECONDS + 1]);
    expect(code(await p.login('township3', PASSWORD, from))).toBe('OK');
  });

  it('a successful login forgives the username its failures', async () => {
    const from = '127.0.0.13';
    for (let i = 0; i < USERNAME_LIMIT - 1; i++) expect(code(await p.login('township6', `wrong-${i}`, from))).toBe('UNAUTHENTICATED');
    expect(code(await p.login('township6', PASSWORD, from))).toBe('OK');
    for (let i = 0; i < USERNAME_LIMIT - 1; i++) expect(code(await p.login('township6', `wrong-again-${i}`, from))).toBe('UNAUTHENTICATED');
    const { attempts } = await sqlOne<{ attempts: number }>(`select attempts from login_throttle where key = 'u:township6'`);
    expect(attempts).toBe(USERNAME_LIMIT - 1);
  });

  it('a burst of parallel guesses gets exactly the limit of password checks', async () => {
    const from = '127.0.0.14';
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => p.login('township7', `burst-${i}`, from)));
    const codes = replies.map(code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(USERNAME_LIMIT);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(12 - USERNAME_LIMIT);
    for (const r of replies.filter((r) => code(r) === 'TOO_MANY_REQUESTS')) expectThrottled(r);
  });

  it(`by client address: after ${ADDRESS_LIMIT} failures with any usernames, the address waits`, async () => {
    const from = '127.0.0.20';
    const names = Array.from({ length: ADDRESS_LIMIT }, (_, i) => `nobody_${i}`);
    for (let i = 0; i < names.length; i += 6) {
      const replies = await Promise.all(names.slice(i, i + 6).map((n) => p.login(n, 'whatever-password', from)));
      for (const r of replies) expect(code(r)).toBe('UNAUTHENTICATED');
    }
    expectThrottled(await p.login('township8', PASSWORD, from));
    // The address's count is the one that refused: the user logs in from elsewhere.
    expect(code(await p.login('township8', PASSWORD, '127.0.0.21'))).toBe('OK');
    const { attempts } = await sqlOne<{ attempts: number }>(`select attempts from login_throttle where key = 'a:127.0.0.20'`);
    expect(attempts).toBe(ADDRESS_LIMIT + 1);
  });
});

describe('no user enumeration', SLOW, () => {
  it('unknown, inactive and locked users run the same statements and one scrypt each, like a wrong password', async () => {
    const inactive = `inactive_${Date.now().toString(36)}`;
    const { password_hash } = await sqlOne<{ password_hash: string }>(`select password_hash from app_user where username = 'township9'`);
    await sql(
      `insert into app_user (username, display_name, password_hash, role, region_code, active) values ($1, '停用用户', $2, 'TOWNSHIP_OFFICER', '341324', false)`,
      [inactive, password_hash],
    );
    const { username: locked } = await sqlOne<{ username: string }>(
      `select username from app_user where password_hash = '!' order by id limit 1`,
    );
    // One scrypt here, on an idle process: the floor a request with one scrypt cannot go below.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await verifyPassword('wrong', password_hash);
      times.push(performance.now() - started);
    }
    const scryptMs = Math.min(...times);

    const attempts = [
      ['known user, wrong password', 'township9', 'wrong-password'],
      ['unknown user', 'no_such_user_at_all', 'wrong-password'],
      ['inactive user, right password', inactive, PASSWORD],
      ['locked user (no password yet)', locked, PASSWORD],
    ] as const;
    const paths: string[][] = [];
    for (const [label, username, password] of attempts) {
      p.statements.splice(0);
      const started = performance.now();
      const r = await p.login(username, password, '127.0.0.30');
      const ms = performance.now() - started;
      expect(code(r), label).toBe('UNAUTHENTICATED');
      expect(r.body.errors[0].message, label).toBe('用户名或密码错误 (wrong username or password)');
      expect(ms, `${label}: ${ms.toFixed(1)} ms against one scrypt of ${scryptMs.toFixed(1)} ms`).toBeGreaterThanOrEqual(scryptMs * 0.5);
      paths.push(p.statements.map((s) => s.replace(/\s+/g, ' ')));
    }
    expect(paths[0]!.length).toBeGreaterThanOrEqual(2); // the throttle count and the user lookup
    for (const path of paths.slice(1)) expect(path).toEqual(paths[0]);
    await sql('delete from app_user where username = $1', [inactive]);
  });
});
