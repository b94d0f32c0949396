// The monitoring workflow in a real browser (Debian's Chromium through
// playwright-core, launched as in console.e2e.test.ts): a village cadre declares
// a household, verifies it and records the village review; a township officer
// reviews; the county administrator approves. The household then shows as
// monitored in the households list (category filter) and in Cube's
// `monitoring.monitored_households` (one more than before). Skipped without
// /usr/bin/chromium. Screenshots: test-results/screenshots/monitoring-*.png.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../kernel/password.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';
import { PASSWORD, SHOTS, choose, hasChromium, login as loginAt, openBrowser, startPlatform, tokenOf } from '../support/browser.ts';

const unique = Date.now().toString(36);
const CADRE = `e2e_mv_${unique}`;
const OFFICER = `e2e_mt_${unique}`;

let base = '';
let stopServer: (() => Promise<void>) | null = null;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | null = null;
let monitored = false;
let household: { id: number; household_number: string; village_code: string; township_code: string };

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `monitoring-${name}.png`), fullPage: true });

const login = (page: Page, username: string) => loginAt(page, base, username);

/** `monitoring.monitored_households` over the whole county, as the dashboard asks Cube. */
function monitoredHouseholds(token: string): Promise<number> {
  // Cube answers "Continue wait" until the query's result is ready (its first answer
  // builds the rollup: minutes on a busy machine): ask again until it is.
  return vi.waitFor(
    async () => {
      const response = await fetch(`${base}/cubejs-api/v1/load`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: token },
        body: JSON.stringify({ query: { measures: ['monitoring.monitored_households'] } }),
      });
      const body = (await response.json()) as { data?: Record<string, unknown>[]; error?: string };
      if (!body.data) throw new Error(`cube: ${JSON.stringify(body)}`);
      return Number(body.data[0]?.['monitoring.monitored_households'] ?? 0);
    },
    { timeout: 180_000, interval: 500 },
  );
}

/** Opens the case as `username` and takes `action` (the only forward step offered), with an opinion. */
async function takeStep(page: Page, action: string, toStage: string, opinion: string): Promise<void> {
  const button = page.locator(`[data-testid="case-actions"] [data-action="${action}"]`);
  // Only the case's next step (and rejection) is offered: never a later stage's action.
  const offered = page.locator('[data-testid="case-actions"] [data-action]');
  await expect
    .poll(async () =>
      (
        await offered.evaluateAll((els) => els.map((e) => (e as { getAttribute(n: string): string | null }).getAttribute('data-action')))
      ).sort(),
    )
    .toEqual([action, 'REJECT'].sort());
  await button.click();
  await page.locator('[data-testid="case-step-dialog"] textarea[name="reason"]').fill(opinion);
  await page.locator('[data-testid="case-step-confirm"]').click();
  await page.locator(`[data-testid="case-timeline"] [data-stage="${toStage}"]`).waitFor();
}

