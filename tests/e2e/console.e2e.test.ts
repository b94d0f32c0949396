// The management console in a real browser (Debian's Chromium through
// playwright-core) against the API, Cube and the console on one server over the
// test county. Skipped when /usr/bin/chromium is missing. E2E_BASE_URL points it
// at an already running platform instead (e.g. `npm start`). Screenshots go to
// test-results/screenshots/.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { makeCreditCode } from '../../kernel/identifiers/index.ts';
import { PASSWORD, SHOTS, choose, hasChromium, login as loginAt, openBrowser, startPlatform, tokenOf } from '../support/browser.ts';

const unique = Date.now().toString(36).toUpperCase();
const entityName = `E2E测试合作社${unique}`;
const goodCode = makeCreditCode({ authority: '9', orgType: '3', regionCode6: '341324', serial: 80_000_000 + (Date.now() % 9_000_000) });
const badCode = goodCode.slice(0, 17) + (goodCode[17] === '1' ? '2' : '1');

let base = process.env.E2E_BASE_URL ?? '';
let stopServer: (() => Promise<void>) | null = null;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | null = null;

async function gql<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });

const login = (page: Page, username: string) => loginAt(page, base, username);

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const ENTITY =
  'query($f: BusinessEntityFilter) { businessEntities(first: 5, filter: $f) { totalCount edges { node { id name legalRepresentative version } } } }';

