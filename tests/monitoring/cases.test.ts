// The declaration workflow over real HTTP and the real database: every step by the
// right user, every refusal (role, region, skipped/repeated step, stale version,
// missing reason) with its code and with monitoring_case, case_transition and
// household rows unchanged; two simultaneous approvals; rejection; risk elimination.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, DEMO_PASSWORD, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';
import { hashPassword } from '../../kernel/password.ts';

let api: TestApi;
const tok: Record<string, string> = {};
const unique = Date.now().toString(36);
const TOWNSHIP = '341324100';
let village = '';
/** Households: a lifted one (taken all the way), one for rejection, a non-registered one. */
let lifted = 0;
let other = 0;
let nonRegistered = 0;

const CASE_FIELDS = `id stage version category riskTypes source reason warningId household { householdNumber }
  transitions { fromStage toStage actor { username displayName role } at reason }
  nextStep { action label role mutation } availableActions { action mutation }`;
const DECLARE = `mutation($input: DeclareMonitoringCaseInput!) { declareMonitoringCase(input: $input) { monitoringCase { ${CASE_FIELDS} } } }`;
const step = (name: string, input = 'MonitoringCaseStepInput') =>
  `mutation($input: ${input}!) { ${name}(input: $input) { monitoringCase { id stage version } } }`;
const VERIFY = step('verifyMonitoringCase');
const VILLAGE_REVIEW = step('reviewMonitoringCaseInVillage');
const TOWNSHIP_REVIEW = step('reviewMonitoringCaseInTownship');
const APPROVE = step('approveMonitoringCase');
const REJECT = step('rejectMonitoringCase', 'MonitoringCaseDecisionInput');
const ELIMINATE = step('eliminateMonitoringCaseRisk', 'MonitoringCaseDecisionInput');
const NODE = `query($id: ID!) { node(id: $id) { ... on MonitoringCase { ${CASE_FIELDS} } } }`;

/** Households in `village` with no open case (so reruns on the same data still find some). */
const freeHousehold = (where: string) =>
  sqlOne<{ id: number }>(
    `select h.id from household h where h.village_code = $1 and ${where} and h.monitoring_category is null
        and not exists (select 1 from monitoring_case c where c.household_id = h.id and c.stage not in ('REJECTED', 'RISK_ELIMINATED'))
        and exists (select 1 from person p where p.household_id = h.id)
      order by h.id limit 1`,
    [village],
  );

beforeAll(async () => {
  api = await startApi();
  // A village of township 100 other than village1's, so that village1 is a cadre of another village.
  village = (
    await sqlOne<{ code: string }>(`select code from village where township_code = $1 and code <> '341324100001' order by code limit 1`, [
      TOWNSHIP,
    ])
  ).code;
  lifted = (await freeHousehold(`h.registered and h.status = 'LIFTED'`)).id;
  other = (
    await sqlOne<{ id: number }>(
      `select h.id from household h where h.village_code = $1 and h.registered and h.status = 'LIFTED' and h.id <> $2 and h.monitoring_category is null
       and not exists (select 1 from monitoring_case c where c.household_id = h.id and c.stage not in ('REJECTED', 'RISK_ELIMINATED'))
     order by h.id limit 1`,
      [village, lifted],
    )
  ).id;
  nonRegistered = (await freeHousehold(`not h.registered`)).id;
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const [name, role, region] of [
    [`mcv_${unique}`, 'VILLAGE_CADRE', village],
    [`mct_${unique}`, 'TOWNSHIP_OFFICER', TOWNSHIP],
  ] as const) {
    await sql(`insert into app_user (username, display_name, password_hash, role, region_code) values ($1, $2, $3, $4, $5)`, [
      name,
      `测试${role}`,
      hash,
      role,
      region,
    ]);
  }
  for (const [key, user] of Object.entries({
    cadre: `mcv_${unique}`,
    officer: `mct_${unique}`,
    admin: 'admin',
    stats: 'stats',
    dept: 'dept1',
    village1: 'village1',
    township2: 'township2',
  })) {
    tok[key] = await api.token(user);
  }
});
afterAll(async () => {
  await api?.close();
  await closeSql();
});

