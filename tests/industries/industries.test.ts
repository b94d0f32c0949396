import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';

let api: TestApi;
let admin: string;
const unique = `T${Date.now().toString(36).toUpperCase()}`;

beforeAll(async () => {
  api = await startApi();
  admin = await api.token('admin');
});
afterAll(async () => {
  await api.close();
  await closeSql();
});

const count = async (text: string, params: unknown[] = []) => Number((await sqlOne<{ n: string }>(text, params)).n);

const LIST = `query($first: Int!, $after: String, $filter: IndustryFilter, $orderBy: IndustryOrderBy) {
  industries(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id code name category version } }
  }
}`;

describe('industries connection', () => {
  it('lists the whole catalogue in code order, with totalCount equal to SQL, for every role', async () => {
    const all = await sql<{ code: string; name: string; category: string }>(
      `select code, name, category::text from industry order by code, id`,
    );
    for (const user of ['admin', 'stats', 'village1', 'dept1']) {
      const result = await api.gql(LIST, { first: 100 }, await api.token(user));
      expect(result.errors).toBeUndefined();
      expect(result.data.industries.totalCount).toBe(all.length);
      expect(result.data.industries.edges.map((e: any) => e.node.code)).toEqual(all.map((r) => r.code));
    }
  });

  it('filters by category and search, and orders by name descending, with cursors', async () => {
    const filter = { category: 'PLANTING' };
    const first = await api.gql(LIST, { first: 3, filter, orderBy: { field: 'name', direction: 'DESC' } }, admin);
    expect(first.errors).toBeUndefined();
    expect(first.data.industries.totalCount).toBe(await count(`select count(*) as n from industry where category = 'PLANTING'`));
    const second = await api.gql(
      LIST,
      { first: 3, after: first.data.industries.pageInfo.endCursor, filter, orderBy: { field: 'name', direction: 'DESC' } },
      admin,
    );
    const expected = await sql<{ code: string }>(
      `select code from industry where category = 'PLANTING' order by name desc, id desc limit 6`,
    );
    expect([...first.data.industries.edges, ...second.data.industries.edges].map((e: any) => e.node.code)).toEqual(
      expected.map((r) => r.code),
    );

    const search = await api.gql(LIST, { first: 50, filter: { search: '种植' } }, admin);
    expect(search.data.industries.totalCount).toBe(
      await count(`select count(*) as n from industry where name like '%种植%' or code like '种植%'`),
    );
  });

  it('answers an unknown category in variables with BAD_USER_INPUT', async () => {
    const result = await api.gql(LIST, { first: 5, filter: { category: 'MINING' } }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("lists an industry's business entities inside the viewer's region only, with totalCount equal to SQL", async () => {
    const industry = await sqlOne<{ id: number }>(
      `select i.id from industry i join business_entity_industry l on l.industry_id = i.id join business_entity e on e.id = l.entity_id
        where e.township_code = '341324100' group by i.id order by count(*) desc, i.id limit 1`,
    );
    const query = `query($id: ID!) { node(id: $id) { ... on Industry { name businessEntities(first: 100) { totalCount edges { node { name townshipCode } } } } } }`;
    for (const [user, where] of [
      ['admin', `true`],
      ['township1', `e.township_code = '341324100'`],
    ] as const) {
      const result = await api.gql(query, { id: globalId('Industry', industry.id) }, await api.token(user));
      expect(result.errors).toBeUndefined();
      const expected = await sql<{ name: string }>(
        `select e.name from business_entity e join business_entity_industry l on l.entity_id = e.id where l.industry_id = $1 and ${where} order by e.id`,
        [industry.id],
      );
      expect(result.data.node.businessEntities.totalCount).toBe(expected.length);
      expect(result.data.node.businessEntities.edges.map((e: any) => e.node.name)).toEqual(expected.slice(0, 100).map((r) => r.name));
      if (user === 'township1')
        expect(result.data.node.businessEntities.edges.every((e: any) => e.node.townshipCode === '341324100')).toBe(true);
    }
  });

  it('runs the same number of statements for 10 and for 28 industries with their entities', async () => {
    const query = `query($first: Int!) { industries(first: $first) { edges { node { name businessEntities(first: 3) { totalCount edges { node { name industries { code } } } } } } } }`;
    const measure = async (first: number) => {
      api.resetStatements();
      const result = await api.gql(query, { first }, admin);
      expect(result.errors).toBeUndefined();
      return api.statements.length;
    };
    const small = await measure(10);
    const large = await measure(100);
    expect(large).toBe(small);
  });
});

describe('industry mutations', () => {
  const CREATE = `mutation($input: CreateIndustryInput!) { createIndustry(input: $input) { industry { id code name category version } } }`;
  const UPDATE = `mutation($input: UpdateIndustryInput!) { updateIndustry(input: $input) { industry { code name category version } } }`;
  const DELETE = `mutation($input: DeleteIndustryInput!) { deleteIndustry(input: $input) { deletedId } }`;
  let created: { id: string; dbId: number };

  it('creates an industry as county admin and audits it', async () => {
    const result = await api.gql(CREATE, { input: { code: `${unique}a`, name: `测试产业${unique}`, category: 'E_COMMERCE' } }, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data.createIndustry.industry).toMatchObject({
      code: `${unique}A`,
      name: `测试产业${unique}`,
      category: 'E_COMMERCE',
      version: 1,
    });
    const row = await sqlOne<{ id: number; code: string; category: string }>(
      `select id, code, category::text from industry where code = $1`,
      [`${unique}A`],
    );
    created = { id: result.data.createIndustry.industry.id, dbId: row.id };
    expect(created.id).toBe(globalId('Industry', row.id));
    const audit = await sql<{ action: string; before: unknown; after: any }>(
      `select action, before, after from audit_log where entity = 'Industry' and entity_id = $1`,
      [String(row.id)],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', before: null, after: { code: `${unique}A`, category: 'E_COMMERCE' } });
  });

  it('refuses other roles with FORBIDDEN, bad codes with BAD_USER_INPUT, duplicates with CONFLICT', async () => {
    for (const user of ['township1', 'stats', 'village1']) {
      const result = await api.gql(
        CREATE,
        { input: { code: `${unique}X`, name: `越权${unique}`, category: 'OTHER' } },
        await api.token(user),
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const bad = await api.gql(CREATE, { input: { code: '1 bad code!', name: `坏代码${unique}`, category: 'OTHER' } }, admin);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badEnum = await api.gql(CREATE, { input: { code: `${unique}Y`, name: `坏类别${unique}`, category: 'MINING' } }, admin);
    expect(badEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const dup = await api.gql(CREATE, { input: { code: `${unique}A`, name: `另一个${unique}`, category: 'OTHER' } }, admin);
    expect(dup.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const dupName = await api.gql(CREATE, { input: { code: `${unique}B`, name: `测试产业${unique}`, category: 'OTHER' } }, admin);
    expect(dupName.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count(`select count(*) as n from industry where code like $1`, [`${unique}%`])).toBe(1);
  });

  it('updates with the current version, audits before and after, and refuses a stale version leaving the row unchanged', async () => {
    const ok = await api.gql(UPDATE, { input: { id: created.id, version: 1, name: `改名${unique}`, category: 'OTHER' } }, admin);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateIndustry.industry).toMatchObject({ name: `改名${unique}`, category: 'OTHER', version: 2 });
    const audit = await sqlOne<{ before: any; after: any }>(
      `select before, after from audit_log where entity = 'Industry' and entity_id = $1 and action = 'UPDATE'`,
      [String(created.dbId)],
    );
    expect(audit.before).toMatchObject({ name: `测试产业${unique}`, version: 1 });
    expect(audit.after).toMatchObject({ name: `改名${unique}`, version: 2 });

    const before = await sqlOne(`select * from industry where id = $1`, [created.dbId]);
    const stale = await api.gql(UPDATE, { input: { id: created.id, version: 1, name: `过期${unique}` } }, admin);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await sqlOne(`select * from industry where id = $1`, [created.dbId])).toEqual(before);

    const empty = await api.gql(UPDATE, { input: { id: created.id, version: 2, name: '' } }, admin);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses to delete an industry in use (CONFLICT) and deletes an unused one with an audit row', async () => {
    const used = await sqlOne<{ id: number; version: number }>(
      `select i.id, i.version from industry i where exists (select 1 from business_entity_industry l where l.industry_id = i.id) order by i.id limit 1`,
    );
    const refused = await api.gql(DELETE, { input: { id: globalId('Industry', used.id), version: used.version } }, admin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count(`select count(*) as n from industry where id = $1`, [used.id])).toBe(1);

    const stale = await api.gql(DELETE, { input: { id: created.id, version: 1 } }, admin);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const deleted = await api.gql(DELETE, { input: { id: created.id, version: 2 } }, admin);
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteIndustry.deletedId).toBe(created.id);
    expect(await count(`select count(*) as n from industry where id = $1`, [created.dbId])).toBe(0);
    const audit = await sqlOne<{ before: any; after: unknown }>(
      `select before, after from audit_log where entity = 'Industry' and entity_id = $1 and action = 'DELETE'`,
      [String(created.dbId)],
    );
    expect(audit).toMatchObject({ before: { code: `${unique}A` }, after: null });
    const gone = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: created.id }, admin);
    expect(gone.data.node).toBeNull();
  });
});
