/**
 * The Cube semantic layer, embedded in the platform's express server at
 * /cubejs-api: REST /v1/load, /v1/meta, /v1/sql and Cube's GraphQL API at
 * /cubejs-api/graphql, over the model in analytics/model/ (views only are
 * public; see analytics/README.md).
 *
 * Security
 * - checkAuth accepts only the platform API's tokens, through the API's one
 *   token→viewer function (viewerFromToken: the session and the user as they
 *   are in the database now): no token → 401; forged, expired, malformed or
 *   of an ended session → 403, in every mode.
 * - The security context is { regionCode, role, userId }.
 * - queryRewrite adds `<view>.village_code startsWith <regionCode>` to every
 *   query, whatever filters the caller sends; besides, the model is compiled per
 *   region (contextToAppId) with the region's prefix in each cube's SQL, and each
 *   region keeps its pre-aggregations in its own short schema (pa_<code>).
 *
 * Runtime
 * - Without Cube's Rust binary the JavaScript fallback (nativeFallback.ts) is
 *   installed and the SQL API stays off. With the binary, CUBEJS_PG_SQL_PORT
 *   switches the SQL API (Postgres wire protocol) on; its password is an API JWT.
 * - Without Cube Store (CUBEJS_CUBESTORE_HOST unset): in-memory cache and queue,
 *   pre-aggregations built in PostgreSQL (external: false). With it: Cube Store
 *   for cache, queue and pre-aggregations.
 * - This process is also the refresh worker (scheduledRefreshTimer) unless
 *   CUBEJS_REFRESH_WORKER=false.
 */
import { isRole, roleCan } from '../../kernel/policy.ts';
import fs from 'node:fs/promises';
import path from 'node:path';
import Module, { createRequire } from 'node:module';
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import pg from 'pg';
import type { CreateOptions, RequestContext } from '@cubejs-backend/server-core';
import { viewerFromToken } from '../auth/token.ts';
import type { PrismaClient } from '../db.ts';
import { REPO_ROOT } from '../platform/config.ts';
import { installNativeFallback } from './nativeFallback.ts';
import { lineLogger, logger, scrubText } from '../platform/log.ts';

export interface MountCubeOptions {
  databaseUrl: string;
  /** The API's client: tokens are checked against its sessions and users. */
  prisma: PrismaClient;
  jwtSecret: string;
  /** Where the start-up lines go (default: the platform's logger). */
  log?: (line: string) => void;
  /** NODE_ENV=production (Cube follows NODE_ENV itself). Authentication is the same in every mode; production only mutes Cube warnings. */
  production: boolean;
  /**
   * false serves the model without its pre-aggregations (every query reads the
   * indicator views): for checking that rollups give the same numbers. Default true.
   */
  preAggregations?: boolean;
}

export interface MountedCube {
  /**
   * One refresh-worker pass now (what scheduledRefreshTimer does every 30 s):
   * builds or refreshes the pre-aggregations of the given regions, by default
   * of the worker's regions (county and township scopes of active users).
   */
  refresh(regionCodes?: string[]): Promise<void>;
  shutdown(): Promise<void>;
}

export const CUBE_BASE_PATH = '/cubejs-api';
export const MODEL_DIR = path.join(REPO_ROOT, 'analytics', 'model');

/** What Cube carries per request and hands to queryRewrite and the model's COMPILE_CONTEXT. */
export interface CubeSecurityContext {
  regionCode: string;
  role: string;
  userId: number;
}

/** Who may query indicators: the one policy table (kernel/policy.ts). */
const readsStatistics = (role: string | undefined) => isRole(role) && roleCan(role, 'READ_STATISTICS');
const REGION_CODE = /^\d{6}(?:\d{3}(?:\d{3})?)?$/;
const VIEWS = new Set(['poverty', 'dual_income', 'employment', 'benefit_linkage', 'monitoring']);

const require = createRequire(import.meta.url);