/** The rows a refusal must leave untouched. */
async function snapshot(caseId: number | null, householdId: number) {
  return {
    cases: await sql(`select * from monitoring_case where household_id = $1 order by id`, [householdId]),
    transitions: await sql(
      `select t.* from case_transition t join monitoring_case c on c.id = t.case_id where c.household_id = $1 order by t.id`,
      [householdId],
    ),
    household: await sql(`select * from household where id = $1`, [householdId]),
    caseRow: caseId === null ? null : await sql(`select * from monitoring_case where id = $1`, [caseId]),
  };
}

/** Runs a request that must fail with `code`, and checks nothing changed. */
async function refused(
  query: string,
  input: object,
  token: string,
  code: string,
  caseId: number | null,
  householdId: number,
  message?: string,
) {
  const before = await snapshot(caseId, householdId);
  const result = await api.gql(query, { input }, token);
  expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe(code);
  if (message) expect(result.errors?.[0]?.message).toContain(message);
  expect(await snapshot(caseId, householdId)).toEqual(before);
  return result.errors![0]!;
}

const declareInput = (householdId: number, extra: object = {}) => ({
  householdId: globalId('Household', householdId),
  source: 'VISIT',
  category: 'UNSTABLE_LIFTED',
  riskTypes: ['ILLNESS', 'UNSTABLE_EMPLOYMENT'],
  reason: '户主患大病，务工收入中断',
  ...extra,
});

