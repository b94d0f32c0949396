// Independent SQL over the test database: the yardstick the API is checked against.
import pg from 'pg';
import { testDatabaseUrl } from './database.ts';

let pool: pg.Pool | null = null;

export function sqlPool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: testDatabaseUrl(), max: 4 });
  return pool;
}

export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const result = await sqlPool().query(text, params);
  return result.rows as T[];
}

export async function sqlOne<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T> {
  const rows = await sql<T>(text, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${text}`);
  return rows[0]!;
}

export async function closeSql(): Promise<void> {
  await pool?.end();
  pool = null;
}

/** Relay global id as Pothos encodes it. */
export const globalId = (type: string, id: string | number) => Buffer.from(`${type}:${id}`).toString('base64');
