// PostgreSQL driver adapter for the WebAssembly schema engine.
//
// The wasm engine cannot open sockets: it runs every query through a driver
// adapter factory ({ connect, connectToShadowDb }). @prisma/adapter-pg's own
// factory almost fits; this module builds on its adapter and fixes what broke
// migrations here:
// - One connection, not a pool. The engine takes a session advisory lock
//   (pg_advisory_lock(72707369)) and expects its statements on the session that
//   holds it, as the native engine's single connection does. On a pool the lock
//   and the unlock can land on different connections and a second lock waits
//   forever.
// - Column types the adapter does not know made it throw UnsupportedNativeDataType:
//   "char" (oid 18: pg_class.relkind, pg_constraint.contype…), which the engine
//   reads as a Character column, and other catalog types, which it reads as text.
// - executeScript split scripts on every ';' (breaking $$ function bodies and
//   string literals). The script is sent whole, as the native engine does
//   (one simple-protocol query; PostgreSQL runs the statements in order).
// - connectToShadowDb pointed the shadow pool at the main database when the
//   factory had a connection string, and dropped the shadow database before its
//   connections were closed. Ours connects to the shadow database by URL, closes
//   it first, then drops it (WITH (FORCE)).
// - An explicit shadowDatabaseUrl is emptied before use, as the native engine does.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
// A dependency of @prisma/adapter-pg (same version), hoisted to node_modules.
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

/** Connection settings for pg from a Prisma connection string. */
export interface PgTarget {
  /** The URL without Prisma-only parameters, for pg. */
  connectionString: string;
  /** `?schema=` of the Prisma URL (PostgreSQL schema, default public). */
  schema: string | undefined;
  database: string;
  /** host:port, for messages. */
  location: string;
}

// Query parameters that Prisma understands and pg does not (or would misread).
const PRISMA_ONLY_PARAMS = [
  'schema',
  'connection_limit',
  'pool_timeout',
  'pgbouncer',
  'statement_cache_size',
  'socket_timeout',
  'single_use_connections',
];

