import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';
import { makeResidentId } from '../../kernel/identifiers/index.ts';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startApi();
  admin = await api.token('admin');
});
afterAll(async () => {
  await api.close();
  await closeSql();
});

const PAGE = `query($first: Int!, $after: String, $filter: HouseholdFilter) {
  households(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id householdNumber status liftedYear townshipCode
      members { name relation }
      incomeRecords { year netIncome perCapitaNetIncome }
      benefitLinkageContracts(first: 5) { edges { node { annualBenefit entity { name } } } } } }
  }
}`;

describe('households connection', () => {
  it('filters by status and lifted year, with totalCount and contents equal to SQL', async () => {
    const filter = { status: 'LIFTED', liftedYear: 2016, regionCode: '341324100' };
    const result = await api.gql(PAGE, { first: 20, filter }, admin);
    expect(result.errors).toBeUndefined();
    const { count } = await sqlOne<{ count: string }>(
      `select count(*) from household where status = 'LIFTED' and lifted_year = 2016 and township_code = '341324100'`,
    );
    expect(result.data.households.totalCount).toBe(Number(count));
    const expected = await sql<{ household_number: string }>(
      `select household_number from household where status = 'LIFTED' and lifted_year = 2016 and township_code = '341324100' order by id limit 20`,
    );
    expect(result.data.households.edges.map((e: any) => e.node.householdNumber)).toEqual(expected.map((r) => r.household_number));
  });

  it('pages forward with cursors without gaps or repeats', async () => {
    const filter = { regionCode: '341324100', registered: true };
    const first = await api.gql(PAGE, { first: 30, filter }, admin);
    const second = await api.gql(PAGE, { first: 30, after: first.data.households.pageInfo.endCursor, filter }, admin);
    const ids = [...first.data.households.edges, ...second.data.households.edges].map((e: any) => e.node.householdNumber);
    const expected = await sql<{ household_number: string }>(
      `select household_number from household where township_code = '341324100' and registered order by id limit 60`,
    );
    expect(ids).toEqual(expected.map((r) => r.household_number));
  });

  it('searches by the head of household', async () => {
    const head = await sqlOne<{ name: string }>(
      `select p.name from person p join household h on h.id = p.household_id where p.relation = 'HEAD' and h.township_code = '341324100' order by p.id limit 1`,
    );
    const result = await api.gql(
      `query($s: String!) { households(first: 100, filter: { search: $s }) { totalCount edges { node { head { name } } } } }`,
      { s: head.name },
      admin,
    );
    expect(result.errors).toBeUndefined();
    const { count } = await sqlOne<{ count: string }>(
      `select count(distinct h.id) from household h where h.household_number like $1 || '%' or h.address like '%' || $1 || '%'
         or exists (select 1 from person p where p.household_id = h.id and p.relation = 'HEAD' and p.name like '%' || $1 || '%')`,
      [head.name],
    );
    expect(result.data.households.totalCount).toBe(Number(count));
  });

  it('computes net and per-capita income exactly as SQL does', async () => {
    const row = await sqlOne<{ id: number; net: string; per_capita: string }>(
      `select h.id, (i.wage_income + i.business_income + i.property_income + i.transfer_income - i.production_expenses)::text as net,
              round((i.wage_income + i.business_income + i.property_income + i.transfer_income - i.production_expenses) / i.members, 2)::text as per_capita
         from household h join income_record i on i.household_id = h.id and i.year = 2019
        where h.status = 'LIFTED' order by h.id limit 1`,
    );
    const result = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Household { perCapitaNetIncome(year: 2019) incomeRecords { year netIncome } } } }`,
      { id: globalId('Household', row.id) },
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.node.perCapitaNetIncome).toBe(row.per_capita);
    expect(result.data.node.incomeRecords.find((r: any) => r.year === 2019).netIncome).toBe(row.net);
  });

  it('runs the same number of SQL statements for 10 and for 100 households with nested relations', async () => {
    const count = async (first: number) => {
      api.resetStatements();
      const result = await api.gql(PAGE, { first }, admin);
      expect(result.errors).toBeUndefined();
      expect(result.data.households.edges).toHaveLength(first);
      return api.statements.length;
    };
    const small = await count(10);
    const large = await count(100);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(4);
    // Every data statement ran under the viewer's row-level security.
    expect(api.scopeSettings()).toBe(large);
  });

  it('refuses a page larger than 100 with BAD_USER_INPUT', async () => {
    const result = await api.gql(PAGE, { first: 101 }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.data ?? null).toBeNull();
  });
});

describe('household and person mutations', () => {
  const unique = `T${Date.now().toString(36).toUpperCase()}`;
  const village = () => sqlOne<{ code: string }>(`select code from village where township_code = '341324100' order by code limit 1`);

  it('creates a household, audits it, and refuses inconsistent registration data', async () => {
    const { code } = await village();
    const create = `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id householdNumber version townshipCode } } }`;
    const bad = await api.gql(
      create,
      { input: { villageCode: code, householdNumber: `${unique}A`, address: '测试地址', registered: true, status: 'LIFTED' } },
      admin,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'registeredYear' });
    expect(await sql(`select 1 from household where household_number = $1`, [`${unique}A`])).toHaveLength(0);

    const ok = await api.gql(
      create,
      {
        input: {
          villageCode: code,
          householdNumber: `${unique}A`,
          address: '测试地址',
          registered: true,
          registeredYear: 2015,
          status: 'LIFTED',
          liftedYear: 2017,
        },
      },
      admin,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.createHousehold.household).toMatchObject({ householdNumber: `${unique}A`, version: 1, townshipCode: '341324100' });
    const audit = await sql<{ action: string; after: { householdNumber: string } }>(
      `select action, after from audit_log where entity = 'Household' and entity_id = (select id::text from household where household_number = $1)`,
      [`${unique}A`],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', after: { householdNumber: `${unique}A` } });
  });

  it('updates with the current version and refuses a stale one with CONFLICT, leaving the row unchanged', async () => {
    const row = await sqlOne<{ id: number; version: number; address: string }>(
      `select id, version, address from household where household_number = $1`,
      [`${unique}A`],
    );
    const update = `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { household { address version } } }`;
    const ok = await api.gql(update, { input: { id: globalId('Household', row.id), version: row.version, address: '新地址' } }, admin);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateHousehold.household).toEqual({ address: '新地址', version: row.version + 1 });
    const stale = await api.gql(
      update,
      { input: { id: globalId('Household', row.id), version: row.version, address: '又一个地址' } },
      admin,
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await sqlOne(`select address, version from household where id = $1`, [row.id])).toEqual({
      address: '新地址',
      version: row.version + 1,
    });
  });

  it('validates resident ID numbers, derives birth date and gender, and refuses duplicates', async () => {
    const household = await sqlOne<{ id: number }>(`select id from household where household_number = $1`, [`${unique}A`]);
    const create = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { idNumber birthDate gender } } }`;
    const input = (idNumber: string) => ({
      householdId: globalId('Household', household.id),
      idNumber,
      name: '测试人',
      relation: 'HEAD',
      laborCapacity: 'FULL',
      health: 'HEALTHY',
    });
    const badCheck = await api.gql(create, { input: input('341324199001011235') }, admin);
    expect(badCheck.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber' });
    expect(badCheck.errors?.[0]?.message).toMatch(/校验/);

    const existing = await sqlOne<{ id_number: string }>(`select id_number from person order by id limit 1`);
    const dup = await api.gql(create, { input: input(existing.id_number) }, admin);
    expect(dup.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const good = await api.gql(create, { input: input('11010519491231002X') }, admin);
    expect(good.errors).toBeUndefined();
    expect(good.data.createPerson.person).toEqual({ idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: 'FEMALE' });
    const second = await api.gql(create, { input: input(makeResidentId('110105', '1949-12-31', 3)) }, admin);
    expect(second.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('answers an unknown enum value in variables with BAD_USER_INPUT', async () => {
    const result = await api.gql(PAGE, { first: 5, filter: { status: 'RICH' } }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
