/**
 * A JavaScript stand-in for the few functions of `@cubejs-backend/native` (Cube's
 * Rust module) that an embedded Cube 1.7 calls on the REST / GraphQL path.
 *
 * The npm package `@cubejs-backend/native` installs its JavaScript wrapper, but
 * the Rust binary (`index.node`) is downloaded by a post-install script from
 * GitHub; where that is impossible, every wrapper function throws
 * `Unable to load @cubejs-backend/native`. `installNativeFallback()` checks
 * whether the binary loads and, only when it does not, replaces on the
 * wrapper's `exports` object (which Cube's packages read at call time, e.g.
 * `(0, native_1.getFinalQueryResult)(…)`) exactly what Cube calls:
 *
 * | function | caller | fallback |
 * |---|---|---|
 * | `setupLogger`, `resetLogger` | api-gateway `SQLServer` constructor | no-op: they route the SQL API's Rust logs, and the SQL API needs the binary |
 * | `redactSqlLiterals` | api-gateway, logging `/v1/cubesql` statements | string literals → `'redacted'` |
 * | `NativeInstance.prototype.newJinjaEngine` | schema-compiler `YamlCompiler`, created for every compile | an engine that refuses Jinja templates (plain YAML never calls it) |
 * | `getFinalQueryResult`, `getFinalQueryResultMulti` | native `ResultWrapper`s, for every `/v1/load` and GraphQL answer | the transformation of Cube's `rust/cubeorchestrator` (`query_result_transform.rs`) |
 *
 * The SQL API (Postgres wire protocol), Tesseract and Jinja/Python models stay
 * unavailable without the binary; where it loads, nothing here is installed.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Primitive = string | number | boolean | null;
type Json = Primitive | Json[] | { [key: string]: Json };

/** The `@cubejs-backend/native` exports this module touches. */
interface NativeModule {
  loadNative(): unknown;
  setupLogger: (...args: unknown[]) => void;
  resetLogger: (...args: unknown[]) => void;
  redactSqlLiterals: (sql: string) => string;
  getFinalQueryResult: (transformData: TransformData, rawData: Buffer, resultData: ResultData) => Buffer;
  getFinalQueryResultMulti: (transformData: TransformData[], rawData: Buffer[], responseData: MultiResponse) => Buffer;
  NativeInstance: { prototype: { newJinjaEngine: (options: unknown) => unknown } };
}

/** What the api-gateway hands over per query (`prepareResultTransformData`). */
export interface TransformData {
  aliasToMemberNameMap: Record<string, string>;
  annotation: Record<string, { type?: string }>;
  query: NormalizedQuery;
  queryType?: string;
  resType?: string;
}

interface TimeDimension {
  dimension: string;
  granularity?: string;
  dateRange?: string[] | string;
}

interface NormalizedQuery {
  measures?: (string | { name: string })[];
  dimensions?: (string | { name: string })[];
  timeDimensions?: TimeDimension[];
  [key: string]: unknown;
}

/** The response object of one query, without its data (`resObj` in the gateway). */
type ResultData = Record<string, unknown> & { query: NormalizedQuery };

interface MultiResponse {
  queryType: string;
  results: ResultData[];
  slowQuery: boolean;
}

/** Rows as the gateway serialises them for the binary (`rowsToColumnarBuffer`). */
export interface Columnar {
  members: string[];
  columns: Json[][];
}

export interface FallbackStatus {
  /** true when the binary failed to load and the JavaScript fallback is in place. */
  installed: boolean;
  /** Why the binary did not load (its error message), when installed. */
  reason?: string;
}

let status: FallbackStatus | null = null;

/**
 * Installs the fallback once per process when the binary does not load.
 * Returns whether it did; the caller logs that once.
 */
