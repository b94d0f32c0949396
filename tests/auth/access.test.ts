// The region matrix: for every role, a user scoped to one township (or one of its
// villages) sees what is inside through every path, and nothing outside, not even
// counts; writers write only inside; statisticians read no personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, DEMO_PASSWORD, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';
import { hashPassword } from '../../kernel/password.ts';

const ROLES = ['COUNTY_ADMIN', 'TOWNSHIP_OFFICER', 'VILLAGE_CADRE', 'STATISTICIAN', 'DEPARTMENT_USER'] as const;
type Role = (typeof ROLES)[number];
const WRITERS = new Set<Role>(['COUNTY_ADMIN', 'TOWNSHIP_OFFICER', 'VILLAGE_CADRE']);

let api: TestApi;
let inside: { township: string; village: string; household: number; person: number };
let outside: { township: string; village: string; household: number; person: number };
const tokens = new Map<Role, string>();
const suffix = Date.now().toString(36);

async function pick(township: string) {
  return sqlOne<{ village: string; household: number; person: number }>(
    `select h.village_code as village, h.id as household, p.id as person from household h join person p on p.household_id = h.id
      where h.township_code = $1 order by h.id, p.id limit 1`,
    [township],
  );
}

beforeAll(async () => {
  api = await startApi();
  const [t1, t2] = await sql<{ code: string }>(`select code from township order by code limit 2`);
  inside = { township: t2!.code, ...(await pick(t2!.code)) };
  outside = { township: t1!.code, ...(await pick(t1!.code)) };
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const role of ROLES) {
    const region = role === 'VILLAGE_CADRE' ? inside.village : inside.township;
    await sql(
      `insert into app_user (username, display_name, password_hash, role, region_code, can_read_personal_data, department)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        `matrix_${role.toLowerCase()}_${suffix}`,
        `矩阵 ${role}`,
        hash,
        role,
        region,
        role !== 'STATISTICIAN',
        role === 'DEPARTMENT_USER' ? 'CIVIL_AFFAIRS' : null,
      ],
    );
    tokens.set(role, await api.token(`matrix_${role.toLowerCase()}_${suffix}`));
  }
});

afterAll(async () => {
  await api.close();
  await closeSql();
});

const scopeOf = (role: Role) => (role === 'VILLAGE_CADRE' ? inside.village : inside.township);
const column = (role: Role) => (role === 'VILLAGE_CADRE' ? 'village_code' : 'township_code');

describe.each(ROLES)('%s scoped to one region', (role) => {
  it('lists only in-scope households, with totalCount equal to SQL, and nothing for another region', async () => {
    const token = tokens.get(role)!;
    const all = await api.gql(`{ households(first: 100) { totalCount edges { node { villageCode } } } }`, {}, token);
    expect(all.errors).toBeUndefined();
    const { count } = await sqlOne<{ count: string }>(`select count(*) from household where ${column(role)} = $1`, [scopeOf(role)]);
    expect(all.data.households.totalCount).toBe(Number(count));
    for (const edge of all.data.households.edges) expect(edge.node.villageCode.startsWith(scopeOf(role))).toBe(true);

    const other = await api.gql(
      `query($r: String!) { households(first: 10, filter: { regionCode: $r }) { totalCount edges { node { id } } } }`,
      { r: outside.township },
      token,
    );
    expect(other.data.households).toEqual({ totalCount: 0, edges: [] });
  });

  it('resolves node(id) inside and returns null outside', async () => {
    const token = tokens.get(role)!;
    const query = `query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`;
    const result = await api.gql(query, { a: globalId('Household', inside.household), b: globalId('Household', outside.household) }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data.a).not.toBeNull();
    expect(result.data.b).toBeNull();
    const nodes = await api.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: [globalId('Village', inside.village), globalId('Village', outside.village)] },
      token,
    );
    expect(nodes.data.nodes[0]).not.toBeNull();
    expect(nodes.data.nodes[1]).toBeNull();
  });

  it('keeps nested relations inside the region', async () => {
    const token = tokens.get(role)!;
    const result = await api.gql(
      `query($t: ID!) { node(id: $t) { ... on Township { villages(first: 100) { totalCount edges { node { code households(first: 1) { totalCount } } } } } } }`,
      { t: globalId('Township', inside.township) },
      token,
    );
    expect(result.errors).toBeUndefined();
    const villages = result.data.node.villages;
    const { count } = await sqlOne<{ count: string }>(
      role === 'VILLAGE_CADRE' ? `select count(*) from village where code = $1` : `select count(*) from village where township_code = $1`,
      [scopeOf(role)],
    );
    expect(villages.totalCount).toBe(Number(count));
    for (const edge of villages.edges) expect(edge.node.code.startsWith(scopeOf(role))).toBe(true);
  });

  it('writes only inside its region, and only when its role writes', async () => {
    const token = tokens.get(role)!;
    const create = `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id } } }`;
    const outsideResult = await api.gql(
      create,
      { input: { villageCode: outside.village, householdNumber: `X${suffix}${role.length}`, address: '区域外', registered: false } },
      token,
    );
    expect(outsideResult.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const row = await sqlOne<{ version: number }>(`select version from household where id = $1`, [outside.household]);
    const update = await api.gql(
      `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { household { id } } }`,
      { input: { id: globalId('Household', outside.household), version: row.version, address: '篡改' } },
      token,
    );
    expect(update.errors?.[0]?.extensions?.code).toBe(WRITERS.has(role) ? 'NOT_FOUND' : 'FORBIDDEN');
    expect(await sqlOne(`select version from household where id = $1`, [outside.household])).toEqual(row);
  });

  it('masks personal data without the permission, audits every unmasked read, and keeps persons from statisticians', async () => {
    const token = tokens.get(role)!;
    const result = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Person { idNumber } } }`,
      { id: globalId('Person', inside.person) },
      token,
    );
    const real = await sqlOne<{ id_number: string }>(`select id_number from person where id = $1`, [inside.person]);
    const reads = await sql(
      `select 1 from audit_log a join app_user u on u.id = a.user_id
      where u.username = $1 and a.action = 'READ_PERSONAL_DATA' and a.entity_id = $2`,
      [`matrix_${role.toLowerCase()}_${suffix}`, String(inside.person)],
    );
    if (role === 'STATISTICIAN') {
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data)).not.toContain(real.id_number.slice(6, 14));
      expect(reads).toHaveLength(0);
    } else {
      expect(result.data.node.idNumber).toBe(real.id_number);
      expect(reads).toHaveLength(1);
    }
  });
});

