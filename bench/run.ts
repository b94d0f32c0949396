// npm run bench [-- --scales 1,4 --duration 8 --reuse]
// One machine, one run: databases fanpin_bench_<scale> (DATABASE_URL's server,
// else the embedded PostgreSQL), timed county load, the real server
// (services/main.ts as a child process), the raw-SQL limit (bench/rawSql.ts),
// autocannon, Cube dashboards; writes bench/results/latest.json and latest.md.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { REPO_ROOT } from '../services/platform/config.ts';
import { logger } from '../services/platform/log.ts';
import { benchDatabase, loadedScale, prepare, startServer, type LoadFigures } from './load.ts';
import { countStatements, gql, hammer, login, type LoadFigure, type StatementCount } from './api.ts';
import { COOPERATIVE_PAGE, HOUSEHOLD_PAGE, frontEndQueries } from './queries.ts';
import { measureAnalytics, type DashboardFigure } from './analytics.ts';
import { writeReport } from './report.ts';

const { values: args } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,4' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '1,8,32' },
    reuse: { type: 'boolean', default: false },
    'refresh-worker': { type: 'boolean', default: false },
  },
});
// Default: the production API-instance topology (analytics/README.md): CUBEJS_REFRESH_WORKER=false,
// a rollup is built by the first query that needs it. --refresh-worker: the server also
// refreshes every active user's scope (17 per county); the bench waits for that first pass.
const REFRESH_WORKER = args['refresh-worker'];
const SCALES = args.scales.split(',').map(Number);
const DURATION = Number(args.duration);
const CONNECTIONS = args.connections.split(',').map(Number);
const COUNTY = '341324';
const TOWNSHIP = '341324100';
const started = Date.now();
// The in-process API's request lines would interleave with the bench's progress;
// the real server (a child process) keeps LOG_LEVEL's level, as in production.
if (!process.env.LOG_LEVEL) logger.level = 'warn';
const log = (l: string) => void process.stdout.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${l}\n`);

export interface ScaleFigures {
  scale: number;
  load: LoadFigures | null;
  /** Seconds from ready until the refresh worker had built the county's five rollups. */
  preAggregationBuildSeconds: number;
  households: number;
  statements: StatementCount[];
  statementsByPageSize: { query: string; pageSize: number; statements: number }[];
  rawSqlSameJson: boolean;
  api: Record<string, LoadFigure[]>;
  rawSql: LoadFigure[];
  analytics: DashboardFigure[];
  renewQueryAccepted: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
}

function child(script: string, env: Record<string, string>, name: string): ChildProcess {
  const p = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (d: Buffer) => {
    tail.push(d.toString());
    if (tail.length > 40) tail.shift();
  };
  p.stdout!.on('data', keep);
  p.stderr!.on('data', keep);
  p.on('exit', (code, signal) => {
    if (!stopping.has(p))
      process.stderr.write(`${name} (pid ${p.pid}) exited unexpectedly: code ${code}, signal ${signal}:\n${tail.join('')}\n`);
  });
  return p;
}

async function waitFor(url: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not 200 within ${seconds} s`);
}

/**
 * Waits for the refresh worker's first pass: the county's five rollups (pov,
 * dinc, emp, blk, mon) in `schema`, and no new rollup table in any pa_* schema
 * (the townships' scopes) for 15 s. Returns the county's prefixes and the table count.
 */
async function waitForRollups(url: string, schema: string, seconds: number): Promise<{ county: string[]; tables: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const deadline = Date.now() + seconds * 1000;
  let county: string[] = [];
  let tables = -1;
  let stableSince = Date.now();
  try {
    while (Date.now() < deadline) {
      const r = await c.query<{ s: string; t: string }>(
        "select schemaname as s, tablename as t from pg_tables where schemaname like 'pa\\_%'",
      );
      county = [...new Set(r.rows.filter((x) => x.s === schema).map((x) => x.t.split('_')[0]!))].sort();
      if (r.rows.length !== tables) {
        tables = r.rows.length;
        stableSince = Date.now();
      }
      if (county.length >= 5 && Date.now() - stableSince > 15_000) break;
      await new Promise((res) => setTimeout(res, 1000));
    }
  } finally {
    await c.end();
  }
  return { county, tables };
}

