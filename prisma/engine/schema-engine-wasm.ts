// A stand-in for Prisma's native schema engine binary, for machines where it
// cannot be downloaded. prisma/cli.ts points PRISMA_SCHEMA_ENGINE_BINARY at the
// launcher next to this file (./schema-engine) when the binary is missing.
//
// The Prisma CLI (7.10) spawns the engine in two ways (node_modules/prisma/build/cli.js):
// - RPC:  schema-engine [--datamodels <file>]... [--datasource <json>]
//           [--enabled-preview-features a,b] [--extension-types <json>]
//   then writes JSON-RPC 2.0 requests, one per line, on stdin and reads one
//   response per line on stdout. stderr carries JSON log lines; the CLI keeps the
//   last ERROR one for its messages. The engine may itself ask the CLI to print
//   (method "print"), which is how `migrate diff` output reaches stdout.
// - CLI:  schema-engine --datasource <json> cli can-connect-to-database|create-database|drop-database
//   exit 0 on success; on failure a non-zero exit and JSON log lines on stderr
//   whose ERROR line carries fields.error_code (P1003 makes the CLI create the
//   database) and fields.message. The CLI skips the first stderr line.
// Each RPC method is forwarded to @prisma/schema-engine-wasm with the
// PostgreSQL adapter of ./adapter.ts. Exit codes follow the native binary:
// 0 normal, 1 error (cli subcommands), 101 after a panic.
import fs from 'node:fs';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { adapterFactory, createDatabase, dropDatabase, liveShadowDatabases, parseUrl, type DatasourceUrls } from './adapter.ts';

const require = createRequire(import.meta.url);

// ───────────────────────────── arguments ─────────────────────────────
const argv = process.argv.slice(2);
const datamodelPaths: string[] = [];
let datasource: DatasourceUrls = {};
let cliCommand: string | undefined;
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--datamodels' || arg === '-d') datamodelPaths.push(argv[++i] ?? '');
  else if (arg === '--datasource') datasource = JSON.parse(argv[++i] ?? '{}') as DatasourceUrls;
  else if (arg === '--enabled-preview-features' || arg === '--extension-types')
    i++; // nothing to do for PostgreSQL migrations
  else if (arg === 'cli') cliCommand = argv[++i];
  else if (arg === '--version' || arg === '-V') cliCommand = '--version';
  else if (arg === '--help' || arg === '-h') cliCommand = '--help';
}

// Failures the CLI might not turn into a non-zero exit are also written here
// (prisma/cli.ts sets the path and checks it after the CLI exits).
function recordFailure(message: string): void {
  const file = process.env.SCHEMA_ENGINE_SHIM_FAILURE_FILE;
  if (file) fs.appendFileSync(file, `${message.trim()}\n`);
}

// ───────────────────────────── stderr logs ─────────────────────────────
function log(level: 'INFO' | 'ERROR', message: string, extra: Record<string, unknown> = {}): void {
  const line = { timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: 'schema_engine::logger' };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

// ───────────────────────────── the wasm engine ─────────────────────────────
// Only what is used here: lib "ES2023" has no WebAssembly declarations.
type WasmModule = object;
interface WasmApi {
  Module: { new (bytes: Uint8Array): WasmModule; imports(module: WasmModule): { module: string; name: string }[] };
  Instance: new (module: WasmModule, imports: Record<string, unknown>) => { exports: Record<string, unknown> };
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

// The Prisma CLI package ships the wasm build of its own engine version
// (build/schema_engine_bg.wasm, same commit d1b3f377 as the native binary it
// would download); @prisma/schema-engine-wasm carries a nearby build (59be4fda)
// plus the JS glue. Prefer the CLI's build when the glue provides everything
// it imports (the import names are hashed signatures, so that means it fits).
function wasmModule(): WasmModule {
  const candidates = [
    path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'schema_engine_bg.wasm'),
    path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm'),
  ];
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    const mod = new Wasm.Module(fs.readFileSync(file));
    const fits = Wasm.Module.imports(mod).every((imp) => typeof (glue as Record<string, unknown>)[imp.name] === 'function');
    if (fits) return mod;
  }
  throw new Error('No usable schema_engine_bg.wasm found (prisma/build or @prisma/schema-engine-wasm).');
}

