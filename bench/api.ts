// GraphQL measurements: SQL statements per request (in-process API over a
// counting Prisma client, as tests/support/api.ts does) and HTTP load with
// autocannon against a running server (the real one, or the raw-SQL limit).
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { createPrisma } from '../services/db.ts';
import { createServer } from '../services/platform/server.ts';
import { mountGraphQL } from '../services/graphql/server.ts';
import { configureLogin } from '../services/auth/login.ts';
import { DEV_JWT_SECRET } from '../services/platform/config.ts';
import type { BenchQuery } from './queries.ts';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'demo-password';

export async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

export async function login(graphqlUrl: string, username: string): Promise<string> {
  const r = await gql(graphqlUrl, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: username,
    p: DEMO_PASSWORD,
  });
  const token = r?.data?.login?.token as string | undefined;
  if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(r?.errors)}`);
  return token;
}

export interface StatementCount {
  query: string;
  statements: number;
  errors: string | null;
}

/**
 * Runs each query once (after one warm-up run) against an in-process API whose
 * Prisma client counts statements; the same JWT secret as the server, so the
 * server's tokens work here.
 */
export async function countStatements(databaseUrl: string, queries: BenchQuery[], token: string): Promise<StatementCount[]> {
  const statements: string[] = [];
  const prisma = createPrisma(databaseUrl, { onQuery: (sql) => statements.push(sql) });
  const server = createServer({ holdUntilReady: false });
  configureLogin(DEV_JWT_SECRET);
  const apollo = await mountGraphQL(server.app, { prisma, jwtSecret: DEV_JWT_SECRET, introspection: false });
  server.finalize();
  server.readiness.markReady();
  const address: AddressInfo = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}/graphql`;
  const out: StatementCount[] = [];
  try {
    for (const q of queries) {
      await gql(url, q.query, q.variables, token);
      statements.splice(0);
      const r = await gql(url, q.query, q.variables, token);
      out.push({ query: q.name, statements: statements.length, errors: r.errors ? JSON.stringify(r.errors).slice(0, 300) : null });
    }
  } finally {
    await apollo.stop();
    await server.close();
    await prisma.$disconnect();
  }
  return out;
}

export interface LoadFigure {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Transport errors + timeouts + non-2xx + bodies carrying GraphQL `errors`. */
  errors: number;
  /** CPU time (user + system) the server process spent per request: robust to other load on the machine. */
  serverCpuMsPerRequest: number | null;
  /** 1-minute load average when the run ended (2-core machine shared with other work). */
  loadAverage: number;
}

/** utime + stime of a process in ms, from /proc (Linux); null elsewhere. */
export function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks, USER_HZ = 100
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i]! * 100) / 100;
}

/**
 * One autocannon run. Latencies are collected per response (autocannon's own
 * summary has p97.5, not p95); a 200 whose body has GraphQL `errors` counts as an error.
 */
export async function hammer(
  url: string,
  body: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
  serverPid?: number,
): Promise<LoadFigure> {
  const latencies: number[] = [];
  const cpuBefore = cpuMs(serverPid);
  const instance = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections,
    duration: seconds,
    timeout: 10,
    verifyBody: (b: string) => !b.startsWith('{"errors"') && !b.includes('"errors":['),
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => void latencies.push(responseTime));
  const result = await instance;
  const cpuAfter = cpuMs(serverPid);
  latencies.sort((a, b) => a - b);
  const requests = result.requests.total;
  return {
    connections,
    seconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
    },
    errors: result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0),
    serverCpuMsPerRequest:
      cpuBefore !== null && cpuAfter !== null && requests > 0 ? Math.round(((cpuAfter - cpuBefore) / requests) * 100) / 100 : null,
    loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
  };
}
