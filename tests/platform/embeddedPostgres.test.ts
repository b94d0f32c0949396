import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startDatabase } from '../../services/platform/database.ts';
import type { Database } from '../../services/platform/database.ts';
import { StartupError } from '../../kernel/errors.ts';

const tmpDirs: string[] = [];
const running: Database[] = [];

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fanpin-pg-test-'));
  tmpDirs.push(dir);
  return dir;
}

/** A port that was free a moment ago (the OS picks it). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startupError(promise: Promise<unknown>): Promise<StartupError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartupError);
  expect((error as StartupError).exitCode).not.toBe(0);
  return error as StartupError;
}

afterAll(async () => {
  for (const db of running) await db.stop();
  for (const dir of tmpDirs) await fs.rm(dir, { recursive: true, force: true });
});

describe('embedded PostgreSQL', () => {
  it('initialises an empty folder, then reuses it with its data on the second start', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const config = { databaseUrl: undefined, dataDir, embeddedPgPort: port };

    const first = await startDatabase(config);
    running.push(first);
    expect(first.embedded).toBe(true);
    expect(first.url).toMatch(new RegExp(`^postgresql://postgres:[^@]+@127\\.0\\.0\\.1:${port}/fanpin$`));
    expect((await query(first.url, 'select 1 as one')).rows).toEqual([{ one: 1 }]);
    await query(first.url, "create table kept (v text); insert into kept values ('still here')");
    await first.stop();
    await first.stop(); // idempotent

    await expect(fs.access(path.join(dataDir, 'postgres', 'PG_VERSION'))).resolves.toBeUndefined();
    const lines: string[] = [];
    const second = await startDatabase(config, (line) => lines.push(line));
    running.push(second);
    expect(lines.join('\n')).toMatch(/reusing embedded PostgreSQL/);
    expect(second.url).toBe(first.url); // same password, kept in <DATA_DIR>/postgres-password
    expect((await query(second.url, 'select v from kept')).rows).toEqual([{ v: 'still here' }]);
    await second.stop();

    // A killed run leaves postmaster.pid behind; a pid that no longer runs is stale.
    await fs.writeFile(path.join(dataDir, 'postgres', 'postmaster.pid'), `999999999\n${dataDir}/postgres\n`);
    lines.length = 0;
    const third = await startDatabase(config, (line) => lines.push(line));
    running.push(third);
    expect(lines.join('\n')).toMatch(/removed stale postmaster\.pid/);
    expect((await query(third.url, 'select count(*)::int as n from kept')).rows).toEqual([{ n: 1 }]);
    await third.stop();
  }, 60_000);

  it.runIf(os.userInfo().uid === 0)(
    'explains a parent folder the postgres user cannot enter',
    async () => {
      const parent = await tempDir(); // mkdtemp: mode 0700, owned by root
      const dataDir = path.join(parent, 'data');
      const error = await startupError(startDatabase({ databaseUrl: undefined, dataDir, embeddedPgPort: await freePort() }));
      expect(error.message).toMatch(
        /^PostgreSQL 无法访问数据目录 \/ PostgreSQL cannot access the data folder .*permission denied.*set DATA_DIR/,
      );
    },
    30_000,
  );

  it('refuses a taken port with a sentence naming the port and EMBEDDED_PG_PORT', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const error = await startupError(startDatabase({ databaseUrl: undefined, dataDir: await tempDir(), embeddedPgPort: port }));
      expect(error.message).toBe(
        `端口 ${port} 已被占用 / port ${port} for the embedded PostgreSQL is already in use; set EMBEDDED_PG_PORT to a free port (or DATABASE_URL to use an existing database).`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('refuses a data folder that cannot be created, naming the folder', async () => {
    // Root ignores file modes, but nobody can create a folder inside a regular file.
    const file = path.join(await tempDir(), 'a-file');
    await fs.writeFile(file, '');
    const dataDir = path.join(file, 'data');
    const error = await startupError(startDatabase({ databaseUrl: undefined, dataDir, embeddedPgPort: await freePort() }));
    expect(error.message).toBe(
      `数据目录不可写 / the data folder ${dataDir} cannot be created or written (ENOTDIR); set DATA_DIR to a writable folder.`,
    );
  });
});

describe('DATABASE_URL', () => {
  it('reports an unreachable database in one sentence, password hidden', async () => {
    const url = 'postgresql://fanpin:s3cret@127.0.0.1:1/fanpin';
    const error = await startupError(startDatabase({ databaseUrl: url, dataDir: '/nonexistent', embeddedPgPort: 1 }));
    expect(error.message).toBe(
      '无法连接到 DATABASE_URL 指定的数据库 / cannot connect to the database in DATABASE_URL (postgresql://fanpin@127.0.0.1:1/fanpin, password hidden): connection refused.',
    );
    expect(error.message).not.toContain('s3cret');
  });

  it('uses a reachable database as it is', async () => {
    // The machine's PostgreSQL 15 (trust auth); skipped where it is not running.
    const url = 'postgresql://postgres@127.0.0.1:5432/postgres';
    const up = await query(url, 'select 1').then(
      () => true,
      () => false,
    );
    if (!up) return;
    const db = await startDatabase({ databaseUrl: url, dataDir: '/nonexistent', embeddedPgPort: 1 });
    expect(db).toMatchObject({ url, embedded: false });
    await db.stop();
  });
});
