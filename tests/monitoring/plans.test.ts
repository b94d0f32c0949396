// Assistance plans (一户一方案, 一人一措施) over real HTTP and the real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';

let api: TestApi;
const tok: Record<string, string> = {};
const TOWNSHIP = '341324100';
/** A monitored household of township 100 without a plan; one not monitored; a person of each. */
let monitored = 0;
let notMonitored = 0;
let member = 0;
let stranger = 0;

const PLAN_FIELDS = `id summary version household { id }
  measures { id kind description status channelCode contractId version person { id name } }`;
const CREATE = `mutation($input: CreateAssistancePlanInput!) { createAssistancePlan(input: $input) { assistancePlan { ${PLAN_FIELDS} } } }`;
const ADD = `mutation($input: AddAssistanceMeasureInput!) { addAssistanceMeasure(input: $input) {
  assistanceMeasure { id kind description status channelCode version person { id } } } }`;
const UPDATE = `mutation($input: UpdateAssistanceMeasureInput!) { updateAssistanceMeasure(input: $input) {
  assistanceMeasure { id status description version } } }`;

beforeAll(async () => {
  api = await startApi();
  // The generated county gives every monitored household a plan: include one more in monitoring
  // (as an approved case would) so there is a household to plan for. This file has its own database.
  monitored = (
    await sqlOne<{ id: number }>(
      `update household set monitoring_category = 'EDGE', monitoring_since = '2020-06-01'
      where id = (select h.id from household h where h.township_code = $1 and not h.registered and h.monitoring_category is null
        and not exists (select 1 from assistance_plan p where p.household_id = h.id)
        and not exists (select 1 from monitoring_case c where c.household_id = h.id)
        and (select count(*) from person p where p.household_id = h.id) >= 2
      order by h.id desc limit 1) returning id`,
      [TOWNSHIP],
    )
  ).id;
  notMonitored = (
    await sqlOne<{ id: number }>(
      `select h.id from household h where h.township_code = $1 and h.monitoring_category is null
        and not exists (select 1 from monitoring_case c where c.household_id = h.id and c.stage in ('APPROVED', 'RISK_ELIMINATED'))
        and not exists (select 1 from assistance_plan p where p.household_id = h.id)
      order by h.id limit 1`,
      [TOWNSHIP],
    )
  ).id;
  member = (await sqlOne<{ id: number }>(`select id from person where household_id = $1 order by id limit 1`, [monitored])).id;
  stranger = (await sqlOne<{ id: number }>(`select id from person where household_id = $1 order by id limit 1`, [notMonitored])).id;
  for (const user of ['admin', 'township1', 'township2', 'stats']) tok[user] = await api.token(user);
});
afterAll(async () => {
  await api?.close();
  await closeSql();
});

const plansOf = (householdId: number) => sql(`select * from assistance_plan where household_id = $1`, [householdId]);

