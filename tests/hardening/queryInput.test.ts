// Every argument of every query field of the printed schema — root fields and
// the fields of every Node type, reached through node(id:) — gets generated
// input (garbage strings, NUL bytes, unpaired surrogates, overlong text, forged
// and foreign cursors, malformed and wrong-type global ids, huge numbers) from
// several users: each answer is a success or a coded refusal, never an internal
// error. Then the named cases, each with the field it names.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql } from '../support/sql.ts';
import { InputFuzzer, loadSchema, type Pool } from '../support/fuzz.ts';
import { REPO_ROOT } from '../../services/platform/config.ts';
import { argumentTargets, targetDocument, variablesArb } from './argumentFuzz.ts';

const RUNS = Number(process.env.QUERY_FUZZ_RUNS ?? 25);
const CONCURRENCY = 6;
const ALLOWED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST']);

const schema = loadSchema(path.join(REPO_ROOT, 'schema.graphql'));
const targets = argumentTargets(schema);
const snake = (s: string) => s.replace(/[A-Z]/g, (c, i) => (i ? '_' : '') + c.toLowerCase());

let api: TestApi;
let admin: string;
let tokens: (string | null)[];
let fuzzer: InputFuzzer;
let cursors: string[];
const nodeIds = new Map<string, string[]>();

beforeAll(async () => {
  api = await startApi({ introspection: false });
  const users = ['admin', 'township1', 'village1', 'dept1', 'stats'];
  const real = await Promise.all(users.map((u) => api.token(u)));
  admin = real[0]!;
  tokens = [admin, admin, ...real.slice(1), null];
  const rows: Pool['rows'] = {};
  for (const model of [
    'Household',
    'Person',
    'Industry',
    'BusinessEntity',
    'BenefitLinkageContract',
    'VillageCollectiveIncome',
    'Employment',
  ]) {
    rows[model] = await sql<{ id: number; version: number }>(`select id, version from ${snake(model)} order by id limit 6`);
  }
  const villages = await sql<{ code: string; township_code: string }>(`select code, township_code from village order by code limit 5`);
  fuzzer = new InputFuzzer({
    rows,
    villageCodes: villages.map((v) => v.code),
    townshipCodes: villages.map((v) => v.township_code),
    industryCodes: ['NOPE'],
  });
  // Real cursors of connections keyed by an int, a division code and a compound key: each is foreign to the others.
  const pages = await api.gql(
    `{ households(first: 2) { edges { cursor } } villages(first: 2) { edges { cursor } } screeningRules(first: 2) { edges { cursor } }
    industries(first: 3) { edges { node { businessEntities(first: 2) { edges { cursor node { id } } } } } } }`,
    {},
    admin,
  );
  cursors = [...JSON.stringify(pages.data).matchAll(/"cursor":"([^"]+)"/g)].map((m) => m[1]!);
  expect(cursors.length).toBeGreaterThan(6);
  for (const { parent } of targets) {
    if (parent === 'Query' || nodeIds.has(parent)) continue;
    const key = ['Township', 'Village', 'EmploymentChannel'].includes(parent) ? 'code' : parent === 'ScreeningRule' ? 'year' : 'id';
    const keys = await sql<{ k: string }>(`select ${key} as k from ${snake(parent)} order by ${key} limit 3`).catch(() => []);
    nodeIds.set(
      parent,
      keys.map((r) => globalId(parent, r.k)),
    );
  }
});

afterAll(async () => {
  await api?.close();
  await closeSql();
});

async function send(document: string, variables: Record<string, unknown>, token: string | null) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: { unparsable: text.slice(0, 200) } };
  }
}

