// Screening (runScreening) on the generated county against an independent SQL
// reading of the rule, rule changes, idempotence, region scope, untouched settled
// warnings, and the screening-rule mutations. Main runs use 2019 (no seeded
// warnings); the 2020 run checks that CASE_OPENED / DISMISSED warnings stay as they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';

let api: TestApi;
let admin: string;
let township1: string;
let stats: string;
let township1Code: string;
let rule2019: { poverty_line: string; monitoring_line: string; grading: unknown; version: number };

const RUN = `mutation($y: Int!) { runScreening(year: $y) { year regionCode evaluated candidates raised updated withdrawn unchanged settled byLevel { level count } } }`;
type Grade = { level: string; maxIncomeRatio: number; minRisks: number };

/**
 * The statistician's reading of the rule, written without the API's SQL: one row per
 * household that should carry a warning, with its level. Grading → a CASE in order.
 */
async function expected(year: number, column: string, code: string): Promise<Map<number, string>> {
  const rule = await sqlOne<{ poverty_line: string; monitoring_line: string; grading: Grade[] }>(
    `select poverty_line, monitoring_line, grading from screening_rule where year = $1`,
    [year],
  );
  const cases = rule.grading
    .map((g) => `when pc <= ${g.maxIncomeRatio} * ${rule.poverty_line} and risks >= ${g.minRisks} then '${g.level}'`)
    .join(' ');
  const rows = await sql<{ id: number; level: string }>(
    `
    with base as (
      select h.id, h.registered, h.status, h.lifted_year,
        round((r.wage_income + r.business_income + r.property_income + r.transfer_income - r.production_expenses) / r.members, 2) as pc,
        (select count(*) from (select unnest(h.risk_types) as t
                               union select coalesce(p.risk_type, 'OTHER') from risk_point p where p.household_id = h.id and p.resolved_at is null) x) as risks
      from household h join income_record r on r.household_id = h.id and r.year = $1
      where h.${column} = $2 and (h.monitoring_category is null or h.risk_eliminated_at is not null)
    ), typed as (
      select *, case when not registered and pc < ${rule.monitoring_line} then 'EDGE'
                     when registered and status = 'LIFTED' and lifted_year <= $1 then 'RETURN' end as kind
      from base where risks >= 1
    )
    select id, level from (select id, case ${cases} end as level from typed where kind is not null) g where level is not null`,
    [year, code],
  );
  return new Map(rows.map((r) => [r.id, r.level]));
}

const countLevels = (m: Map<number, string>) => {
  const out: Record<string, number> = {};
  for (const level of m.values()) out[level] = (out[level] ?? 0) + 1;
  return out;
};
const reportLevels = (byLevel: { level: string; count: number }[]) => Object.fromEntries(byLevel.map((l) => [l.level, l.count]));

async function openWarnings(year: number, column = 'county_code', code = '341324'): Promise<Map<number, string>> {
  const rows = await sql<{ household_id: number; level: string }>(
    `select w.household_id, w.level::text from warning w join household h on h.id = w.household_id
     where w.year = $1 and w.status = 'OPEN' and h.${column} = $2`,
    [year, code],
  );
  return new Map(rows.map((r) => [r.household_id, r.level]));
}

async function setGrading(grading: Grade[]) {
  const { version } = await sqlOne<{ version: number }>(`select version from screening_rule where year = 2019`);
  const result = await api.gql(
    `mutation($i: UpdateScreeningRuleInput!) { updateScreeningRule(input: $i) { screeningRule { version grading { level maxIncomeRatio minRisks } } } }`,
    { i: { year: 2019, version, grading } },
    admin,
  );
  expect(result.errors).toBeUndefined();
  return result.data.updateScreeningRule.screeningRule;
}