/**
 * One graphql for Cube's GraphQL API. Cube's api-gateway builds its schema with
 * nexus and graphql-scalars, which resolve the project's graphql (16), but serves
 * it with express-graphql, which resolves the api-gateway's nested graphql (15):
 * two copies, and "Cannot use GraphQLSchema from another module or realm". The
 * resolver hook below sends express-graphql's `graphql` imports (and only those)
 * to the project's copy. Installed before Cube's packages load.
 */
function alignCubeGraphql(): void {
  const gatewayDir = path.dirname(
    createRequire(require.resolve('@cubejs-backend/server-core')).resolve('@cubejs-backend/api-gateway/package.json'),
  );
  const expressGraphqlDir = path.join(gatewayDir, 'node_modules', 'express-graphql') + path.sep;
  const projectGraphql = require.resolve('graphql');
  const hooked = Module as unknown as {
    _resolveFilename(request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]): string;
  };
  const resolve = hooked._resolveFilename;
  hooked._resolveFilename = function (request, parent, ...rest) {
    if ((request === 'graphql' || request.startsWith('graphql/')) && parent?.filename?.startsWith(expressGraphqlDir)) {
      return request === 'graphql' ? projectGraphql : require.resolve(request);
    }
    return resolve.call(this, request, parent, ...rest);
  };
}
alignCubeGraphql();

// Cube's packages are CommonJS whose named exports Node's ESM loader cannot
// see (re-exported through __exportStar): load them with require.
const { CubejsServerCore } = require('@cubejs-backend/server-core') as typeof import('@cubejs-backend/server-core');
const { PostgresDriver } = require('@cubejs-backend/postgres-driver') as typeof import('@cubejs-backend/postgres-driver');
const { CubeStoreDriver } = require('@cubejs-backend/cubestore-driver') as typeof import('@cubejs-backend/cubestore-driver');
// Classes from the copies server-core itself uses (Cube checks instanceof).
const requireFromCore = createRequire(require.resolve('@cubejs-backend/server-core'));
const { CubejsHandlerError } = requireFromCore('@cubejs-backend/api-gateway') as {
  CubejsHandlerError: new (status: number, type: string, message: string) => Error;
};
const yaml = createRequire(requireFromCore.resolve('@cubejs-backend/schema-compiler'))('js-yaml') as {
  load(text: string): unknown;
  dump(value: unknown): string;
};

function regionOf(context: unknown): string {
  const region = (context as { securityContext?: Partial<CubeSecurityContext> } | null)?.securityContext?.regionCode;
  if (typeof region !== 'string' || !REGION_CODE.test(region)) {
    throw new CubejsHandlerError(403, 'Forbidden', '无数据范围 / no data scope in the security context');
  }
  return region;
}

function flag(name: string): boolean | undefined {
  const v = process.env[name]?.trim().toLowerCase();
  if (v === undefined || v === '') return undefined;
  return v === 'true' || v === '1';
}

