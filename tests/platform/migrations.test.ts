// Prisma Migrate end to end, on a database of its own: every migration folder
// applies to an empty database, the result matches prisma/schema.prisma, and
// failures come back as readable errors. Independent of the generated data set
// (it neither needs nor touches the shared test database).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyMigrations, schemaDrift } from '../../prisma/migrate.ts';
import { REPO_ROOT } from '../../prisma/cli.ts';

// The server to create the database on: an explicit admin URL, the server of
// DATABASE_URL (CI), or the one the global setup started (embedded PostgreSQL).
const adminUrl =
  process.env.TEST_ADMIN_URL ??
  process.env.DATABASE_URL ??
  (inject('adminUrl') as string | undefined) ??
  'postgresql://postgres@127.0.0.1:5432/postgres';

const DATABASE = `fanpin_migrate_${randomBytes(4).toString('hex')}`;
const databaseUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${DATABASE}`;
  return u.toString();
})();

const MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma', 'migrations');
const migrationFolders = fs.existsSync(MIGRATIONS_DIR)
  ? fs
      .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, d.name, 'migration.sql')))
      .map((d) => d.name)
      .sort()
  : [];

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const CLI_TIMEOUT = 180_000;

describe('prisma migrations', () => {
  const logged: string[] = [];

  beforeAll(async () => {
    await query(adminUrl, `CREATE DATABASE ${DATABASE}`);
  });

  afterAll(async () => {
    await query(adminUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  });

  it('has migrations to apply', () => {
    expect(migrationFolders.length).toBeGreaterThan(0);
  });

  it(
    'applies every migration folder to an empty database',
    async () => {
      await applyMigrations(databaseUrl, (line) => logged.push(line));
      const rows = await query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
        databaseUrl,
        `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
         FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(migrationFolders);
      expect(rows.every((r) => r.finished && !r.rolled_back)).toBe(true);
      expect(logged.at(-1)).toMatch(/^migrations applied/);
    },
    CLI_TIMEOUT,
  );

  it(
    'leaves no drift between the database and prisma/schema.prisma',
    async () => {
      expect(await schemaDrift(databaseUrl)).toBe('');
    },
    CLI_TIMEOUT,
  );

  it(
    'applies nothing the second time',
    async () => {
      await applyMigrations(databaseUrl, (line) => logged.push(line));
      expect(logged.at(-1)).toMatch(/^migrations: none pending/);
    },
    CLI_TIMEOUT,
  );

  it(
    'reports drift when the database differs from the schema',
    async () => {
      const [table] = await query<{ table_name: string }>(
        databaseUrl,
        `SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
        ORDER BY table_name LIMIT 1`,
      );
      expect(table).toBeDefined();
      await query(databaseUrl, `ALTER TABLE "${table!.table_name}" ADD COLUMN drift_probe integer`);
      try {
        expect(await schemaDrift(databaseUrl)).toMatch(/DROP COLUMN "drift_probe"/);
      } finally {
        await query(databaseUrl, `ALTER TABLE "${table!.table_name}" DROP COLUMN drift_probe`);
      }
    },
    CLI_TIMEOUT,
  );

  it(
    'fails with the CLI output when the database cannot be reached',
    async () => {
      // Port 1: nothing listens there, the connection is refused at once.
      const error = await applyMigrations('postgresql://postgres@127.0.0.1:1/nowhere').then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error!.message).toMatch(/prisma migrate deploy failed \(exit code 1\)/);
      expect(error!.message).toMatch(/P1001|Can't reach database server/);
    },
    CLI_TIMEOUT,
  );
});
