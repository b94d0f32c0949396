// The console's authProvider against the real API: it renews the session with
// refreshSession when the token's end is near, ends the session (and says why)
// when the renewal is refused, and its logout ends the session on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthProvider, REFRESH_MARGIN_MS, tokenExpiry } from '../../admin/src/auth/authProvider.ts';
import { clearSession, getToken, sessionExpired } from '../../admin/src/auth/session.ts';
import { createGraphQLClient } from '../../admin/src/data/graphql.ts';
import { startApi, DEMO_PASSWORD, type TestApi } from '../support/api.ts';
import { sql, sqlOne } from '../support/sql.ts';

// A cap for a busy shared machine (each test waits on answers, never on time): logins cost a scrypt each, Cube compiles per region.
const SLOW = { timeout: 180_000 };

let api: TestApi;
let clock = 0;
let auth: ReturnType<typeof createAuthProvider>;

const sessionOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid as string;
const expiresAt = async (sid: string) =>
  (await sqlOne<{ expires_at: Date }>('select expires_at from user_session where id = $1', [sid])).expires_at.getTime();
/** The clock a few minutes before the stored token's end: inside the renewal margin. */
const nearTheEnd = () => (clock = tokenExpiry(getToken()!)! * 1000 - REFRESH_MARGIN_MS / 2);

beforeAll(async () => {
  api = await startApi();
  const request = createGraphQLClient({ url: api.url, getToken });
  auth = createAuthProvider(request, { now: () => clock || Date.now(), timer: false });
});

afterAll(async () => {
  clearSession();
  await api?.close();
});

describe('console session', SLOW, () => {
  it('renews the session when the token is near its end, and not before', async () => {
    clock = 0;
    await auth.login({ username: 'stats', password: DEMO_PASSWORD });
    const sid = sessionOf(getToken()!);
    const first = await expiresAt(sid);
    await auth.checkAuth({});
    expect(await expiresAt(sid)).toBe(first);
    // Let the server's clock pass the first expiry's millisecond, so a renewal is visible.
    await sql(`select pg_sleep(0.01)`);
    nearTheEnd();
    await auth.checkAuth({});
    expect(await expiresAt(sid)).toBeGreaterThan(first);
    expect(sessionOf(getToken()!)).toBe(sid);
    expect(tokenExpiry(getToken()!)).toBe(Math.floor((await expiresAt(sid)) / 1000));
  });

  it('ends the session with a reason when the renewal is refused', async () => {
    clock = 0;
    await auth.login({ username: 'stats', password: DEMO_PASSWORD });
    await sql('update user_session set revoked_at = now() where id = $1', [sessionOf(getToken()!)]);
    nearTheEnd();
    await expect(auth.checkAuth({})).rejects.toEqual({ message: 'app.auth.expired' });
    expect(getToken()).toBeNull();
    expect(sessionExpired()).toBe(true);
  });

  it('logout ends the session on the server', async () => {
    clock = 0;
    await auth.login({ username: 'stats', password: DEMO_PASSWORD });
    const sid = sessionOf(getToken()!);
    await auth.logout({});
    expect(getToken()).toBeNull();
    const { revoked_at } = await sqlOne<{ revoked_at: Date | null }>('select revoked_at from user_session where id = $1', [sid]);
    expect(revoked_at).toBeInstanceOf(Date);
  });

  it('says when login attempts are throttled', async () => {
    clock = 0;
    const refusals: string[] = [];
    for (let i = 0; i < 6; i++) {
      refusals.push(
        await auth.login({ username: 'township10', password: `wrong-${i}` }).then(
          () => 'OK',
          (e: Error) => e.message,
        ),
      );
    }
    expect(refusals).toEqual([...Array(5).fill('app.auth.wrong_password'), 'app.auth.too_many_attempts']);
  });
});
