import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';
import { makeCreditCode, maskPhone } from '../../kernel/identifiers/index.ts';

let api: TestApi;
let admin: string;
const unique = `T${Date.now().toString(36).toUpperCase()}`;
const serialBase = 90_000_000 + (Date.now() % 9_000_000);
const creditCode = (n: number) => makeCreditCode({ authority: '9', orgType: '3', regionCode6: '341324', serial: serialBase + n });

beforeAll(async () => {
  api = await startApi();
  admin = await api.token('admin');
});
afterAll(async () => {
  await api.close();
  await closeSql();
});

const count = async (text: string, params: unknown[] = []) => Number((await sqlOne<{ n: string }>(text, params)).n);

const LIST = `query($first: Int!, $after: String, $filter: BusinessEntityFilter, $orderBy: BusinessEntityOrderBy) {
  businessEntities(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind name creditCode townshipCode villageCode registeredCapital establishedAt township { name } industries { code } } }
  }
}`;

describe('business entity connections', () => {
  it('filters by region and kind, with totalCount and page contents equal to SQL', async () => {
    const filter = { regionCode: '341324100', kind: 'COOPERATIVE' };
    const result = await api.gql(LIST, { first: 20, filter }, admin);
    expect(result.errors).toBeUndefined();
    const where = `township_code = '341324100' and kind = 'COOPERATIVE'`;
    expect(result.data.businessEntities.totalCount).toBe(await count(`select count(*) as n from business_entity where ${where}`));
    const expected = await sql<{ name: string; credit_code: string; registered_capital: string; established_at: string }>(
      `select name, credit_code, registered_capital::text, to_char(established_at, 'YYYY-MM-DD') as established_at
         from business_entity where ${where} order by id limit 20`,
    );
    expect(result.data.businessEntities.edges.map((e: any) => e.node.name)).toEqual(expected.map((r) => r.name));
    expect(result.data.businessEntities.edges.map((e: any) => [e.node.creditCode, e.node.registeredCapital, e.node.establishedAt])).toEqual(
      expected.map((r) => [r.credit_code, r.registered_capital, r.established_at]),
    );
    const townshipName = await sqlOne<{ name: string }>(`select name from township where code = '341324100'`);
    expect(result.data.businessEntities.edges.every((e: any) => e.node.township.name === townshipName.name)).toBe(true);
  });

  it('filters by industry code and by search (name or credit code prefix), paging by registered capital', async () => {
    const industry = await sqlOne<{ code: string }>(`select code from industry order by id limit 1`);
    const byIndustry = await api.gql(LIST, { first: 5, filter: { industryCode: industry.code } }, admin);
    expect(byIndustry.data.businessEntities.totalCount).toBe(
      await count(
        `select count(*) as n from business_entity e where exists (select 1 from business_entity_industry l join industry i on i.id = l.industry_id where l.entity_id = e.id and i.code = $1)`,
        [industry.code],
      ),
    );
    expect(byIndustry.data.businessEntities.edges.every((e: any) => e.node.industries.some((i: any) => i.code === industry.code))).toBe(
      true,
    );

    const entity = await sqlOne<{ credit_code: string }>(`select credit_code from business_entity order by id limit 1 offset 7`);
    const byCode = await api.gql(LIST, { first: 5, filter: { search: entity.credit_code.slice(0, 14).toLowerCase() } }, admin);
    expect(byCode.data.businessEntities.totalCount).toBe(
      await count(`select count(*) as n from business_entity where credit_code like $1 || '%' or name like '%' || $1 || '%'`, [
        entity.credit_code.slice(0, 14),
      ]),
    );

    const orderBy = { field: 'registeredCapital', direction: 'DESC' };
    const page1 = await api.gql(LIST, { first: 10, filter: { kind: 'FAMILY_FARM' }, orderBy }, admin);
    const page2 = await api.gql(
      LIST,
      { first: 10, after: page1.data.businessEntities.pageInfo.endCursor, filter: { kind: 'FAMILY_FARM' }, orderBy },
      admin,
    );
    const expected = await sql<{ name: string }>(
      `select name from business_entity where kind = 'FAMILY_FARM' order by registered_capital desc, id desc limit 20`,
    );
    expect([...page1.data.businessEntities.edges, ...page2.data.businessEntities.edges].map((e: any) => e.node.name)).toEqual(
      expected.map((r) => r.name),
    );
  });

  it('lists cooperatives and enterprises by kind, and a village cadre sees only their village', async () => {
    const q = `query($f: BusinessEntityOfKindFilter) { cooperatives(first: 100, filter: $f) { totalCount edges { node { kind villageCode } } }
      enterprises(first: 100, filter: $f) { totalCount edges { node { kind } } } }`;
    const all = await api.gql(q, {}, admin);
    expect(all.errors).toBeUndefined();
    expect(all.data.cooperatives.totalCount).toBe(await count(`select count(*) as n from business_entity where kind = 'COOPERATIVE'`));
    expect(all.data.enterprises.totalCount).toBe(
      await count(`select count(*) as n from business_entity where kind = 'LEADING_ENTERPRISE'`),
    );
    expect(all.data.cooperatives.edges.every((e: any) => e.node.kind === 'COOPERATIVE')).toBe(true);
    expect(all.data.enterprises.edges.every((e: any) => e.node.kind === 'LEADING_ENTERPRISE')).toBe(true);

    const village = await sqlOne<{ region_code: string }>(`select region_code from app_user where username = 'village1'`);
    const mine = await api.gql(
      `{ businessEntities(first: 100) { totalCount edges { node { villageCode } } } }`,
      {},
      await api.token('village1'),
    );
    expect(mine.data.businessEntities.totalCount).toBe(
      await count(`select count(*) as n from business_entity where village_code = $1`, [village.region_code]),
    );
    expect(mine.data.businessEntities.edges.every((e: any) => e.node.villageCode === village.region_code)).toBe(true);
    // Asking for a region outside one's own returns nothing (not an error).
    const other = await api.gql(
      `{ businessEntities(first: 5, filter: { regionCode: "341324101" }) { totalCount } }`,
      {},
      await api.token('township1'),
    );
    expect(other.data.businessEntities.totalCount).toBe(0);
  });

  it('masks the phone for viewers without personal-data permission', async () => {
    const row = await sqlOne<{ id: number; phone: string }>(
      `select id, phone from business_entity where phone is not null order by id limit 1`,
    );
    const q = `query($id: ID!) { node(id: $id) { ... on BusinessEntity { phone } } }`;
    const full = await api.gql(q, { id: globalId('BusinessEntity', row.id) }, admin);
    expect(full.data.node.phone).toBe(row.phone);
    const masked = await api.gql(q, { id: globalId('BusinessEntity', row.id) }, await api.token('stats'));
    expect(masked.data.node.phone).toBe(maskPhone(row.phone));
  });

  it('returns null for an entity outside the viewer region', async () => {
    const outside = await sqlOne<{ id: number }>(`select id from business_entity where township_code <> '341324100' order by id limit 1`);
    const q = `query($id: ID!) { node(id: $id) { ... on BusinessEntity { name } } }`;
    const township = await api.gql(q, { id: globalId('BusinessEntity', outside.id) }, await api.token('township1'));
    expect(township.errors).toBeUndefined();
    expect(township.data.node).toBeNull();
    const county = await api.gql(q, { id: globalId('BusinessEntity', outside.id) }, admin);
    expect(county.data.node).not.toBeNull();
  });

  it('answers an unknown kind in variables with BAD_USER_INPUT', async () => {
    const result = await api.gql(LIST, { first: 5, filter: { kind: 'BANK' } }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('runs the same number of SQL statements for 10 and for 100 cooperatives with nested contracts', async () => {
    const query = `query($first: Int!) { cooperatives(first: $first) { edges { node { name industries { name }
      benefitLinkageContracts(first: 5) { edges { node { household { householdNumber } payouts { amount } } } } } } } }`;
    const measure = async (first: number) => {
      api.resetStatements();
      const result = await api.gql(query, { first }, admin);
      expect(result.errors).toBeUndefined();
      expect(result.data.cooperatives.edges).toHaveLength(first);
      return api.statements.length;
    };
    const small = await measure(10);
    const large = await measure(100);
    console.info(`cooperatives statements: first 10 → ${small}, first 100 → ${large}`);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(3);
  });
});

describe('business entity mutations', () => {
  const CREATE = `mutation($input: CreateBusinessEntityInput!) { createBusinessEntity(input: $input) {
    businessEntity { id kind name creditCode townshipCode villageCode registeredCapital memberCount establishedAt version industries { code } } } }`;
  const UPDATE = `mutation($input: UpdateBusinessEntityInput!) { updateBusinessEntity(input: $input) {
    businessEntity { name registeredCapital villageCode version industries { code } } } }`;
  const DELETE = `mutation($input: DeleteBusinessEntityInput!) { deleteBusinessEntity(input: $input) { deletedId } }`;
  let village: { code: string };
  let industries: { id: number; code: string }[];
  let created: { id: string; dbId: number };
  const input = (extra: Record<string, unknown> = {}) => ({
    kind: 'COOPERATIVE',
    name: `测试合作社${unique}`,
    creditCode: creditCode(1),
    legalRepresentative: '张三',
    phone: '13800001234',
    townshipCode: '341324100',
    villageCode: village.code,
    address: '测试地址',
    registeredCapital: '500000.50',
    memberCount: 12,
    establishedAt: '2018-03-01',
    industryCodes: [industries[0]!.code],
    industryIds: [globalId('Industry', industries[1]!.id)],
    ...extra,
  });

  beforeAll(async () => {
    village = await sqlOne(`select code from village where township_code = '341324100' order by code limit 1`);
    industries = await sql(`select id, code from industry order by id limit 3`);
  });

  it('creates an entity with industries by code and global id, and audits it', async () => {
    const result = await api.gql(CREATE, { input: input() }, await api.token('township1'));
    expect(result.errors).toBeUndefined();
    expect(result.data.createBusinessEntity.businessEntity).toMatchObject({
      kind: 'COOPERATIVE',
      creditCode: creditCode(1),
      townshipCode: '341324100',
      villageCode: village.code,
      registeredCapital: '500000.50',
      memberCount: 12,
      establishedAt: '2018-03-01',
      version: 1,
      industries: [{ code: industries[0]!.code }, { code: industries[1]!.code }],
    });
    const row = await sqlOne<{ id: number; county_code: string; registered_capital: string }>(
      `select id, county_code, registered_capital::text from business_entity where credit_code = $1`,
      [creditCode(1)],
    );
    expect(row).toMatchObject({ county_code: '341324', registered_capital: '500000.50' });
    created = { id: result.data.createBusinessEntity.businessEntity.id, dbId: row.id };
    const audit = await sql<{ action: string; before: unknown; after: any }>(
      `select action, before, after from audit_log where entity = 'BusinessEntity' and entity_id = $1`,
      [String(row.id)],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', before: null, after: { creditCode: creditCode(1), townshipCode: '341324100' } });
  });

  it('refuses a bad credit code with BAD_USER_INPUT naming creditCode and the reason', async () => {
    const good = creditCode(2);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const result = await api.gql(CREATE, { input: input({ creditCode: bad, name: `坏代码${unique}` }) }, admin);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    expect(result.errors?.[0]?.message).toMatch(/校验位/);
    const short = await api.gql(CREATE, { input: input({ creditCode: '91341324ABC', name: `坏代码${unique}` }) }, admin);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    expect(short.errors?.[0]?.message).toMatch(/18 位/);
    expect(await count(`select count(*) as n from business_entity where name = $1`, [`坏代码${unique}`])).toBe(0);
  });

  it('refuses other invalid input with BAD_USER_INPUT and changes nothing', async () => {
    const other = await sqlOne<{ code: string }>(`select code from village where township_code <> '341324100' order by code limit 1`);
    const cases: [Record<string, unknown>, string | undefined][] = [
      [{ registeredCapital: '-1.00' }, 'registeredCapital'],
      [{ establishedAt: '2999-01-01' }, 'establishedAt'],
      [{ establishedAt: '2019-02-30' }, undefined],
      [{ kind: 'BANK' }, undefined],
      [{ villageCode: other.code }, 'villageCode'],
      [{ townshipCode: '341324999', villageCode: null }, 'townshipCode'],
      [{ industryCodes: ['NOPE'], industryIds: [] }, 'industryCodes'],
      [{ industryCodes: [], industryIds: [] }, 'industryIds'],
    ];
    for (const [extra, field] of cases) {
      const result = await api.gql(CREATE, { input: input({ ...extra, creditCode: creditCode(3), name: `无效${unique}` }) }, admin);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(extra)).toBe('BAD_USER_INPUT');
      if (field) expect(result.errors?.[0]?.extensions?.field, JSON.stringify(extra)).toBe(field);
    }
    expect(await count(`select count(*) as n from business_entity where name = $1`, [`无效${unique}`])).toBe(0);
  });

  it('refuses a township officer creating an entity in another township, and read-only roles, with FORBIDDEN', async () => {
    const other = await sqlOne<{ code: string; township_code: string }>(
      `select code, township_code from village where township_code <> '341324100' order by code limit 1`,
    );
    const outside = input({ creditCode: creditCode(4), name: `越界${unique}`, townshipCode: other.township_code, villageCode: other.code });
    const result = await api.gql(CREATE, { input: outside }, await api.token('township1'));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const townshipLevel = await api.gql(
      CREATE,
      { input: input({ creditCode: creditCode(4), name: `越界${unique}`, villageCode: null }) },
      await api.token('village1'),
    );
    expect(townshipLevel.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const user of ['stats', 'dept1']) {
      const readOnly = await api.gql(CREATE, { input: input({ creditCode: creditCode(4), name: `越界${unique}` }) }, await api.token(user));
      expect(readOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await count(`select count(*) as n from business_entity where name = $1`, [`越界${unique}`])).toBe(0);
  });

  it('refuses a duplicate credit code with CONFLICT', async () => {
    const existing = await sqlOne<{ credit_code: string }>(`select credit_code from business_entity order by id limit 1`);
    const result = await api.gql(CREATE, { input: input({ creditCode: existing.credit_code, name: `重复${unique}` }) }, admin);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'creditCode' });
    expect(await count(`select count(*) as n from business_entity where name = $1`, [`重复${unique}`])).toBe(0);
  });

  it('updates with the current version (replacing industries), audits it, and refuses a stale version leaving the row unchanged', async () => {
    const ok = await api.gql(
      UPDATE,
      {
        input: {
          id: created.id,
          version: 1,
          name: `改名合作社${unique}`,
          registeredCapital: '600000',
          villageCode: null,
          industryCodes: [industries[2]!.code],
        },
      },
      await api.token('township1'),
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateBusinessEntity.businessEntity).toEqual({
      name: `改名合作社${unique}`,
      registeredCapital: '600000.00',
      villageCode: null,
      version: 2,
      industries: [{ code: industries[2]!.code }],
    });
    const links = await sql<{ industry_id: number }>(`select industry_id from business_entity_industry where entity_id = $1`, [
      created.dbId,
    ]);
    expect(links).toEqual([{ industry_id: industries[2]!.id }]);
    const audit = await sqlOne<{ before: any; after: any }>(
      `select before, after from audit_log where entity = 'BusinessEntity' and entity_id = $1 and action = 'UPDATE'`,
      [String(created.dbId)],
    );
    expect(audit.before).toMatchObject({ name: `测试合作社${unique}`, villageCode: village.code, version: 1 });
    expect(audit.after).toMatchObject({ name: `改名合作社${unique}`, villageCode: null, version: 2 });

    const before = await sqlOne(`select * from business_entity where id = $1`, [created.dbId]);
    const stale = await api.gql(
      UPDATE,
      { input: { id: created.id, version: 1, name: `过期${unique}`, industryCodes: [industries[0]!.code] } },
      admin,
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await sqlOne(`select * from business_entity where id = $1`, [created.dbId])).toEqual(before);
    expect(await sql(`select industry_id from business_entity_industry where entity_id = $1`, [created.dbId])).toEqual(links);

    // Out of the village cadre's region: NOT_FOUND, as if absent.
    const hidden = await api.gql(UPDATE, { input: { id: created.id, version: 2, name: `越界${unique}` } }, await api.token('village1'));
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses to delete an entity with contracts or employments (CONFLICT), and deletes an unreferenced one', async () => {
    const used = await sqlOne<{ id: number; version: number }>(
      `select e.id, e.version from business_entity e where exists (select 1 from benefit_linkage_contract c where c.entity_id = e.id) order by e.id limit 1`,
    );
    const refused = await api.gql(DELETE, { input: { id: globalId('BusinessEntity', used.id), version: used.version } }, admin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count(`select count(*) as n from business_entity where id = $1`, [used.id])).toBe(1);

    const stale = await api.gql(DELETE, { input: { id: created.id, version: 1 } }, admin);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const deleted = await api.gql(DELETE, { input: { id: created.id, version: 2 } }, admin);
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteBusinessEntity.deletedId).toBe(created.id);
    expect(await count(`select count(*) as n from business_entity where id = $1`, [created.dbId])).toBe(0);
    expect(await count(`select count(*) as n from business_entity_industry where entity_id = $1`, [created.dbId])).toBe(0);
    const audit = await sqlOne<{ before: any; after: unknown }>(
      `select before, after from audit_log where entity = 'BusinessEntity' and entity_id = $1 and action = 'DELETE'`,
      [String(created.dbId)],
    );
    expect(audit).toMatchObject({ before: { creditCode: creditCode(1) }, after: null });
  });
});
