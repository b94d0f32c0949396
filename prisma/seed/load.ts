// The loader: one transaction, COPY per table, county by county.
//
// Atomicity: everything (truncate, COPY, setval, dataset_info) happens in one
// transaction on one connection, so a kill mid-load leaves the database as it
// was — without the data set — and a rerun starts clean. An advisory lock
// serialises concurrent loaders (two servers starting on an empty database).
// Memory: a county is generated, copied and dropped before the next one.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { hashPassword } from '../../kernel/password.ts';
import { StartupError } from '../../kernel/errors.ts';
import { checkArgs, generateParts } from './generate.ts';
import { PASSWORD_PENDING } from './cadres.ts';
import { Checksum, columnsOf, copyLine } from './encode.ts';
import { REGION_TRIGGERS } from './derivedRegions.ts';
import { SERIAL_TABLES, TABLE_NAMES, type Row, type TableName, type Tables } from './model.ts';

export interface LoadProgress {
  /** Rows copied so far, and the (estimated until the last county is generated) total. */
  done: number;
  total: number;
  table: TableName | null;
  county: string | null;
}

export interface LoadOptions {
  seed: number;
  scale: number;
  reset?: boolean;
  log?: (line: string) => void;
  progress?: (p: LoadProgress) => void;
  /** Password of every generated user; default $DEMO_PASSWORD or 'demo-password'. */
  password?: string;
}

export interface LoadResult {
  loaded: boolean;
  households: number;
  persons: number;
  rows: number;
  checksum: string | null;
  /** Wall time of the transaction (generation included), seconds. */
  seconds: number;
}

/** A failure the operator can fix; the message is one sentence (printed by main.ts / the CLI without a stack). */
export class SeedError extends StartupError {}

const LOCK_KEY = 341_324_2020;
const KEEP = ['employment_channel', '_prisma_migrations'];
const CHUNK_CHARS = 1 << 20;
/** Password hashes computed at once (thread-pool tasks). */
const HASH_LANES = 2;

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** Generated users' salt: derived from seed and username, so the data are deterministic. */
function userSalt(seed: number, username: string): Buffer {
  return createHash('sha256').update(`fanpin-user-salt\n${seed}\n${username}`).digest();
}

/** id → scrypt hash of every user whose password is pending, two at a time. */
async function hashUsers(users: Row[], password: string, seed: number): Promise<Map<number, string>> {
  const pending = users.filter((u) => u.password_hash === PASSWORD_PENDING);
  const result = new Map<number, string>();
  let next = 0;
  const lane = async () => {
    while (next < pending.length) {
      const u = pending[next++]!;
      result.set(u.id as number, await hashPassword(password, userSalt(seed, u.username as string)));
    }
  };
  await Promise.all(Array.from({ length: HASH_LANES }, lane));
  return result;
}

async function countRows(client: pg.Client, table: string): Promise<number> {
  const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`);
  return Number(r.rows[0]!.n);
}

async function copyTable(
  client: pg.Client,
  table: TableName,
  rows: Row[],
  sum: Checksum,
  replace: Map<number, string> | null,
  onRows: (n: number) => void,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(rows);
  const hash = sum.sink(table, columns);
  function* chunks(): Generator<string> {
    let buffer = '';
    let n = 0;
    for (const row of rows) {
      const line = copyLine(row, columns);
      hash(line); // the checksum covers the generated rows…
      const pending = replace?.get(row.id as number);
      // …while app_user gets the password hash computed for this load.
      buffer += pending === undefined ? line : copyLine({ ...row, password_hash: pending }, columns);
      n++;
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer;
        onRows(n);
        buffer = '';
        n = 0;
      }
    }
    if (buffer) {
      yield buffer;
      onRows(n);
    }
  }
  const stream = client.query(copyFrom(`COPY ${quote(table)} (${columns.map(quote).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks()), stream);
}

const rowCount = (t: Tables) => TABLE_NAMES.reduce((a, n) => a + t[n].length, 0);

/**
 * Foreign keys are dropped for the load and re-created before COMMIT, as
 * pg_restore does: re-creating validates every row in one join per key, much
 * faster than a trigger per inserted row (≈ 9 s → 4 s for a county here), and
 * still inside the transaction, so nobody ever sees the tables without them.
 */
async function dropForeignKeys(
  client: pg.Client,
  log: (line: string) => void,
): Promise<{ table: string; name: string; def: string }[] | null> {
  const r = await client.query<{ table: string; name: string; def: string }>(`
    SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
    FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY conrelid::regclass::text, conname`);
  // A role that does not own the tables may not drop constraints: then load with them (slower).
  await client.query('SAVEPOINT drop_foreign_keys');
  try {
    for (const fk of r.rows) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quote(fk.name)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    await client.query('ROLLBACK TO SAVEPOINT drop_foreign_keys');
    log("无权临时移除外键，按外键逐行校验载入 / not the tables' owner: loading with foreign keys checked row by row (slower)");
    return null;
  }
  return r.rows;
}

