// What a failed database call means to a caller. An outage, an exhausted pool
// (no connection within the pool's wait) or a statement cancelled by
// `statement_timeout` is not a bug: it is SERVICE_UNAVAILABLE, retryable after
// a few seconds. The API (graphql/server.ts) and the REST routes share this.
import { CodedError } from '../kernel/errors.ts';

/** The Retry-After hint, in seconds, of every SERVICE_UNAVAILABLE answer. */
export const RETRY_AFTER_SECONDS = 5;

/** Prisma codes and PostgreSQL states meaning "down, restarting, overloaded or too slow". */
// P2024/P2028: no connection (or no transaction) within the wait; a transaction past its timeout.
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const UNAVAILABLE_PG = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  '57014', // query_canceled: statement_timeout (DATABASE_STATEMENT_TIMEOUT_MS)
  '53300', // too_many_connections
]);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// node-postgres's pool and client throw plain Errors for these; Prisma passes them through.
// Every statement of a viewer runs in a short transaction (services/scopedDb.ts): when the server
// goes away mid-way the failure surfaces as a closed or unknown transaction, or a refused connection.
const UNAVAILABLE_MESSAGE = new RegExp(
  [
    'timeout exceeded when trying to connect',
    'Connection terminated',
    'canceling statement due to statement timeout',
    'terminating connection due to administrator command',
    'ECONNREFUSED',
    'ECONNRESET',
    'the database system is (starting up|shutting down|in recovery mode)',
    'Transaction already closed',
    'Transaction not found',
    'Unable to start a transaction',
    'not yet accepting connections',
    'server closed the connection',
    'Connection is closed',
    'connection error',
  ].join('|'),
);

type Cause = { kind?: string; originalCode?: string; code?: string; message?: string };
type DbError = { code?: string; message?: string; meta?: { driverAdapterError?: { cause?: Cause } }; cause?: Cause };

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as DbError | null | undefined;
  if (!e || typeof e !== 'object') return false;
  const cause = e.meta?.driverAdapterError?.cause ?? e.cause;
  return (
    UNAVAILABLE_PRISMA.has(e.code ?? '') ||
    UNAVAILABLE_PG.has(e.code ?? '') ||
    UNAVAILABLE_KINDS.has(cause?.kind ?? '') ||
    UNAVAILABLE_PG.has(cause?.originalCode ?? cause?.code ?? '') ||
    UNAVAILABLE_MESSAGE.test(e.message ?? '') ||
    UNAVAILABLE_MESSAGE.test(cause?.message ?? '')
  );
}

export const serviceUnavailable = () =>
  new CodedError('SERVICE_UNAVAILABLE', '数据库暂时不可用或繁忙，请稍后重试 (the database is unavailable or busy; retry shortly)', {
    retryAfter: RETRY_AFTER_SECONDS,
  });
