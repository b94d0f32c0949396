// The project's one entry point to the Prisma CLI: `npm run prisma -- <args>`,
// `npm run db:migrate`, and the postinstall `generate` all come through here.
//
// Why a wrapper: every Prisma CLI command (generate included) first makes sure
// the native schema engine binary exists and downloads it if not. This
// project's machines reach only the npm registry, @prisma/engines' postinstall
// is disabled (package.json allowScripts), so the binary is usually missing.
// - Native binary present (where @prisma/engines puts it, or the user's own
//   PRISMA_SCHEMA_ENGINE_BINARY): use it.
// - Otherwise: PRISMA_SCHEMA_ENGINE_BINARY = prisma/engine/schema-engine, a
//   stand-in speaking the binary's JSON-RPC over Prisma's WebAssembly engine.
// Either way the variable is set, which is what stops the download attempt.
// Exit code: the CLI's; and non-zero when the engine shim reports a panic or
// crash even if the CLI itself would have exited 0.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { terminal } from '../services/platform/terminal.ts';

const require = createRequire(import.meta.url);
/** The folder holding package.json: the repository, whether this runs as prisma/cli.ts or from the build (dist/prisma/cli.js). */
export const REPO_ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
})();
// Next to this file: the source's shim runs schema-engine-wasm.ts through tsx, the build's (dist/prisma/engine/) the compiled .js.
export const SCHEMA_ENGINE_SHIM = fileURLToPath(new URL('./engine/schema-engine', import.meta.url));
const PRISMA_DIR = path.dirname(require.resolve('prisma/package.json'));
const PRISMA_CLI = path.join(PRISMA_DIR, 'build', 'index.js');

const isExecutable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * The native schema engine where Prisma would look for it: next to
 * @prisma/engines (its postinstall download target), or next to the CLI.
 * Named schema-engine-<binaryTarget>, e.g. schema-engine-debian-openssl-3.0.x.
 */
export function findNativeSchemaEngine(): string | undefined {
  let enginesDir: string | undefined;
  try {
    enginesDir = path.dirname(path.dirname(require.resolve('@prisma/engines')));
  } catch {
    // not installed: only the CLI's own folders remain
  }
  const dirs = [enginesDir, PRISMA_DIR, path.join(PRISMA_DIR, 'runtime'), path.dirname(PRISMA_DIR)].filter((d): d is string => !!d);
  const wanted =
    process.platform === 'win32'
      ? /^schema-engine-windows\.exe$/
      : process.platform === 'darwin'
        ? /^schema-engine-darwin(-arm64)?$/
        : /^schema-engine-(debian|rhel|linux|linux-musl|linux-arm64|linux-musl-arm64|linux-static)[\w.-]*$/;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    const hit = names
      .filter((n) => wanted.test(n) && !/\.(gz|sha256|sig|tmp)$/.test(n))
      .map((n) => path.join(dir, n))
      .find(isExecutable);
    if (hit) return hit;
  }
  return undefined;
}

export interface PrismaEnv {
  env: NodeJS.ProcessEnv;
  /** 'native' or 'wasm': which schema engine the CLI will spawn. */
  engine: 'native' | 'wasm';
}

/** The environment for a Prisma CLI child process, based on `base` (default process.env). */
export function prismaEnv(base: NodeJS.ProcessEnv = process.env): PrismaEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    // No update check / telemetry round trip (hangs or fails offline).
    CHECKPOINT_DISABLE: base.CHECKPOINT_DISABLE ?? '1',
    PRISMA_HIDE_UPDATE_MESSAGE: base.PRISMA_HIDE_UPDATE_MESSAGE ?? '1',
    // A present binary without its .sha256 next to it would be downloaded again.
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: base.PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING ?? '1',
  };
  const own = base.PRISMA_SCHEMA_ENGINE_BINARY;
  if (own && path.resolve(own) !== SCHEMA_ENGINE_SHIM) return { env, engine: 'native' };
  const native = findNativeSchemaEngine();
  if (native) return { env: { ...env, PRISMA_SCHEMA_ENGINE_BINARY: native }, engine: 'native' };
  // git keeps the mode, but a checkout with core.fileMode=false or a copy may not.
  if (!isExecutable(SCHEMA_ENGINE_SHIM)) fs.chmodSync(SCHEMA_ENGINE_SHIM, 0o755);
  return { env: { ...env, PRISMA_SCHEMA_ENGINE_BINARY: SCHEMA_ENGINE_SHIM }, engine: 'wasm' };
}

export const WASM_NOTICE =
  "prisma: native schema engine binary not found (it can't be downloaded here); using Prisma's WebAssembly schema engine instead (prisma/engine/schema-engine).";

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where the child's output goes: inherited (default) or collected. */
  capture?: boolean;
  /** Print the one-line notice when the WebAssembly engine is used (default true). */
  notice?: boolean;
}

export interface RunResult {
  code: number;
  engine: PrismaEnv['engine'];
  stdout: string;
  stderr: string;
}

/** Runs the Prisma CLI with `args`; resolves with its exit code (and output when captured). */
export async function runPrisma(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const { env, engine } = prismaEnv(options.env ?? process.env);
  if (engine === 'wasm' && options.notice !== false) terminal.error(WASM_NOTICE);
  const failureFile = path.join(os.tmpdir(), `schema-engine-shim-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.log`);
  env.SCHEMA_ENGINE_SHIM_FAILURE_FILE = failureFile;
  const child = spawn(process.execPath, [PRISMA_CLI, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env,
    stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  let code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, signal) => resolve(c ?? (signal === 'SIGINT' ? 130 : 1)));
  }).finally(() => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  });
  let failure = '';
  try {
    failure = fs.readFileSync(failureFile, 'utf8').trim();
    fs.rmSync(failureFile, { force: true });
  } catch {
    // no failure recorded
  }
  if (failure && code === 0) {
    // The CLI can miss an engine crash (it exits 0 when the engine process ends
    // cleanly with a request unanswered); do not report success then.
    const line = `prisma: the schema engine failed: ${failure}`;
    if (options.capture) stderr += `${line}\n`;
    else terminal.error(line);
    code = 1;
  }
  return { code, engine, stdout, stderr };
}

// Run as a script: `tsx prisma/cli.ts <prisma args>`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { code } = await runPrisma(process.argv.slice(2));
  process.exit(code);
}
