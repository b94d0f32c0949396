// The one database module: a Prisma client over node-postgres (Prisma 7 runs its
// query compiler in TypeScript, so no native query engine is needed).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client/client.ts';

export { Prisma } from '../prisma/generated/client/client.ts';
export type { PrismaClient };

export interface DbOptions {
  /** Largest number of pooled connections (default 10). */
  poolSize?: number;
  /** Called once per SQL statement; the API uses it to count statements per request. */
  onQuery?: (sql: string) => void;
}

export function createPrisma(databaseUrl: string, options: DbOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    // Fail fast when the database is down or the pool exhausted instead of queueing
    // requests forever (answered as SERVICE_UNAVAILABLE, services/dbErrors.ts).
    connectionTimeoutMillis: 5_000,
    // One heavy statement is cancelled rather than holding a pooled connection;
    // DATABASE_STATEMENT_TIMEOUT_MS (milliseconds, 0 = none) overrides the 15 s default.
    statement_timeout: /^\d{1,9}$/.test(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? '')
      ? Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS)
      : 15_000,
  });
  // Every scoped query runs in a short transaction (services/scopedDb.ts): let it
  // wait for a connection as long as the pool does, and run as long as a statement may.
  const transactionOptions = { maxWait: 5_000, timeout: 20_000 };
  const onQuery = options.onQuery;
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions });
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => onQuery(event.query));
  return client;
}