describe('assistance plans', () => {
  let planGid = '';
  let measureGid = '';

  it('creates one plan per monitored household; refuses a second, an unmonitored household, other roles and regions', async () => {
    const input = { householdId: globalId('Household', monitored), summary: '就业帮扶为主，落实医疗保障' };
    const stats = await api.gql(CREATE, { input }, tok.stats);
    expect(stats.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outside = await api.gql(CREATE, { input }, tok.township2);
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unmonitored = await api.gql(CREATE, { input: { ...input, householdId: globalId('Household', notMonitored) } }, tok.township1);
    expect(unmonitored.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'householdId' });
    expect(await plansOf(notMonitored)).toEqual([]);
    expect(await plansOf(monitored)).toEqual([]);

    const ok = await api.gql(CREATE, { input }, tok.township1);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.createAssistancePlan.assistancePlan).toMatchObject({
      summary: input.summary,
      version: 1,
      household: { id: input.householdId },
      measures: [],
    });
    planGid = ok.data.createAssistancePlan.assistancePlan.id;
    const second = await api.gql(CREATE, { input: { ...input, summary: '第二个方案' } }, tok.admin);
    expect(second.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await plansOf(monitored)).map((p: any) => p.summary)).toEqual([input.summary]);
  });

  it('adds measures for members of the household only', async () => {
    const measures = () =>
      sql(`select m.* from assistance_measure m join assistance_plan p on p.id = m.plan_id where p.household_id = $1 order by m.id`, [
        monitored,
      ]);
    const base = { planId: planGid, kind: 'EMPLOYMENT', description: '推荐到扶贫工厂务工', channelCode: 'POVERTY_ALLEVIATION_FACTORY' };
    const foreign = await api.gql(ADD, { input: { ...base, personId: globalId('Person', stranger) } }, tok.township1);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId' });
    const channel = await api.gql(ADD, { input: { ...base, kind: 'MEDICAL', personId: globalId('Person', member) } }, tok.township1);
    expect(channel.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'channelCode' });
    const outside = await api.gql(ADD, { input: { ...base, personId: globalId('Person', member) } }, tok.township2);
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await measures()).toEqual([]);

    const ok = await api.gql(ADD, { input: { ...base, personId: globalId('Person', member) } }, tok.township1);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.addAssistanceMeasure.assistanceMeasure).toMatchObject({
      kind: 'EMPLOYMENT',
      status: 'PLANNED',
      channelCode: 'POVERTY_ALLEVIATION_FACTORY',
      version: 1,
      person: { id: globalId('Person', member) },
    });
    measureGid = ok.data.addAssistanceMeasure.assistanceMeasure.id;
    const household = await api.gql(
      ADD,
      { input: { planId: planGid, kind: 'HOUSING', description: '危房改造', status: 'IN_PROGRESS' } },
      tok.admin,
    );
    expect(household.data.addAssistanceMeasure.assistanceMeasure).toMatchObject({ kind: 'HOUSING', status: 'IN_PROGRESS', person: null });
    expect((await measures()).map((m: any) => [m.kind, m.person_id])).toEqual([
      ['EMPLOYMENT', member],
      ['HOUSING', null],
    ]);
  });

  it('updates a measure’s status with the version check', async () => {
    const ok = await api.gql(
      UPDATE,
      { input: { id: measureGid, version: 1, status: 'DONE', description: '已在扶贫工厂稳定务工' } },
      tok.township1,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateAssistanceMeasure.assistanceMeasure).toMatchObject({
      status: 'DONE',
      description: '已在扶贫工厂稳定务工',
      version: 2,
    });
    const stale = await api.gql(UPDATE, { input: { id: measureGid, version: 1, status: 'CANCELLED' } }, tok.township1);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const outside = await api.gql(UPDATE, { input: { id: measureGid, version: 2, status: 'CANCELLED' } }, tok.township2);
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const row = await sqlOne<{ status: string; version: number }>(`select status::text, version from assistance_measure where id = $1`, [
      Number(Buffer.from(measureGid, 'base64').toString().split(':')[1]),
    ]);
    expect(row).toEqual({ status: 'DONE', version: 2 });
  });

  it('lists plans by region with their measures (household field too), as SQL counts them', async () => {
    const LIST = `query($f: AssistancePlanFilter) { assistancePlans(first: 20, filter: $f) {
      totalCount edges { node { id summary household { householdNumber assistancePlan { id } } measures { kind status person { name } } } } } }`;
    api.resetStatements();
    const r = await api.gql(LIST, { f: { regionCode: TOWNSHIP } }, tok.township1);
    expect(r.errors).toBeUndefined();
    expect(api.statements.length).toBeLessThanOrEqual(4);
    const n = await sqlOne<{ n: string }>(
      `select count(*) as n from assistance_plan p join household h on h.id = p.household_id where h.township_code = $1`,
      [TOWNSHIP],
    );
    expect(r.data.assistancePlans.totalCount).toBe(Number(n.n));
    for (const e of r.data.assistancePlans.edges) expect(e.node.household.assistancePlan.id).toBe(e.node.id);
    const mine = await api.gql(LIST, { f: { householdId: globalId('Household', monitored) } }, tok.admin);
    expect(mine.data.assistancePlans.edges[0].node.measures.map((m: any) => m.status)).toEqual(['DONE', 'IN_PROGRESS']);
    const hidden = await api.gql(LIST, { f: { householdId: globalId('Household', monitored) } }, tok.township2);
    expect(hidden.data.assistancePlans.totalCount).toBe(0);
  });
});