/** analytics/model/**.yml, optionally without pre_aggregations. */
async function readModel(withPreAggregations: boolean): Promise<{ fileName: string; content: string }[]> {
  const files: { fileName: string; content: string }[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(path.join(MODEL_DIR, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(rel);
      else if (/\.ya?ml$/.test(entry.name)) {
        let content = await fs.readFile(path.join(MODEL_DIR, rel), 'utf8');
        if (!withPreAggregations) {
          const doc = yaml.load(content) as { cubes?: Record<string, unknown>[] } | null;
          if (doc?.cubes) {
            for (const cube of doc.cubes) delete cube.pre_aggregations;
            content = yaml.dump(doc);
          }
        }
        files.push({ fileName: rel, content });
      }
    }
  };
  await walk('');
  return files.sort((a, b) => a.fileName.localeCompare(b.fileName));
}

function connectionConfig(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get('sslmode');
  return {
    host: url.hostname || 'localhost',
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
    ssl: sslmode && sslmode !== 'disable' ? { rejectUnauthorized: sslmode === 'verify-full' } : false,
  };
}

let announced = false;

const cubeLog = logger.child({ component: 'cube' });
/** Cube events that are a caller's mistake or a normal wait, not a failure of the server. */
const CUBE_REFUSALS = new Set(['Forbidden', 'Unauthorized', 'User Error', 'UserError', 'Continue wait']);

/**
 * Cube's logger: its errors (refusals as warnings), its warnings outside
 * production, and its per-request chatter at debug. Only chosen fields are
 * kept: Cube's params also hold the caller's token and query. Cube's own
 * requestId is the request's (platform/log.ts hands it the header) and still
 * names the request where Cube's queue has left the request's async context.
 */
function logCubeEvent(production: boolean) {
  return (message: string, params: Record<string, unknown> = {}) => {
    const fields = {
      cube: message,
      ...(typeof params.requestId === 'string' ? { requestId: params.requestId } : {}),
      ...(typeof params.duration === 'number' ? { ms: params.duration } : {}),
    };
    if (params.error) {
      const error = scrubText(String(params.error).split('\n')[0] ?? '');
      // An authentication refusal is the one event that carries the token.
      const refusal = CUBE_REFUSALS.has(message) || 'token' in params;
      cubeLog[refusal ? 'warn' : 'error']({ ...fields, error }, `Cube ${message}`);
    } else if (params.warning) {
      cubeLog[production ? 'debug' : 'warn']({ ...fields, warning: String(params.warning) }, `Cube ${message}`);
    } else {
      cubeLog.debug(fields, `Cube ${message}`);
    }
  };
}

export async function mountCube(app: Express, options: MountCubeOptions): Promise<MountedCube> {
  const log = options.log ?? lineLogger('cube');
  const native = installNativeFallback();
  if (!announced) {
    announced = true;
    log(
      native.installed
        ? 'Cube：未找到原生模块 @cubejs-backend/native，使用 JavaScript 替代实现（REST/GraphQL 可用，SQL API 关闭）/ Cube: @cubejs-backend/native binary not available, JavaScript fallback installed (REST and GraphQL work, SQL API off)'
        : 'Cube：已加载原生模块 @cubejs-backend/native / Cube: native module loaded',
    );
  }

  const cubeStoreHost = process.env.CUBEJS_CUBESTORE_HOST || process.env.CUBESTORE_HOST || '';
  const cubeStorePort = Number(process.env.CUBEJS_CUBESTORE_PORT || process.env.CUBESTORE_PORT || 3030);
  // Read by the schema compiler: pre-aggregations without an explicit `external`
  // go to Cube Store when there is one, else stay in PostgreSQL.
  process.env.CUBEJS_EXTERNAL_DEFAULT ??= cubeStoreHost ? 'true' : 'false';
  // A driverFactory that returns driver instances leaves the type to this variable.
  process.env.CUBEJS_DB_TYPE ??= 'postgres';
  // Tesseract (the Rust SQL planner) exists only in the binary.
  if (native.installed) process.env.CUBEJS_TESSERACT_SQL_PLANNER = 'false';

  const withPreAggregations = options.preAggregations ?? true;
  const model = await readModel(withPreAggregations);
  const connection = connectionConfig(options.databaseUrl);

  // Every driver Cube asks for, so shutdown() can close their pools.
  const drivers = new Set<{ release(): Promise<void> }>();
  const scope = new pg.Pool({ ...connection, max: 1, idleTimeoutMillis: 5_000 });
  scope.on('error', () => {}); // an idle connection dropped by the server: the next query reconnects
  let closed = false;

  /** The regions of active users: the contexts the refresh worker keeps warm. */
  const refreshContexts = async () => {
    if (closed) return [];
    const { rows } = await scope.query<{ region_code: string }>(
      // County and township scopes only: a village's pre-aggregations (187 of them)
      // are built on its first query and kept fresh from then on.
      'SELECT DISTINCT region_code FROM app_user WHERE active AND length(region_code) <= 9 ORDER BY region_code',
    );
    return rows
      .filter((r) => REGION_CODE.test(r.region_code))
      .map((r) => ({ securityContext: { regionCode: r.region_code, role: 'STATISTICIAN', userId: 0 } satisfies CubeSecurityContext }));
  };

  const refreshWorker = flag('CUBEJS_REFRESH_WORKER') ?? true;
  const cubeOptions: CreateOptions = {
    devServer: false,
    telemetry: false,
    basePath: CUBE_BASE_PATH,
    apiSecret: options.jwtSecret,
    logger: logCubeEvent(options.production),
    repositoryFactory: () => ({ localPath: () => MODEL_DIR, dataSchemaFiles: async () => model }),
    driverFactory: () => {
      const driver = new PostgresDriver({ ...connection, max: 8 });
      // Several rollups of one region are built at once, and CREATE SCHEMA IF NOT
      // EXISTS races with itself in PostgreSQL (a unique violation on
      // pg_namespace): losing that race means the schema now exists.
      const createSchema = driver.createSchemaIfNotExists.bind(driver);
      driver.createSchemaIfNotExists = (name: string) =>
        createSchema(name).catch((error: { code?: string }) => {
          if (error?.code !== '23505') throw error;
        });
      drivers.add(driver);
      return driver;
    },
    // One compiled model per region (its COMPILE_CONTEXT carries the region),
    // with the region's own pre-aggregation schema: short names, well under
    // PostgreSQL's 63-character identifiers ("pa_341324100201" is 15).
    contextToAppId: (ctx: RequestContext) => `r_${regionOf(ctx)}${withPreAggregations ? '' : '_raw'}`,
    preAggregationsSchema: (ctx: RequestContext) => `pa_${regionOf(ctx)}`,
    // All regions share one orchestrator: one connection pool and query queue.
    contextToOrchestratorId: () => (withPreAggregations ? 'fanpin' : 'fanpin_raw'),
    scheduledRefreshContexts: refreshContexts,
    scheduledRefreshTimer: withPreAggregations && refreshWorker ? 30 : false,
    cacheAndQueueDriver: cubeStoreHost ? 'cubestore' : 'memory',
    ...(cubeStoreHost
      ? {
          externalDbType: 'cubestore',
          externalDriverFactory: () => {
            const driver = new CubeStoreDriver({ host: cubeStoreHost, port: cubeStorePort });
            drivers.add(driver);
            return driver;
          },
        }
      : { externalDbType: undefined, externalDriverFactory: undefined }),
    contextToApiScopes: async (securityContext?: Partial<CubeSecurityContext>) =>
      readsStatistics(securityContext?.role) ? ['graphql', 'meta', 'data', 'sql'] : [],
    checkAuth: async (req: { securityContext?: unknown }, authorization?: string) => {
      const token = authorization?.trim();
      if (!token) throw new CubejsHandlerError(401, 'Unauthorized', '需要登录令牌 / authorization token required');
      const result = await viewerFromToken(options.prisma, token, options.jwtSecret);
      if (!result.ok) {
        const message = {
          expired: '令牌已过期 / token expired',
          revoked: '登录已失效 / session ended',
          invalid: '令牌无效 / invalid token',
        }[result.reason];
        throw new CubejsHandlerError(403, 'Forbidden', message);
      }
      const { regionCode, role, id } = result.viewer;
      if (!REGION_CODE.test(regionCode) || !readsStatistics(role)) {
        throw new CubejsHandlerError(403, 'Forbidden', '令牌无效 / invalid token');
      }
      req.securityContext = { regionCode, role, userId: id } satisfies CubeSecurityContext;
    },
    queryRewrite: async (query, { securityContext }) => {
      const region = regionOf({ securityContext });
      const q = query as {
        measures?: string[];
        dimensions?: string[];
        timeDimensions?: { dimension: string }[];
        segments?: string[];
        filters?: unknown[];
      };
      const members = [
        ...(q.measures ?? []),
        ...(q.dimensions ?? []),
        ...(q.segments ?? []),
        ...(q.timeDimensions ?? []).map((t) => t.dimension),
        ...collectFilterMembers(q.filters ?? []),
      ];
      const cubes = new Set(members.map((m) => String(m).split('.')[0]!));
      for (const cube of cubes) {
        if (!VIEWS.has(cube)) throw new CubejsHandlerError(400, 'User Error', `未知视图 / unknown view: ${cube}`);
        q.filters = [...(q.filters ?? []), { member: `${cube}.village_code`, operator: 'startsWith', values: [region] }];
      }
      return query;
    },
  };

  const core = new CubejsServerCore(cubeOptions);

  // Cube's routes live on their own router, reached only for /cubejs-api paths:
  // its other routes (/, /readyz, /livez) stay out of the platform's namespace,
  // and its body parsers run only on its own routes.
  const router = express.Router();
  await core.initApp(router as unknown as Express);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path !== CUBE_BASE_PATH && !req.path.startsWith(`${CUBE_BASE_PATH}/`)) return next();
    router(req, res, (error?: unknown) => {
      // Cube's error middleware answers, then passes the error on: stop there.
      if (error && res.headersSent) return;
      next(error);
    });
  });

  // The SQL API needs the binary: on only where it loads and a port is configured.
  let sqlApi: { shutdown(mode: 'fast' | 'semifast' | 'smart'): Promise<void> } | null = null;
  const pgSqlPort = Number(process.env.CUBEJS_PG_SQL_PORT);
  if (!native.installed && Number.isInteger(pgSqlPort) && pgSqlPort > 0) {
    const sqlServer = core.initSQLServer();
    await sqlServer.init({
      pgSqlPort,
      // User: any name; password: an API token (the GraphQL `login` mutation's).
      checkSqlAuth: async (_request: unknown, user: string | null, password: string | null) => {
        const result = password ? await viewerFromToken(options.prisma, password, options.jwtSecret) : null;
        if (!result?.ok || !REGION_CODE.test(result.viewer.regionCode) || !readsStatistics(result.viewer.role)) {
          throw new Error(`用户 ${user ?? ''} 的令牌无效 / invalid token for user ${user ?? ''}`);
        }
        const { regionCode, role, id } = result.viewer;
        return { password, superuser: false, securityContext: { regionCode, role, userId: id } satisfies CubeSecurityContext };
      },
    });
    sqlApi = sqlServer;
    log(`Cube SQL API（Postgres 协议）监听端口 / Cube SQL API (Postgres wire protocol) on port ${pgSqlPort}`);
  }

  return {
    async refresh(regionCodes) {
      const contexts = regionCodes
        ? regionCodes.map((regionCode) => ({ securityContext: { regionCode, role: 'STATISTICIAN', userId: 0 } }))
        : await refreshContexts();
      for (const context of contexts) {
        regionOf(context);
        // A build still queued answers "Continue wait": run the pass again until
        // every pre-aggregation of the region is built (or a real error is thrown).
        for (let attempt = 0; ; attempt++) {
          try {
            await core.runScheduledRefresh(context, { throwErrors: true });
            break;
          } catch (error) {
            if ((error as { error?: unknown }).error !== 'Continue wait' || attempt >= 60) throw error;
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
      }
    },
    async shutdown() {
      if (closed) return;
      closed = true;
      await sqlApi?.shutdown('fast').catch(() => {});
      // beforeShutdown stops the refresh worker's timer (shutdown alone does not).
      await core.beforeShutdown().catch(() => {});
      await core.shutdown().catch((err: unknown) => cubeLog.error({ err }, 'Cube shutdown failed'));
      await Promise.all([...drivers].map((d) => d.release().catch(() => {})));
      drivers.clear();
      await scope.end().catch(() => {});
    },
  };
}

/** Members named by (possibly nested and/or) filters. */
function collectFilterMembers(filters: unknown[]): string[] {
  const out: string[] = [];
  for (const f of filters) {
    const filter = f as { member?: string; dimension?: string; and?: unknown[]; or?: unknown[] };
    if (filter.member) out.push(filter.member);
    if (filter.dimension) out.push(filter.dimension);
    if (filter.and) out.push(...collectFilterMembers(filter.and));
    if (filter.or) out.push(...collectFilterMembers(filter.or));
  }
  return out;
}
