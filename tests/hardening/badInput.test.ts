// Every mutation of the printed schema gets a few hundred generated inputs
// (garbage strings, numbers, decimals, dates, ids, enums, nulls, missing fields)
// from several users. Each answer is a coded error or a success, never an internal
// error; a batch of refused calls leaves the tables it could touch unchanged.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, sql, sqlOne } from '../support/sql.ts';
import { InputFuzzer, loadSchema, mutationDocument, mutationModel, type Pool } from '../support/fuzz.ts';
import { REPO_ROOT } from '../../services/platform/config.ts';

const RUNS = Number(process.env.HARDENING_FUZZ_RUNS ?? 150);
const BATCH = 75;
const CONCURRENCY = 6;
// TOO_MANY_REQUESTS: the fuzzed logins soon exceed the per-address login limit (a coded refusal too).
const ALLOWED = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'TOO_MANY_REQUESTS',
]);

const schema = loadSchema(path.join(REPO_ROOT, 'schema.graphql'));
// logout ends the sessions of the fuzzing tokens: fuzzed last, so every other mutation runs with live ones.
const mutations = Object.values(schema.getMutationType()!.getFields()).sort(
  (a, b) => Number(a.name === 'logout') - Number(b.name === 'logout'),
);

const snake = (s: string) => s.replace(/[A-Z]/g, (c, i) => (i ? '_' : '') + c.toLowerCase());
/** Rows a mutation may write besides its own table. */
const RELATED: Record<string, string[]> = {
  household: ['person'],
  person: ['household'],
  industry: ['business_entity_industry'],
  business_entity: ['business_entity_industry'],
  benefit_linkage_contract: ['contract_payout'],
};

let api: TestApi;
let tokens: (string | null)[];
let fuzzer: InputFuzzer;
let tables: Set<string>;
let bigTables: Set<string>;
let allTables: Set<string>;
/** table → tables with a foreign key to it. */
const children = new Map<string, string[]>();
const successes = new Map<string, number>();
const created = new Map<string, number[]>();
let auditBaseline: number;
const baseline = new Map<string, string>();

function tablesFor(name: string): string[] {
  if (name === 'login') return ['app_user'];
  // The longest table whose name starts the mutation's object (reviewMonitoringCaseInVillage → monitoring_case).
  const object = snake(mutationModel(name) ?? '');
  const own = [...allTables].filter((t) => object === t || object.startsWith(`${t}_`)).sort((a, b) => b.length - a.length)[0];
  const list = own ? [own, ...(RELATED[own] ?? children.get(own) ?? [])] : [];
  if (name === 'recordContractPayout') list.push('contract_payout');
  // A mutation we cannot map: watch every table the fuzzing knows.
  return list.length ? [...new Set(list)] : [...tables];
}

/** md5 of every row for small tables; for large ones row count and the sum of xmin (any committed write changes it). */
async function digest(names: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of names) {
    const q = bigTables.has(t)
      ? `select count(*)::text || '/' || coalesce(sum(xmin::text::bigint), 0)::text as d from ${t}`
      : `select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as d from ${t} t`;
    out[t] = (await sqlOne<{ d: string }>(q)).d;
  }
  out.audit_log = (await sqlOne<{ d: string }>(`select count(*)::text || '/' || coalesce(max(id), 0)::text as d from audit_log`)).d;
  return out;
}

beforeAll(async () => {
  api = await startApi({ introspection: false });
  const users = ['admin', 'township1', 'village1', 'dept1', 'stats'];
  const real = await Promise.all(users.map((u) => api.token(u)));
  tokens = [real[0]!, real[0]!, real[0]!, ...real.slice(1), null, 'not.a.token'];
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
    // Some rows in township1's first village, the rest anywhere: both in and out of the smaller users' scope.
    rows[model] = await sql<{ id: number; version: number }>(`select id, version from ${snake(model)} order by id limit 6`);
  }
  const villages = await sql<{ code: string; township_code: string }>(`select code, township_code from village order by code limit 5`);
  const industries = await sql<{ code: string }>(`select code from industry order by code limit 5`);
  fuzzer = new InputFuzzer({
    rows,
    villageCodes: [...villages.map((v) => v.code), '341324100201', '999999999999', '34132410020'],
    townshipCodes: [...new Set(villages.map((v) => v.township_code)), '341324999', '34132410'],
    industryCodes: [...industries.map((i) => i.code), 'NOPE'],
  });
  const existing = await sql<{ relname: string; n: number }>(
    `select relname, reltuples::bigint as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`,
  );
  allTables = new Set(existing.map((r) => r.relname));
  const fks = await sql<{ parent: string; child: string }>(
    `select distinct confrelid::regclass::text as parent, conrelid::regclass::text as child from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`,
  );
  for (const { parent, child } of fks) children.set(parent, [...(children.get(parent) ?? []), child]);
  tables = new Set([
    'household',
    'person',
    'industry',
    'business_entity',
    'business_entity_industry',
    'benefit_linkage_contract',
    'contract_payout',
    'village_collective_income',
    'employment',
    'app_user',
  ]);
  for (const m of mutations) if (m.name !== 'login') for (const t of tablesFor(m.name)) tables.add(t);
  bigTables = new Set(existing.filter((r) => Number(r.n) > 20_000).map((r) => r.relname));
  auditBaseline = Number((await sqlOne<{ m: string }>(`select coalesce(max(id), 0) as m from audit_log`)).m);
  for (const [t, d] of Object.entries(await digest([...tables]))) baseline.set(t, d);
});

