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
    // Fail fast when the database is down instead of queueing requests forever.
    connectionTimeoutMillis: 5_000,
  });
  const onQuery = options.onQuery;
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => onQuery(event.query));
  return client;
}