describe('without the personal-data permission', () => {
  it('sees masked ID numbers and phones and writes no read audit', async () => {
    const token = await api.token('village1');
    const person = await sqlOne<{ id: number; id_number: string }>(
      `select p.id, p.id_number from person p join household h on h.id = p.household_id
        where h.village_code = (select region_code from app_user where username = 'village1') order by p.id limit 1`,
    );
    const result = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Person { idNumber } } }`,
      { id: globalId('Person', person.id) },
      token,
    );
    expect(result.data.node.idNumber).toBe(`${person.id_number.slice(0, 6)}********${person.id_number.slice(14)}`);
    const reads = await sql(
      `select 1 from audit_log a join app_user u on u.id = a.user_id where u.username = 'village1' and a.action = 'READ_PERSONAL_DATA'`,
    );
    expect(reads).toHaveLength(0);
  });
});

describe('anonymous callers', () => {
  it('can only log in', async () => {
    const result = await api.gql(`{ households(first: 1) { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const node = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId('Household', inside.household) });
    expect(node.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await api.gql(`mutation { login(username: "admin", password: "wrong") { token } }`);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await api.gql(`{ viewer { username } }`, {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.forged');
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('logs in and sees itself as viewer', async () => {
    const token = await api.token('township1');
    const result = await api.gql(`{ viewer { username role regionCode } }`, {}, token);
    expect(result.data.viewer).toEqual({ username: 'township1', role: 'TOWNSHIP_OFFICER', regionCode: '341324100' });
  });
});
