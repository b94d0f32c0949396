// Structured logs through the real platform (what services/main.ts mounts): each
// request's lines carry its id, the id is echoed, a bad incoming id is replaced,
// internal errors, audit writes and Cube's events carry it, and secrets are
// never written. Lines are read from the logger's own destination.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../services/db.ts';
import { createServer, type PlatformServer } from '../../services/platform/server.ts';
import { mountPlatform } from '../../services/platform/mount.ts';
import { DEV_JWT_SECRET } from '../../services/platform/config.ts';
import { acceptRequestId, logger, setLogDestination } from '../../services/platform/log.ts';
import { testDatabaseUrl } from '../support/database.ts';
import { sql } from '../support/sql.ts';

const PASSWORD = process.env.DEMO_PASSWORD || 'demo-password';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Line = Record<string, any>;
const lines: Line[] = [];
const raw: string[] = [];
let restoreDestination: () => void;
let levelBefore: string;
let server: PlatformServer;
let stopPlatform: () => Promise<void>;
let prisma: ReturnType<typeof createPrisma>;
let base: string;

beforeAll(async () => {
  restoreDestination = setLogDestination({
    write: (chunk: string) => {
      raw.push(chunk);
      lines.push(JSON.parse(chunk));
    },
  });
  levelBefore = logger.level;
  logger.level = 'debug';
  process.env.CUBEJS_REFRESH_WORKER = 'false';
  prisma = createPrisma(testDatabaseUrl());
  server = createServer({ holdUntilReady: false });
  const platform = await mountPlatform(server.app, {
    prisma,
    databaseUrl: testDatabaseUrl(),
    jwtSecret: DEV_JWT_SECRET,
    introspection: false,
    production: false,
    log: () => {},
  });
  stopPlatform = () => platform.stop();
  server.finalize();
  server.readiness.markReady();
  const { port } = await server.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await stopPlatform?.();
  await server?.close();
  await prisma?.$disconnect();
  logger.level = levelBefore;
  restoreDestination?.();
  delete process.env.CUBEJS_REFRESH_WORKER;
});

async function graphql(query: string, options: { token?: string; requestId?: string; variables?: Record<string, unknown> } = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.requestId ? { 'x-request-id': options.requestId } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  return { id: response.headers.get('x-request-id'), status: response.status, body: (await response.json()) as any };
}

/** The lines of one request; the access line is written when the response closes, just after the client has it. */
async function linesOf(requestId: string, until: (l: Line[]) => boolean = (l) => l.some((x) => x.component === 'http')): Promise<Line[]> {
  for (let i = 0; i < 200 && !until(lines.filter((l) => l.requestId === requestId)); i++) await new Promise((r) => setImmediate(r));
  return lines.filter((l) => l.requestId === requestId);
}

async function login(requestId: string): Promise<string> {
  const r = await graphql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    requestId,
    variables: { u: 'admin', p: PASSWORD },
  });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.login.token as string;
}

