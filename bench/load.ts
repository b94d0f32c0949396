// Databases for the benchmark: one per scale, created on DATABASE_URL's server
// (fanpin_bench_<scale>) or on the embedded PostgreSQL; migrated, then loaded
// with the county data set (reset) while the load is timed.
import pg from 'pg';
import { startDatabase, type Database } from '../services/platform/database.ts';
import { loadConfig, DEFAULT_SEED } from '../services/platform/config.ts';
import { applyMigrations } from '../prisma/migrate.ts';
import { loadCounty } from '../prisma/seed/index.ts';

export interface LoadFigures {
  scale: number;
  rows: number;
  households: number;
  persons: number;
  /** loadCounty's own wall time of its transaction (generation included). */
  seconds: number;
  /** Wall time of the loadCounty call as seen by the caller. */
  wallSeconds: number;
  rowsPerSecond: number;
}

export interface BenchDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The server every bench database lives on: DATABASE_URL's server, else the embedded PostgreSQL. */
export async function startServer(log: (l: string) => void): Promise<Database> {
  return startDatabase(loadConfig(), log);
}

/** `<server url with database fanpin_bench_<scale>>`, created if missing. */
export async function benchDatabase(serverUrl: string, scale: number): Promise<string> {
  const name = `fanpin_bench_${scale}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function prepare(url: string, scale: number, log: (l: string) => void): Promise<LoadFigures> {
  await applyMigrations(url, log);
  const started = performance.now();
  const result = await loadCounty(url, { seed: DEFAULT_SEED, scale, reset: true, log });
  const wallSeconds = (performance.now() - started) / 1000;
  // Fresh statistics, as after autovacuum has run: the plans measured are the steady state.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('analyze');
  await client.end();
  return {
    scale,
    rows: result.rows,
    households: result.households,
    persons: result.persons,
    seconds: result.seconds,
    wallSeconds,
    rowsPerSecond: Math.round(result.rows / result.seconds),
  };
}

/** Whether a bench database already holds the data set of this scale (for --reuse). */
export async function loadedScale(url: string): Promise<LoadFigures | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const r = await client.query(
      'select (select count(*) from household)::int as households, (select count(*) from person)::int as persons',
    );
    const row = r.rows[0] as { households: number; persons: number };
    return row.households > 0
      ? { scale: 0, rows: 0, households: row.households, persons: row.persons, seconds: 0, wallSeconds: 0, rowsPerSecond: 0 }
      : null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}
