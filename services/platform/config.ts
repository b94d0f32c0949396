/**
 * Environment → validated, frozen configuration. Every bad value is reported as
 * a StartupError whose message is one sentence naming the variable.
 */
import path from 'node:path';
import { REPO_ROOT } from '../../prisma/cli.ts';
import { StartupError } from '../../kernel/errors.ts';

export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  /** External PostgreSQL; undefined → embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  /** Absolute path; the embedded cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  embeddedPgPort: number;
  nodeEnv: NodeEnv;
  isProduction: boolean;
  /** Seed of the generated county data set (same seed → same data). */
  seed: number;
  /** Size multiplier of the generated data set (1 = the real county's size). */
  scale: number;
  demoPassword: string;
  jwtSecret: string;
  /** GraphQL introspection: on in development, off in production unless GRAPHQL_INTROSPECTION=true. */
  introspection: boolean;
  /** Pooled database connections per server process. */
  poolSize: number;
  /** express's `trust proxy`: which proxies' X-Forwarded-For gives the client address (login throttling counts by it). */
  trustProxy: boolean | number | string;
}

/** Repository root, found the same way from the source and from the build in dist/. */
export { REPO_ROOT };

export const DEFAULT_SEED = 341324; // Si County's division code: easy to recognise
export const DEV_JWT_SECRET = 'fanpin-dev-only-jwt-secret-do-not-use-in-production';
const MIN_PRODUCTION_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

function bad(name: string, expected: string, got: string): never {
  throw new StartupError(`环境变量 ${name} 无效 / invalid environment variable ${name}: expected ${expected}, got "${got}".`);
}

/** Unset or blank both mean "use the default". */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    bad(name, `an integer from ${min} to ${max}`, raw);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return bad(name, 'true or false', raw);
}

function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === 'false') return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  if (raw === 'true' || !/^[\w.:/,\s-]+$/.test(raw))
    bad('TRUST_PROXY', 'a hop count, or addresses, subnets or loopback/linklocal/uniquelocal', raw);
  return raw;
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const nodeEnvRaw = read(env, 'NODE_ENV') ?? 'development';
  if (nodeEnvRaw !== 'development' && nodeEnvRaw !== 'production' && nodeEnvRaw !== 'test') {
    bad('NODE_ENV', 'development, production or test', nodeEnvRaw);
  }
  const nodeEnv: NodeEnv = nodeEnvRaw;
  const isProduction = nodeEnv === 'production';

  const databaseUrl = read(env, 'DATABASE_URL');
  if (databaseUrl !== undefined) {
    let protocol: string;
    try {
      protocol = new URL(databaseUrl).protocol;
    } catch {
      protocol = 'unparseable';
    }
    if (protocol !== 'postgresql:' && protocol !== 'postgres:') {
      // Never echo the value: it may contain a password.
      throw new StartupError(
        '环境变量 DATABASE_URL 无效 / invalid environment variable DATABASE_URL: expected a URL like postgresql://user:password@host:5432/database.',
      );
    }
  }

  const jwtSecret = read(env, 'JWT_SECRET') ?? DEV_JWT_SECRET;
  if (isProduction && jwtSecret === DEV_JWT_SECRET) {
    throw new StartupError(
      '生产环境必须设置 JWT_SECRET / JWT_SECRET must be set when NODE_ENV=production (the development default is refused).',
    );
  }
  if (isProduction && jwtSecret.length < MIN_PRODUCTION_SECRET_LENGTH) {
    throw new StartupError(
      `JWT_SECRET 太短 / JWT_SECRET must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters when NODE_ENV=production.`,
    );
  }

  return Object.freeze({
    databaseUrl,
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: read(env, 'HOST') ?? '0.0.0.0',
    dataDir: path.resolve(cwd, read(env, 'DATA_DIR') ?? path.join(REPO_ROOT, '.data')),
    embeddedPgPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1, 65535),
    nodeEnv,
    isProduction,
    seed: integer(env, 'SEED', DEFAULT_SEED, 0, 2_147_483_647),
    scale: integer(env, 'SCALE', 1, 1, 20),
    // Leading/trailing spaces are kept on purpose: a password is taken verbatim.
    demoPassword: env.DEMO_PASSWORD || 'demo-password',
    jwtSecret,
    introspection: boolean(env, 'GRAPHQL_INTROSPECTION', !isProduction),
    poolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    // Unset: the socket's address. Behind a load balancer name its hops or addresses
    // (`1`, `loopback`, `10.0.0.0/8`); `true` would let any client pick its address.
    trustProxy: trustProxy(read(env, 'TRUST_PROXY')),
  });
}
