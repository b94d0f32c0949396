// Before each integration test file: its own database, cloned from the run's
// template (tests/globalSetup.ts), so files run in parallel, in any order, and
// leave nothing to clean up: the database is dropped after the file's last hook.
import { afterAll, expect, inject } from 'vitest';
import { REPO_ROOT } from '../services/platform/config.ts';
import { cloneDatabase, dropDatabase, fileDatabaseName, setTestDatabaseUrl, withDatabase } from './support/database.ts';
import { closeSql } from './support/sql.ts';

const adminUrl = inject('adminUrl');
const name = fileDatabaseName(inject('runPrefix'), expect.getState().testPath!, REPO_ROOT);
await cloneDatabase(adminUrl, inject('templateDatabase'), name);
setTestDatabaseUrl(withDatabase(adminUrl, name));

// Registered before the file's own hooks, so it runs after them (vitest runs afterAll hooks in reverse).
afterAll(async () => {
  await closeSql();
  await dropDatabase(adminUrl, name);
  setTestDatabaseUrl(undefined);
});
