// services/console/console.ts: the console build served at /admin, SPA
// fallback, `/` → /admin/, and a clear 503 while the build is missing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { mountConsole } from '../../services/console/console.ts';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
const missing = path.join(dist, 'not-built');
const servers: { close(): void }[] = [];

async function serve(distDir: string): Promise<string> {
  const app = express();
  mountConsole(app, { distDir });
  app.use((_req, res) => void res.status(404).send('fell through'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let built: string;
let unbuilt: string;

beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  built = await serve(dist);
  unbuilt = await serve(missing);
});

afterAll(() => {
  for (const s of servers) s.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, accept = 'text/html') => fetch(url, { redirect: 'manual', headers: { accept } });

describe('mountConsole', () => {
  it('redirects / and /admin to /admin/', async () => {
    expect((await get(`${built}/`)).headers.get('location')).toBe('/admin/');
    expect((await get(`${built}/admin?x=1`)).headers.get('location')).toBe('/admin/?x=1');
  });

  it('serves index.html at /admin/ and for client-side routes, assets as files', async () => {
    for (const route of ['/admin/', '/admin/households/abc/show']) {
      const response = await get(`${built}${route}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>console</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
    const asset = await get(`${built}/admin/assets/app-1234.js`, '*/*');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await get(`${built}/admin/assets/missing.js`, '*/*')).status).toBe(404);
  });

  it('answers 503 with what to run while admin/dist is missing', async () => {
    const response = await get(`${unbuilt}/admin/`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).toContain('npm run admin:build');
    expect(text).toContain('管理后台尚未构建');
  });
});