describe.skipIf(!hasChromium)('management console (browser)', () => {
  beforeAll(async () => {
    if (!base) {
      const platform = await startPlatform();
      base = platform.base;
      stopServer = platform.stop;
    }
    const browser = await openBrowser('console-e2e-', { acceptDownloads: true });
    context = browser.context;
    closeBrowser = browser.close;
  }, 240_000);

  afterAll(async () => {
    await closeBrowser?.();
    await stopServer?.();
  });

  it('creates a cooperative: a bad credit code is refused as you type, a good one is saved', async () => {
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto(`${base}/admin/#/cooperatives/create`);
    await page.locator('input[name="name"]').fill(entityName);
    await page.locator('input[name="creditCode"]').fill(badCode);
    await page.locator('input[name="legalRepresentative"]').fill('张测试');
    await choose(page, 'townshipCode', await firstTownshipName());
    await page.locator('input[name="address"]').fill('泗县测试路 1 号');
    await page.locator('input[name="registeredCapital"]').fill('500000');
    await page.locator('input[name="establishedAt"]').fill('2018-03-01');
    await page.locator('.ra-input-industryIds [role="combobox"]').click();
    await page.getByRole('option').first().click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByText('统一社会信用代码校验位错误').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '保存' }).click();
    // The form refuses to submit: react-admin says so, and the page stays on the form.
    await page.getByText('表单填写有误').waitFor();
    await shot(page, '01-credit-code-error');
    expect(page.url()).toContain('/cooperatives/create');
    const admin = await tokenOf(page);
    expect((await gql(ENTITY, { f: { search: entityName } }, admin)).businessEntities.totalCount).toBe(0);

    await page.locator('input[name="creditCode"]').fill(goodCode);
    await expect.poll(() => page.getByText('统一社会信用代码校验位错误').count()).toBe(0);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/cooperatives\/[^/]+\/show/);
    await expect.poll(() => page.getByText(goodCode).count()).toBeGreaterThan(0);
    await shot(page, '02-cooperative-created');
    expect((await gql(ENTITY, { f: { search: entityName } }, admin)).businessEntities.totalCount).toBe(1);
    await page.close();
  }, 120_000);

  it('finds the cooperative, edits it, and reports a stale version from a second session', async () => {
    const a = await context.newPage();
    await login(a, 'admin');
    await a.goto(`${base}/admin/#/cooperatives`);
    await a.locator('input[name="q"]').fill(entityName);
    const row = a.getByRole('row').filter({ hasText: entityName });
    await expect.poll(() => row.count()).toBe(1);
    await shot(a, '03-cooperative-found');
    await row.getByRole('link', { name: '编辑' }).click();
    // Type into a freshly loaded form: reached from the list, the form first shows the
    // list's copy of the record and resets when the full one arrives, dropping what was
    // typed meanwhile (Save then stays disabled).
    await a.waitForURL(/#\/cooperatives\/[^/]+$/);
    await a.reload();
    const field = a.locator('input[name="legalRepresentative"]');
    await expect.poll(() => field.inputValue()).toBe('张测试');
    await field.fill('李编辑');
    await a.getByRole('button', { name: '保存' }).click();
    await a.waitForURL(/\/show$/);
    await expect.poll(() => a.getByText('李编辑').count()).toBeGreaterThan(0);
    const editUrl = a.url().replace(/\/show$/, '');

    // Session A opens the form afresh and changes it; meanwhile another session saves
    // first, through the API (one page only: nothing refetches A's record behind its back).
    await a.goto(editUrl);
    await a.reload();
    await expect.poll(() => field.inputValue()).toBe('李编辑');
    await field.fill('赵后存');
    const admin = await tokenOf(a);
    const { node } = (await gql(ENTITY, { f: { search: entityName } }, admin)).businessEntities.edges[0];
    await gql(
      'mutation($i: UpdateBusinessEntityInput!) { updateBusinessEntity(input: $i) { businessEntity { version } } }',
      { i: { id: node.id, version: node.version, legalRepresentative: '王先存' } },
      admin,
    );
    await a.getByRole('button', { name: '保存' }).click();
    const notice = a.getByTestId('conflict-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('已被他人修改');
    await shot(a, '04-conflict');
    await notice.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => field.inputValue()).toBe('王先存');
    expect((await gql(ENTITY, { f: { search: entityName } }, admin)).businessEntities.edges[0].node.legalRepresentative).toBe('王先存');
    await a.close();
  }, 120_000);

  it('shows on the dashboard exactly what Cube answers for the user', async () => {
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto(`${base}/admin/#/`);
    const cell = page.locator('[data-testid="incidence-values"] [data-key="2019"]');
    // Cube's first answer builds the rollups it uses: minutes on a busy machine.
    await cell.waitFor({ timeout: 180_000 });
    const shown = await cell.getAttribute('data-value');
    const response = await fetch(`${base}/cubejs-api/v1/load`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await tokenOf(page) },
      body: JSON.stringify({
        query: {
          measures: ['poverty.poverty_incidence'],
          dimensions: ['poverty.year'],
          filters: [{ member: 'poverty.year', operator: 'equals', values: ['2019'] }],
        },
      }),
    });
    const cube = (await response.json()) as { data: Record<string, unknown>[] };
    expect(shown).toBe(String(cube.data[0]!['poverty.poverty_incidence']));
    await shot(page, '05-dashboard');
    await page.close();
  }, 300_000);

  it("shows a township officer only their township's households and exports the list to .xlsx", async () => {
    const page = await context.newPage();
    await login(page, 'township1');
    const token = await tokenOf(page);
    const viewer = (await gql<{ viewer: { regionCode: string } }>('{ viewer { regionCode } }', {}, token)).viewer;
    const township = (
      await gql<{ townships: { edges: { node: { name: string; code: string } }[] } }>(
        'query($f: TownshipFilter) { townships(first: 1, filter: $f) { edges { node { name code } } } }',
        { f: { regionCode: viewer.regionCode } },
        token,
      )
    ).townships.edges[0]!.node;
    await page.goto(`${base}/admin/#/households`);
    // Wait for data rows (a loading list shows placeholder rows without these cells).
    const names = page.locator('td.column-townshipName');
    await names.first().waitFor({ timeout: 120_000 });
    await expect.poll(async () => [...new Set(await names.allTextContents())]).toEqual([township.name]);
    await shot(page, '06-township-households');

    const total = (await gql<{ households: { totalCount: number } }>('{ households(first: 1) { totalCount } }', {}, token)).households
      .totalCount;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-xlsx').click()]);
    const file = path.join(SHOTS, '..', `households-${unique}.xlsx`);
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('户编号');
    expect(sheet.rowCount - 1).toBe(total);
    const townshipColumn = (sheet.getRow(1).values as unknown[]).indexOf('乡镇');
    const townships = new Set<unknown>();
    sheet.eachRow((row, n) => n > 1 && townships.add(row.getCell(townshipColumn).value));
    expect([...townships]).toEqual([township.name]);
    await page.close();
  }, 240_000);
});

async function firstTownshipName(): Promise<string> {
  const login = await gql<{ login: { token: string } }>(LOGIN, { u: 'admin', p: PASSWORD });
  const data = await gql<{ townships: { edges: { node: { name: string } }[] } }>(
    '{ townships(first: 1, orderBy: { field: code, direction: ASC }) { edges { node { name } } } }',
    {},
    login.login.token,
  );
  return data.townships.edges[0]!.node.name;
}