describe('request ids', () => {
  it('keeps an acceptable incoming X-Request-Id, echoes it, and puts it on every line of the request and on its audit rows', async () => {
    const id = `login.${process.pid}:a-1`;
    const token = await login(id);
    const ofLogin = await linesOf(id, (l) => l.some((x) => x.component === 'http') && l.some((x) => x.component === 'audit'));
    expect(ofLogin.find((l) => l.component === 'http')).toMatchObject({
      method: 'POST',
      path: '/graphql',
      status: 200,
      level: 'info',
      msg: 'request',
    });
    expect(ofLogin.find((l) => l.component === 'audit')).toMatchObject({ action: 'LOGIN', entity: 'User' });
    expect(await sql('SELECT action FROM audit_log WHERE request_id = $1', [id])).toContainEqual({ action: 'LOGIN' });
    // The password and the token are in this request's body and answer, never in a line.
    expect(raw.join('')).not.toContain(PASSWORD);
    expect(raw.join('')).not.toContain(token);

    const readId = `read-${process.pid}`;
    const read = await graphql('{ households(first: 3, filter: { regionCode: "341324100" }) { edges { node { head { idNumber } } } } }', {
      token,
      requestId: readId,
    });
    expect(read.id).toBe(readId);
    const idNumbers: string[] = read.body.data.households.edges.map((e: any) => e.node.head.idNumber);
    expect(idNumbers).toHaveLength(3);
    expect(idNumbers.every((n) => /^\d{17}[\dX]$/.test(n))).toBe(true); // unmasked for the county administrator
    const ofRead = await linesOf(readId, (l) => l.some((x) => x.component === 'http') && l.some((x) => x.component === 'audit'));
    expect(ofRead.find((l) => l.component === 'audit')).toMatchObject({ action: 'READ_PERSONAL_DATA', records: 3 });
    const audited = await sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1 AND action = 'READ_PERSONAL_DATA'",
      [readId],
    );
    expect(audited).toEqual([{ n: 3 }]);
    for (const n of idNumbers) expect(raw.join('')).not.toContain(n);
  });

  it('replaces a missing or unacceptable id with a new UUID, and logs the path without its query string', async () => {
    for (const bad of [undefined, 'x'.repeat(65), 'a b', 'id;drop', '../etc']) {
      const r = await graphql('{ __typename }', { requestId: bad });
      expect(r.status).toBe(200);
      expect(r.id).toMatch(UUID);
      expect((await linesOf(r.id!)).find((l) => l.component === 'http')).toMatchObject({ path: '/graphql', status: 200 });
      if (bad) expect(raw.join('')).not.toContain(bad);
    }
    expect(acceptRequestId('ok-1.2:3_4')).toBe('ok-1.2:3_4');
    expect(acceptRequestId(['a', 'b'])).toBeNull();

    const secretQuery = `${base}/graphql?query=%7B__typename%7D&idNumber=34132419900101123X`;
    const r = await fetch(secretQuery, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    const id = r.headers.get('x-request-id')!;
    expect((await linesOf(id)).find((l) => l.component === 'http')).toMatchObject({ method: 'GET', path: '/graphql' });
    expect(raw.join('')).not.toContain('34132419900101123X');
  });

  it('puts the id on the log line of an internal error, which the caller sees only as coded', async () => {
    const token = await login(`login2-${process.pid}`);
    // A real fault below the API: the table behind employmentChannels is gone for a moment.
    await sql('ALTER TABLE employment_channel RENAME TO employment_channel_away');
    let r;
    try {
      r = await graphql('{ employmentChannels { name } }', { token, requestId: `fault-${process.pid}` });
    } finally {
      await sql('ALTER TABLE employment_channel_away RENAME TO employment_channel');
    }
    expect(r.id).toBe(`fault-${process.pid}`);
    expect(r.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(r.body)).not.toContain('employment_channel');
    const error = (await linesOf(r.id!)).find((l) => l.level === 'error');
    expect(error).toMatchObject({ component: 'graphql', msg: 'internal error', path: ['employmentChannels'] });
    expect(JSON.stringify(error!.err)).toContain('employment_channel');
    expect(raw.join('')).not.toContain(token);
  });

  it("carries the id into Cube's log lines", async () => {
    const id = `cube-${process.pid}`;
    const query = encodeURIComponent(JSON.stringify({ measures: ['poverty.household_count'] }));
    const response = await fetch(`${base}/cubejs-api/v1/load?query=${query}`, {
      headers: { authorization: 'not-a-token', 'x-request-id': id },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-request-id')).toBe(id);
    const cube = (await linesOf(id, (l) => l.some((x) => x.component === 'cube'))).find((l) => l.component === 'cube');
    expect(cube).toMatchObject({ level: 'warn', requestId: id });
    expect(raw.join('')).not.toContain('not-a-token');
  });
});

describe('redaction', () => {
  it('never writes passwords, tokens, ID or phone numbers, by field or inside an error', async () => {
    const from = raw.length;
    const error = Object.assign(new Error('duplicate key: Key (id_number)=(34132419900101123X), phone 13812345678'), {
      detail: 'Key (id_number)=(34132419900101123X) already exists.',
      meta: { driverAdapterError: { cause: { originalMessage: 'duplicate 34132419900101123X' } } },
    });
    logger.info(
      {
        password: 'pw-1',
        token: 'tok-1',
        user: { idNumber: '34132419900101123X', phone: '13812345678', name: '张三' },
        authorization: 'Bearer tok-2',
      },
      'fields',
    );
    logger.error({ err: error }, 'an error');
    const written = raw.slice(from).join('');
    for (const secret of ['pw-1', 'tok-1', 'tok-2', '34132419900101123X', '13812345678']) expect(written).not.toContain(secret);
    const mine = raw.slice(from).map((l) => JSON.parse(l));
    const fields = mine.find((l) => l.msg === 'fields');
    const failed = mine.find((l) => l.msg === 'an error');
    expect(fields).toMatchObject({
      password: '[redacted]',
      token: '[redacted]',
      authorization: '[redacted]',
      user: { idNumber: '[redacted]', phone: '[redacted]', name: '张三' },
    });
    expect(failed.err.message).toBe('duplicate key: Key (id_number)=(341324********123X), phone 138****5678');
    expect(failed.err.detail).toBe('Key (id_number)=(341324********123X) already exists.');
    expect(failed.err.meta.driverAdapterError.cause.originalMessage).toBe('duplicate 341324********123X');
  });
});
