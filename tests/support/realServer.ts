// The real server (`node --import tsx services/main.ts`) as a child process, for
// soak and fault tests: started on a free loopback port over a given database.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { REPO_ROOT } from '../../services/platform/config.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RealServer {
  base: string;
  url: string;
  child: ChildProcess;
  output: string[];
  /** Resident set size of the server process, in MB (from /proc). */
  rssMb(): number;
  alive(): boolean;
  stop(): Promise<void>;
}

export async function startRealServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  readyWithinMs = 120_000,
  nodeArgs: string[] = [],
): Promise<RealServer> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, 'services/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 400) output.splice(0, 100);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const server: RealServer = {
    base,
    url: `${base}/graphql`,
    child,
    output,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (!server.alive()) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + readyWithinMs;
  while (Date.now() < deadline) {
    if (!server.alive()) throw new Error(`server exited early:\n${output.join('')}`);
    const ok = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 300));
  }
  await server.stop();
  throw new Error(`server not ready within ${readyWithinMs} ms:\n${output.join('')}`);
}

/** POSTs a GraphQL request; resolves with status, body and time taken, or the network error. */
export async function post(url: string, query: string, token: string | null, variables: Record<string, unknown> = {}, timeoutMs = 10_000) {
  const started = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: any = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = { raw: text.slice(0, 200) };
    }
    return { status: response.status, body, ms: Date.now() - started, error: null as string | null };
  } catch (error) {
    return { status: 0, body: null, ms: Date.now() - started, error: String((error as Error).name ?? error) };
  }
}

export async function login(url: string, username: string, password = process.env.DEMO_PASSWORD || 'demo-password'): Promise<string> {
  const result = await post(url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', null, {
    u: username,
    p: password,
  });
  const token = result.body?.data?.login?.token;
  if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(result.body)}`);
  return token;
}
