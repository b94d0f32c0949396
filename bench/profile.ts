// npx tsx bench/profile.ts [query=householdPage] [n=100] — where the API's CPU goes
// for one query: an in-process API (DATABASE_URL, default fanpin_bench_1), warmed,
// then n requests under the V8 profiler; prints self time by package and function.
// The client's fetch shares the process, so undici's share is the client's.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { createPrisma } from '../services/db.ts';
import { createServer } from '../services/platform/server.ts';
import { mountGraphQL } from '../services/graphql/server.ts';
import { configureLogin } from '../services/auth/login.ts';
import { DEV_JWT_SECRET } from '../services/platform/config.ts';
import { gql, login } from './api.ts';
import { frontEndQueries } from './queries.ts';

const name = process.argv[2] ?? 'householdPage';
const n = Number(process.argv[3] ?? 100);
const url0 = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/fanpin_bench_1';
const prisma = createPrisma(url0);
const server = createServer({ holdUntilReady: false });
configureLogin(DEV_JWT_SECRET);
await mountGraphQL(server.app, { prisma, jwtSecret: DEV_JWT_SECRET, introspection: false });
server.finalize();
server.readiness.markReady();
const address = await server.listen(0, '127.0.0.1');
const url = `http://127.0.0.1:${address.port}/graphql`;
const token = await login(url, 'admin');
const q = frontEndQueries(Buffer.from('Household:1').toString('base64'), '341324100').find((x) => x.name === name)!;
for (let i = 0; i < 30; i++) await gql(url, q.query, q.variables, token);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < n; i++) await gql(url, q.query, q.variables, token);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const { profile } = await session.post('Profiler.stop');
const saved = path.join(os.tmpdir(), `bench-${name}.cpuprofile`);
await fs.writeFile(saved, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<string, number>();
const pkgs = new Map<string, number>();
let total = 0;
profile.samples!.forEach((id, i) => {
  const dt = profile.timeDeltas![i] ?? 0;
  const f = byId.get(id)!.callFrame;
  const file = f.url.includes('node_modules/') ? f.url.split('node_modules/').pop()! : f.url.replace(/^.*\/work\/main\//, '');
  const pkg = f.url.includes('node_modules/')
    ? file
        .split('/')
        .slice(0, file.startsWith('@') ? 2 : 1)
        .join('/')
    : file || f.functionName;
  self.set(
    `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber}`,
    (self.get(`${f.functionName || '(anonymous)'} ${file}:${f.lineNumber}`) ?? 0) + dt,
  );
  pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + dt);
  total += dt;
});
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([key, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${key}`)
    .join('\n');
process.stdout.write(
  `${name}: ${n} requests, wall ${(wall / n).toFixed(1)} ms/req, process CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(1)} ms/req\n`,
);
process.stdout.write(`profile: ${saved} (open in Chrome DevTools)\n`);
process.stdout.write(`-- self time by package\n${top(pkgs, 15)}\n-- self time by function\n${top(self, 25)}\n`);
process.exit(0);
