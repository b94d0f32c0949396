// Browser-facing hardening: security headers on everything the server sends
// (console, API, uploads, Cube, /healthz, 404s, the 503s while starting), the
// IDE only outside production and without credentials, and both the console
// and the IDE still working in a real Chromium under their CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createPrisma } from '../../services/db.ts';
import { createServer } from '../../services/platform/server.ts';
import { mountPlatform } from '../../services/platform/mount.ts';
import { mountGraphQL } from '../../services/graphql/server.ts';
import { configureLogin } from '../../services/auth/login.ts';
import { mountConsole } from '../../services/console/console.ts';
import { DEV_JWT_SECRET } from '../../services/platform/config.ts';
import { testDatabaseUrl } from '../support/database.ts';
import { PASSWORD, hasChromium, openBrowser } from '../support/browser.ts';

interface Running {
  base: string;
  stop(): Promise<void>;
}

async function start(production: boolean): Promise<Running> {
  const databaseUrl = testDatabaseUrl();
  const prisma = createPrisma(databaseUrl);
  const server = createServer({ holdUntilReady: false });
  const mounted = await mountPlatform(server.app, {
    prisma,
    databaseUrl,
    jwtSecret: DEV_JWT_SECRET,
    introspection: !production,
    production,
    log: () => {},
  });
  server.finalize();
  server.readiness.markReady();
  const { port } = await server.listen(0, '127.0.0.1');
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      await mounted.stop();
      await server.close();
      await prisma.$disconnect();
    },
  };
}

/**
 * The console and the IDE without Cube, for the browser: the pages it visits use no
 * Cube, and Cube's shutdown hangs once its refresh worker has started (about 30 s
 * after mounting; reported to the lead), which a browser session outlives.
 */
async function startWithoutCube(): Promise<Running> {
  const prisma = createPrisma(testDatabaseUrl());
  const server = createServer({ holdUntilReady: false });
  configureLogin(DEV_JWT_SECRET);
  const graphql = await mountGraphQL(server.app, { prisma, jwtSecret: DEV_JWT_SECRET, introspection: true, ide: true });
  mountConsole(server.app);
  server.finalize();
  server.readiness.markReady();
  const { port } = await server.listen(0, '127.0.0.1');
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      await graphql.stop();
      await server.close();
      await prisma.$disconnect();
    },
  };
}

/** The headers every response must carry. */
function expectHardened(response: Response, what: string): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(response.headers.get('x-powered-by'), what).toBeNull();
}

const HTML = { accept: 'text/html,application/xhtml+xml' };

