// Once per run of the integration project: a template database with every
// migration applied and the generated county loaded; tests/fileSetup.ts clones it
// for each test file. With DATABASE_URL (CI) the databases are created on that
// server; without it an embedded PostgreSQL is started under .data/test.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDatabase, type Database } from '../services/platform/database.ts';
import { DEFAULT_SEED, REPO_ROOT } from '../services/platform/config.ts';
import { applyMigrations } from '../prisma/migrate.ts';
import { loadCounty } from '../prisma/seed/index.ts';
import { adminQuery, dropRun, runPrefix, templateName, withDatabase } from './support/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection to the server's maintenance database, for tests that create databases. */
    adminUrl: string;
    /** The loaded county, never connected to by tests: read your file's database with testDatabaseUrl(). */
    templateDatabase: string;
    /** Prefix of every database of this run. */
    runPrefix: string;
  }
}

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
  // One prefix per run, so that runs side by side (two terminals, CI) never share a database.
  const prefix = runPrefix(process.pid);
  const template = templateName(prefix);
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const url = withDatabase(serverUrl, template);
  const teardown = async () => {
    await dropRun(adminUrl, prefix);
    await database?.stop();
  };
  try {
    await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
    await applyMigrations(url, log);
    const started = Date.now();
    await loadCounty(url, { seed: DEFAULT_SEED, scale: 1, reset: true, log });
    // The loader has analyzed; VACUUM sets hint bits and the visibility map once
    // here rather than in every clone. No connections afterwards: CREATE DATABASE
    // … TEMPLATE refuses a source that anyone is connected to.
    await adminQuery(url, 'VACUUM');
    await adminQuery(adminUrl, `ALTER DATABASE "${template}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    log(`county loaded into the template in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('runPrefix', prefix);
  return teardown;
}
