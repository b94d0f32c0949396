// Sessions that can be ended: a token is refused on GraphQL, Cube and the
// upload route as soon as its user is deactivated, demoted, moved to another
// region, loses a permission or has the password reset, and when its session
// is logged out; tokens always expire, and refreshSession keeps a signed-in
// user going up to the session's longest life.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_JWT_SECRET } from '../../services/platform/config.ts';
import { SESSION_MAX_SECONDS, TOKEN_TTL_SECONDS } from '../../services/auth/token.ts';
import { sql, sqlOne } from '../support/sql.ts';
import { tokenForNewUser } from '../support/tokens.ts';
import { ACCEPTED, REFUSED, startPlatform, type Platform } from './support.ts';

// A cap for a busy shared machine (each test waits on answers, never on time): logins cost a scrypt each, Cube compiles per region.
const SLOW = { timeout: 180_000 };

let p: Platform;
let admin: string;
let townships: string[];
let made = 0;

const USER_FIELDS = 'id version role regionCode canReadPersonalData active';
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { ${USER_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { user { ${USER_FIELDS} } } }`;
const RESET = `mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { user { ${USER_FIELDS} } } }`;
const NEW_PASSWORD = 'a-new-long-password-1';

beforeAll(async () => {
  p = await startPlatform();
  admin = await p.token('admin');
  townships = (await sql<{ code: string }>('select code from township order by code limit 2')).map((t) => t.code);
  // Cube compiles its model once per region on first use (seconds, a minute on a busy machine):
  // done here for the two townships the tests use, so each test measures only its own requests.
  for (const regionCode of townships) {
    const token = await tokenForNewUser(p.prisma, { role: 'TOWNSHIP_OFFICER', regionCode });
    expect((await p.request('GET', '/cubejs-api/v1/meta', { headers: { authorization: token } })).status).toBe(200);
  }
});

afterAll(async () => {
  await p?.stop();
});

/** A user made through the API (so the users mutations are what change it later), and its token. */
async function freshUser(overrides: Record<string, unknown> = {}) {
  const username = `sess_${Date.now().toString(36)}_${++made}`;
  const input = {
    username,
    displayName: '会话测试',
    password: 'initial-password-1',
    role: 'TOWNSHIP_OFFICER',
    regionCode: townships[0],
    canReadPersonalData: true,
    ...overrides,
  };
  const created = await p.gql(CREATE, { input }, admin);
  expect(created.body.errors).toBeUndefined();
  const user = created.body.data.createUser.user;
  return { user, username, token: await p.token(username, 'initial-password-1') };
}

async function update(user: { id: string; version: number }, changes: Record<string, unknown>) {
  const r = await p.gql(UPDATE, { input: { id: user.id, version: user.version, ...changes } }, admin);
  expect(r.body.errors).toBeUndefined();
  return r.body.data.updateUser.user;
}

describe('an old token is refused everywhere after the user changes', SLOW, () => {
  it.each([
    ['deactivation', { active: false }],
    ['demotion (role change)', { role: 'VILLAGE_CADRE' }],
    ['region change', { regionCode: 'SECOND_TOWNSHIP' }],
    ['losing the personal-data permission', { canReadPersonalData: false }],
  ])('%s', async (_name, raw) => {
    const { user, username, token } = await freshUser();
    expect(await p.access(token)).toEqual(ACCEPTED);
    const changes = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === 'SECOND_TOWNSHIP' ? townships[1] : v]));
    const changed = await update(user, changes);
    expect(await p.access(token)).toEqual(REFUSED);
    const answer = await p.gql('{ viewer { username } }', {}, token);
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'revoked' });
    // Logging in again gives a token with the user as it is now (or no token at all).
    const again = await p.login(username, 'initial-password-1');
    if (changes.active === false) {
      expect(again.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    } else {
      expect(again.body.data.login.user).toMatchObject({
        role: changed.role,
        regionCode: changed.regionCode,
        canReadPersonalData: changed.canReadPersonalData,
      });
      expect(await p.access(again.body.data.login.token)).toEqual(ACCEPTED);
    }
  });

  it('password reset', async () => {
    const { user, username, token } = await freshUser();
    expect(await p.access(token)).toEqual(ACCEPTED);
    const reset = await p.gql(RESET, { input: { id: user.id, version: user.version, password: NEW_PASSWORD } }, admin);
    expect(reset.body.errors).toBeUndefined();
    expect(await p.access(token)).toEqual(REFUSED);
    expect((await p.login(username, 'initial-password-1')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await p.access(await p.token(username, NEW_PASSWORD))).toEqual(ACCEPTED);
  });

  it('a change that touches no right (the display name) keeps the token', async () => {
    const { user, token } = await freshUser();
    await update(user, { displayName: '改名不影响登录' });
    expect(await p.access(token)).toEqual(ACCEPTED);
  });

  it('the security stamp moves in the same transaction as the change, also for SQL outside the API', async () => {
    const { user, username, token } = await freshUser();
    const id = Number(Buffer.from(user.id, 'base64').toString().split(':')[1]);
    const before = await sqlOne<{ security_stamp: number }>('select security_stamp from app_user where id = $1', [id]);
    await sql('update app_user set region_code = $1 where id = $2', [townships[1], id]);
    const after = await sqlOne<{ security_stamp: number }>('select security_stamp from app_user where id = $1', [id]);
    expect(after.security_stamp).toBe(before.security_stamp + 1);
    expect(await p.access(token)).toEqual(REFUSED);
    expect((await p.login(username, 'initial-password-1')).body.data.login.user.regionCode).toBe(townships[1]);
  });
});

describe('logout and refresh', SLOW, () => {
  it('logout ends that session on the server, and only that one', async () => {
    const first = await p.token('township1');
    const second = await p.token('township1');
    const out = await p.gql('mutation { logout }', {}, first);
    expect(out.body).toEqual({ data: { logout: true } });
    expect(await p.access(first)).toEqual(REFUSED);
    expect(await p.access(second)).toEqual(ACCEPTED);
    const { revoked_at } = await sqlOne<{ revoked_at: Date | null }>(
      `select revoked_at from user_session where user_id = (select id from app_user where username = 'township1') and revoked_at is not null order by revoked_at desc limit 1`,
    );
    expect(revoked_at).toBeInstanceOf(Date);
  });

  it('logout and refreshSession need a live session', async () => {
    expect((await p.gql('mutation { logout }')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await p.gql('mutation { refreshSession { token } }')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refreshSession extends the session and its token; logout ends both tokens', async () => {
    const login = (await p.login('stats')).body.data.login;
    expect(new Date(login.expiresAt).getTime()).toBeGreaterThan(Date.now() + (TOKEN_TTL_SECONDS - 120) * 1000);
    const sid = JSON.parse(Buffer.from(login.token.split('.')[1], 'base64url').toString()).sid;
    // The session as if opened twenty minutes ago: forty minutes of life left.
    await sql(
      `update user_session set created_at = created_at - interval '20 minutes', expires_at = expires_at - interval '20 minutes' where id = $1`,
      [sid],
    );
    const refreshed = await p.gql('mutation { refreshSession { token expiresAt user { username role } } }', {}, login.token);
    expect(refreshed.body.errors).toBeUndefined();
    const next = refreshed.body.data.refreshSession;
    expect(next.user).toEqual({ username: 'stats', role: 'STATISTICIAN' });
    const { expires_at } = await sqlOne<{ expires_at: Date }>('select expires_at from user_session where id = $1', [sid]);
    expect(expires_at.getTime()).toBe(new Date(next.expiresAt).getTime());
    expect(expires_at.getTime()).toBeGreaterThan(Date.now() + (TOKEN_TTL_SECONDS - 120) * 1000);
    const exp = JSON.parse(Buffer.from(next.token.split('.')[1], 'base64url').toString()).exp;
    expect(exp).toBe(Math.floor(expires_at.getTime() / 1000));
    expect(await p.access(next.token)).toEqual(ACCEPTED);
    await p.gql('mutation { logout }', {}, next.token);
    expect(await p.access(login.token)).toEqual(REFUSED);
    expect(await p.access(next.token)).toEqual(REFUSED);
  });

  it('a session is never extended past its longest life', async () => {
    const login = (await p.login('stats')).body.data.login;
    const sid = JSON.parse(Buffer.from(login.token.split('.')[1], 'base64url').toString()).sid;
    // A session opened almost SESSION_MAX_SECONDS ago: ten minutes of life left.
    await sql(`update user_session set created_at = now() - make_interval(secs => $1) where id = $2`, [SESSION_MAX_SECONDS - 600, sid]);
    const refreshed = (await p.gql('mutation { refreshSession { expiresAt } }', {}, login.token)).body.data.refreshSession;
    const { limit } = await sqlOne<{ limit: Date }>(
      `select created_at + make_interval(secs => $1) as limit from user_session where id = $2`,
      [SESSION_MAX_SECONDS, sid],
    );
    expect(new Date(refreshed.expiresAt).getTime()).toBe(limit.getTime());
  });
});

describe('tokens always expire', SLOW, () => {
  /** A token with the claims of a live session but a chosen expiry (or none). */
  async function forge(exp: number | null) {
    const login = (await p.login('dept1')).body.data.login;
    const claims = JSON.parse(Buffer.from(login.token.split('.')[1], 'base64url').toString());
    let jwt = new SignJWT({ sid: claims.sid, stamp: claims.stamp })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuedAt();
    if (exp !== null) jwt = jwt.setExpirationTime(exp);
    return { token: await jwt.sign(new TextEncoder().encode(DEV_JWT_SECRET)), sid: claims.sid as string };
  }

  it('refuses a token without exp on every path, in development too', async () => {
    const { token } = await forge(null);
    expect(await p.access(token)).toEqual(REFUSED);
    expect((await p.gql('{ viewer { username } }', {}, token)).body.errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'invalid',
    });
  });

  it('refuses an expired token on every path', async () => {
    const { token } = await forge(Math.floor(Date.now() / 1000) - 5);
    expect(await p.access(token)).toEqual(REFUSED);
    expect((await p.gql('{ viewer { username } }', {}, token)).body.errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'expired',
    });
  });

  it('refuses a token whose session expired on the server, whatever its exp says', async () => {
    const { token, sid } = await forge(Math.floor(Date.now() / 1000) + 3600);
    expect(await p.access(token)).toEqual(ACCEPTED);
    await sql(`update user_session set expires_at = now() - interval '1 second' where id = $1`, [sid]);
    expect(await p.access(token)).toEqual(REFUSED);
  });

  it('a token names its session only: claims of role or region in it change nothing', async () => {
    const login = (await p.login('village1')).body.data.login;
    const claims = JSON.parse(Buffer.from(login.token.split('.')[1], 'base64url').toString());
    const token = await new SignJWT({ ...claims, role: 'COUNTY_ADMIN', regionCode: '341324', personalData: true })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    const viewer = (await p.gql('{ viewer { role regionCode canReadPersonalData } }', {}, token)).body.data.viewer;
    expect(viewer).toEqual({ role: 'VILLAGE_CADRE', regionCode: login.user.regionCode, canReadPersonalData: false });
  });

  it('the session lookup is one SQL statement per request', async () => {
    const token = await p.token('admin');
    p.statements.splice(0);
    const r = await p.gql('{ viewer { username } }', {}, token);
    expect(r.body.data.viewer.username).toBe('admin');
    const lookups = p.statements.filter((s) => /"user_session"/.test(s));
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toMatch(/FROM "public"\."app_user".*EXISTS/s);
  });
});
