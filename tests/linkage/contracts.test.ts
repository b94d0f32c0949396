import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';

let api: TestApi;
let admin: string;
let township1: string;
const unique = `T${Date.now().toString(36).toUpperCase()}`;
/** Today in China Standard Time, as the API computes it. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startApi();
  admin = await api.token('admin');
  township1 = await api.token('township1');
});
afterAll(async () => {
  await api.close();
  await closeSql();
});

const count = async (text: string, params: unknown[] = []) => Number((await sqlOne<{ n: string }>(text, params)).n);

const LIST = `query($first: Int!, $after: String, $filter: BenefitLinkageContractFilter, $orderBy: BenefitLinkageContractOrderBy) {
  benefitLinkageContracts(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id contractNumber mode shareKind startDate endDate annualBenefit totalPaid active
      entity { name } household { householdNumber } payouts { paidAt amount } } }
  }
}`;

describe('benefit-linkage contracts connection', () => {
  it('filters by region and mode, with totalCount and page contents (ordered by annual benefit) equal to SQL', async () => {
    const filter = { regionCode: '341324100', mode: 'SHARE_COOPERATION' };
    const orderBy = { field: 'annualBenefit', direction: 'DESC' };
    const page1 = await api.gql(LIST, { first: 15, filter, orderBy }, admin);
    expect(page1.errors).toBeUndefined();
    const page2 = await api.gql(LIST, { first: 15, after: page1.data.benefitLinkageContracts.pageInfo.endCursor, filter, orderBy }, admin);
    const from = `from benefit_linkage_contract c join household h on h.id = c.household_id where h.township_code = '341324100' and c.mode = 'SHARE_COOPERATION'`;
    expect(page1.data.benefitLinkageContracts.totalCount).toBe(await count(`select count(*) as n ${from}`));
    const expected = await sql<{ contract_number: string; annual_benefit: string; share_kind: string; total: string }>(
      `select c.contract_number, c.annual_benefit::text, c.share_kind::text,
              (select coalesce(sum(p.amount), 0)::numeric(14,2)::text from contract_payout p where p.contract_id = c.id) as total
         ${from} order by c.annual_benefit desc, c.id desc limit 30`,
    );
    const nodes = [...page1.data.benefitLinkageContracts.edges, ...page2.data.benefitLinkageContracts.edges].map((e: any) => e.node);
    expect(nodes.map((n: any) => [n.contractNumber, n.annualBenefit, n.shareKind, n.totalPaid])).toEqual(
      expected.map((r) => [r.contract_number, r.annual_benefit, r.share_kind, r.total]),
    );
  });

  it('filters active contracts (start ≤ today ≤ end) and by entity and household, as SQL does', async () => {
    const active = await api.gql(LIST, { first: 5, filter: { active: true, regionCode: '341324100' } }, admin);
    const inactive = await api.gql(LIST, { first: 5, filter: { active: false, regionCode: '341324100' } }, admin);
    const base = `from benefit_linkage_contract c join household h on h.id = c.household_id where h.township_code = '341324100'`;
    const activeCount = await count(`select count(*) as n ${base} and c.start_date <= $1 and (c.end_date is null or c.end_date >= $1)`, [
      today,
    ]);
    expect(active.data.benefitLinkageContracts.totalCount).toBe(activeCount);
    expect(inactive.data.benefitLinkageContracts.totalCount).toBe((await count(`select count(*) as n ${base}`)) - activeCount);
    expect(active.data.benefitLinkageContracts.edges.every((e: any) => e.node.active)).toBe(true);
    expect(inactive.data.benefitLinkageContracts.edges.every((e: any) => !e.node.active)).toBe(true);

    const c = await sqlOne<{ entity_id: number; household_id: number }>(
      `select entity_id, household_id from benefit_linkage_contract order by id limit 1`,
    );
    const byEntity = await api.gql(LIST, { first: 5, filter: { entityId: globalId('BusinessEntity', c.entity_id) } }, admin);
    expect(byEntity.data.benefitLinkageContracts.totalCount).toBe(
      await count(`select count(*) as n from benefit_linkage_contract where entity_id = $1`, [c.entity_id]),
    );
    const byHousehold = await api.gql(LIST, { first: 5, filter: { householdId: globalId('Household', c.household_id) } }, admin);
    expect(byHousehold.data.benefitLinkageContracts.totalCount).toBe(
      await count(`select count(*) as n from benefit_linkage_contract where household_id = $1`, [c.household_id]),
    );
  });

  it('computes totalPaid exactly and lists payouts by date', async () => {
    const row = await sqlOne<{ id: number; total: string }>(
      `select contract_id as id, sum(amount)::text as total from contract_payout group by contract_id having count(*) >= 3 order by contract_id limit 1`,
    );
    const payouts = await sql<{ paid_at: string; amount: string }>(
      `select to_char(paid_at, 'YYYY-MM-DD') as paid_at, amount::text from contract_payout where contract_id = $1 order by paid_at, id`,
      [row.id],
    );
    const result = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on BenefitLinkageContract { totalPaid payouts { paidAt amount note } } } }`,
      { id: globalId('BenefitLinkageContract', row.id) },
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.node.totalPaid).toBe(row.total);
    expect(result.data.node.payouts.map((p: any) => [p.paidAt, p.amount])).toEqual(payouts.map((p) => [p.paid_at, p.amount]));
  });

  it('hides the entity (null) when it lies outside the viewer region, and the contract itself out of scope', async () => {
    // A household of village1's village with an entity of another township (inserted: the seed prefers nearby partners).
    const mixed = await sqlOne<{ id: number }>(
      `insert into benefit_linkage_contract (contract_number, entity_id, household_id, mode, start_date, annual_benefit, updated_at)
       values ($1, (select id from business_entity where township_code <> '341324100' order by id limit 1),
               (select h.id from household h join app_user u on u.region_code = h.village_code where u.username = 'village1' order by h.id limit 1),
               'ORDER_FARMING', '2020-03-01', 800, now())
       returning id`,
      [`${unique}-MIX`],
    );
    const q = `query($id: ID!) { node(id: $id) { ... on BenefitLinkageContract { contractNumber entity { name } household { householdNumber } } } }`;
    const asTownship = await api.gql(q, { id: globalId('BenefitLinkageContract', mixed.id) }, township1);
    expect(asTownship.errors).toBeUndefined();
    expect(asTownship.data.node.entity).toBeNull();
    expect(asTownship.data.node.household).not.toBeNull();
    const asVillage = await api.gql(q, { id: globalId('BenefitLinkageContract', mixed.id) }, await api.token('village1'));
    expect(asVillage.data.node).toMatchObject({ contractNumber: `${unique}-MIX`, entity: null });
    const asAdmin = await api.gql(q, { id: globalId('BenefitLinkageContract', mixed.id) }, admin);
    expect(asAdmin.data.node.entity).not.toBeNull();
    // In a list, too: the township officer sees the contract of the household, without its entity.
    const { household_id } = await sqlOne<{ household_id: number }>(`select household_id from benefit_linkage_contract where id = $1`, [
      mixed.id,
    ]);
    const filter = { householdId: globalId('Household', household_id) };
    const listed = await api.gql(LIST, { first: 1, filter, orderBy: { field: 'id', direction: 'DESC' } }, township1);
    expect(listed.data.benefitLinkageContracts.edges[0].node).toMatchObject({ contractNumber: `${unique}-MIX`, entity: null });

    const outside = await sqlOne<{ id: number }>(
      `select c.id from benefit_linkage_contract c join household h on h.id = c.household_id where h.township_code <> '341324100' order by c.id limit 1`,
    );
    const hidden = await api.gql(q, { id: globalId('BenefitLinkageContract', outside.id) }, township1);
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data.node).toBeNull();
  });

  it('runs the same number of SQL statements for 10 and for 100 contracts with nested relations', async () => {
    const measure = async (first: number) => {
      api.resetStatements();
      const result = await api.gql(LIST, { first }, township1);
      expect(result.errors).toBeUndefined();
      expect(result.data.benefitLinkageContracts.edges).toHaveLength(first);
      return api.statements.length;
    };
    const small = await measure(10);
    const large = await measure(100);
    console.info(`benefitLinkageContracts statements: first 10 → ${small}, first 100 → ${large}`);
    expect(large).toBe(small);
  });
});

describe('benefit-linkage contract mutations', () => {
  const FIELDS = `id contractNumber mode shareKind startDate endDate annualBenefit totalPaid version entity { name } household { householdNumber }`;
  const CREATE = `mutation($input: CreateBenefitLinkageContractInput!) { createBenefitLinkageContract(input: $input) { benefitLinkageContract { ${FIELDS} } } }`;
  const UPDATE = `mutation($input: UpdateBenefitLinkageContractInput!) { updateBenefitLinkageContract(input: $input) { benefitLinkageContract { ${FIELDS} } } }`;
  const DELETE = `mutation($input: DeleteBenefitLinkageContractInput!) { deleteBenefitLinkageContract(input: $input) { deletedId } }`;
  const PAYOUT = `mutation($input: RecordContractPayoutInput!) { recordContractPayout(input: $input) { benefitLinkageContract { totalPaid payouts { paidAt amount note } } } }`;
  let household: { id: number; household_number: string };
  let entity: { id: number; name: string };
  let created: { id: string; dbId: number };
  const input = (extra: Record<string, unknown> = {}) => ({
    contractNumber: `${unique}-1`,
    entityId: globalId('BusinessEntity', entity.id),
    householdId: globalId('Household', household.id),
    mode: 'SHARE_COOPERATION',
    shareKind: 'LAND',
    startDate: '2020-01-01',
    endDate: '2025-12-31',
    annualBenefit: '1200.00',
    ...extra,
  });

  beforeAll(async () => {
    household = await sqlOne(`select id, household_number from household where township_code = '341324100' order by id limit 1`);
    entity = await sqlOne(`select id, name from business_entity where township_code = '341324100' order by id limit 1`);
  });

  it('creates a contract inside the region and audits it', async () => {
    const result = await api.gql(CREATE, { input: input() }, township1);
    expect(result.errors).toBeUndefined();
    expect(result.data.createBenefitLinkageContract.benefitLinkageContract).toMatchObject({
      contractNumber: `${unique}-1`,
      mode: 'SHARE_COOPERATION',
      shareKind: 'LAND',
      startDate: '2020-01-01',
      endDate: '2025-12-31',
      annualBenefit: '1200.00',
      totalPaid: '0.00',
      version: 1,
      entity: { name: entity.name },
      household: { householdNumber: household.household_number },
    });
    const row = await sqlOne<{ id: number; annual_benefit: string }>(
      `select id, annual_benefit::text from benefit_linkage_contract where contract_number = $1`,
      [`${unique}-1`],
    );
    expect(row.annual_benefit).toBe('1200.00');
    created = { id: result.data.createBenefitLinkageContract.benefitLinkageContract.id, dbId: row.id };
    const audit = await sql<{ action: string; before: unknown; after: any }>(
      `select action, before, after from audit_log where entity = 'BenefitLinkageContract' and entity_id = $1`,
      [String(row.id)],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', before: null, after: { contractNumber: `${unique}-1`, annualBenefit: '1200' } });
  });

  it('refuses invalid input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string | undefined][] = [
      [{ mode: 'LAND_TRANSFER', shareKind: 'LAND' }, 'shareKind'],
      [{ endDate: '2019-12-31' }, 'endDate'],
      [{ annualBenefit: '-0.01' }, 'annualBenefit'],
      [{ annualBenefit: '12.345' }, undefined],
      [{ startDate: '2020-02-30' }, undefined],
      [{ mode: 'CHARITY' }, undefined],
    ];
    for (const [extra, field] of cases) {
      const result = await api.gql(CREATE, { input: input({ ...extra, contractNumber: `${unique}-BAD` }) }, township1);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(extra)).toBe('BAD_USER_INPUT');
      if (field) expect(result.errors?.[0]?.extensions?.field, JSON.stringify(extra)).toBe(field);
    }
    expect(await count(`select count(*) as n from benefit_linkage_contract where contract_number = $1`, [`${unique}-BAD`])).toBe(0);
  });

  it('refuses parties outside the region with FORBIDDEN and a duplicate number with CONFLICT', async () => {
    const otherHousehold = await sqlOne<{ id: number }>(`select id from household where township_code <> '341324100' order by id limit 1`);
    const otherEntity = await sqlOne<{ id: number }>(
      `select id from business_entity where township_code <> '341324100' order by id limit 1`,
    );
    const h = await api.gql(
      CREATE,
      { input: input({ contractNumber: `${unique}-OUT`, householdId: globalId('Household', otherHousehold.id) }) },
      township1,
    );
    expect(h.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const e = await api.gql(
      CREATE,
      { input: input({ contractNumber: `${unique}-OUT`, entityId: globalId('BusinessEntity', otherEntity.id) }) },
      township1,
    );
    expect(e.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stats = await api.gql(CREATE, { input: input({ contractNumber: `${unique}-OUT` }) }, await api.token('stats'));
    expect(stats.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count(`select count(*) as n from benefit_linkage_contract where contract_number = $1`, [`${unique}-OUT`])).toBe(0);

    const dup = await api.gql(CREATE, { input: input() }, township1);
    expect(dup.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('updates with the current version, audits before and after, and refuses a stale version leaving the row unchanged', async () => {
    const ok = await api.gql(UPDATE, { input: { id: created.id, version: 1, mode: 'LAND_TRANSFER', annualBenefit: '1500.5' } }, township1);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateBenefitLinkageContract.benefitLinkageContract).toMatchObject({
      mode: 'LAND_TRANSFER',
      shareKind: null,
      annualBenefit: '1500.50',
      version: 2,
    });
    const audit = await sqlOne<{ before: any; after: any }>(
      `select before, after from audit_log where entity = 'BenefitLinkageContract' and entity_id = $1 and action = 'UPDATE'`,
      [String(created.dbId)],
    );
    expect(audit.before).toMatchObject({ mode: 'SHARE_COOPERATION', shareKind: 'LAND', version: 1 });
    expect(audit.after).toMatchObject({ mode: 'LAND_TRANSFER', shareKind: null, version: 2 });

    const before = await sqlOne(`select * from benefit_linkage_contract where id = $1`, [created.dbId]);
    const stale = await api.gql(UPDATE, { input: { id: created.id, version: 1, annualBenefit: '1.00' } }, township1);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const badDates = await api.gql(UPDATE, { input: { id: created.id, version: 2, endDate: '2019-01-01' } }, township1);
    expect(badDates.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endDate' });
    expect(await sqlOne(`select * from benefit_linkage_contract where id = $1`, [created.dbId])).toEqual(before);

    const hidden = await api.gql(UPDATE, { input: { id: created.id, version: 2, annualBenefit: '1.00' } }, await api.token('township2'));
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('records payouts: exact totals, audit, and refusals for bad amounts and dates', async () => {
    const first = await api.gql(
      PAYOUT,
      { input: { contractId: created.id, paidAt: '2020-12-20', amount: '0.10', note: '分红' } },
      township1,
    );
    expect(first.errors).toBeUndefined();
    const second = await api.gql(PAYOUT, { input: { contractId: created.id, paidAt: '2020-06-30', amount: '0.20' } }, township1);
    expect(second.errors).toBeUndefined();
    expect(second.data.recordContractPayout.benefitLinkageContract.totalPaid).toBe('0.30');
    expect(second.data.recordContractPayout.benefitLinkageContract.payouts).toEqual([
      { paidAt: '2020-06-30', amount: '0.20', note: null },
      { paidAt: '2020-12-20', amount: '0.10', note: '分红' },
    ]);
    const audit = await sql<{ after: any }>(
      `select after from audit_log where entity = 'ContractPayout' and action = 'CREATE'
          and entity_id in (select id::text from contract_payout where contract_id = $1) order by id`,
      [created.dbId],
    );
    expect(audit.map((a) => a.after.amount)).toEqual(['0.1', '0.2']);

    const cases: [Record<string, unknown>, string | undefined][] = [
      [{ amount: '0' }, 'amount'],
      [{ amount: '-5.00' }, 'amount'],
      [{ amount: 'lots' }, undefined],
      [{ paidAt: '2019-12-31' }, 'paidAt'],
      [{ paidAt: '2999-01-01' }, 'paidAt'],
      [{ paidAt: '2020-13-01' }, undefined],
    ];
    for (const [extra, field] of cases) {
      const result = await api.gql(
        PAYOUT,
        { input: { contractId: created.id, paidAt: '2020-07-01', amount: '1.00', ...extra } },
        township1,
      );
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(extra)).toBe('BAD_USER_INPUT');
      if (field) expect(result.errors?.[0]?.extensions?.field, JSON.stringify(extra)).toBe(field);
    }
    const outside = await api.gql(
      PAYOUT,
      { input: { contractId: created.id, paidAt: '2020-07-01', amount: '1.00' } },
      await api.token('township2'),
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await count(`select count(*) as n from contract_payout where contract_id = $1`, [created.dbId])).toBe(2);

    const laterStart = await api.gql(UPDATE, { input: { id: created.id, version: 2, startDate: '2020-07-01' } }, township1);
    expect(laterStart.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startDate' });
  });

  it('deletes a contract with its payouts, with a stale version refused first', async () => {
    const stale = await api.gql(DELETE, { input: { id: created.id, version: 1 } }, township1);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count(`select count(*) as n from benefit_linkage_contract where id = $1`, [created.dbId])).toBe(1);
    const deleted = await api.gql(DELETE, { input: { id: created.id, version: 2 } }, township1);
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteBenefitLinkageContract.deletedId).toBe(created.id);
    expect(await count(`select count(*) as n from benefit_linkage_contract where id = $1`, [created.dbId])).toBe(0);
    expect(await count(`select count(*) as n from contract_payout where contract_id = $1`, [created.dbId])).toBe(0);
    const audit = await sqlOne<{ before: any; after: unknown }>(
      `select before, after from audit_log where entity = 'BenefitLinkageContract' and entity_id = $1 and action = 'DELETE'`,
      [String(created.dbId)],
    );
    expect(audit).toMatchObject({ before: { contractNumber: `${unique}-1` }, after: null });
  });
});