describe('the declaration workflow, step by step', () => {
  let caseGid = '';
  let caseId = 0;
  let version = 1;

  it('refuses declarations from the wrong role, the wrong region, or breaking the category rules', async () => {
    const visit = await sqlOne<{ id: number } | undefined>(`select id from visit where household_id = $1 limit 1`, [lifted]).catch(
      () => undefined,
    );
    const input = visit
      ? declareInput(lifted, { visitId: globalId('Visit', visit.id) })
      : declareInput(lifted, { source: 'SELF_DECLARATION' });
    await refused(DECLARE, input, tok.stats!, 'FORBIDDEN', null, lifted);
    await refused(DECLARE, input, tok.dept!, 'FORBIDDEN', null, lifted);
    await refused(DECLARE, input, tok.village1!, 'FORBIDDEN', null, lifted);
    await refused(DECLARE, input, tok.township2!, 'FORBIDDEN', null, lifted);
    const edge = await refused(DECLARE, { ...input, category: 'EDGE' }, tok.cadre!, 'BAD_USER_INPUT', null, lifted);
    expect(edge.extensions?.field).toBe('category');
    const unstable = await refused(
      DECLARE,
      declareInput(nonRegistered, { source: 'SELF_DECLARATION' }),
      tok.cadre!,
      'BAD_USER_INPUT',
      null,
      nonRegistered,
    );
    expect(unstable.extensions?.field).toBe('category');
    const noVisit = await refused(DECLARE, declareInput(lifted), tok.cadre!, 'BAD_USER_INPUT', null, lifted);
    expect(noVisit.extensions?.field).toBe('visitId');
  });

  it('declares a case (village cadre of the household’s village) and refuses a second open case', async () => {
    const result = await api.gql(DECLARE, { input: declareInput(lifted, { source: 'SELF_DECLARATION' }) }, tok.cadre);
    expect(result.errors).toBeUndefined();
    const c = result.data.declareMonitoringCase.monitoringCase;
    expect(c).toMatchObject({
      stage: 'DECLARED',
      version: 1,
      category: 'UNSTABLE_LIFTED',
      source: 'SELF_DECLARATION',
      riskTypes: ['ILLNESS', 'UNSTABLE_EMPLOYMENT'],
    });
    expect(c.transitions).toEqual([
      expect.objectContaining({
        fromStage: null,
        toStage: 'DECLARED',
        reason: '户主患大病，务工收入中断',
        actor: { username: `mcv_${unique}`, displayName: '测试VILLAGE_CADRE', role: 'VILLAGE_CADRE' },
      }),
    ]);
    expect(c.nextStep).toEqual({ action: 'VERIFY', label: '入户核实', role: 'VILLAGE_CADRE', mutation: 'verifyMonitoringCase' });
    expect(c.availableActions.map((a: any) => a.action)).toEqual(['VERIFY', 'REJECT']);
    caseGid = c.id;
    caseId = Number(Buffer.from(caseGid, 'base64').toString().split(':')[1]);
    const row = await sqlOne<{ village_code: string; stage: string }>(
      `select village_code, stage::text from monitoring_case where id = $1`,
      [caseId],
    );
    expect(row).toEqual({ village_code: village, stage: 'DECLARED' });
    await refused(DECLARE, declareInput(lifted, { source: 'SELF_DECLARATION' }), tok.officer!, 'CONFLICT', caseId, lifted);
  });

  it('at DECLARED: refuses wrong role, wrong region, skipped step, stale version; then verifies', async () => {
    const input = { id: caseGid, version };
    await refused(VERIFY, input, tok.officer!, 'FORBIDDEN', caseId, lifted); // role
    await refused(VERIFY, input, tok.village1!, 'NOT_FOUND', caseId, lifted); // another village: invisible
    await refused(TOWNSHIP_REVIEW, input, tok.township2!, 'NOT_FOUND', caseId, lifted); // another township
    await refused(APPROVE, input, tok.admin!, 'CONFLICT', caseId, lifted, '该案件当前处于「申报」阶段'); // skipped
    await refused(REJECT, { ...input, reason: '不符合条件' }, tok.officer!, 'FORBIDDEN', caseId, lifted); // visible, not the next step's owner
    await refused(VERIFY, { ...input, version: version + 1 }, tok.cadre!, 'CONFLICT', caseId, lifted); // stale
    const viewOfficer = await api.gql(NODE, { id: caseGid }, tok.officer);
    expect(viewOfficer.data.node.availableActions).toEqual([]);
    const ok = await api.gql(VERIFY, { input: { ...input, reason: '入户核实属实' } }, tok.cadre);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.verifyMonitoringCase.monitoringCase).toMatchObject({ stage: 'VERIFIED', version: 2 });
    version = 2;
  });

  it('at VERIFIED: refuses a repeated verification, then the village committees review', async () => {
    await refused(VERIFY, { id: caseGid, version }, tok.cadre!, 'CONFLICT', caseId, lifted, '该案件当前处于「入户核实」阶段');
    await refused(VILLAGE_REVIEW, { id: caseGid, version }, tok.officer!, 'FORBIDDEN', caseId, lifted);
    const ok = await api.gql(VILLAGE_REVIEW, { input: { id: caseGid, version } }, tok.cadre);
    expect(ok.data.reviewMonitoringCaseInVillage.monitoringCase).toMatchObject({ stage: 'VILLAGE_REVIEWED', version: 3 });
    version = 3;
  });

  it('at VILLAGE_REVIEWED: refuses the village cadre and the county, repeats and stale versions; the township reviews', async () => {
    await refused(VILLAGE_REVIEW, { id: caseGid, version }, tok.cadre!, 'CONFLICT', caseId, lifted, '该案件当前处于「村两委研究」阶段');
    await refused(TOWNSHIP_REVIEW, { id: caseGid, version }, tok.cadre!, 'FORBIDDEN', caseId, lifted);
    await refused(TOWNSHIP_REVIEW, { id: caseGid, version }, tok.admin!, 'FORBIDDEN', caseId, lifted);
    await refused(APPROVE, { id: caseGid, version }, tok.admin!, 'CONFLICT', caseId, lifted, '村两委研究');
    await refused(TOWNSHIP_REVIEW, { id: caseGid, version: 1 }, tok.officer!, 'CONFLICT', caseId, lifted);
    await refused(REJECT, { id: caseGid, version, reason: '不符合' }, tok.cadre!, 'FORBIDDEN', caseId, lifted);
    const view = await api.gql(NODE, { id: caseGid }, tok.officer);
    expect(view.data.node.availableActions.map((a: any) => a.mutation)).toEqual(['reviewMonitoringCaseInTownship', 'rejectMonitoringCase']);
    const ok = await api.gql(TOWNSHIP_REVIEW, { input: { id: caseGid, version, reason: '同意上报' } }, tok.officer);
    expect(ok.data.reviewMonitoringCaseInTownship.monitoringCase).toMatchObject({ stage: 'TOWNSHIP_REVIEWED', version: 4 });
    version = 4;
  });

  it('two simultaneous approvals with the same version: exactly one wins; the household is then monitored', async () => {
    await refused(APPROVE, { id: caseGid, version }, tok.officer!, 'FORBIDDEN', caseId, lifted);
    const householdBefore = await sqlOne<{ version: number }>(`select version from household where id = $1`, [lifted]);
    const results = await Promise.all(
      [0, 1].map(() => api.gql(APPROVE, { input: { id: caseGid, version, reason: '县级审定纳入' } }, tok.admin)),
    );
    const wins = results.filter((r) => !r.errors);
    const losses = results.filter((r) => r.errors);
    expect(wins).toHaveLength(1);
    expect(losses.map((r) => r.errors![0]!.extensions?.code)).toEqual(['CONFLICT']);
    expect(wins[0]!.data.approveMonitoringCase.monitoringCase).toMatchObject({ stage: 'APPROVED', version: 5 });
    version = 5;
    const transitions = await sql<{ to_stage: string; username: string }>(
      `select t.to_stage::text, u.username from case_transition t join app_user u on u.id = t.actor_id where t.case_id = $1 order by t.at, t.id`,
      [caseId],
    );
    expect(transitions).toEqual([
      { to_stage: 'DECLARED', username: `mcv_${unique}` },
      { to_stage: 'VERIFIED', username: `mcv_${unique}` },
      { to_stage: 'VILLAGE_REVIEWED', username: `mcv_${unique}` },
      { to_stage: 'TOWNSHIP_REVIEWED', username: `mct_${unique}` },
      { to_stage: 'APPROVED', username: 'admin' },
    ]);
    const h = await sqlOne<{ monitoring_category: string; since: string; risk_types: string; version: number }>(
      `select monitoring_category::text, (monitoring_since = (now() at time zone 'Asia/Shanghai')::date)::text as since, risk_types::text, version from household where id = $1`,
      [lifted],
    );
    expect(h).toEqual({
      monitoring_category: 'UNSTABLE_LIFTED',
      since: 'true',
      risk_types: '{ILLNESS,UNSTABLE_EMPLOYMENT}',
      version: householdBefore.version + 1,
    });
    const audited = await sql(`select 1 from audit_log where entity = 'Household' and entity_id = $1 and action = 'UPDATE'`, [
      String(lifted),
    ]);
    expect(audited.length).toBeGreaterThan(0);
    const listed = await api.gql(
      `query($f: HouseholdFilter) { households(first: 100, filter: $f) { edges { node { id monitoringCategory monitoringSince } } } }`,
      { f: { regionCode: village, monitoringCategory: 'UNSTABLE_LIFTED' } },
      tok.admin,
    );
    expect(listed.data.households.edges.map((e: any) => e.node.id)).toContain(globalId('Household', lifted));
    const node = await api.gql(NODE, { id: caseGid }, tok.admin);
    expect(node.data.node.transitions).toHaveLength(5);
    expect(node.data.node.nextStep).toMatchObject({ action: 'ELIMINATE_RISK' });
    expect(node.data.node.availableActions.map((a: any) => a.action)).toEqual(['ELIMINATE_RISK']);
  });

  it('after approval: no rejection, no second approval; risk elimination needs a reason and the right role', async () => {
    await refused(REJECT, { id: caseGid, version, reason: '晚了' }, tok.admin!, 'CONFLICT', caseId, lifted, '县级审定');
    await refused(APPROVE, { id: caseGid, version }, tok.admin!, 'CONFLICT', caseId, lifted);
    await refused(ELIMINATE, { id: caseGid, version, reason: '' }, tok.officer!, 'BAD_USER_INPUT', caseId, lifted);
    const missing = await api.gql(ELIMINATE, { input: { id: caseGid, version } }, tok.officer);
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await refused(ELIMINATE, { id: caseGid, version, reason: '稳定增收' }, tok.cadre!, 'FORBIDDEN', caseId, lifted);
    await refused(ELIMINATE, { id: caseGid, version, reason: '稳定增收' }, tok.township2!, 'NOT_FOUND', caseId, lifted);
    const ok = await api.gql(ELIMINATE, { input: { id: caseGid, version, reason: '务工收入稳定，风险消除' } }, tok.officer);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.eliminateMonitoringCaseRisk.monitoringCase).toMatchObject({ stage: 'RISK_ELIMINATED', version: 6 });
    const h = await sqlOne<{ eliminated: boolean; category: string }>(
      `select risk_eliminated_at = (now() at time zone 'Asia/Shanghai')::date as eliminated, monitoring_category::text as category from household where id = $1`,
      [lifted],
    );
    expect(h).toEqual({ eliminated: true, category: 'UNSTABLE_LIFTED' });
    const last = await sqlOne<{ reason: string; from_stage: string }>(
      `select reason, from_stage::text from case_transition where case_id = $1 and to_stage = 'RISK_ELIMINATED'`,
      [caseId],
    );
    expect(last).toEqual({ reason: '务工收入稳定，风险消除', from_stage: 'APPROVED' });
  });
});

