// A database that cannot serve in time answers SERVICE_UNAVAILABLE with HTTP 503
// and a Retry-After hint, never INTERNAL_SERVER_ERROR: (a) the pool exhausted
// (its only connection held by a request stuck behind a table lock), and (b) a
// statement cancelled by the statement timeout. The lock is taken by a separate
// connection; the tests wait for the stuck request to be seen waiting on it.
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../support/database.ts';
import { createPrisma, type PrismaClient } from '../../services/db.ts';
import { createServer, type PlatformServer } from '../../services/platform/server.ts';
import { mountGraphQL } from '../../services/graphql/server.ts';
import { configureLogin } from '../../services/auth/login.ts';
import { DEV_JWT_SECRET } from '../../services/platform/config.ts';
import { post } from '../support/realServer.ts';

interface Api {
  url: string;
  prisma: PrismaClient;
  server: PlatformServer;
  stop(): Promise<void>;
}

/** The API over its own pool; `statementTimeoutMs` goes through the real setting. */
async function startApi(poolSize: number, statementTimeoutMs?: number): Promise<Api> {
  const saved = process.env.DATABASE_STATEMENT_TIMEOUT_MS;
  if (statementTimeoutMs !== undefined) process.env.DATABASE_STATEMENT_TIMEOUT_MS = String(statementTimeoutMs);
  const prisma = createPrisma(testDatabaseUrl(), { poolSize });
  if (saved === undefined) delete process.env.DATABASE_STATEMENT_TIMEOUT_MS;
  else process.env.DATABASE_STATEMENT_TIMEOUT_MS = saved;
  const server = createServer({ holdUntilReady: false });
  configureLogin(DEV_JWT_SECRET);
  const apollo = await mountGraphQL(server.app, { prisma, jwtSecret: DEV_JWT_SECRET, introspection: false });
  server.finalize();
  server.readiness.markReady();
  const { port } = (await server.listen(0, '127.0.0.1')) as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    prisma,
    server,
    async stop() {
      await apollo.stop();
      await server.close();
      await prisma.$disconnect();
    },
  };
}

/** Holds an exclusive lock on `table` from its own connection until released. */
async function lockTable(table: string) {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return {
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

/** Resolves once a statement of this database waits on a lock of `table` (state, not time). */
async function waitingOnLock(table: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query(
        `select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid
         where not l.granted and l.relation = $1::regclass and a.datname = current_database()`,
        [table],
      );
      if (rows.length > 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await client.end();
  }
}

/** A token (login runs scrypt: slow on a busy machine, so a generous timeout). */
async function login(url: string, username: string): Promise<string> {
  const result = await post(
    url,
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    null,
    { u: username, p: process.env.DEMO_PASSWORD || 'demo-password' },
    120_000,
  );
  const token = result.body?.data?.login?.token;
  if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(result)}`);
  return token;
}

const codes = (body: any): string[] => (body?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);

const apis: Api[] = [];
afterAll(async () => {
  for (const api of apis) await api.stop();
});

describe('database unavailable', () => {
  it('(a) an exhausted pool answers 503 SERVICE_UNAVAILABLE with Retry-After, then recovers', async () => {
    const api = await startApi(1);
    apis.push(api);
    const token = await login(api.url, 'admin');
    const lock = await lockTable('village');
    // The pool's only connection is taken by a request stuck behind the lock.
    const stuck = post(api.url, '{ villages(first: 1) { totalCount } }', token, {}, 60_000);
    await waitingOnLock('village');
    const refused = await post(api.url, '{ households(first: 1) { totalCount } }', token, {}, 60_000);
    expect(refused.status, JSON.stringify(refused.body)).toBe(503);
    expect(codes(refused.body)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(refused.body.errors[0].extensions.retryAfter).toBe(5);
    expect(refused.body.errors[0].message).toMatch(/^数据库暂时不可用.*\(the database is unavailable or busy; retry shortly\)$/);
    await lock.release();
    const first = await stuck;
    expect(first.error).toBeNull();
    // Released: the stuck request ends (answered, or refused as unavailable), and the next one is served.
    expect(
      first.status === 200 ? codes(first.body) : codes(first.body).filter((c) => c !== 'SERVICE_UNAVAILABLE'),
      JSON.stringify(first.body),
    ).toEqual([]);
    const after = await post(api.url, '{ households(first: 1) { totalCount } }', token);
    expect(after.status).toBe(200);
    expect(after.body.data.households.totalCount).toBeGreaterThan(0);
  }, 120_000);

  it('(a) the response carries the Retry-After header', async () => {
    const api = apis[0]!;
    const token = await login(api.url, 'admin');
    const lock = await lockTable('village');
    const stuck = post(api.url, '{ villages(first: 1) { totalCount } }', token, {}, 60_000);
    await waitingOnLock('village');
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { username } }' }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    await lock.release();
    await stuck;
  }, 120_000);

  it('(b) a statement past the statement timeout is cancelled: 503 SERVICE_UNAVAILABLE, the connection freed', async () => {
    const api = await startApi(2, 300);
    apis.push(api);
    const token = await login(api.url, 'admin');
    const lock = await lockTable('household');
    try {
      const slow = await post(api.url, '{ households(first: 1) { totalCount } }', token, {}, 60_000);
      expect(slow.status, JSON.stringify(slow.body)).toBe(503);
      expect(codes(slow.body)).toContain('SERVICE_UNAVAILABLE');
      expect(codes(slow.body).every((c) => c === 'SERVICE_UNAVAILABLE')).toBe(true);
      // The cancelled statement gave its connection back: other tables are served meanwhile.
      const other = await post(api.url, '{ villages(first: 1) { totalCount } }', token);
      expect(other.status).toBe(200);
      expect(other.body.data.villages.totalCount).toBeGreaterThan(0);
    } finally {
      await lock.release();
    }
  }, 120_000);
});