const stopping = new Set<ChildProcess>();

async function stop(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null) return;
  const exited = new Promise((r) => p.once('exit', r));
  stopping.add(p);
  p.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
}

async function firstHousehold(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query<{ id: number }>('select min(id) as id from household where county_code = $1', [COUNTY]);
  await c.end();
  return r.rows[0]!.id;
}

async function benchScale(serverUrl: string, scale: number): Promise<ScaleFigures> {
  const url = await benchDatabase(serverUrl, scale);
  let load: LoadFigures | null = null;
  const existing = args.reuse ? await loadedScale(url) : null;
  if (existing) log(`scale ${scale}: reusing ${existing.households} households (--reuse: load not measured)`);
  else {
    log(`scale ${scale}: migrating and loading`);
    load = await prepare(url, scale, (l) => log(`  ${l}`));
  }

  // Rollups of an earlier run survive in pa_* schemas: drop them so "cold" is cold.
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const schemas = await admin.query<{ s: string }>("select nspname as s from pg_namespace where nspname like 'pa\\_%'");
  for (const { s } of schemas.rows) await admin.query(`drop schema "${s}" cascade`);
  await admin.end();
  let preAggregationBuildSeconds = 0;
  const [apiPort, rawPort] = [await freePort(), await freePort()];
  const server = child(
    'services/main.ts',
    {
      DATABASE_URL: url,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      SCALE: String(scale),
      NODE_ENV: 'development',
      CUBEJS_REFRESH_WORKER: String(REFRESH_WORKER),
    },
    'server',
  );
  const raw = child('bench/rawSql.ts', { DATABASE_URL: url, PORT: String(rawPort), COUNTY }, 'raw-sql');
  try {
    const base = `http://127.0.0.1:${apiPort}`;
    await waitFor(`${base}/healthz`, 180);
    await waitFor(`http://127.0.0.1:${rawPort}/`, 30).catch(() => {}); // any answer will do; POST-only
    log(`scale ${scale}: server ready on ${base}`);
    if (REFRESH_WORKER) {
      // Let the worker's first pass finish, or it runs under the API load and skews both.
      const paStarted = Date.now();
      const built = await waitForRollups(url, `pa_${COUNTY}`, 900);
      preAggregationBuildSeconds = (Date.now() - paStarted) / 1000;
      log(
        `scale ${scale}: rollups built (county: ${built.county.join(', ') || 'none'}; ${built.tables} tables in pa_* schemas) ${preAggregationBuildSeconds.toFixed(0)} s after ready`,
      );
    }
    const graphql = `${base}/graphql`;
    const admin = await login(graphql, 'admin');
    const stats = await login(graphql, 'stats');
    const householdId = Buffer.from(`Household:${await firstHousehold(url)}`).toString('base64');
    const queries = frontEndQueries(householdId, TOWNSHIP);

    const statements = await countStatements(url, queries, admin);
    const byPage = await countStatements(
      url,
      [10, 100].flatMap((n) => [
        { name: `householdPage@${n}`, label: '', query: HOUSEHOLD_PAGE, variables: { first: n } },
        { name: `cooperativePage@${n}`, label: '', query: COOPERATIVE_PAGE, variables: { first: n } },
      ]),
      admin,
    );
    const statementsByPageSize = byPage.map((s) => ({
      query: s.query.split('@')[0]!,
      pageSize: Number(s.query.split('@')[1]),
      statements: s.statements,
    }));
    log(
      `scale ${scale}: statements ${statements.map((s) => `${s.query}=${s.statements}`).join(' ')}; by page size ${byPage.map((s) => `${s.query}=${s.statements}`).join(' ')}`,
    );
    for (const s of [...statements, ...byPage]) if (s.errors) log(`  ${s.query} errors: ${s.errors}`);

    const apiBody = await gql(graphql, HOUSEHOLD_PAGE, { first: 50 }, admin);
    const rawBody = await (
      await fetch(`http://127.0.0.1:${rawPort}/`, { method: 'POST', body: JSON.stringify({ variables: { first: 50 } }) })
    ).json();
    const rawSqlSameJson = isDeepStrictEqual(apiBody, rawBody);
    log(`scale ${scale}: raw SQL JSON identical to the API's: ${rawSqlSameJson}`);

    const api: Record<string, LoadFigure[]> = {};
    const auth = { authorization: `Bearer ${admin}` };
    for (const q of queries) {
      const body = JSON.stringify({ query: q.query, variables: q.variables });
      await hammer(graphql, body, auth, 8, 2); // warm-up: JIT, pools, plan caches
      api[q.name] = [];
      for (const c of CONNECTIONS) {
        const f = await hammer(graphql, body, auth, c, DURATION, server.pid);
        api[q.name]!.push(f);
        log(
          `  ${q.name} c=${c}: ${f.requestsPerSecond} req/s p50 ${f.latencyMs.p50} p95 ${f.latencyMs.p95} p99 ${f.latencyMs.p99} ms errors ${f.errors} cpu ${f.serverCpuMsPerRequest} ms/req load ${f.loadAverage}`,
        );
      }
    }
    const rawSql: LoadFigure[] = [];
    const rawReq = JSON.stringify({ query: HOUSEHOLD_PAGE, variables: { first: 50 } });
    await hammer(`http://127.0.0.1:${rawPort}/`, rawReq, auth, 8, 2);
    for (const c of CONNECTIONS) {
      const f = await hammer(`http://127.0.0.1:${rawPort}/`, rawReq, auth, c, DURATION, raw.pid);
      rawSql.push(f);
      log(
        `  rawSql c=${c}: ${f.requestsPerSecond} req/s p50 ${f.latencyMs.p50} p95 ${f.latencyMs.p95} p99 ${f.latencyMs.p99} ms errors ${f.errors} cpu ${f.serverCpuMsPerRequest} ms/req load ${f.loadAverage}`,
      );
    }

    log(`scale ${scale}: Cube dashboards`);
    const analytics = await measureAnalytics(base, url, stats, { warm: 30, noCache: 20, sql: 20 });
    for (const d of analytics.dashboards) {
      log(
        `  ${d.query}: cold ${d.coldMs} warm p50/p95 ${d.warmMs.p50}/${d.warmMs.p95} no-cache ${d.noCacheMs.p50}/${d.noCacheMs.p95} sql ${d.directSqlMs.p50}/${d.directSqlMs.p95} ms pre-agg [${d.noCachePreAggregations.join(',')}] ${d.errors.join('; ')}`,
      );
    }
    return {
      scale,
      load,
      preAggregationBuildSeconds,
      households: (await loadedScale(url))?.households ?? 0,
      statements,
      statementsByPageSize,
      rawSqlSameJson,
      api,
      rawSql,
      analytics: analytics.dashboards,
      renewQueryAccepted: analytics.renewQueryAccepted,
    };
  } finally {
    await stop(server);
    await stop(raw);
  }
}

async function main(): Promise<void> {
  const db = await startServer(log);
  try {
    const scales: ScaleFigures[] = [];
    for (const scale of SCALES) scales.push(await benchScale(db.url, scale));
    const machine = {
      refreshWorker: REFRESH_WORKER,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtEnd: os.loadavg(),
    };
    const out = path.join(REPO_ROOT, 'bench', 'results');
    await fs.mkdir(out, { recursive: true });
    await writeReport(out, {
      startedAt: new Date(started).toISOString(),
      seconds: Math.round((Date.now() - started) / 1000),
      durationPerRun: DURATION,
      connections: CONNECTIONS,
      machine,
      database: db.embedded ? 'embedded PostgreSQL 15' : 'DATABASE_URL server',
      scales,
    });
    log(`wrote ${path.join(out, 'latest.json')} and latest.md`);
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