export function installNativeFallback(): FallbackStatus {
  if (status) return status;
  const native = require('@cubejs-backend/native') as NativeModule;
  try {
    native.loadNative();
    status = { installed: false };
    return status;
  } catch (error) {
    status = { installed: true, reason: error instanceof Error ? error.message : String(error) };
  }

  native.setupLogger = () => {};
  native.resetLogger = () => {};
  native.redactSqlLiterals = redactSqlLiterals;
  native.NativeInstance.prototype.newJinjaEngine = () => ({
    loadTemplate() {
      throw new Error(JINJA_UNAVAILABLE);
    },
    renderTemplate() {
      throw new Error(JINJA_UNAVAILABLE);
    },
  });
  native.getFinalQueryResult = (transformData, rawData, resultData) =>
    Buffer.from(JSON.stringify(finalResult(transformData, parseColumnar(rawData), resultData)));
  native.getFinalQueryResultMulti = (transformData, rawData, responseData) => {
    const results = responseData.results.map((r, i) => finalResult(transformData[i]!, parseColumnar(rawData[i]!), r));
    return Buffer.from(
      JSON.stringify({
        queryType: responseData.queryType,
        results,
        pivotQuery: pivotQuery(
          responseData.queryType,
          results.map((r) => r.query as NormalizedQuery),
        ),
        slowQuery: responseData.slowQuery,
      }),
    );
  };
  return status;
}

const JINJA_UNAVAILABLE = 'Jinja and Python models need the @cubejs-backend/native binary, which is not installed';

/** `'it''s'` → `'redacted'`: every single-quoted SQL string literal. */
export function redactSqlLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "'redacted'");
}

function parseColumnar(raw: Buffer | Uint8Array | Columnar): Columnar {
  if (Buffer.isBuffer(raw) || raw instanceof Uint8Array) return JSON.parse(Buffer.from(raw).toString('utf8')) as Columnar;
  return raw;
}

// ───────────── the transformation (query_result_transform.rs) ─────────────

const GRANULARITY_LEVEL: Record<string, number> = { second: 1, minute: 2, hour: 3, day: 4, week: 5, month: 6, quarter: 7, year: 8 };
const COMPARE_DATE_RANGE = 'compareDateRange';
const HIDDEN_MEMBER = (m: string) =>
  `You requested hidden member: '${m}'. Please make it visible using \`public: true\`. ` +
  'Please note primaryKey fields are `public: false` by default: https://cube.dev/docs/schema/reference/joins#setting-a-primary-key.';

const memberName = (m: string | { name: string }) => (typeof m === 'string' ? m : m.name);

/**
 * A time value as Cube answers it: ISO 8601 in UTC with milliseconds and no
 * zone suffix ('2020-01-01T00:00:00.000'); other values pass unchanged.
 */
function transformValue(value: Json, type: string): Json {
  if (type !== 'time' || typeof value !== 'string') return value;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/.exec(value.trim());
  if (!m) return value;
  if (m[4] && m[4] !== 'UTC') {
    const date = new Date(value.trim().replace(' ', 'T'));
    return Number.isNaN(date.getTime()) ? value : date.toISOString().slice(0, 23);
  }
  const millis = (m[3] ?? '.000').slice(1).padEnd(3, '0').slice(0, 3);
  return `${m[1]}T${m[2]}.${millis}`;
}

function dateRangeValue(query: NormalizedQuery): string {
  const range = query.timeDimensions?.[0]?.dateRange;
  if (!Array.isArray(range) || range.length < 2) throw new Error('Inconsistent dateRange configuration for the compare date range query');
  return range.join(' - ');
}

function blendingKeys(query: NormalizedQuery): { queryKey: string; responseKey: string } {
  const td = query.timeDimensions?.[0];
  if (!td?.granularity) throw new Error('QueryTimeDimension with a granularity is required for the blending query');
  return { queryKey: `time.${td.granularity}`, responseKey: `${td.dimension}.${td.granularity}` };
}

/** The response of one query: the gateway's result object plus `data`, with Rust's field set and order. */
function finalResult(td: TransformData, raw: Columnar, resultData: ResultData): Record<string, unknown> {
  const data = transformRows(td, raw);
  const out: Record<string, unknown> = {};
  const optional = ['lastRefreshTime', 'refreshKeyValues', 'usedPreAggregations', 'transformedQuery', 'requestId'];
  out.query = resultData.query;
  for (const key of optional) if (resultData[key] != null) out[key] = resultData[key];
  out.annotation = resultData.annotation;
  for (const key of ['dataSource', 'dbType', 'extDbType', 'external']) if (resultData[key] != null) out[key] = resultData[key];
  out.slowQuery = Boolean(resultData.slowQuery);
  if (resultData.total != null) out.total = resultData.total;
  out.data = data;
  return out;
}