describe('rejection and screening cases', () => {
  it('a screening case marks its warning CASE_OPENED; rejection needs a reason and the next step’s owner', async () => {
    const year = (await sqlOne<{ y: number }>(`select coalesce(max(year), 2020) + 1 as y from warning where household_id = $1`, [other])).y;
    const warning = await sqlOne<{ id: number }>(
      `insert into warning (household_id, year, kind, level, reasons) values ($1, $2, 'RETURN_RISK', 'RED', '{测试}') returning id`,
      [other, year],
    );
    const declared = await api.gql(
      DECLARE,
      { input: declareInput(other, { source: 'SCREENING', warningId: globalId('Warning', warning.id) }) },
      tok.officer,
    );
    expect(declared.errors).toBeUndefined();
    const c = declared.data.declareMonitoringCase.monitoringCase;
    expect(c.warningId).toBe(globalId('Warning', warning.id));
    expect((await sqlOne<{ status: string }>(`select status::text from warning where id = $1`, [warning.id])).status).toBe('CASE_OPENED');
    const caseId = Number(Buffer.from(c.id, 'base64').toString().split(':')[1]);
    await refused(REJECT, { id: c.id, version: 1, reason: '   ' }, tok.cadre!, 'BAD_USER_INPUT', caseId, other);
    const missing = await api.gql(REJECT, { input: { id: c.id, version: 1 } }, tok.cadre);
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await refused(REJECT, { id: c.id, version: 1, reason: '收入达标' }, tok.admin!, 'FORBIDDEN', caseId, other);
    await refused(REJECT, { id: c.id, version: 1, reason: '收入达标' }, tok.village1!, 'NOT_FOUND', caseId, other);
    const ok = await api.gql(REJECT, { input: { id: c.id, version: 1, reason: '核实收入达标，不予纳入' } }, tok.cadre);
    expect(ok.data.rejectMonitoringCase.monitoringCase).toMatchObject({ stage: 'REJECTED', version: 2 });
    await refused(VERIFY, { id: c.id, version: 2 }, tok.cadre!, 'CONFLICT', caseId, other, '该案件当前处于「不予纳入」阶段');
    const t = await sqlOne<{ reason: string; username: string }>(
      `select t.reason, u.username from case_transition t join app_user u on u.id = t.actor_id where t.case_id = $1 and t.to_stage = 'REJECTED'`,
      [caseId],
    );
    expect(t).toEqual({ reason: '核实收入达标，不予纳入', username: `mcv_${unique}` });
    // A rejected case is closed: the household may be declared again; the used warning may not.
    await refused(
      DECLARE,
      declareInput(other, { source: 'SCREENING', warningId: globalId('Warning', warning.id) }),
      tok.officer!,
      'CONFLICT',
      null,
      other,
    );
    const again = await api.gql(
      DECLARE,
      { input: declareInput(other, { source: 'SELF_DECLARATION', category: 'SUDDEN_HARDSHIP' }) },
      tok.admin,
    );
    expect(again.data.declareMonitoringCase.monitoringCase.stage).toBe('DECLARED');
  });

  it('two simultaneous declarations for one household, or a verification racing a rejection: exactly one wins', async () => {
    const h = (await freeHousehold(`h.registered and h.status = 'LIFTED' and h.id not in (${lifted}, ${other})`)).id;
    const declared = await Promise.all(
      [tok.cadre!, tok.officer!].map((t) => api.gql(DECLARE, { input: declareInput(h, { source: 'SELF_DECLARATION' }) }, t)),
    );
    expect(declared.filter((r) => !r.errors)).toHaveLength(1);
    expect(declared.filter((r) => r.errors).map((r) => r.errors![0]!.extensions?.code)).toEqual(['CONFLICT']);
    const c = declared.find((r) => !r.errors)!.data.declareMonitoringCase.monitoringCase;
    const raced = await Promise.all([
      api.gql(VERIFY, { input: { id: c.id, version: 1 } }, tok.cadre),
      api.gql(REJECT, { input: { id: c.id, version: 1, reason: '同时不予纳入' } }, tok.cadre),
    ]);
    expect(raced.filter((r) => !r.errors)).toHaveLength(1);
    expect(raced.filter((r) => r.errors).map((r) => r.errors![0]!.extensions?.code)).toEqual(['CONFLICT']);
    const rows = await sql<{ n: string; stage: string }>(
      `select (select count(*) from case_transition t where t.case_id = c.id)::text as n, c.stage::text from monitoring_case c where c.household_id = $1`,
      [h],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.n).toBe('2');
  });
});

