// The end-to-end harness: the whole platform (what services/main.ts mounts) on an
// ephemeral port over the test database, and Debian's Chromium driven by
// playwright-core with the flags this closed network needs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { testDatabaseUrl } from './database.ts';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createPrisma } from '../../services/db.ts';
import { createServer } from '../../services/platform/server.ts';
import { mountPlatform } from '../../services/platform/mount.ts';
import { DEV_JWT_SECRET, REPO_ROOT } from '../../services/platform/config.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
export const PASSWORD = process.env.DEMO_PASSWORD || 'demo-password';
export const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

export interface Platform {
  base: string;
  stop(): Promise<void>;
}

export async function startPlatform(): Promise<Platform> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'admin', 'dist', 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--config', 'admin/vite.config.ts'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  // No refresh worker: its passes rebuild every rollup of the county in the
  // background, and on a busy machine one outlasts the tests and holds up Cube's
  // shutdown. Queries still build (and refresh) the rollups they use.
  process.env.CUBEJS_REFRESH_WORKER = 'false';
  const databaseUrl = testDatabaseUrl();
  const prisma = createPrisma(databaseUrl);
  const server = createServer({ holdUntilReady: false });
  const mounted = await mountPlatform(server.app, {
    prisma,
    databaseUrl,
    jwtSecret: DEV_JWT_SECRET,
    introspection: false,
    production: false,
    log: () => {},
  });
  server.finalize();
  server.readiness.markReady();
  const address = await server.listen(0, '127.0.0.1');
  return {
    base: `http://127.0.0.1:${address.port}`,
    async stop() {
      await mounted.stop();
      await server.close();
      await prisma.$disconnect();
    },
  };
}

/** A fresh headless Chromium profile; `close()` also removes it. */
export async function openBrowser(prefix: string, options: { acceptDownloads?: boolean } = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: options.acceptDownloads ?? false,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(30_000);
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The browser's sessionStorage, typed for Node-side files (the callbacks run in the page). */
declare const sessionStorage: { getItem(key: string): string | null };

export async function login(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/admin/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForFunction(() => !!sessionStorage.getItem('fanpin.token'));
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
}

export const tokenOf = (page: Page) => page.evaluate(() => sessionStorage.getItem('fanpin.token')!);

/** A react-admin SelectInput: open it and pick the option with this text. */
export async function choose(page: Page, source: string, option: string): Promise<void> {
  await page.locator(`.ra-input-${source} [role="combobox"]`).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
