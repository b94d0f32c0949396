// A bounded soak of the real server (child process) on the test database:
// autocannon at 32 connections on loopback, zero errors, bounded memory growth.
// HARDENING_SOAK=0 skips it; HARDENING_SOAK_SECONDS sets its length (default 30).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startRealServer, type RealServer } from '../support/realServer.ts';
import { testDatabaseUrl } from '../support/database.ts';

const enabled = process.env.HARDENING_SOAK !== '0';
const SECONDS = Number(process.env.HARDENING_SOAK_SECONDS ?? 30);
const CONNECTIONS = 32;
/** Live heap (after a full GC) may grow this much between the end of warm-up and the end of the soak. */
const MAX_GROWTH_MB = 64;
/** RSS follows V8's heap sizing under load, so its bound is looser: it catches runaway growth. */
const MAX_RSS_GROWTH_MB = 256;
const probeFile = path.join(os.tmpdir(), `fanpin-soak-memory-${process.pid}.json`);

let server: RealServer;
let token: string;

beforeAll(async () => {
  if (!enabled) return;
  server = await startRealServer(testDatabaseUrl(), { MEMORY_PROBE_FILE: probeFile }, 120_000, [
    '--expose-gc',
    '--import',
    './tests/support/memoryProbe.ts',
  ]);
  token = await login(server.url, 'admin');
});
afterAll(async () => {
  await server?.stop();
  rmSync(probeFile, { force: true });
});

/** Heap used after a full GC in the server, in MB (see tests/support/memoryProbe.ts). */
async function liveHeapMb(): Promise<number> {
  rmSync(probeFile, { force: true });
  server.child.kill('SIGUSR2');
  for (let i = 0; i < 100 && !existsSync(probeFile); i++) await new Promise((r) => setTimeout(r, 100));
  return JSON.parse(readFileSync(probeFile, 'utf8')).heapUsed / 2 ** 20;
}

const queries = [
  `{ viewer { username role } }`,
  `{ households(first: 10, orderBy: { field: id, direction: ASC }) { totalCount edges { node { id householdNumber village { name } } } } }`,
  `{ businessEntities(first: 5) { totalCount edges { node { id name industries { name } } } } }`,
  `{ villages(first: 3) { totalCount edges { node { code name } } } }`,
];

function run(duration: number, badBodies: string[]) {
  return autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration,
    timeout: 10,
    requests: queries.map((query) => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
      // GraphQL errors come with HTTP 200: look at the body too.
      onResponse: (status: number, body: string) => {
        if (status !== 200 || body.includes('"errors"') || !body.includes('"data"')) badBodies.push(`${status} ${body.slice(0, 300)}`);
      },
    })),
  });
}

describe.skipIf(!enabled)('load soak', () => {
  it(
    `${SECONDS} s at ${CONNECTIONS} connections: no errors, live heap growth < ${MAX_GROWTH_MB} MB`,
    async () => {
      const bad: string[] = [];
      const warm = await run(8, bad);
      expect(warm.errors).toBe(0);
      const heapBefore = await liveHeapMb();
      const before = server.rssMb();
      const result = await run(SECONDS, bad);
      const heapAfter = await liveHeapMb();
      const after = server.rssMb();
      process.stderr.write(
        `[soak] ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; live heap ${heapBefore.toFixed(0)} → ${heapAfter.toFixed(0)} MB, RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB\n`,
      );
      expect(bad.slice(0, 3)).toEqual([]);
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.non2xx).toBe(0);
      expect(result.requests.total).toBeGreaterThan(SECONDS * 20);
      expect(heapAfter - heapBefore).toBeLessThan(MAX_GROWTH_MB);
      expect(after - before).toBeLessThan(MAX_RSS_GROWTH_MB);
      expect(server.alive()).toBe(true);
    },
    (SECONDS + 60) * 1000,
  );
});
