// Prisma Migrate for the server and the tests: the same CLI path as
// `npm run db:migrate` (prisma/cli.ts, so also offline with the WebAssembly
// schema engine), with the database given as an argument instead of the
// environment.
import { REPO_ROOT, runPrisma, WASM_NOTICE, type RunResult } from './cli.ts';

const SCHEMA = 'prisma/schema.prisma';

// kleur only colours a TTY, but a FORCE_COLOR in the environment would leak codes.
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

/** Runs the CLI from the repository root against `databaseUrl`, output captured. */
async function prisma(args: string[], databaseUrl: string): Promise<RunResult> {
  const result = await runPrisma(args, {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    capture: true,
    notice: false,
  });
  return { ...result, stdout: stripAnsi(result.stdout), stderr: stripAnsi(result.stderr) };
}

function failure(what: string, result: RunResult): Error {
  // Keep what says why (the CLI's stdout holds the migration list and most errors,
  // stderr the "Error: …" lines); drop the config/schema banner lines.
  const output = `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => !/^(Loaded Prisma config|Prisma schema loaded|prisma: native schema engine)/.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return new Error(`${what} failed (exit code ${result.code}):\n${output}`);
}

/**
 * Applies every pending migration of prisma/migrations to `databaseUrl`
 * (`prisma migrate deploy`; the database is created if it does not exist).
 * Throws an Error carrying the CLI's output when anything fails.
 */
export async function applyMigrations(databaseUrl: string, log?: (line: string) => void): Promise<void> {
  const started = Date.now();
  const result = await prisma(['migrate', 'deploy'], databaseUrl);
  if (result.engine === 'wasm') log?.(WASM_NOTICE);
  if (result.code !== 0) throw failure('prisma migrate deploy', result);
  if (!log) return;
  // "└─ 20261129000000_init/" lines name the migrations applied now.
  const applied = [...result.stdout.matchAll(/└─ (\S+?)\/\s*$/gm)].map((m) => m[1]).filter((name) => name !== 'migration.sql');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(applied.length > 0 ? `migrations applied (${seconds} s): ${applied.join(', ')}` : `migrations: none pending (${seconds} s)`);
}

/**
 * The SQL that would bring `databaseUrl` to prisma/schema.prisma
 * (`prisma migrate diff --from-config-datasource --to-schema … --script`):
 * '' when the database matches the schema. Objects Prisma does not model
 * (views, functions, triggers, CHECK constraints) never count as drift.
 */
export async function schemaDrift(databaseUrl: string): Promise<string> {
  const result = await prisma(['migrate', 'diff', '--from-config-datasource', '--to-schema', SCHEMA, '--script'], databaseUrl);
  if (result.code !== 0) throw failure('prisma migrate diff', result);
  const script = result.stdout.trim();
  return script === '' || script === '-- This is an empty migration.' ? '' : `${script}\n`;
}