/** The `data` of one answer: row objects, or `{ members, dataset }` for responseFormat compact. Exported for tests. */
export function transformRows(td: TransformData, raw: Columnar): Json[] | { members: string[]; dataset: Json[][] } {
  const { aliasToMemberNameMap: aliases, annotation, query } = td;
  const queryType = td.queryType ?? 'regularQuery';
  const queryDimensions = new Set((query.dimensions ?? []).map(memberName));
  const typeOf = (member: string) => annotation[member]?.type ?? '';

  if (raw.members.length === 0) {
    // No rows: still refuse members that are not visible to the caller.
    const requested = [...(query.measures ?? []), ...(query.dimensions ?? [])]
      .map(memberName)
      .concat((query.timeDimensions ?? []).map((t) => t.dimension));
    for (const m of requested) if (!annotation[m]) throw new Error(HIDDEN_MEMBER(m));
    return td.resType === 'compact' ? { members: [], dataset: [] } : [];
  }

  // Output members in column order, plus for a time dimension asked without its
  // bare name the finest granularity's column under that bare name.
  const columns: { member: string; index: number }[] = [];
  const finest = new Map<string, { level: number; index: number }>();
  raw.members.forEach((alias, index) => {
    const member = aliases[alias];
    if (!member) throw new Error(`Member name not found for alias: '${alias}'`);
    if (!annotation[member]) throw new Error(HIDDEN_MEMBER(alias));
    columns.push({ member, index });
    const path = member.split('.');
    if (path.length === 3) {
      const bare = `${path[0]}.${path[1]}`;
      if (!queryDimensions.has(bare)) {
        const level = GRANULARITY_LEVEL[path[2]!] ?? 10;
        const seen = finest.get(bare);
        if (!seen || seen.level >= level) finest.set(bare, { level, index });
      }
    }
  });
  const typed = columns.map((c) => ({ ...c, type: typeOf(c.member) }));
  for (const [bare, { index }] of finest) typed.push({ member: bare, index, type: typeOf(aliases[raw.members[index]!]!) });

  const rowCount = raw.columns[0]?.length ?? 0;
  const extra = (row: Record<string, Json>): [string, Json][] => {
    if (queryType === 'compareDateRangeQuery') return [[COMPARE_DATE_RANGE, dateRangeValue(query)]];
    if (queryType === 'blendingQuery') {
      const { queryKey, responseKey } = blendingKeys(query);
      return [[queryKey, row[responseKey] ?? null]];
    }
    return [];
  };

  const rows: Record<string, Json>[] = [];
  for (let r = 0; r < rowCount; r++) {
    const row: Record<string, Json> = {};
    for (const c of typed) row[c.member] = transformValue(raw.columns[c.index]![r] ?? null, c.type);
    for (const [k, v] of extra(row)) row[k] = v;
    rows.push(row);
  }
  if (td.resType !== 'compact') return rows;
  const members = typed.map((c) => c.member);
  if (queryType === 'compareDateRangeQuery') members.push(COMPARE_DATE_RANGE);
  if (queryType === 'blendingQuery') members.push(blendingKeys(query).queryKey);
  return { members, dataset: rows.map((row) => members.map((m) => row[m] ?? null)) };
}

/** The query a client pivots a multi-query result on (`get_pivot_query`). */
function pivotQuery(queryType: string, queries: NormalizedQuery[]): NormalizedQuery {
  const first = queries[0];
  if (!first) throw new Error('Queries list cannot be empty');
  const pivot: NormalizedQuery = { ...first };
  if (queryType === 'blendingQuery') {
    const measures = [...new Set(queries.flatMap((q) => (q.measures ?? []).map(memberName)))];
    const dimensions = [...new Set(queries.flatMap((q) => (q.dimensions ?? []).map(memberName)))];
    pivot.measures = measures.length ? measures : undefined;
    pivot.dimensions = dimensions.length ? dimensions : undefined;
    const granularity = queries.map((q) => q.timeDimensions?.[0]?.granularity).find(Boolean);
    if (granularity) pivot.timeDimensions = [{ dimension: 'time', granularity }];
  } else if (queryType === 'compareDateRangeQuery') {
    pivot.dimensions = [COMPARE_DATE_RANGE, ...(first.dimensions ?? []).map(memberName)];
  }
  pivot.queryType = queryType;
  return pivot;
}