describe('in development', () => {
  let dev: Running;
  beforeAll(async () => {
    dev = await start(false);
  });
  afterAll(async () => {
    await dev?.stop();
  });

  it('hardens every kind of response', async () => {
    const requests: [string, string, RequestInit?][] = [
      ['console page', '/admin/'],
      ['console route (SPA fallback)', '/admin/persons', { headers: HTML }],
      ['console redirect', '/'],
      ['GraphQL', '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }],
      ['GraphQL bad body', '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
      ['IDE page', '/graphql', { headers: HTML }],
      ['IDE asset', '/graphql/ide/main.js'],
      ['upload', '/api/department-imports?department=CIVIL_AFFAIRS&kind=DIBAO&fileName=a.csv', { method: 'POST', body: 'x' }],
      ['Cube', '/cubejs-api/v1/meta'],
      ['health', '/healthz'],
      ['not found', '/nothing-here'],
    ];
    for (const [what, path, init] of requests) {
      const response = await fetch(dev.base + path, { redirect: 'manual', ...init });
      expectHardened(response, `${what} (${response.status})`);
    }
  });

  it('serves the IDE with a starter query that holds no credentials', async () => {
    const page = await fetch(`${dev.base}/graphql`, { headers: HTML });
    const html = await page.text();
    expect(html).toContain('<base href="/graphql/ide/">');
    // Start-up options are a script file, not inline: the IDE's CSP has no 'unsafe-inline' scripts.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
    const start = await (await fetch(`${dev.base}/graphql/ide/initial_options.js`)).text();
    expect(start).toContain('mutation Login($username: String!, $password: String!)');
    for (const secret of ['demo-password', 'admin', process.env.DEMO_PASSWORD].filter(Boolean) as string[]) {
      expect(start).not.toContain(`"${secret}"`);
    }
    expect(start).not.toContain('demo-password');
  });
});

describe('in a browser', () => {
  let dev: Running;
  beforeAll(async () => {
    dev = await startWithoutCube();
  });
  afterAll(async () => {
    await dev?.stop();
  });

  it.skipIf(!hasChromium)(
    'runs the IDE and the console in Chromium without a CSP violation',
    async () => {
      const browser = await openBrowser('headers-', { acceptDownloads: true });
      try {
        const page = await browser.context.newPage();
        const violations = await watchViolations(page);

        // The IDE: loads, introspects (connect-src) and sends the starter mutation.
        await page.goto(`${dev.base}/graphql`);
        await page.locator('.cm-content').filter({ hasText: 'mutation Login' }).first().waitFor({ timeout: 120_000 });
        const answer = page.waitForResponse(
          (r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('Login'),
        );
        await page.getByText('(Send mutation Login)').click();
        expect((await answer).status()).toBeLessThan(500);

        // The console as a masked village cadre: asked for the persons list, it logs in and comes
        // back to it; birth years only; then an export (a lazily loaded chunk and a blob download).
        await page.goto(`${dev.base}/admin/#/persons`);
        await page.locator('input[name="username"]').fill('village1');
        await page.locator('input[name="password"]').fill(PASSWORD);
        await page.locator('button[type="submit"]').click();
        // Generous: a busy machine may take long for the login (scrypt) and the first list.
        await page.locator('td.column-birthDate [data-masked="true"]').first().waitFor({ timeout: 120_000 });
        const download = page.waitForEvent('download', { timeout: 120_000 });
        await page.getByTestId('export-xlsx').click();
        expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
        expect(await page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp)).toEqual([]);
        expect(violations).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    400_000,
  );
});

describe('in production', () => {
  let prod: Running;
  beforeAll(async () => {
    prod = await start(true);
  });
  afterAll(async () => {
    await prod?.stop();
  });

  it('serves no IDE, and still hardens the API', async () => {
    const page = await fetch(`${prod.base}/graphql`, { headers: HTML });
    expectHardened(page, 'GET /graphql');
    expect(await page.text()).not.toMatch(/altair|<html/i);
    for (const path of ['/graphql/ide/main.js', '/graphql/ide/initial_options.js', '/graphql/ide/index.html']) {
      const asset = await fetch(prod.base + path, { headers: HTML });
      expect(asset.status, path).toBeGreaterThanOrEqual(400);
      expect(await asset.text(), path).not.toMatch(/altair/i);
      expectHardened(asset, path);
    }
    const api = await fetch(`${prod.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(((await api.json()) as { data: unknown }).data).toEqual({ __typename: 'Query' });
    expectHardened(api, 'POST /graphql');
  });
});

it('hardens the answers while the server is still starting', async () => {
  const server = createServer();
  const { port } = await server.listen(0, '127.0.0.1');
  try {
    for (const path of ['/healthz', '/graphql', '/admin/']) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      expect(response.status).toBe(503);
      expectHardened(response, `starting ${path}`);
    }
  } finally {
    await server.close();
  }
});

/** CSP violations the page reports (console lines) and sees (securitypolicyviolation events, in window.__csp). */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && seen.push(m.text())));
  // The callback runs in the page (no DOM types on the Node side).
  await page.addInitScript(() => {
    const w = globalThis as unknown as {
      __csp: string[];
      document: { addEventListener(type: string, f: (e: { violatedDirective: string; blockedURI: string }) => void): void };
    };
    w.__csp = [];
    w.document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return seen;
}
