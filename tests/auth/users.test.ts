// User administration over real HTTP against the real database: county admins
// only, inside their region; every validation rule; audit rows without the
// password hash; the new password works for login; stale versions change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';

let api: TestApi;
let admin: string;
let township: string;
let village: string;
const suffix = Date.now().toString(36);
const name = (n: string) => `u${n}_${suffix}`;
const PASSWORD = 'correct-horse-1';

const LIST = `query($filter: UserFilter, $orderBy: UserOrderBy, $after: String) { users(first: 100, after: $after, filter: $filter, orderBy: $orderBy) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id username displayName role regionCode department canReadPersonalData active createdAt version } } } }`;
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id username role regionCode department canReadPersonalData active version } } }`;
const UPDATE = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { user { id displayName role regionCode department canReadPersonalData active version } } }`;
const RESET = `mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { user { id version } } }`;

const base = () => ({
  username: name('x'),
  displayName: '测试用户',
  password: PASSWORD,
  role: 'TOWNSHIP_OFFICER',
  regionCode: township,
  canReadPersonalData: false,
});

async function create(overrides: Record<string, unknown>) {
  return api.gql(CREATE, { input: { ...base(), ...overrides } }, admin);
}
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const field = (r: { errors?: { extensions?: { field?: string } }[] }) => r.errors?.[0]?.extensions?.field;

beforeAll(async () => {
  api = await startApi();
  admin = await api.token('admin');
  const v = await sqlOne<{ code: string; township_code: string }>(`select code, township_code from village order by code limit 1`);
  township = v.township_code;
  village = v.code;
});

afterAll(async () => {
  await api?.close();
  await closeSql();
});

