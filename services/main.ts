/**
 * `npm start`: config → HTTP server (so /healthz answers 503 at once) →
 * database → migrations → county data set → ready. Operator-fixable failures
 * print one sentence and exit 1; SIGINT/SIGTERM stop everything and exit 0.
 */
import { loadConfig } from './platform/config.ts';
import { startDatabase, redactUrl } from './platform/database.ts';
import type { Database } from './platform/database.ts';
import { describeError, isStartupError } from '../kernel/errors.ts';
import { createServer } from './platform/server.ts';
import type { PlatformServer } from './platform/server.ts';
import { applyMigrations } from '../prisma/migrate.ts';
import { loadCountyIfEmpty } from '../prisma/seed/index.ts';
import { createPrisma, type PrismaClient } from './db.ts';
import { refuseDefaultPasswords } from './auth/demoUsers.ts';
import { mountPlatform } from './platform/mount.ts';
import { lineLogger, logger } from './platform/log.ts';

const SHUTDOWN_TIMEOUT_MS = 15_000;

const log = lineLogger('platform');

let server: PlatformServer | undefined;
let database: Promise<Database> | undefined;
let prisma: PrismaClient | undefined;
const stoppers: (() => Promise<void>)[] = [];
let shuttingDown = false;

async function main(): Promise<void> {
  const config = loadConfig();
  log(`启动防返贫监测平台 / starting the platform (NODE_ENV=${config.nodeEnv})`);

  server = createServer();
  server.app.set('trust proxy', config.trustProxy);
  const address = await server.listen(config.port, config.host);
  log(`HTTP 服务已监听 / HTTP server listening on http://${address.address}:${address.port} (GET /healthz)`);

  server.readiness.setStep('database');
  database = startDatabase(config, log);
  const db = await database;
  if (shuttingDown) return;
  server.readiness.setDatabase({ embedded: db.embedded });

  server.readiness.setStep('migrations');
  await applyMigrations(db.url, log);
  if (shuttingDown) return;

  server.readiness.setStep('dataset');
  const dataset = await loadCountyIfEmpty(db.url, { seed: config.seed, scale: config.scale, password: config.demoPassword, log });
  if (shuttingDown) return;
  server.readiness.setDataset({ households: dataset.households, persons: dataset.persons, loadedNow: dataset.loaded });

  prisma = createPrisma(db.url, { poolSize: config.poolSize });
  if (config.isProduction) await refuseDefaultPasswords(prisma);
  const platform = await mountPlatform(server.app, {
    prisma,
    databaseUrl: db.url,
    jwtSecret: config.jwtSecret,
    introspection: config.introspection,
    production: config.isProduction,
    log,
  });
  stoppers.push(() => platform.stop());
  server.finalize();
  server.readiness.markReady();
  log(
    `就绪 / ready: ${dataset.households} households, ${dataset.persons} persons, database ${redactUrl(db.url)}${db.embedded ? ' (embedded)' : ''}`,
  );
}

/** Closes the HTTP server, then stops the embedded PostgreSQL (waiting for it if still starting). */
async function release(): Promise<void> {
  await server?.close().catch((err) => logger.error({ err }, '关闭 HTTP 服务出错 / error closing the HTTP server'));
  for (const stop of stoppers.reverse()) await stop().catch((err) => logger.error({ err }, '停止服务出错 / error stopping a service'));
  await prisma?.$disconnect().catch(() => {});
  const db = await database?.catch(() => undefined);
  await db?.stop().catch((err) => logger.error({ err }, '停止数据库出错 / error stopping the database'));
}

let signalledAt = 0;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) {
    // The same signal can arrive twice within milliseconds (a process manager and
    // its shell); only a deliberate second Ctrl+C exits at once. The database's
    // exit hook (platform/database.ts) still stops PostgreSQL.
    if (Date.now() - signalledAt < 2_000) return;
    log(`再次收到 ${signal}，立即退出 / ${signal} again, exiting now`);
    process.exit(1);
  }
  shuttingDown = true;
  signalledAt = Date.now();
  log(`收到 ${signal}，正在停止 / ${signal} received, shutting down`);
  setTimeout(() => {
    logger.error(`停止超时 / shutdown did not finish within ${SHUTDOWN_TIMEOUT_MS / 1000} s, exiting.`);
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();
  await release();
  log('已停止 / stopped');
  process.exit(0);
}

process.on('SIGINT', (s) => void shutdown(s));
process.on('SIGTERM', (s) => void shutdown(s));
// A crash (an unhandled rejection included) is one structured line too, then exit 1 as Node would;
// the database's exit hook (platform/database.ts) still stops an embedded PostgreSQL.
process.on('uncaughtException', (err) => {
  logger.fatal({ err }, '未捕获的异常，进程退出 / uncaught exception, exiting');
  process.exit(1);
});

main().catch(async (error: unknown) => {
  if (shuttingDown) return; // a failure caused by the shutdown itself; shutdown() exits
  shuttingDown = true;
  if (isStartupError(error)) {
    logger.fatal(`启动失败 / startup failed: ${error.message}`);
  } else {
    logger.fatal({ err: error }, `启动失败（意外错误）/ startup failed (unexpected error): ${describeError(error)}`);
  }
  await release();
  process.exit(isStartupError(error) ? error.exitCode : 1);
});
