// Visits: the nine aspects, the assigned-cadre rule, risk points from failed
// aspects feeding the next screening run, visibility, resolving risk points,
// and no N+1 on the visits connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';
import { hashPassword } from '../../kernel/password.ts';

const ASPECTS = [
  'FOOD',
  'CLOTHING',
  'COMPULSORY_EDUCATION',
  'BASIC_MEDICAL',
  'HOUSING_SAFETY',
  'DRINKING_WATER',
  'POPULATION_CHANGE',
  'SPECIALTY_FARMING',
  'HOUSEHOLD_ENVIRONMENT',
];
const TODAY = `(now() at time zone 'Asia/Shanghai')::date`;
const YEAR = 2018;
const RECORD = `mutation($i: RecordVisitInput!) { recordVisit(input: $i) { visit { id visitedAt note cadre { name }
  household { householdNumber } aspects { aspect passed note } riskPoints { id aspect riskType description raisedAt resolvedAt } } } }`;
const RUN = `mutation($y: Int!) { runScreening(year: $y) { regionCode candidates raised updated withdrawn } }`;
const RESOLVE = `mutation($i: ResolveRiskPointInput!) { resolveRiskPoint(input: $i) { riskPoint { id resolvedAt } } }`;

let api: TestApi;
let admin: string;
let village1: string;
let stats: string;
let cadreToken: string;
let outsideToken: string;
let household: {
  id: number;
  village_code: string;
  township_code: string;
  household_number: string;
  production_expenses: string;
  excess: string;
};
let cadreId: number;
let userId: number;
let today: string;
const username = `visit_cadre_${process.pid}`;

const allAspects = (failed: Record<string, string | null> = {}) =>
  ASPECTS.map((aspect) => (aspect in failed ? { aspect, passed: false, note: failed[aspect] } : { aspect, passed: true }));
const warningOf = (id: number) =>
  sql<{ kind: string; level: string; reasons: string[]; status: string }>(
    `select kind, level::text, reasons, status from warning where household_id = $1 and year = $2`,
    [id, YEAR],
  );

beforeAll(async () => {
  api = await startApi();
  [admin, village1, stats] = (await Promise.all(['admin', 'village1', 'stats'].map((u) => api.token(u)))) as [string, string, string];
  today = (await sqlOne<{ d: string }>(`select to_char(${TODAY}, 'YYYY-MM-DD') as d`)).d;
  // A non-registered, unmonitored household without any risk, just under the monitoring line: not a candidate.
  // The generated county has none (everyone under the line has a risk), so the closest one above the line is
  // moved 10 yuan per person under it by raising its production expenses.
  household = await sqlOne(
    `
    select h.id, h.village_code, h.township_code, h.household_number, r.members, r.production_expenses,
      (r.wage_income + r.business_income + r.property_income + r.transfer_income - r.production_expenses) - (s.monitoring_line - 10) * r.members as excess
    from household h join income_record r on r.household_id = h.id and r.year = $1 join screening_rule s on s.year = $1
    where not h.registered and h.monitoring_category is null and cardinality(h.risk_types) = 0
      and not exists (select 1 from risk_point p where p.household_id = h.id and p.resolved_at is null)
      and not exists (select 1 from warning w where w.household_id = h.id)
    order by abs((r.wage_income + r.business_income + r.property_income + r.transfer_income - r.production_expenses) / r.members - s.monitoring_line), h.id
    limit 1`,
    [YEAR],
  );
  await sql(`update income_record set production_expenses = production_expenses + $3 where household_id = $1 and year = $2`, [
    household.id,
    YEAR,
    household.excess,
  ]);
  // Its assistance cadre: a cadre with no user yet, assigned here, and a user linked to it.
  cadreId = (
    await sqlOne<{ id: number }>(
      `select id from cadre c where not exists (select 1 from app_user u where u.cadre_id = c.id) order by id limit 1`,
    )
  ).id;
  await sql(
    `insert into cadre_assignment (cadre_id, household_id, kind, start_date) values ($1, $2, 'SECTION_CONTRACT', date '2020-01-01')`,
    [cadreId, household.id],
  );
  userId = (
    await sqlOne<{ id: number }>(
      `insert into app_user (username, display_name, password_hash, role, region_code, cadre_id)
    values ($1, '测试帮扶干部', $2, 'VILLAGE_CADRE', $3, $4) returning id`,
      [username, await hashPassword('demo-password'), household.village_code, cadreId],
    )
  ).id;
  cadreToken = await api.token(username);
  const outside = await sqlOne<{ username: string }>(
    `select username from app_user where role = 'TOWNSHIP_OFFICER' and active and username ~ '^township[0-9]+$' and region_code <> $1 order by username limit 1`,
    [household.township_code],
  );
  outsideToken = await api.token(outside.username);
});