beforeAll(async () => {
  api = await startApi();
  [admin, township1, stats] = (await Promise.all(['admin', 'township1', 'stats'].map((u) => api.token(u)))) as [string, string, string];
  township1Code = (await sqlOne<{ region_code: string }>(`select region_code from app_user where username = 'township1'`)).region_code;
  rule2019 = await sqlOne(`select poverty_line, monitoring_line, grading, version from screening_rule where year = 2019`);
});

afterAll(async () => {
  await api.close();
  await closeSql();
});

describe('screening rules', () => {
  it('lists the seeded years with the grading JSON as typed rules', async () => {
    const result = await api.gql(
      `{ screeningRules(first: 20) { totalCount edges { node { id year povertyLine monitoringLine version
      grading { level maxIncomeRatio minRisks maxIncome } } } } }`,
      {},
      stats,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data.screeningRules.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.year)).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    const y2020 = nodes.find((n: any) => n.year === 2020);
    expect(y2020).toMatchObject({ id: globalId('ScreeningRule', 2020), povertyLine: '4000.00', monitoringLine: '5000.00' });
    expect(y2020.grading).toEqual([
      { level: 'RED', maxIncomeRatio: 1, minRisks: 1, maxIncome: '4000.00' },
      { level: 'ORANGE', maxIncomeRatio: 1.2, minRisks: 1, maxIncome: '4800.00' },
      { level: 'YELLOW', maxIncomeRatio: 1.5, minRisks: 1, maxIncome: '6000.00' },
    ]);
  });

  it('refuses bad rules naming the field, other roles, and stale versions', async () => {
    const UPDATE = `mutation($i: UpdateScreeningRuleInput!) { updateScreeningRule(input: $i) { screeningRule { version } } }`;
    const base = { year: 2019, version: rule2019.version };
    const ok: Grade[] = [{ level: 'RED', maxIncomeRatio: 1, minRisks: 1 }];
    const cases: [Record<string, unknown>, string][] = [
      [{ povertyLine: '-1' }, 'povertyLine'],
      [{ povertyLine: '0' }, 'povertyLine'],
      [{ monitoringLine: '3000.00' }, 'monitoringLine'],
      [{ grading: [] }, 'grading'],
      [{ grading: [...ok, { level: 'ORANGE', maxIncomeRatio: 0, minRisks: 1 }] }, 'grading.1.maxIncomeRatio'],
      [{ grading: [{ level: 'RED', maxIncomeRatio: 11, minRisks: 1 }] }, 'grading.0.maxIncomeRatio'],
      [{ grading: [{ level: 'RED', maxIncomeRatio: 1, minRisks: 0 }] }, 'grading.0.minRisks'],
      [{ grading: [{ level: 'RED', maxIncomeRatio: 1, minRisks: 9 }] }, 'grading.0.minRisks'],
    ];
    for (const [change, field] of cases) {
      const result = await api.gql(UPDATE, { i: { ...base, ...change } }, admin);
      expect(result.errors?.[0]?.extensions, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const level = await api.gql(UPDATE, { i: { ...base, grading: [{ level: 'PURPLE', maxIncomeRatio: 1, minRisks: 1 }] } }, admin);
    expect(level.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(UPDATE, { i: { ...base, grading: ok } }, township1)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(UPDATE, { i: { ...base, version: base.version + 5, grading: ok } }, admin)).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
    const after = await sqlOne<{ version: number }>(`select version from screening_rule where year = 2019`);
    expect(after.version).toBe(rule2019.version);
  });

  it('creates a rule for a new year once (CONFLICT the second time)', async () => {
    const CREATE = `mutation($i: CreateScreeningRuleInput!) { createScreeningRule(input: $i) { screeningRule { year version grading { level } } } }`;
    const input = {
      year: 2031,
      povertyLine: '4500',
      monitoringLine: '6000',
      grading: [{ level: 'ORANGE', maxIncomeRatio: 1.1, minRisks: 2 }],
    };
    expect((await api.gql(CREATE, { i: input }, township1)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const first = await api.gql(CREATE, { i: input }, admin);
    expect(first.errors).toBeUndefined();
    expect(first.data.createScreeningRule.screeningRule).toEqual({ year: 2031, version: 1, grading: [{ level: 'ORANGE' }] });
    expect((await api.gql(CREATE, { i: input }, admin)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('runScreening', () => {
  it('refuses statisticians and years without a rule', async () => {
    expect((await api.gql(RUN, { y: 2019 }, stats)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(RUN, { y: 2013 }, admin)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('township1 screens only its own township', async () => {
    const result = await api.gql(RUN, { y: 2019 }, township1);
    expect(result.errors).toBeUndefined();
    const report = result.data.runScreening;
    const want = await expected(2019, 'township_code', township1Code);
    const households = await sqlOne<{ n: number }>(`select count(*)::int as n from household where township_code = $1`, [township1Code]);
    expect(report).toMatchObject({
      regionCode: township1Code,
      evaluated: households.n,
      candidates: want.size,
      raised: want.size,
      withdrawn: 0,
    });
    expect(reportLevels(report.byLevel)).toEqual(countLevels(want));
    const outside = await sqlOne<{ n: number }>(
      `select count(*)::int as n from warning w join household h on h.id = w.household_id where w.year = 2019 and h.township_code <> $1`,
      [township1Code],
    );
    expect(outside.n).toBe(0);
    expect(await openWarnings(2019, 'township_code', township1Code)).toEqual(want);
  });

  it('the county run raises one warning per expected household, graded as the rule says, in well under seconds', async () => {
    const want = await expected(2019, 'county_code', '341324');
    const already = (await openWarnings(2019)).size;
    const started = Date.now();
    const result = await api.gql(RUN, { y: 2019 }, admin);
    const ms = Date.now() - started;
    console.info(`runScreening 2019 county: ${ms} ms`, JSON.stringify(result.data?.runScreening));
    expect(result.errors).toBeUndefined();
    expect(ms).toBeLessThan(3000);
    const report = result.data.runScreening;
    expect(report).toMatchObject({
      candidates: want.size,
      raised: want.size - already,
      updated: 0,
      withdrawn: 0,
      unchanged: already,
      settled: 0,
    });
    expect(reportLevels(report.byLevel)).toEqual(countLevels(want));
    expect(await openWarnings(2019)).toEqual(want);
    const audit = await sqlOne<{ n: number }>(
      `select count(*)::int as n from audit_log where entity = 'Screening' and entity_id = '2019:341324'`,
    );
    expect(audit.n).toBe(1);
    const sample = await sqlOne<{ reasons: string[] }>(`select reasons from warning where year = 2019 and level = 'ORANGE' limit 1`);
    expect(sample.reasons[1]).toMatch(/^人均纯收入 -?[\d,]+(\.\d{2})? 元 ≤ 贫困线 × 1\.2（4,496\.40 元）$/);
    expect(sample.reasons[2]).toMatch(/^风险 \d 项：(因病|因残|因学|因灾|因意外事故|因产业失败|因务工就业不稳|其他)/);
  });

  it('a second run with the same rule changes nothing', async () => {
    const before = await sql(`select * from warning where year = 2019 order by id`);
    const report = (await api.gql(RUN, { y: 2019 }, admin)).data.runScreening;
    expect(report).toMatchObject({ raised: 0, updated: 0, withdrawn: 0, unchanged: report.candidates });
    expect(await sql(`select * from warning where year = 2019 order by id`)).toEqual(before);
  });

  it('a raised RED ratio regrades, a lowered YELLOW ratio withdraws, as the rule says', async () => {
    const original = rule2019.grading as Grade[];
    const previous = await openWarnings(2019);
    await setGrading(original.map((g) => (g.level === 'RED' ? { ...g, maxIncomeRatio: 1.1 } : g)));
    const regraded = await expected(2019, 'county_code', '341324');
    const changed = [...regraded].filter(([id, level]) => previous.get(id) !== level).length;
    expect(countLevels(regraded).RED ?? 0).toBeGreaterThan(countLevels(previous).RED ?? 0);
    const first = (await api.gql(RUN, { y: 2019 }, admin)).data.runScreening;
    expect(first).toMatchObject({ raised: 0, withdrawn: 0, candidates: regraded.size });
    expect(first.updated).toBeGreaterThanOrEqual(changed); // reasons of every RED/ORANGE line change too
    expect(await openWarnings(2019)).toEqual(regraded);
    const red = await sqlOne<{ reasons: string[] }>(`select reasons from warning where year = 2019 and level = 'RED' limit 1`);
    expect(red.reasons[1]).toContain('贫困线 × 1.1（4,121.70 元）');

    await setGrading(
      original.map((g) => (g.level === 'RED' ? { ...g, maxIncomeRatio: 1.1 } : g.level === 'YELLOW' ? { ...g, maxIncomeRatio: 1.22 } : g)),
    );
    const narrowed = await expected(2019, 'county_code', '341324');
    const second = (await api.gql(RUN, { y: 2019 }, admin)).data.runScreening;
    expect(second.withdrawn).toBe(regraded.size - narrowed.size);
    expect(second.withdrawn).toBeGreaterThan(0);
    expect(await openWarnings(2019)).toEqual(narrowed);
    expect(reportLevels(second.byLevel)).toEqual(countLevels(narrowed));
  });

  it('2020: warnings turned into cases or dismissed are never touched', async () => {
    const settledBefore = await sql(`select * from warning where year = 2020 and status <> 'OPEN' order by id`);
    const want = await expected(2020, 'county_code', '341324');
    const report = (await api.gql(RUN, { y: 2020 }, admin)).data.runScreening;
    expect(await sql(`select * from warning where year = 2020 and status <> 'OPEN' order by id`)).toEqual(settledBefore);
    const settledHouseholds = new Set(settledBefore.map((w) => w.household_id as number));
    const unsettled = new Map([...want].filter(([id]) => !settledHouseholds.has(id)));
    expect(report.candidates).toBe(want.size);
    expect(report.settled).toBe(want.size - unsettled.size);
    expect(report.candidates).toBe(report.raised + report.updated + report.unchanged + report.settled);
    expect(await openWarnings(2020)).toEqual(unsettled);
  });
});

describe('warnings connection', () => {
  it('is region-scoped and filters by year and level, equal to SQL', async () => {
    const Q = `query($f: WarningFilter) { warnings(first: 5, filter: $f, orderBy: { field: level, direction: ASC }) { totalCount
      edges { node { id level kind year status reasons perCapitaNetIncome createdAt household { householdNumber townshipCode } } } } }`;
    const result = await api.gql(Q, { f: { year: 2019, level: 'ORANGE' } }, township1);
    expect(result.errors).toBeUndefined();
    const count = await sqlOne<{ n: number }>(
      `select count(*)::int as n from warning w join household h on h.id = w.household_id
      where w.year = 2019 and w.level = 'ORANGE' and h.township_code = $1`,
      [township1Code],
    );
    expect(result.data.warnings.totalCount).toBe(count.n);
    for (const { node } of result.data.warnings.edges)
      expect(node).toMatchObject({ level: 'ORANGE', year: 2019, household: { townshipCode: township1Code } });
    const other = await sqlOne<{ id: number }>(
      `select w.id from warning w join household h on h.id = w.household_id where h.township_code <> $1 limit 1`,
      [township1Code],
    );
    const node = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId('Warning', other.id) }, township1);
    expect(node.data.node).toBeNull();
    const outside = await api.gql(Q, { f: { regionCode: '341324101' } }, township1);
    expect(outside.data.warnings.totalCount).toBe(0);
  });
});
