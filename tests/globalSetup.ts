// Once per test run: a fresh database with every migration applied and the
// generated county loaded. With DATABASE_URL (CI) the test database is created
// on that server; without it an embedded PostgreSQL is started under .data/.
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startDatabase, type Database } from '../services/platform/database.ts';
import { DEFAULT_SEED, REPO_ROOT } from '../services/platform/config.ts';
import { applyMigrations } from '../prisma/migrate.ts';
import { loadCounty } from '../prisma/seed/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A connection to the server's maintenance database, for tests that create databases. */
    adminUrl: string;
  }
}

// One database per run, so that runs side by side (two terminals, CI) never share one.
const TEST_DATABASE = process.env.TEST_DATABASE_NAME ?? `fanpin_test_${process.pid}`;

async function admin(adminUrl: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export default async function setup(project: TestProject) {
  const log = (line: string) => process.stderr.write(`[test setup] ${line}\n`);
  let database: Database | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    database = await startDatabase(
      { databaseUrl: undefined, dataDir: path.join(REPO_ROOT, '.data', 'test'), embeddedPgPort: Number(process.env.TEST_PG_PORT ?? 54330) },
      log,
    );
    serverUrl = database.url;
  }
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const url = withDatabase(serverUrl, TEST_DATABASE);
  await admin(adminUrl, `DROP DATABASE IF EXISTS ${TEST_DATABASE} WITH (FORCE)`, `CREATE DATABASE ${TEST_DATABASE}`);
  await applyMigrations(url, log);
  const started = Date.now();
  await loadCounty(url, { seed: DEFAULT_SEED, scale: 1, reset: true, log });
  log(`county loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('databaseUrl', url);
  project.provide('adminUrl', adminUrl);
  return async () => {
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${TEST_DATABASE} WITH (FORCE)`);
    await database?.stop();
  };
}