describe('monitoringCases connection', () => {
  it('filters by region, stage and household as SQL does', async () => {
    const LIST = `query($f: MonitoringCaseFilter, $o: MonitoringCaseOrderBy) { monitoringCases(first: 50, filter: $f, orderBy: $o) {
      totalCount edges { node { id stage declaredAt household { householdNumber } transitions { toStage actor { username } } } } } }`;
    const r = await api.gql(
      LIST,
      { f: { regionCode: TOWNSHIP, stage: 'APPROVED' }, o: { field: 'declaredAt', direction: 'DESC' } },
      tok.officer,
    );
    expect(r.errors).toBeUndefined();
    const n = await sqlOne<{ n: string }>(`select count(*) as n from monitoring_case where township_code = $1 and stage = 'APPROVED'`, [
      TOWNSHIP,
    ]);
    expect(r.data.monitoringCases.totalCount).toBe(Number(n.n));
    const ids = await sql<{ id: number }>(
      `select id from monitoring_case where township_code = $1 and stage = 'APPROVED' order by declared_at desc, id desc limit 50`,
      [TOWNSHIP],
    );
    expect(r.data.monitoringCases.edges.map((e: any) => e.node.id)).toEqual(ids.map((x) => globalId('MonitoringCase', x.id)));
    api.resetStatements();
    const mine = await api.gql(LIST, { f: { householdId: globalId('Household', lifted) } }, tok.cadre);
    expect(mine.data.monitoringCases.edges).toHaveLength(1);
    expect(api.statements.length).toBeLessThanOrEqual(4); // nested transitions and actors: no N+1
    const outside = await api.gql(LIST, { f: { householdId: globalId('Household', lifted) } }, tok.township2);
    expect(outside.data.monitoringCases.totalCount).toBe(0);
  });
});