afterAll(async () => {
  // Children first (contracts before entities and households, persons before households).
  const order = [
    'contract_payout',
    'employment',
    'benefit_linkage_contract',
    'business_entity_industry',
    'person',
    'business_entity',
    'household',
    'industry',
    'village_collective_income',
  ];
  const tablesWithRows = [...created.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const t of tablesWithRows) await sql(`delete from ${t} where id = any($1::int[])`, [created.get(t)]);
  await sql(`delete from audit_log where id > $1`, [auditBaseline]);
  // Cleanup restored every table the fuzzing could touch.
  const after = await digest([...tables]);
  for (const [t, d] of baseline) expect(after[t], `table ${t} after cleanup`).toBe(d);
  process.stderr.write(`[fuzz] ${RUNS} runs per mutation; successes: ${JSON.stringify(Object.fromEntries(successes))}\n`);
  await api?.close();
  await closeSql();
});

interface Call {
  token: string | null;
  variables: Record<string, unknown>;
}

async function runAll(document: string, calls: Call[]) {
  const results: { call: Call; status: number; body: any }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < calls.length) {
        const call = calls[next++]!;
        const response = await fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(call.token ? { authorization: `Bearer ${call.token}` } : {}) },
          body: JSON.stringify({ query: document, variables: call.variables }),
        });
        const text = await response.text();
        let body: any;
        try {
          body = JSON.parse(text);
        } catch {
          body = { unparsable: text.slice(0, 200) };
        }
        results.push({ call, status: response.status, body });
      }
    }),
  );
  return results;
}

describe('generated bad input to every mutation', () => {
  it('covers every mutation of the schema', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(21);
  });

  for (const field of mutations) {
    it(`${field.name}: coded errors only, refusals change nothing`, async () => {
      const model = mutationModel(field.name);
      const document = mutationDocument(field);
      const wild: Record<string, fc.Arbitrary<unknown>> = {};
      const typed: Record<string, fc.Arbitrary<unknown>> = {};
      for (const arg of field.args) {
        wild[arg.name] = fuzzer.value(arg.type, arg.name, model);
        typed[arg.name] = fuzzer.value(arg.type, arg.name, model, 0, true);
      }
      // A bulk action without an id (runScreening(year)) could succeed and rewrite data
      // nobody can restore: its well-typed calls keep away from the data set's years.
      const bulk = !/^(create|update|delete|record|login)/.test(field.name) && !field.args.some((a) => /ID|Input/.test(a.type.toString()));
      const safe = (v: Record<string, unknown>) => !bulk || Object.values(v).every((x) => typeof x !== 'number' || x < 2000 || x > 2030);
      const typedVariables = fc.record(typed).filter(safe);
      const wildVariables = fc
        .tuple(
          fc.record(wild),
          fc.subarray(
            field.args.map((a) => a.name),
            { maxLength: Math.min(1, field.args.length) },
          ),
        )
        .map(([v, drop]) => {
          for (const d of drop) delete v[d];
          return v;
        })
        .filter(safe);
      // Three in four calls are well-typed, so they reach the resolvers and the database.
      const callArb = fc.record({
        token: fc.constantFrom(...tokens),
        variables: fc.oneof({ arbitrary: typedVariables, weight: 3 }, { arbitrary: wildVariables, weight: 1 }),
      });
      // One fixed seed per mutation: a failure reruns identically.
      const seed = [...field.name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);
      const calls = fc.sample(callArb, { numRuns: RUNS, seed });
      const watched = tablesFor(field.name);
      const problems: string[] = [];
      let before = await digest(watched);
      let refused = 0;
      let succeeded = 0;
      for (let i = 0; i < calls.length; i += BATCH) {
        const results = await runAll(document, calls.slice(i, i + BATCH));
        let anySuccess = false;
        for (const { call, status, body } of results) {
          const errors: any[] | undefined = body.errors;
          const show = () => JSON.stringify(call.variables).slice(0, 400);
          if (!errors?.length) {
            if (!body.data?.result) problems.push(`no data and no errors (HTTP ${status}) for ${show()}`);
            anySuccess = true;
            succeeded++;
            successes.set(field.name, (successes.get(field.name) ?? 0) + 1);
            const node = Object.values(body.data?.result ?? {}).find((v: any) => v && typeof v === 'object' && typeof v.id === 'string') as
              { id: string } | undefined;
            if (node && field.name.startsWith('create')) {
              const [type, id] = Buffer.from(node.id, 'base64').toString().split(':');
              const table = snake(type!);
              created.set(table, [...(created.get(table) ?? []), Number(id)]);
            }
            continue;
          }
          refused++;
          if (body.data?.result) problems.push(`errors with data for ${show()}`);
          for (const e of errors) {
            const code = e.extensions?.code;
            if (!ALLOWED.has(code)) problems.push(`${code ?? 'no code'} (HTTP ${status}: ${e.message}) for ${show()}`);
          }
          if (status >= 500) problems.push(`HTTP ${status} for ${show()}`);
        }
        const after = await digest(watched);
        if (!anySuccess) {
          for (const t of Object.keys(before)) if (before[t] !== after[t]) problems.push(`refused batch ${i / BATCH} changed ${t}`);
        }
        before = after;
        if (problems.length > 5) break;
      }
      expect(problems.slice(0, 5)).toEqual([]);
      expect(refused + succeeded).toBe(calls.length);
    });
  }
});