describe('users', () => {
  it('lists exactly the users of the admin region, as SQL does', async () => {
    const names: string[] = [];
    let after: string | null = null;
    let r: any;
    do {
      r = await api.gql(LIST, { orderBy: { field: 'username', direction: 'ASC' }, after }, admin);
      expect(r.errors).toBeUndefined();
      names.push(...r.data.users.edges.map((e: any) => e.node.username));
      after = r.data.users.pageInfo.hasNextPage ? r.data.users.pageInfo.endCursor : null;
    } while (after);
    const rows = await sql<{ username: string }>(
      `select username from app_user where region_code like (select region_code from app_user where username = 'admin') || '%' order by username, id`,
    );
    expect(r.data.users.totalCount).toBe(rows.length);
    expect(names).toEqual(rows.map((x) => x.username));
    expect(JSON.stringify(r.data)).not.toMatch(/scrypt\$/);
    const f = await api.gql(LIST, { filter: { role: 'TOWNSHIP_OFFICER', regionCode: township, active: true, search: 'township' } }, admin);
    const fRows = await sql(
      `select id from app_user where role = 'TOWNSHIP_OFFICER' and region_code like $1 || '%' and active and (username ilike '%township%' or display_name like '%township%')`,
      [township],
    );
    expect(f.data.users.totalCount).toBe(fRows.length);
  });

  it('is FORBIDDEN to everyone but county admins', async () => {
    for (const user of ['stats', 'township1', 'village1', 'dept1']) {
      const token = await api.token(user);
      const list = await api.gql(LIST, {}, token);
      expect(code(list), JSON.stringify(list.errors)).toBe('FORBIDDEN');
      expect(code(await api.gql(CREATE, { input: { ...base(), username: name('forbidden') } }, token))).toBe('FORBIDDEN');
    }
    expect(await sql(`select 1 from app_user where username = $1`, [name('forbidden')])).toEqual([]);
  });

  it('rejects invalid input naming the field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ username: 'ab' }, 'BAD_USER_INPUT', 'username'],
      [{ username: 'Upper_Case' }, 'BAD_USER_INPUT', 'username'],
      [{ username: `x${'a'.repeat(40)}` }, 'BAD_USER_INPUT', 'username'],
      [{ password: 'short' }, 'BAD_USER_INPUT', 'password'],
      [{ password: 'demo-password' }, 'BAD_USER_INPUT', 'password'],
      [{ regionCode: '34132' }, 'BAD_USER_INPUT', 'regionCode'],
      [{ regionCode: '341324999' }, 'BAD_USER_INPUT', 'regionCode'],
      [{ role: 'DEPARTMENT_USER' }, 'BAD_USER_INPUT', 'department'],
      [{ department: 'CIVIL_AFFAIRS' }, 'BAD_USER_INPUT', 'department'],
      [{ role: 'STATISTICIAN', canReadPersonalData: true }, 'BAD_USER_INPUT', 'canReadPersonalData'],
    ];
    for (const [input, expected, f] of cases) {
      const r = await create({ username: name('bad'), ...input });
      expect(code(r), JSON.stringify(input)).toBe(expected);
      expect(field(r) ?? r.errors?.[0]?.message, JSON.stringify(input)).toContain(f);
    }
    // A valid code of another county: outside the admin's region.
    expect(code(await create({ username: name('bad'), regionCode: '110101' }))).toMatch(/BAD_USER_INPUT|FORBIDDEN/);
    expect(await sql(`select 1 from app_user where username = $1`, [name('bad')])).toEqual([]);
    expect(code(await create({ username: 'admin' }))).toBe('CONFLICT');
  });

  it('creates, updates and resets with audit rows free of the hash; the new password logs in', async () => {
    const r = await create({ username: name('new'), role: 'DEPARTMENT_USER', department: 'CIVIL_AFFAIRS', regionCode: township });
    expect(r.errors).toBeUndefined();
    const user = r.data.createUser.user;
    expect(user).toMatchObject({ username: name('new'), department: 'CIVIL_AFFAIRS', active: true, version: 1 });
    const id = Number(Buffer.from(user.id, 'base64').toString().split(':')[1]);
    expect(user.id).toBe(globalId('User', id));
    expect(
      (await api.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: name('new'), p: PASSWORD }))
        .data?.login.token,
    ).toBeTruthy();

    const u = await api.gql(
      UPDATE,
      {
        input: {
          id: user.id,
          version: 1,
          role: 'VILLAGE_CADRE',
          department: null,
          regionCode: village,
          canReadPersonalData: true,
          displayName: '改名',
        },
      },
      admin,
    );
    expect(u.errors).toBeUndefined();
    expect(u.data.updateUser.user).toMatchObject({
      role: 'VILLAGE_CADRE',
      department: null,
      regionCode: village,
      canReadPersonalData: true,
      displayName: '改名',
      version: 2,
    });
    expect(code(await api.gql(UPDATE, { input: { id: user.id, version: 2, role: 'STATISTICIAN' } }, admin))).toBe('BAD_USER_INPUT');
    expect(code(await api.gql(UPDATE, { input: { id: user.id, version: 2, role: 'DEPARTMENT_USER' } }, admin))).toBe('BAD_USER_INPUT');

    const reset = await api.gql(RESET, { input: { id: user.id, version: 2, password: 'another-secret-2' } }, admin);
    expect(reset.errors).toBeUndefined();
    expect(reset.data.resetUserPassword.user.version).toBe(3);
    expect(code(await api.gql(RESET, { input: { id: user.id, version: 3, password: 'demo-password' } }, admin))).toBe('BAD_USER_INPUT');
    const login = (p: string) =>
      api.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: name('new'), p });
    expect((await login('another-secret-2')).data?.login.token).toBeTruthy();
    expect(code(await login(PASSWORD))).toBe('UNAUTHENTICATED');

    const audits = await sql<{ action: string; before: unknown; after: unknown }>(
      `select action, before, after from audit_log where entity = 'User' and entity_id = $1 and action <> 'LOGIN' order by id`,
      [String(id)],
    );
    expect(audits.map((a) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
    for (const a of audits) {
      const text = JSON.stringify(a);
      expect(text).not.toMatch(/passwordHash|password_hash|scrypt\$/);
    }
    expect(audits[0]!.after).toMatchObject({ username: name('new'), role: 'DEPARTMENT_USER' });

    const d = await api.gql(UPDATE, { input: { id: user.id, version: 3, active: false } }, admin);
    expect(d.data.updateUser.user.active).toBe(false);
    expect(code(await login('another-secret-2'))).toBe('UNAUTHENTICATED');
  });

  it('a stale version is a CONFLICT and changes nothing', async () => {
    const r = await create({ username: name('stale') });
    const user = r.data.createUser.user;
    const before = await sqlOne(`select * from app_user where username = $1`, [name('stale')]);
    expect(code(await api.gql(UPDATE, { input: { id: user.id, version: 7, displayName: '不应生效' } }, admin))).toBe('CONFLICT');
    expect(code(await api.gql(RESET, { input: { id: user.id, version: 7, password: 'never-applied-1' } }, admin))).toBe('CONFLICT');
    expect(await sqlOne(`select * from app_user where username = $1`, [name('stale')])).toEqual(before);
  });

  it('an admin cannot deactivate or demote themselves', async () => {
    const me = await sqlOne<{ id: number; version: number }>(`select id, version from app_user where username = 'admin'`);
    const id = globalId('User', me.id);
    for (const change of [{ active: false }, { role: 'TOWNSHIP_OFFICER' }]) {
      const r = await api.gql(UPDATE, { input: { id, version: me.version, ...change } }, admin);
      expect(code(r)).toBe('BAD_USER_INPUT');
      expect(field(r)).toBe(Object.keys(change)[0]);
    }
    expect(await sqlOne(`select id, version from app_user where username = 'admin'`)).toEqual(me);
  });
});