describe.skipIf(!hasChromium)('monitoring workflow (browser)', () => {
  beforeAll(async () => {
    const platform = await startPlatform();
    base = platform.base;
    stopServer = platform.stop;
    // A non-registered household with no monitoring and no open case, in the county's last township
    // (other test files work in the first one).
    household = await sqlOne(
      `select h.id, h.household_number, h.village_code, h.township_code from household h
        where h.township_code = (select max(code) from township) and not h.registered and h.monitoring_category is null
          and not exists (select 1 from monitoring_case c where c.household_id = h.id)
          and exists (select 1 from person p where p.household_id = h.id)
        order by h.id limit 1`,
    );
    const hash = await hashPassword(PASSWORD);
    await sql(
      `insert into app_user (username, display_name, password_hash, role, region_code, can_read_personal_data) values
      ($1, 'E2E村干部', $3, 'VILLAGE_CADRE', $4, true), ($2, 'E2E乡镇干部', $3, 'TOWNSHIP_OFFICER', $5, true)`,
      [CADRE, OFFICER, hash, household.village_code, household.township_code],
    );
    // The cadre user is the household's assistance cadre (recordVisit requires it).
    const cadreId = (
      await sqlOne<{ id: number }>(
        `insert into cadre (name, work_unit, level, township_code) values ('E2E帮扶干部', 'E2E测试单位', 'GENERAL', $1) returning id`,
        [household.township_code],
      )
    ).id;
    await sql(`insert into cadre_assignment (cadre_id, household_id, kind, start_date) values ($1, $2, 'ASSISTANCE', date '2020-01-01')`, [
      cadreId,
      household.id,
    ]);
    await sql('update app_user set cadre_id = $1 where username = $2', [cadreId, CADRE]);
    const browser = await openBrowser('monitoring-e2e-');
    context = browser.context;
    closeBrowser = browser.close;
  }, 240_000);

  afterAll(async () => {
    await closeBrowser?.();
    await stopServer?.();
    await closeSql();
  });

  it('declare → verify → village review → township review → county approval; the household is then monitored', async () => {
    const householdGid = globalId('Household', household.id);

    // County administrator: the Cube count before.
    const adminPage = await context.newPage();
    await login(adminPage, 'admin');
    const adminToken = await tokenOf(adminPage);
    const before = await monitoredHouseholds(adminToken);

    // Village cadre: declare from the household page.
    const cadre = await context.newPage();
    await login(cadre, CADRE);
    await cadre.goto(`${base}/admin/#/households/${encodeURIComponent(householdGid)}/show`);
    await cadre.locator('[data-testid="declare-case"]').click();
    await cadre.waitForURL((url) => url.hash.startsWith('#/monitoringCases/create'));
    await choose(cadre, 'category', '边缘易致贫户');
    await cadre.locator('.ra-input-riskTypes [role="combobox"]').click();
    await cadre.getByRole('option', { name: '因病', exact: true }).click();
    await cadre.keyboard.press('Escape');
    await cadre.locator('textarea[name="reason"]').fill('户主突发重病，医疗支出大，收入骤降（E2E）');
    await shot(cadre, '01-declare');
    await cadre.getByRole('button', { name: '保存' }).click();
    await cadre.waitForURL((url) => /#\/monitoringCases\/[^/]+\/show/.test(url.hash));
    await cadre.locator('[data-testid="case-timeline"] [data-stage="DECLARED"]').waitFor();
    const caseUrl = cadre.url();

    await takeStep(cadre, 'VERIFY', 'VERIFIED', '已入户核实，情况属实');
    await takeStep(cadre, 'REVIEW_IN_VILLAGE', 'VILLAGE_REVIEWED', '村两委会议研究同意');
    // Now the township's turn: the cadre is offered nothing.
    await expect.poll(() => cadre.locator('[data-testid="case-no-action"]').textContent()).toContain('乡镇审核');
    await shot(cadre, '02-village-reviewed');

    // Township officer.
    const officer = await context.newPage();
    await login(officer, OFFICER);
    await officer.goto(caseUrl);
    await takeStep(officer, 'REVIEW_IN_TOWNSHIP', 'TOWNSHIP_REVIEWED', '乡镇审核通过');
    await expect.poll(() => officer.locator('[data-testid="case-no-action"]').textContent()).toContain('县级审定');

    // County administrator approves.
    await adminPage.goto(caseUrl);
    await takeStep(adminPage, 'APPROVE', 'APPROVED', '县级审定纳入监测');
    const timeline = adminPage.locator('[data-testid="case-timeline"]');
    for (const name of ['申报', '入户核实', '村两委研究', '乡镇审核', '县级审定'])
      await expect.poll(() => timeline.textContent()).toContain(name);
    await expect.poll(() => timeline.textContent()).toContain('E2E村干部');
    await expect.poll(() => timeline.textContent()).toContain('乡镇审核通过');
    await shot(adminPage, '03-approved');
    // After approval only risk elimination remains (with a reason), offered to the county.
    await adminPage.locator('[data-testid="case-actions"] [data-action="ELIMINATE_RISK"]').waitFor();

    // The households list, filtered by monitoring category, shows it.
    const filter = encodeURIComponent(JSON.stringify({ monitoringCategory: 'EDGE', q: household.household_number }));
    await adminPage.goto(`${base}/admin/#/households?filter=${filter}`);
    const row = adminPage.locator('tr', { hasText: household.household_number });
    await expect.poll(() => row.textContent()).toContain('边缘易致贫户');
    await shot(adminPage, '04-households-monitored');

    // Cube counts one more monitored household (its refresh key may lag a few seconds).
    await expect.poll(() => monitoredHouseholds(adminToken), { timeout: 90_000, interval: 2000 }).toBe(before + 1);
    monitored = true;
    const stored = await sqlOne<{ monitoring_category: string }>('select monitoring_category::text from household where id = $1', [
      household.id,
    ]);
    expect(stored.monitoring_category).toBe('EDGE');

    // The case list (stage filter) shows it at 县级审定.
    const caseFilter = encodeURIComponent(JSON.stringify({ stage: 'APPROVED', townshipCode: household.township_code }));
    await adminPage.goto(`${base}/admin/#/monitoringCases?filter=${caseFilter}`);
    await adminPage.locator('tr', { hasText: household.household_number }).waitFor();
    await shot(adminPage, '05-case-list');
    for (const page of [adminPage, cadre, officer]) await page.close();
  }, 300_000);

  it('records a visit (nine aspects), runs the screening, makes an assistance plan', async () => {
    const cadre = await context.newPage();
    await login(cadre, CADRE);

    // Visit: all aspects pass except housing safety, which needs a note.
    await cadre.goto(`${base}/admin/#/visits/create`);
    await cadre.locator('.ra-input-householdId input').fill(household.household_number);
    await cadre
      .getByRole('option', { name: new RegExp(household.household_number) })
      .first()
      .click();
    await cadre.locator('[data-aspect="HOUSING_SAFETY"] input[type="checkbox"]').uncheck();
    await cadre.locator('[data-aspect="HOUSING_SAFETY"] input[name="aspects.4.note"]').fill('房屋墙体开裂（E2E）');
    await shot(cadre, '06-visit-form');
    await cadre.getByRole('button', { name: '保存' }).click();
    await cadre.waitForURL((url) => /#\/visits\/[^/]+\/show/.test(url.hash));
    const aspects = cadre.locator('[data-testid="visit-aspects"]');
    // The page may first show the saved visit without its aspects, then all nine.
    await expect.poll(() => aspects.locator('tbody tr').count()).toBe(9);
    await expect.poll(() => aspects.textContent()).toContain('房屋墙体开裂（E2E）');
    await shot(cadre, '07-visit');

    // Screening over the cadre's village for the latest year with a rule: the report shows.
    const rule = await sql<{ year: number }>('select max(year) as year from screening_rule');
    if (rule[0]?.year) {
      await cadre.goto(`${base}/admin/#/warnings`);
      await cadre.locator('[data-testid="run-screening"]').click();
      await cadre.locator('input[name="screeningYear"]').fill(String(rule[0].year));
      await cadre.getByRole('dialog').getByRole('button', { name: '运行筛查' }).click();
      const report = cadre.locator('[data-testid="screening-report"]');
      await expect.poll(() => report.textContent(), { timeout: 60_000 }).toContain(household.village_code);
      await shot(cadre, '08-screening');
      await cadre.keyboard.press('Escape');
    }

    // Assistance plan for the (now monitored) household, a measure for one member, then its status.
    if (monitored) {
      await cadre.goto(`${base}/admin/#/assistancePlans/create`);
      await cadre.locator('.ra-input-householdId input').fill(household.household_number);
      await cadre
        .getByRole('option', { name: new RegExp(household.household_number) })
        .first()
        .click();
      await cadre.locator('textarea[name="summary"]').fill('健康帮扶为主，落实医疗救助（E2E）');
      await cadre.getByRole('button', { name: '保存' }).click();
      await cadre.waitForURL((url) => /#\/assistancePlans\/[^/]+\/show/.test(url.hash));
      const measures = cadre.locator('[data-testid="plan-measures"]');
      await measures.getByRole('button', { name: '添加措施' }).click();
      const dialog = cadre.getByRole('dialog');
      await dialog.getByRole('combobox').nth(0).click();
      await cadre.getByRole('option', { name: '健康帮扶' }).click();
      await dialog.getByRole('combobox').nth(1).click();
      await cadre.getByRole('option').nth(1).click();
      await dialog.locator('textarea[name="description"]').fill('申请大病医疗救助（E2E）');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => measures.textContent()).toContain('申请大病医疗救助（E2E）');
      await measures.getByRole('combobox').first().click();
      await cadre.getByRole('option', { name: '已落实' }).click();
      await expect.poll(() => measures.textContent(), { timeout: 15_000 }).toContain('已落实');
      const status = await sqlOne<{ status: string }>(
        `select m.status::text from assistance_measure m join assistance_plan p on p.id = m.plan_id where p.household_id = $1 order by m.id desc limit 1`,
        [household.id],
      );
      expect(status.status).toBe('DONE');
      await shot(cadre, '09-plan');
    }
    await cadre.close();
  }, 240_000);

  it('uploads a department file: progress, then the bad rows with their line numbers; reviews an alert', async () => {
    const person = await sqlOne<{ id_number: string; name: string }>(
      `select p.id_number, p.name from person p join household h on h.id = p.household_id
        where h.township_code = (select max(code) from township) and p.deceased_at is null order by p.id desc limit 1`,
    );
    const csv = `身份证号,姓名,死亡日期\n${person.id_number},${person.name},2026-10-01\n110101199001011234,错误行,2026-13-45\n`;
    const admin = await context.newPage();
    await login(admin, 'admin');
    await admin.goto(`${base}/admin/#/departmentImports/create`);
    await admin.locator('#mui-component-select-department, [name="department"] ~ [role="combobox"], div[role="combobox"]').first().click();
    await admin.getByRole('option', { name: '公安' }).click();
    await admin.locator('div[role="combobox"]').nth(1).click();
    await admin.getByRole('option', { name: '死亡人员' }).click();
    await admin
      .locator('input[type="file"]')
      .setInputFiles({ name: `deaths-e2e-${unique}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await admin.locator('[data-testid="import-upload"]').click();
    const report = admin.locator('[data-testid="import-report"]');
    await report.waitFor({ timeout: 60_000 });
    const bad = admin.locator('[data-testid="import-bad-rows"]');
    await expect.poll(() => bad.locator('tbody tr').first().locator('td').first().textContent()).toBe('3');
    await shot(admin, '10-import-report');
    const alertCount = Number((await report.locator('[data-key="alerts"]').textContent())?.replace(/\D/g, ''));

    // The alert raised for the deceased person: dismiss it with a note.
    await admin.goto(`${base}/admin/#/alerts?filter=${encodeURIComponent(JSON.stringify({ status: 'OPEN' }))}&order=DESC&sort=createdAt`);
    const row = admin.locator('tr', { hasText: person.name }).first();
    if (alertCount > 0) {
      // Someone else reviews first (the version moves on): the conflict notice offers a reload.
      await row.locator('[data-action="DISMISS"]').click();
      await admin.locator('textarea[name="note"]').fill('经核实为同名人员（E2E）');
      await sql(
        `update alert set version = version + 1 where status = 'OPEN' and person_id = (select id from person where id_number = $1)`,
        [person.id_number],
      );
      await admin.locator('[data-testid="alert-review-confirm"]').click();
      const notice = admin.locator('[data-testid="conflict-notice"]');
      await notice.waitFor();
      await shot(admin, '11-alert-conflict');
      await notice.getByRole('button', { name: '重新加载' }).click();
      await row.locator('[data-action="DISMISS"]').click();
      await admin.locator('textarea[name="note"]').fill('经核实为同名人员（E2E）');
      await admin.locator('[data-testid="alert-review-confirm"]').click();
      await expect.poll(() => admin.getByText('预警已审核').count()).toBeGreaterThan(0);
      await shot(admin, '12-alert-reviewed');
    }
    await admin.close();
  }, 180_000);
});