afterAll(async () => {
  await api.close();
  await closeSql();
});

describe('recordVisit', () => {
  it('the household is not a screening candidate before the visit', async () => {
    const result = await api.gql(RUN, { y: YEAR }, cadreToken);
    expect(result.errors).toBeUndefined();
    expect(result.data.runScreening.regionCode).toBe(household.village_code);
    expect(await warningOf(household.id)).toEqual([]);
  });

  it('refuses anything but the nine aspects once each, and future dates, naming the field', async () => {
    const hid = globalId('Household', household.id);
    const eight = allAspects().slice(1);
    const twice = [...eight, { aspect: 'CLOTHING', passed: true }];
    for (const aspects of [eight, twice, [...allAspects(), { aspect: 'FOOD', passed: true }]]) {
      const result = await api.gql(RECORD, { i: { householdId: hid, visitedAt: today, aspects } }, cadreToken);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'aspects' });
    }
    const future = await api.gql(RECORD, { i: { householdId: hid, visitedAt: '2999-01-01', aspects: allAspects() } }, cadreToken);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'visitedAt' });
  });

  it('refuses a cadre not assigned to the household, and users without a cadre: FORBIDDEN, nothing written', async () => {
    const count = () =>
      sqlOne<{ v: number; p: number }>(
        `select (select count(*)::int from visit where household_id = $1) as v,
      (select count(*)::int from risk_point where household_id = $1) as p`,
        [household.id],
      );
    const before = await count();
    const input = { householdId: globalId('Household', household.id), visitedAt: today, aspects: allAspects({ FOOD: '缺粮' }) };
    for (const token of [village1, admin]) {
      const result = await api.gql(RECORD, { i: input }, token);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    }
    // Before the assignment started is not "assigned" either.
    const early = await api.gql(RECORD, { i: { ...input, visitedAt: '2019-06-01' } }, cadreToken);
    expect(early.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toEqual(before);
  });

  it('records the visit; failed aspects become risk points the next screening sees', async () => {
    const result = await api.gql(
      RECORD,
      {
        i: {
          householdId: globalId('Household', household.id),
          visitedAt: today,
          note: '入户走访',
          aspects: allAspects({ HOUSING_SAFETY: '房屋墙体开裂', DRINKING_WATER: null }),
        },
      },
      cadreToken,
    );
    expect(result.errors).toBeUndefined();
    const visit = result.data.recordVisit.visit;
    expect(visit).toMatchObject({ visitedAt: today, note: '入户走访', household: { householdNumber: household.household_number } });
    expect(visit.aspects).toHaveLength(9);
    expect(visit.riskPoints.map((p: any) => [p.aspect, p.riskType, p.description, p.raisedAt, p.resolvedAt])).toEqual(
      [
        ['HOUSING_SAFETY', 'DISASTER', '房屋墙体开裂', today, null],
        ['DRINKING_WATER', 'OTHER', '走访发现：饮水安全未达标', today, null],
      ].sort((a, b) => ASPECTS.indexOf(a[0]!) - ASPECTS.indexOf(b[0]!)),
    );
    const rows = await sql(
      `select aspect::text, risk_type::text from risk_point where household_id = $1 and resolved_at is null order by aspect`,
      [household.id],
    );
    expect(rows).toHaveLength(2);
    const audit = await sqlOne<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'Visit' and user_id = $1`, [userId]);
    expect(audit.n).toBe(1);

    const run = await api.gql(RUN, { y: YEAR }, cadreToken);
    expect(run.data.runScreening.raised).toBe(1);
    const [warning] = await warningOf(household.id);
    expect(warning).toMatchObject({ kind: 'EDGE_CANDIDATE', status: 'OPEN' });
    expect(warning!.reasons).toContain('风险 2 项：因灾、其他');
    expect(warning!.reasons.some((r) => r.startsWith('走访发现未解决风险点：') && r.includes('住房安全') && r.includes('饮水安全'))).toBe(
      true,
    );
  });
});

describe('visits and risk points', () => {
  const LIST = `query($f: VisitFilter) { visits(first: 100, filter: $f) { totalCount edges { node { id cadre { name } household { id } } } } }`;

  it('a cadre user sees only the visits to households assigned to them', async () => {
    const result = await api.gql(LIST, {}, cadreToken);
    expect(result.errors).toBeUndefined();
    const expected = await sqlOne<{ n: number }>(
      `select count(*)::int as n from visit v where v.cadre_id = $1 or exists (
      select 1 from cadre_assignment a where a.household_id = v.household_id and a.cadre_id = $1 and (a.end_date is null or a.end_date >= ${TODAY}))`,
      [cadreId],
    );
    expect(result.data.visits.totalCount).toBe(expected.n);
    for (const { node } of result.data.visits.edges) expect(node.household.id).toBe(globalId('Household', household.id));
    const village = await api.gql(LIST, {}, village1);
    const village1Cadre = await sqlOne<{
      n: number;
    }>(`select count(*)::int as n from visit v where v.cadre_id = (select cadre_id from app_user where username = 'village1')
      or exists (select 1 from cadre_assignment a where a.household_id = v.household_id and a.cadre_id = (select cadre_id from app_user where username = 'village1')
      and (a.end_date is null or a.end_date >= ${TODAY}))`);
    expect(village.data.visits.totalCount).toBe(village1Cadre.n);
  });

  it('other roles see visits by region', async () => {
    const result = await api.gql(LIST, { f: { regionCode: household.township_code } }, admin);
    const expected = await sqlOne<{ n: number }>(
      `select count(*)::int as n from visit v join household h on h.id = v.household_id where h.township_code = $1`,
      [household.township_code],
    );
    expect(result.data.visits.totalCount).toBe(expected.n);
    const outside = await api.gql(LIST, { f: { householdId: globalId('Household', household.id) } }, outsideToken);
    expect(outside.data.visits.totalCount).toBe(0);
  });

  it('runs the same number of statements for 10 and 100 visits with aspects and households', async () => {
    const Q = `query($n: Int!) { visits(first: $n) { edges { node { aspects { aspect } household { householdNumber } riskPoints { aspect } cadre { name } } } } }`;
    const run = async (n: number) => {
      api.resetStatements();
      const result = await api.gql(Q, { n }, admin);
      expect(result.errors).toBeUndefined();
      expect(result.data.visits.edges).toHaveLength(n);
      return api.statements.length;
    };
    const small = await run(10);
    const large = await run(100);
    console.info(`visits statements: first 10 → ${small}, first 100 → ${large}`);
    expect(large).toBe(small);
  });

  it('resolving risk points (writers in region) lowers the risks at the next run, then withdraws the warning', async () => {
    const points = await sql<{ id: number }>(`select id from risk_point where household_id = $1 and resolved_at is null order by id`, [
      household.id,
    ]);
    const [first, second] = points.map((p) => globalId('RiskPoint', p.id)) as [string, string];
    expect((await api.gql(RESOLVE, { i: { id: first } }, stats)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(RESOLVE, { i: { id: first } }, outsideToken)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const done = await api.gql(RESOLVE, { i: { id: first, note: '已加固' } }, cadreToken);
    expect(done.errors).toBeUndefined();
    expect(done.data.resolveRiskPoint.riskPoint.resolvedAt).toBe(today);
    expect((await api.gql(RESOLVE, { i: { id: first } }, cadreToken)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await api.gql(RUN, { y: YEAR }, cadreToken)).data.runScreening).toMatchObject({ raised: 0, updated: 1, withdrawn: 0 });
    expect((await warningOf(household.id))[0]!.reasons.some((r) => r.startsWith('风险 1 项：'))).toBe(true);
    expect((await api.gql(RESOLVE, { i: { id: second } }, admin)).errors).toBeUndefined();
    expect((await api.gql(RUN, { y: YEAR }, cadreToken)).data.runScreening).toMatchObject({ raised: 0, updated: 0, withdrawn: 1 });
    expect(await warningOf(household.id)).toEqual([]);
  });
});