export async function loadParts(databaseUrl: string, opts: LoadOptions, onlyIfEmpty: boolean): Promise<LoadResult> {
  try {
    checkArgs(opts.seed, opts.scale);
  } catch (error) {
    throw new SeedError(`数据集参数无效 / invalid data set parameters: ${(error as Error).message}.`);
  }
  const log = opts.log ?? (() => {});
  const password = opts.password ?? (process.env.DEMO_PASSWORD || 'demo-password');
  const started = Date.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const existing = await client
      .query<{ seed: number; scale: number }>('SELECT seed, scale FROM dataset_info LIMIT 1')
      .catch((e: unknown) => {
        if ((e as { code?: string }).code === '42P01') {
          throw new SeedError(
            '数据库中没有 dataset_info 表，请先执行迁移 / the database has no dataset_info table: apply the migrations first (npm run db:migrate).',
          );
        }
        throw e;
      });
    if (onlyIfEmpty && existing.rowCount) {
      const households = await countRows(client, 'household');
      const persons = await countRows(client, 'person');
      await client.query('ROLLBACK');
      const { seed, scale } = existing.rows[0]!;
      log(`数据集已存在 / data set already loaded (seed ${seed}, scale ${scale}): ${households} households, ${persons} persons`);
      return { loaded: false, households, persons, rows: 0, checksum: null, seconds: (Date.now() - started) / 1000 };
    }
    if (opts.reset) {
      const tables = await client.query<{ tablename: string }>(
        'SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1)) ORDER BY tablename',
        [KEEP],
      );
      if (tables.rowCount) await client.query(`TRUNCATE ${tables.rows.map((r) => quote(r.tablename)).join(', ')} RESTART IDENTITY CASCADE`);
      log(`已清空 ${tables.rowCount} 张数据表 / truncated ${tables.rowCount} data tables`);
    } else if (existing.rowCount || (await countRows(client, 'household')) > 0) {
      throw new SeedError('数据库中已有数据集 / the database already holds a data set; use --reset to replace it.');
    }

    const foreignKeys = await dropForeignKeys(client, log);
    // The generator wrote every region_code the triggers would (derivedRegions.ts): as the
    // tables' owner, switch the per-row lookups off for the load (on again before COMMIT).
    if (foreignKeys)
      for (const [table, trigger] of REGION_TRIGGERS) await client.query(`ALTER TABLE ${quote(table)} DISABLE TRIGGER ${quote(trigger)}`);

    const sum = new Checksum();
    let done = 0;
    let total = 0;
    let households = 0;
    let persons = 0;
    let generated = 0;
    let firstCounty = 0;
    let countyIndex = 0;
    const parts = generateParts(opts.seed, opts.scale);
    for (;;) {
      const t0 = Date.now();
      const next = parts.next();
      if (next.done) break;
      const part = next.value;
      const tables = part.tables;
      const rows = rowCount(tables);
      generated += rows;
      if (part.county) {
        countyIndex++;
        if (!firstCounty) firstCounty = rows;
        total = generated + firstCounty * (opts.scale - countyIndex);
        log(`已生成 ${part.county.name} (${part.county.code}) / generated ${rows} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      } else {
        total = generated + 1; // the counties are still to come
      }
      households += tables.household.length;
      persons += tables.person.length;
      // scrypt is memory-hard (≈ 40 ms a user): hash on the thread pool while the
      // other tables are copied; app_user goes last.
      const hashes = hashUsers(tables.app_user, password, opts.seed);
      hashes.catch(() => {}); // awaited below; no unhandled rejection if a COPY fails first
      // app_user last when the foreign keys are off: its password hashes take longest.
      const order = foreignKeys ? [...TABLE_NAMES.filter((t) => t !== 'app_user'), 'app_user' as const] : TABLE_NAMES;
      for (const table of order) {
        let replace: Map<number, string> | null = null;
        if (table === 'app_user') {
          const waitFrom = Date.now();
          replace = await hashes;
          const waited = (Date.now() - waitFrom) / 1000;
          if (waited >= 0.1) log(`等待密码散列 / waited ${waited.toFixed(1)} s for ${replace.size} password hashes (scrypt)`);
        }
        await copyTable(client, table, tables[table], sum, replace, (n) => {
          done += n;
          opts.progress?.({ done, total, table, county: part.county?.code ?? null });
        });
      }
    }

    if (foreignKeys)
      for (const [table, trigger] of REGION_TRIGGERS) await client.query(`ALTER TABLE ${quote(table)} ENABLE TRIGGER ${quote(trigger)}`);
    const t1 = Date.now();
    if (foreignKeys) {
      for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quote(fk.name)} ${fk.def}`);
      log(`外键已重建并校验 / ${foreignKeys.length} foreign keys re-created and validated in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    }
    for (const table of SERIAL_TABLES) {
      await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT max(id) FROM ${quote(table)}), 0) + 1, false)`, [
        table,
      ]);
    }
    const checksum = sum.digest();
    await client.query('INSERT INTO dataset_info (id, seed, scale, loaded_at, checksum, rows) VALUES (1, $1, $2, now(), $3, $4)', [
      opts.seed,
      opts.scale,
      checksum,
      done,
    ]);
    await client.query('COMMIT');
    const seconds = (Date.now() - started) / 1000;
    log(
      `已载入 / loaded ${done} rows (${households} households, ${persons} persons) in ${seconds.toFixed(1)} s, ${Math.round(done / seconds)} rows/s`,
    );
    // Fresh planner statistics (after COMMIT: not needed for correctness).
    const t2 = Date.now();
    await client.query(`ANALYZE ${TABLE_NAMES.map(quote).join(', ')}`);
    log(`统计信息已更新 / ANALYZE in ${((Date.now() - t2) / 1000).toFixed(1)} s`);
    return { loaded: true, households, persons, rows: done, checksum, seconds };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
