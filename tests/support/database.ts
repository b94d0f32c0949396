// The databases of a test run, on the server of DATABASE_URL or the embedded one:
// tests/globalSetup.ts loads one template per run; tests/fileSetup.ts clones it
// for each integration test file, which then reads its URL with testDatabaseUrl().
// No vitest runtime imports here: globalSetup runs outside the test workers.
import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

/**
 * How a file's database is copied from the template (PostgreSQL 15), measured on
 * this 2-core machine with the loaded county (~935,000 rows, 142 MB) while other
 * test runs kept it busy (load 10, then 20), clone + drop, medians:
 *   FILE_COPY  2.3 s + 1.7 s, then 9.4 s + 2.8 s; three at once 2.9 s, then 7.5 s
 *   WAL_LOG    2.0 s + 0.4 s, then 5.2 s + 1.6 s; three at once 4.4 s, then 10.2 s
 * FILE_COPY forces two immediate checkpoints per clone, which flush whatever the
 * other files have written meanwhile; WAL_LOG writes the 142 MB through the WAL
 * (136 MB) instead. Files mostly start one at a time, so WAL_LOG.
 */
const CLONE_STRATEGY = 'WAL_LOG';
/** PostgreSQL truncates identifiers beyond 63 bytes. */
const MAX_NAME = 63;

/** Runs statements one by one on a short-lived connection. */
export async function adminQuery(url: string, ...statements: string[]): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let rows: pg.QueryResultRow[] = [];
    for (const sql of statements) rows = (await client.query(sql)).rows;
    return rows;
  } finally {
    await client.end();
  }
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Every database of one run starts with this prefix (the template and each file's). */
export const runPrefix = (pid: number) => `fanpin_test_${pid}`;
export const templateName = (prefix: string) => `${prefix}_template`;

/** `fanpin_test_<pid>_monitoring_cases` for tests/monitoring/cases.test.ts: readable in pg_stat_activity. */
export function fileDatabaseName(prefix: string, file: string, root: string): string {
  const relative = path.relative(path.join(root, 'tests'), file).replace(/\.test\.ts$/, '');
  const slug = relative.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  const name = `${prefix}_${slug}`;
  if (name.length <= MAX_NAME) return name;
  const hash = createHash('sha1').update(relative).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_NAME - hash.length - 1)}_${hash}`;
}

export async function cloneDatabase(adminUrl: string, template: string, name: string): Promise<void> {
  await adminQuery(
    adminUrl,
    `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
    `CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY ${CLONE_STRATEGY}`,
  );
}

/** FORCE ends connections a file left open, so a forgotten pool cannot keep its database alive. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Drops the template and any file database a crashed worker left behind. */
export async function dropRun(adminUrl: string, prefix: string): Promise<void> {
  const rows = await adminQuery(adminUrl, `SELECT datname FROM pg_database WHERE starts_with(datname, '${prefix}_')`);
  for (const { datname } of rows) {
    await adminQuery(adminUrl, `ALTER DATABASE "${datname}" IS_TEMPLATE false`);
    await dropDatabase(adminUrl, datname as string);
  }
}

let current: string | undefined;

/** This file's own database (cloned from the loaded county before the file was imported). */
export function testDatabaseUrl(): string {
  if (!current) {
    throw new Error(
      'no test database: this file runs in the "unit" project (UNIT_TESTS in vitest.config.ts), which has none; take it off that list',
    );
  }
  return current;
}

/** For tests/fileSetup.ts only. */
export function setTestDatabaseUrl(url: string | undefined): void {
  current = url;
}