// The glue reports Rust panic messages through this global (see wasm-bindgen
// glue: global.PRISMA_WASM_PANIC_REGISTRY.set_message).
let panicMessage = '';
(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (m: string) => void (panicMessage = m),
  get: () => panicMessage,
};

let enginePromise: Promise<SchemaEngine> | undefined;
const factory = adapterFactory(datasource);

let instantiated = false;
function instantiate(): void {
  if (instantiated) return;
  const instance = new Wasm.Instance(wasmModule(), { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  instantiated = true;
}

function engine(): Promise<SchemaEngine> {
  enginePromise ??= (async () => {
    instantiate();
    const datamodels = datamodelPaths.map((p): [string, string] => [p, fs.readFileSync(p, 'utf8')]);
    // The callback receives the engine's tracing output (JSON lines).
    const onLog = (line: string) => process.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
    return glue.SchemaEngine.new({ datamodels: datamodels.length > 0 ? datamodels : undefined }, onLog, factory);
  })();
  return enginePromise;
}

// ───────────────────────────── errors ─────────────────────────────
interface RpcError {
  code: number;
  message: string;
  data: { is_panic: boolean; message: string; error_code?: string; meta?: unknown; error?: { message: string } };
}

const isPanic = (e: unknown) => e instanceof Error && e.name === 'RuntimeError';

/** Turns what the wasm engine threw into the native engine's JSON-RPC error shape. */
function toRpcError(e: unknown): RpcError {
  const err = e as Error & { code?: string; meta?: unknown; cause?: unknown };
  if (isPanic(e)) {
    const message = panicMessage || String(err.message);
    return {
      code: 4466,
      message: 'An error happened. Check the data field for details.',
      data: { is_panic: true, message, error: { message } },
    };
  }
  // A JS error thrown inside our adapter (e.g. while creating a shadow database)
  // comes back as a registered "GenericJs" error id.
  const registry = (factory as unknown as { errorRegistry: { consumeError(id: number): { error: unknown } | undefined } }).errorRegistry;
  // The engine words it "External error id#<n>".
  const id = /External error id#(\d+)/.exec(String(err?.message ?? ''));
  const original = id ? registry.consumeError(Number(id[1]))?.error : undefined;
  if (original instanceof Error) return toRpcError(original);
  const data: RpcError['data'] = { is_panic: false, message: String(err?.message ?? e) };
  if (typeof err?.code === 'string' && /^P\d{4}$/.test(err.code)) {
    data.error_code = err.code;
    data.meta = err.meta;
  }
  return { code: 4466, message: 'An error happened. Check the data field for details.', data };
}

// ───────────────────────────── RPC ─────────────────────────────
const write = (msg: unknown) => process.stdout.write(`${JSON.stringify(msg)}\n`);

// Requests the engine sends to the CLI (only "print"), waiting for the reply.
let nextOwnId = 1;
const ownRequests = new Map<number | string, () => void>();
function printThroughCli(content: string): Promise<void> {
  const id = `shim-print-${nextOwnId++}`;
  return new Promise((resolve) => {
    ownRequests.set(id, resolve);
    write({ jsonrpc: '2.0', id, method: 'print', params: { content } });
  });
}

type Params = Record<string, unknown> | undefined;

async function call(method: string, params: Params): Promise<unknown> {
  switch (method) {
    // Not in the wasm API: answered here.
    case 'createDatabase': {
      const url = datasourceUrl(params);
      const name = parseUrl(url).database;
      await createDatabase(withoutDatabase(url), name);
      return { databaseName: name };
    }
    case 'getDatabaseDescription':
      throw new Error('getDatabaseDescription is not available in the WebAssembly schema engine.');
    case 'getDatabaseVersion':
      return (await engine()).version(null);
    case 'debugPanic':
      (await engine()).debugPanic();
      return {};
    case 'introspect':
      return (await engine()).introspect({ ...(params as object), namespaces: params?.namespaces ?? null } as never);
    case 'diff': {
      // The native engine prints the diff through the CLI and returns stdout: null.
      const result = await (await engine()).diff(params as never);
      if (result.stdout) await printThroughCli(result.stdout.replace(/\n$/, ''));
      return { exitCode: result.exitCode, stdout: null };
    }
    case 'applyMigrations':
    case 'createMigration':
    case 'dbExecute':
    case 'devDiagnostic':
    case 'diagnoseMigrationHistory':
    case 'ensureConnectionValidity':
    case 'evaluateDataLoss':
    case 'introspectSql':
    case 'markMigrationApplied':
    case 'markMigrationRolledBack':
    case 'reset':
    case 'schemaPush': {
      const e = await engine();
      // Call as a method: the glue needs `this` (its __wbg_ptr).
      const result = await (e[method] as (p: unknown) => Promise<unknown>).call(e, params ?? {});
      return result ?? {};
    }
    default:
      throw Object.assign(new Error(`Unknown method ${method}`), { rpcCode: -32601 });
  }
}

function datasourceUrl(params: Params): string {
  const ds = (params?.datasource ?? {}) as { tag?: string; url?: string };
  const url = ds.tag === 'ConnectionString' ? ds.url : datasource.url;
  if (!url) throw new Error('No datasource URL to create the database on.');
  return url;
}

/** The server's maintenance database, to run CREATE/DROP DATABASE from. */
function withoutDatabase(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

// After a panic the wasm instance is unusable: every later request fails too.
let poisoned: string | undefined;
// Requests being worked on, so that a crash outside the request's own promise
// (an exception thrown from a wasm callback) still answers them.
const inflight = new Set<number | string>();
let queue: Promise<void> = Promise.resolve();

function panicked(message: string): RpcError {
  if (!poisoned) {
    poisoned = message;
    recordFailure(`Schema engine panicked: ${message}`);
    log('ERROR', message, { is_panic: true });
  }
  return toRpcError(Object.assign(new Error(message), { name: 'RuntimeError' }));
}

function answerError(id: number | string | undefined, e: unknown): void {
  const rpcCode = (e as { rpcCode?: number }).rpcCode;
  if (rpcCode) {
    write({ jsonrpc: '2.0', id, error: { code: rpcCode, message: (e as Error).message } });
    return;
  }
  let error = toRpcError(e);
  if (error.data.is_panic) error = panicked(error.data.message);
  else log('ERROR', error.data.message, error.data.error_code ? { error_code: error.data.error_code } : {});
  write({ jsonrpc: '2.0', id, error });
}

function onLine(line: string): void {
  if (!line.trim()) return;
  let msg: { id?: number | string; method?: string; params?: Params; result?: unknown; error?: unknown };
  try {
    msg = JSON.parse(line);
  } catch {
    write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
    return;
  }
  if (msg.method === undefined && msg.id !== undefined) {
    ownRequests.get(msg.id)?.();
    ownRequests.delete(msg.id);
    return;
  }
  const { id, method = '', params } = msg;
  // One request at a time, as the native engine's single connection would.
  queue = queue.then(async () => {
    if (id === undefined) return; // a notification: nothing the CLI sends
    inflight.add(id);
    try {
      if (poisoned) throw Object.assign(new Error(poisoned), { name: 'RuntimeError' });
      const result = await call(method, params);
      if (inflight.has(id)) write({ jsonrpc: '2.0', id, result });
    } catch (e) {
      if (inflight.has(id)) answerError(id, e);
    } finally {
      inflight.delete(id);
    }
  });
}

// ───────────────────────────── `cli` subcommands ─────────────────────────────
async function runCliCommand(command: string): Promise<number> {
  // The CLI drops the first stderr line; keep real information off it.
  log('INFO', `schema engine (wasm shim) cli ${command}`);
  const url = datasource.url;
  if (!url) {
    log('ERROR', 'No datasource URL given (--datasource).');
    return 1;
  }
  const target = parseUrl(url);
  try {
    if (command === 'can-connect-to-database') {
      const client = new pg.Client({ connectionString: target.connectionString });
      client.on('error', () => {});
      await client.connect();
      await client.end();
    } else if (command === 'create-database') {
      await createDatabase(withoutDatabase(url), target.database);
      log('INFO', `Database '${target.database}' was successfully created.`);
    } else if (command === 'drop-database') {
      await dropDatabase(withoutDatabase(url), target.database);
    } else {
      log('ERROR', `Unknown cli command ${command}`);
      return 1;
    }
    return 0;
  } catch (e) {
    const err = e as Error & { code?: string };
    const known: Record<string, [string, string]> = {
      '3D000': ['P1003', `Database \`${target.database}\` does not exist on the database server at \`${target.location}\`.`],
      '28P01': [
        'P1000',
        `Authentication failed against database server at \`${target.location}\`, the provided database credentials are not valid.`,
      ],
      '28000': ['P1000', `Authentication failed against database server at \`${target.location}\`: ${err.message}`],
      '42P04': ['P1009', `Database \`${target.database}\` already exists on the database server at \`${target.location}\``],
      ECONNREFUSED: ['P1001', `Can't reach database server at \`${target.location}\``],
      ENOTFOUND: ['P1001', `Can't reach database server at \`${target.location}\``],
      ETIMEDOUT: ['P1002', `The database server at \`${target.location}\` was reached but timed out.`],
    };
    const [code, message] = known[err.code ?? ''] ?? [undefined, err.message];
    log('ERROR', message, code ? { error_code: code } : {});
    return 1;
  }
}

// ───────────────────────────── lifecycle ─────────────────────────────
let shuttingDown = false;
async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    // Shadow databases left by an interrupted command (a finished command has dropped its own).
    const drops = [...liveShadowDatabases.values()].map((drop) => drop().catch(() => {}));
    await Promise.race([Promise.all(drops), new Promise((r) => setTimeout(r, 3000).unref())]);
  }
  process.exit(code);
}

async function main(): Promise<void> {
  if (cliCommand === '--version') {
    instantiate();
    process.stdout.write(`schema-engine-cli ${glue.version()} (wasm shim)\n`);
    return;
  }
  if (cliCommand === '--help') {
    process.stdout.write('WebAssembly stand-in for the Prisma schema engine binary; see prisma/engine/schema-engine-wasm.ts\n');
    return;
  }
  if (cliCommand) {
    process.exitCode = await runCliCommand(cliCommand);
    return;
  }
  // Never exit on our own while the CLI still talks to us: when the engine
  // process ends mid-command, the 7.10 CLI waits for an 'exit' event that has
  // already happened, its only timer is unref'd, and node exits 0 — a failed
  // command reported as success. Errors and panics are answered; the process
  // ends when the CLI closes stdin (then SIGTERM follows at once).
  const crash = (e: unknown) => {
    const message = isPanic(e) ? panicMessage || String(e) : e instanceof Error ? (e.stack ?? e.message) : String(e);
    const error = panicked(message);
    for (const id of inflight) write({ jsonrpc: '2.0', id, error });
    inflight.clear();
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.on('SIGTERM', () => void shutdown(poisoned ? 101 : 0));
  process.on('SIGINT', () => void shutdown(130));
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', onLine);
  rl.on('close', () => void queue.finally(() => shutdown(poisoned ? 101 : 0)));
}

await main();
