// Village collective income: the connection against SQL, region scope, the
// nested list under villages without N+1, and the three mutations (validation,
// FORBIDDEN out of region, CONFLICT on duplicates and stale versions, audit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';

let api: TestApi;
let admin: string;
let township1: string;
let village1: string;
let stats: string;
let township1Code: string;
let village1Code: string;
let otherVillage: string;

beforeAll(async () => {
  api = await startApi();
  [admin, township1, village1, stats] = (await Promise.all(['admin', 'township1', 'village1', 'stats'].map((u) => api.token(u)))) as [
    string,
    string,
    string,
    string,
  ];
  township1Code = (await sqlOne<{ region_code: string }>(`select region_code from app_user where username = 'township1'`)).region_code;
  village1Code = (await sqlOne<{ region_code: string }>(`select region_code from app_user where username = 'village1'`)).region_code;
  otherVillage = (
    await sqlOne<{ code: string }>(`select code from village where township_code <> $1 order by code limit 1`, [township1Code])
  ).code;
});

afterAll(async () => {
  await api.close();
  await closeSql();
});

const LIST = `query($first: Int!, $after: String, $filter: VillageCollectiveIncomeFilter, $orderBy: VillageCollectiveIncomeOrderBy) {
  villageCollectiveIncomes(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id villageCode townshipCode year source amount version village { code name } } }
  }
}`;

const idOf = (globalIdValue: string) => Number(Buffer.from(globalIdValue, 'base64').toString().split(':')[1]);

describe('villageCollectiveIncomes connection', () => {
  it('filters by township, year range and source; totalCount and the first page equal SQL', async () => {
    const filter = { regionCode: township1Code, fromYear: 2016, toYear: 2019, source: 'MECHANIZATION_SERVICE' };
    const result = await api.gql(LIST, { first: 25, filter }, admin);
    expect(result.errors).toBeUndefined();
    const where = `township_code = $1 and year between 2016 and 2019 and source = 'MECHANIZATION_SERVICE'`;
    const { count } = await sqlOne<{ count: string }>(`select count(*) from village_collective_income where ${where}`, [township1Code]);
    expect(Number(count)).toBeGreaterThan(0);
    expect(result.data.villageCollectiveIncomes.totalCount).toBe(Number(count));
    const expected = await sql<{ id: number; village_code: string; year: number; amount: string }>(
      `select id, village_code, year, amount::text from village_collective_income where ${where} order by village_code, year, source, id limit 25`,
      [township1Code],
    );
    const page = result.data.villageCollectiveIncomes.edges.map((e: any) => e.node);
    expect(page.map((n: any) => [idOf(n.id), n.villageCode, n.year, n.amount])).toEqual(
      expected.map((r) => [r.id, r.village_code, r.year, r.amount]),
    );
    for (const node of page) expect(node.village.code).toBe(node.villageCode);
  });

  it('filters one year and orders by amount descending, paging without gaps', async () => {
    const filter = { regionCode: township1Code, year: 2019 };
    const orderBy = { field: 'amount', direction: 'DESC' };
    const first = await api.gql(LIST, { first: 7, filter, orderBy }, admin);
    const second = await api.gql(LIST, { first: 7, after: first.data.villageCollectiveIncomes.pageInfo.endCursor, filter, orderBy }, admin);
    expect(second.errors).toBeUndefined();
    const ids = [...first.data.villageCollectiveIncomes.edges, ...second.data.villageCollectiveIncomes.edges].map((e: any) =>
      idOf(e.node.id),
    );
    const expected = await sql<{ id: number }>(
      `select id from village_collective_income where township_code = $1 and year = 2019 order by amount desc, id desc limit 14`,
      [township1Code],
    );
    expect(ids).toEqual(expected.map((r) => r.id));
  });

  it('keeps each viewer inside their region, counts included', async () => {
    for (const [token, column, code] of [
      [township1, 'township_code', township1Code],
      [village1, 'village_code', village1Code],
    ] as const) {
      const mine = await api.gql(LIST, { first: 100 }, token);
      expect(mine.errors).toBeUndefined();
      const { count } = await sqlOne<{ count: string }>(`select count(*) from village_collective_income where ${column} = $1`, [code]);
      expect(mine.data.villageCollectiveIncomes.totalCount).toBe(Number(count));
      for (const edge of mine.data.villageCollectiveIncomes.edges) expect(edge.node.villageCode.startsWith(code)).toBe(true);
      const other = await api.gql(LIST, { first: 10, filter: { regionCode: otherVillage } }, token);
      expect(other.data.villageCollectiveIncomes).toMatchObject({ totalCount: 0, edges: [] });
    }
  });

  it('answers node(id) inside the region and null outside', async () => {
    const inside = await sqlOne<{ id: number }>(`select id from village_collective_income where township_code = $1 order by id limit 1`, [
      township1Code,
    ]);
    const outside = await sqlOne<{ id: number }>(`select id from village_collective_income where village_code = $1 order by id limit 1`, [
      otherVillage,
    ]);
    const query = `query($a: ID!, $b: ID!) { a: node(id: $a) { ... on VillageCollectiveIncome { villageCode } } b: node(id: $b) { id } }`;
    const result = await api.gql(
      query,
      { a: globalId('VillageCollectiveIncome', inside.id), b: globalId('VillageCollectiveIncome', outside.id) },
      township1,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.a.villageCode.startsWith(township1Code)).toBe(true);
    expect(result.data.b).toBeNull();
  });

  it('lets statisticians read amounts', async () => {
    const result = await api.gql(LIST, { first: 5 }, stats);
    expect(result.errors).toBeUndefined();
    expect(result.data.villageCollectiveIncomes.edges).toHaveLength(5);
  });

  it('runs the same number of statements for 10 and 100 villages with their incomes', async () => {
    const query = `query($first: Int!) { villages(first: $first) { edges { node { name
      collectiveIncomes(first: 20) { edges { node { year source amount } } } } } } }`;
    const count = async (first: number) => {
      api.resetStatements();
      const result = await api.gql(query, { first }, admin);
      expect(result.errors).toBeUndefined();
      expect(result.data.villages.edges).toHaveLength(first);
      expect(result.data.villages.edges[0].node.collectiveIncomes.edges.length).toBeGreaterThan(0);
      return api.statements.length;
    };
    const small = await count(10);
    const large = await count(100);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(2);
  });
});