describe('generated input to every query argument', () => {
  it('covers the root fields and the nested fields of the node types', () => {
    expect(targets.filter((t) => t.parent === 'Query').length).toBeGreaterThanOrEqual(20);
    expect(targets.filter((t) => t.parent !== 'Query').length).toBeGreaterThanOrEqual(10);
  });

  for (const target of targets) {
    it(`${target.parent}.${target.field.name}: coded refusals only`, async () => {
      const ids = nodeIds.get(target.parent) ?? [];
      if (target.parent !== 'Query' && ids.length === 0) return; // a node type without rows: nothing to reach
      const document = targetDocument(target);
      const seed = [...`${target.parent}.${target.field.name}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 11);
      const calls = fc.sample(fc.record({ token: fc.constantFrom(...tokens), variables: variablesArb(target, fuzzer, cursors, ids) }), {
        numRuns: RUNS,
        seed,
      });
      const problems: string[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < calls.length) {
            const call = calls[next++]!;
            const { status, body } = await send(document, call.variables, call.token);
            const show = JSON.stringify(call.variables).slice(0, 300);
            if (!body.errors?.length && body.data === undefined) problems.push(`no data and no errors (HTTP ${status}) for ${show}`);
            for (const e of body.errors ?? []) {
              if (!ALLOWED.has(e.extensions?.code))
                problems.push(`${e.extensions?.code ?? 'no code'} (HTTP ${status}: ${e.message}) for ${show}`);
            }
            if (status >= 500) problems.push(`HTTP ${status} for ${show}`);
          }
        }),
      );
      expect(problems.slice(0, 5)).toEqual([]);
    });
  }
});

describe('named bad input, refused before execution with the field it names', () => {
  const refused = async (query: string, variables: Record<string, unknown>, field: string) => {
    api.resetStatements();
    const result = await api.gql(query, variables, admin);
    expect(result.errors?.[0]?.extensions, JSON.stringify(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toMatch(/^[^(]*[\u4e00-\u9fff].*\(/); // Chinese first, English in parentheses
    expect(result.status).toBe(400);
    expect(api.statements).toEqual([]);
  };
  const HOUSEHOLDS = `query($f: HouseholdFilter, $after: String) { households(first: 2, filter: $f, after: $after) { totalCount } }`;

  it('strings: NUL bytes, unpaired surrogates and overlong text, in queries and in mutation inputs', async () => {
    await refused(HOUSEHOLDS, { f: { search: 'a\u0000b' } }, 'filter.search');
    await refused(HOUSEHOLDS, { f: { search: 'a\ud800b' } }, 'filter.search');
    await refused(HOUSEHOLDS, { f: { search: 'x'.repeat(2001) } }, 'filter.search');
    await refused(`{ households(first: 1, filter: { regionCode: "\\u0000" }) { totalCount } }`, {}, 'filter.regionCode');
    const [industry] = await sql<{ id: number; version: number }>(`select id, version from industry order by id limit 1`);
    await refused(
      `mutation($i: UpdateIndustryInput!) { updateIndustry(input: $i) { industry { id } } }`,
      { i: { id: globalId('Industry', industry!.id), version: industry!.version, name: '菜\u0000' } },
      'name',
    );
    // A well-formed string of the same length passes the checks (and the zod rule of the field answers).
    const ok = await api.gql(HOUSEHOLDS, { f: { search: '张' } }, admin);
    expect(ok.errors).toBeUndefined();
  });

  it('cursors: forged, malformed and foreign ones; each connection takes its own', async () => {
    const [village] = cursors.filter((c) => Buffer.from(c, 'base64').toString().startsWith('GPC:S:'));
    const [compound] = cursors.filter((c) => Buffer.from(c, 'base64').toString().startsWith('GPC:T:'));
    const [household] = cursors.filter((c) => Buffer.from(c, 'base64').toString().startsWith('GPC:N:'));
    for (const after of [
      village!,
      compound!,
      globalId('GPC:N', '99999999999'),
      Buffer.from('GPC:N:abc').toString('base64'),
      Buffer.from('GPC:D:1').toString('base64'),
      'not base64!',
    ]) {
      await refused(HOUSEHOLDS, { after }, 'after');
    }
    await refused(`query($after: String) { villages(first: 1, after: $after) { totalCount } }`, { after: household! }, 'after');
    const own = await api.gql(HOUSEHOLDS, { after: household }, admin);
    expect(own.errors).toBeUndefined();
    const nested = await api.gql(
      `query($after: String) { industries(first: 3) { edges { node { businessEntities(first: 1, after: $after) { edges { node { id } } } } } } }`,
      { after: compound },
      admin,
    );
    expect(nested.errors).toBeUndefined();
  });

  it('global ids: malformed, of no node type, of another type than the field takes, with a key no table has', async () => {
    await refused(`query($id: ID!) { node(id: $id) { id } }`, { id: 'not-an-id' }, 'id');
    await refused(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId('AppUser', 4) }, 'id');
    await refused(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId('Household', '1:2') }, 'id');
    const wrongType = await api.gql(
      `query($f: MonitoringCaseFilter) { monitoringCases(first: 1, filter: $f) { totalCount } }`,
      { f: { householdId: globalId('Village', '341324100001') } },
      admin,
    );
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Well-formed but absent or out of range: not found, never an error.
    const absent = await api.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: [globalId('Household', 99999999999), globalId('ScreeningRule', 3000000000), globalId('Village', 1)] },
      admin,
    );
    expect(absent).toMatchObject({ data: { nodes: [null, null, null] } });
    expect(absent.errors).toBeUndefined();
  });

  it('numbers beyond 32 bits are refused by the Int type itself', async () => {
    const result = await api.gql(`query($y: Int!) { screeningRule(year: $y) { year } }`, { y: 2 ** 31 }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('nodes(ids:) is limited like a page: 100 ids are answered, 101 refused', async () => {
    const [household] = await sql<{ id: number }>(`select id from household order by id limit 1`);
    const ids = (n: number) => Array.from({ length: n }, () => globalId('Household', household!.id));
    const hundred = await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids(100) }, admin);
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data.nodes).toHaveLength(100);
    await refused(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids(101) }, 'ids');
  });
});