export function parseUrl(url: string): PgTarget {
  const u = new URL(url);
  if (!/^postgres(ql)?:$/.test(u.protocol))
    throw new Error(`Only PostgreSQL URLs are supported by the WebAssembly schema engine shim, got ${u.protocol}`);
  const schema = u.searchParams.get('schema') ?? undefined;
  for (const p of PRISMA_ONLY_PARAMS) u.searchParams.delete(p);
  const host = u.hostname || u.searchParams.get('host') || 'localhost';
  return {
    connectionString: u.toString(),
    schema,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres',
    location: `${host}:${u.port || '5432'}`,
  };
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

// OIDs that @prisma/adapter-pg 7.10 maps to a column type (fieldToColumnType);
// user-defined types (oid >= 16384) it reads as text itself.
const KNOWN_OIDS = new Set([
  16, 17, 19, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184, 1266, 1560, 1562, 1700, 2950, 3802,
  143, 199, 651, 791, 1000, 1001, 1002, 1005, 1007, 1009, 1014, 1015, 1016, 1021, 1022, 1028, 1041, 1115, 1182, 1183, 1185, 1231, 1561,
  1563, 2951, 3807,
]);
const TEXT_OID = 25;
const CHAR_OID = 18;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils

// Per adapter.queryRaw call: which result columns were "char". Async context,
// not a shared variable, so that overlapping queries cannot mix their columns up.
const charColumns = new AsyncLocalStorage<number[]>();

function relabelUnknownTypes<R>(result: R): R {
  const chars = charColumns.getStore();
  for (const r of Array.isArray(result) ? result : [result]) {
    const fields = (r as pg.QueryResult | undefined)?.fields ?? [];
    fields.forEach((field, i) => {
      if (field.dataTypeID >= 16384 || KNOWN_OIDS.has(field.dataTypeID)) return;
      // pg hands both over as strings (no parser for these oids).
      if (field.dataTypeID === CHAR_OID) chars?.push(i);
      field.dataTypeID = TEXT_OID;
    });
  }
  return result;
}

/**
 * Quacks like the pg.Pool that PrismaPg's adapter drives, over one pg.Client:
 * queries, "checked-out" transaction clients and the advisory lock all share
 * the one session.
 */
class SingleSessionPool extends pg.Pool {
  readonly session: pg.Client;
  private connected: Promise<unknown> | undefined;

  constructor(
    connectionString: string,
    private readonly schema: string | undefined,
  ) {
    super({ max: 1 });
    this.session = new pg.Client({
      connectionString,
      application_name: 'prisma-schema-engine-wasm',
      // `?schema=` means: unqualified names (the migration scripts') live there,
      // as with the native engine, which sets the search path the same way.
      ...(schema ? { options: `-c search_path=${quoteIdent(schema).replace(/([\\ ])/g, '\\$1')}` } : {}),
    });
    // A dropped connection must fail the pending query, not crash the process.
    this.session.on('error', () => {});
  }

  private ready(): Promise<unknown> {
    this.connected ??= this.session.connect().then(async () => {
      // The native engine creates a missing `?schema=` schema too.
      if (this.schema) await this.session.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.schema)}`);
    });
    return this.connected;
  }

  // Only the promise forms are used by the adapter.
  override query(...args: unknown[]): never {
    return this.ready()
      .then(() => (this.session.query as (...a: unknown[]) => Promise<unknown>)(...args))
      .then(relabelUnknownTypes) as never;
  }

  override connect(): never {
    const client = {
      query: (...args: unknown[]) => this.query(...args),
      release: () => {},
      on: () => client,
      removeListener: () => client,
    };
    return this.ready().then(() => client) as never;
  }

  override async end(): Promise<void> {
    if (this.connected) await this.session.end().catch(() => {});
  }
}

/** Opens a PrismaPg adapter on its own single session. */
async function openAdapter(url: string, release?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const target = parseUrl(url);
  const pool = new SingleSessionPool(target.connectionString, target.schema);
  const factory = new PrismaPg(pool, { schema: target.schema, disposeExternalPool: true });
  const adapter = await factory.connect();
  // Fail here, like the native engine's connect, rather than on the first query.
  await (pool.query('SELECT 1') as Promise<unknown>).catch((e: unknown) => {
    (adapter as unknown as { onError(e: unknown): never }).onError(e);
  });
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const chars: number[] = [];
    const result = await charColumns.run(chars, () => queryRaw(query));
    for (const i of chars) result.columnTypes[i] = CHARACTER_COLUMN;
    return result;
  };
  adapter.executeScript = async (script: string) => {
    try {
      await pool.session.query(script);
    } catch (e) {
      // A failing migration script: pass PostgreSQL's error on with the line of
      // the script it points at (syntax errors carry a position).
      const err = e as pg.DatabaseError;
      if (typeof err.code === 'string' && typeof err.severity === 'string') {
        const line = err.position ? script.slice(0, Number(err.position)).split('\n').length : undefined;
        throw new DriverAdapterError({
          kind: 'postgres',
          code: err.code,
          severity: err.severity,
          message: line ? `${err.message} (line ${line} of the script)` : err.message,
          detail: err.detail,
          column: err.column,
          hint: err.hint,
        });
      }
      (adapter as unknown as { onError(e: unknown): never }).onError(e);
    }
  };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await release?.();
  };
  return adapter;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: parseUrl(url).connectionString });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates a database on the server of `url` (the connection goes to `url`'s own database, as the native engine does). */
export async function createDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, `CREATE DATABASE ${quoteIdent(name)}`);
}

/** Drops a database, closing other sessions on it first (PostgreSQL 13+). */
export async function dropDatabase(url: string, name: string): Promise<void> {
  try {
    await adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } catch (e) {
    // Before PostgreSQL 13 there is no FORCE.
    if ((e as { code?: string }).code !== '42601') throw e;
    await adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
  }
}

/** Drops every schema the role may drop and recreates `schema`: what the native engine does to a configured shadow database. */
async function emptyDatabase(url: string): Promise<void> {
  const target = parseUrl(url);
  const client = new pg.Client({ connectionString: target.connectionString });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace
        WHERE nspname NOT IN ('information_schema') AND nspname NOT LIKE 'pg\\_%'
          AND pg_has_role(nspowner, 'USAGE')`,
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA ${quoteIdent(nspname)} CASCADE`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(target.schema ?? 'public')}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function noDatabase(message: string): SqlDriverAdapter {
  const fail = (): never => {
    throw new Error(message);
  };
  const reject = async (): Promise<never> => fail();
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    // Its start-up probe (schema exists?, version) is answered, as for PostgreSQL 15.
    queryRaw: async (query) => {
      if (!/^SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/.test(query.sql)) return fail();
      return {
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [5, 7, 0], // Boolean, Text, Int32
        rows: [[true, 'PostgreSQL 15 (no database configured)', 150000]],
      };
    },
    executeRaw: reject,
    executeScript: reject,
    startTransaction: reject,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
}

/** Shadow databases still alive, so that a signal can drop them on the way out. */
export const liveShadowDatabases = new Map<string, () => Promise<void>>();

export interface DatasourceUrls {
  url?: string;
  shadowDatabaseUrl?: string;
}

/** The adapter factory the wasm engine gets, wrapped in Prisma's error-capturing layer. */
export function adapterFactory(datasource: DatasourceUrls) {
  const missing = 'No database URL: set datasource.url in prisma.config.ts (DATABASE_URL).';
  const need = (url: string | undefined): string => {
    if (!url) throw new Error(missing);
    return url;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    // The wasm engine connects when it starts, even for work that needs no
    // database (`migrate diff --from-empty --to-schema …`): without a URL it gets
    // an adapter that only fails once a query is actually made.
    connect: async () => (datasource.url ? openAdapter(datasource.url) : noDatabase(missing)),
    async connectToShadowDb() {
      if (datasource.shadowDatabaseUrl) {
        await emptyDatabase(datasource.shadowDatabaseUrl);
        return openAdapter(datasource.shadowDatabaseUrl);
      }
      const main = need(datasource.url);
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await createDatabase(main, name);
      const drop = async () => {
        liveShadowDatabases.delete(name);
        await dropDatabase(main, name);
      };
      liveShadowDatabases.set(name, drop);
      try {
        // dispose() ends the shadow session first, then drops the database.
        return await openAdapter(withDatabase(main, name), drop);
      } catch (e) {
        await drop().catch(() => {});
        throw e;
      }
    },
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}