describe('collective income mutations', () => {
  const CREATE = `mutation($input: CreateVillageCollectiveIncomeInput!) {
    createVillageCollectiveIncome(input: $input) { villageCollectiveIncome { id villageCode townshipCode year source amount version } } }`;
  const UPDATE = `mutation($input: UpdateVillageCollectiveIncomeInput!) {
    updateVillageCollectiveIncome(input: $input) { villageCollectiveIncome { id year source amount version } } }`;
  const DELETE = `mutation($input: DeleteVillageCollectiveIncomeInput!) { deleteVillageCollectiveIncome(input: $input) { deletedId } }`;
  const YEAR = 2001; // before the generated data (2014 on): free for test rows
  let id = 0;

  const rowsFor = (village: string) =>
    sql(`select id, source, amount::text, version from village_collective_income where village_code = $1 and year = $2 order by id`, [
      village,
      YEAR,
    ]);

  it("creates a row in the viewer's region and audits it", async () => {
    await sql(`delete from village_collective_income where village_code = $1 and year = $2`, [village1Code, YEAR]);
    const result = await api.gql(
      CREATE,
      { input: { villageCode: village1Code, year: YEAR, source: 'LABOUR_COMPANY', amount: '12345.60' } },
      township1,
    );
    expect(result.errors).toBeUndefined();
    const node = result.data.createVillageCollectiveIncome.villageCollectiveIncome;
    expect(node).toMatchObject({
      villageCode: village1Code,
      townshipCode: township1Code,
      year: YEAR,
      source: 'LABOUR_COMPANY',
      amount: '12345.60',
      version: 1,
    });
    id = idOf(node.id);
    expect(await sqlOne(`select county_code, township_code, amount::text from village_collective_income where id = $1`, [id])).toEqual({
      county_code: village1Code.slice(0, 6),
      township_code: township1Code,
      amount: '12345.60',
    });
    const audit = await sql<{ action: string; username: string; after: { amount: string } }>(
      `select a.action, u.username, a.after from audit_log a join app_user u on u.id = a.user_id
        where a.entity = 'VillageCollectiveIncome' and a.entity_id = $1`,
      [String(id)],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', username: 'township1', after: { amount: '12345.6' } });
  });

  it('refuses a second row for the same village, year and source with CONFLICT', async () => {
    const result = await api.gql(
      CREATE,
      { input: { villageCode: village1Code, year: YEAR, source: 'LABOUR_COMPANY', amount: '1.00' } },
      village1,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await rowsFor(village1Code)).toHaveLength(1);
  });

  it('validates amount, year and enum values, writing nothing', async () => {
    const base = { villageCode: village1Code, year: YEAR, source: 'OTHER', amount: '10.00' };
    const negative = await api.gql(CREATE, { input: { ...base, amount: '-0.01' } }, admin);
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
    const early = await api.gql(CREATE, { input: { ...base, year: 1999 } }, admin);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    const future = await api.gql(CREATE, { input: { ...base, year: new Date().getUTCFullYear() + 2 } }, admin);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    const notMoney = await api.gql(CREATE, { input: { ...base, amount: '12.345' } }, admin);
    expect(notMoney.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknownSource = await api.gql(CREATE, { input: { ...base, source: 'GOLD_MINE' } }, admin);
    expect(unknownSource.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const noVillage = await api.gql(CREATE, { input: { ...base, villageCode: `${township1Code}999` } }, admin);
    expect(noVillage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'villageCode' });
    expect(await rowsFor(village1Code)).toHaveLength(1);
  });

  it('refuses writes outside the region and by read-only roles with FORBIDDEN', async () => {
    const input = { villageCode: otherVillage, year: YEAR, source: 'OTHER', amount: '10.00' };
    const outside = await api.gql(CREATE, { input }, township1);
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const cadre = await api.gql(CREATE, { input }, village1);
    expect(cadre.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const statistician = await api.gql(CREATE, { input: { ...input, villageCode: village1Code } }, stats);
    expect(statistician.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rowsFor(otherVillage)).toHaveLength(0);
    expect(await rowsFor(village1Code)).toHaveLength(1);
  });

  it('updates with the current version, refuses a stale one with CONFLICT and leaves the row unchanged', async () => {
    const gid = globalId('VillageCollectiveIncome', id);
    const ok = await api.gql(UPDATE, { input: { id: gid, version: 1, amount: '20000.00', source: 'ASSET_LEASING' } }, village1);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateVillageCollectiveIncome.villageCollectiveIncome).toMatchObject({
      amount: '20000.00',
      source: 'ASSET_LEASING',
      version: 2,
    });
    const stale = await api.gql(UPDATE, { input: { id: gid, version: 1, amount: '1.00' } }, village1);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await sqlOne(`select amount::text, source::text, version from village_collective_income where id = $1`, [id])).toEqual({
      amount: '20000.00',
      source: 'ASSET_LEASING',
      version: 2,
    });
    const audit = await sql<{ before: { amount: string }; after: { amount: string } }>(
      `select before, after from audit_log where entity = 'VillageCollectiveIncome' and entity_id = $1 and action = 'UPDATE'`,
      [String(id)],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { amount: '12345.6' }, after: { amount: '20000' } });
  });

  it('refuses an update that would duplicate another source, a negative amount, and rows outside the region', async () => {
    const other = await api.gql(CREATE, { input: { villageCode: village1Code, year: YEAR, source: 'OTHER', amount: '5.00' } }, admin);
    expect(other.errors).toBeUndefined();
    const otherId = idOf(other.data.createVillageCollectiveIncome.villageCollectiveIncome.id);
    const gid = globalId('VillageCollectiveIncome', otherId);
    const clash = await api.gql(UPDATE, { input: { id: gid, version: 1, source: 'ASSET_LEASING' } }, admin);
    expect(clash.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const negative = await api.gql(UPDATE, { input: { id: gid, version: 1, amount: '-5.00' } }, admin);
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
    const foreign = await sqlOne<{ id: number; amount: string; version: number }>(
      `select id, amount::text, version from village_collective_income where village_code = $1 order by id limit 1`,
      [otherVillage],
    );
    const outside = await api.gql(
      UPDATE,
      { input: { id: globalId('VillageCollectiveIncome', foreign.id), version: foreign.version, amount: '1.00' } },
      township1,
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await sqlOne(`select amount::text, version from village_collective_income where id = $1`, [foreign.id])).toEqual({
      amount: foreign.amount,
      version: foreign.version,
    });
    expect(await sqlOne(`select source::text, amount::text, version from village_collective_income where id = $1`, [otherId])).toEqual({
      source: 'OTHER',
      amount: '5.00',
      version: 1,
    });
  });

  it('deletes with the current version only, and audits the deletion', async () => {
    const gid = globalId('VillageCollectiveIncome', id);
    const stale = await api.gql(DELETE, { input: { id: gid, version: 1 } }, township1);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await sql(`select 1 from village_collective_income where id = $1`, [id])).toHaveLength(1);
    const ok = await api.gql(DELETE, { input: { id: gid, version: 2 } }, township1);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.deleteVillageCollectiveIncome.deletedId).toBe(gid);
    expect(await sql(`select 1 from village_collective_income where id = $1`, [id])).toHaveLength(0);
    const audit = await sql(
      `select before from audit_log where entity = 'VillageCollectiveIncome' and entity_id = $1 and action = 'DELETE'`,
      [String(id)],
    );
    expect(audit).toHaveLength(1);
  });
});
