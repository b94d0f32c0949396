// Department cross-checks end to end: uploads over real HTTP, exact alert rows
// checked in SQL, bad rows with line numbers, idempotence, rejection, xlsx,
// atomicity (a failure injected midway), region scope and the review mutation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { closeSql, sql, sqlOne } from '../support/sql.ts';
import { progressOf } from '../../services/crosscheck/importService.ts';
import { residentIdCheckChar } from '../../kernel/identifiers/index.ts';
import { csv, startCrosscheckApi, unknownId, type CrosscheckApi } from './support.ts';
import { xlsxBomb } from './zipBomb.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type P = { id: number; id_number: string; name: string; household_id: number; township_code: string; village_code: string };
let api: CrosscheckApi;
/** About 1 MB on the wire, 1 GB unpacked; built before the server is in use (it takes a few seconds). */
let bomb: Buffer;
let admin: string;
let township1: string;
let dept1: string;
const T1 = '341324100';
const midway: { importId: number; processed: number; rowVisible: boolean; live: unknown }[] = [];

const persons = (where: string, limit: number, offset = 0) =>
  sql<P>(`select p.id, p.id_number, p.name, p.household_id, h.township_code, h.village_code from person p join household h on h.id = p.household_id
          where p.deceased_at is null and ${where} order by p.id limit ${limit} offset ${offset}`);
const REGISTERED = `h.registered`;
const NOT_COUNTED = `not h.registered and h.monitoring_category is null`;

beforeAll(async () => {
  bomb = await xlsxBomb(1024);
  api = await startCrosscheckApi({
    chunkSize: 1,
    afterChunk: async (importId, processed) => {
      const row = await sql(`select status from department_import where id = $1`, [importId]);
      midway.push({ importId, processed, rowVisible: row[0]?.status === 'PROCESSING', live: progressOf(importId) });
      if (processed >= 3) throw new Error('injected failure midway');
    },
  });
  [admin, township1, dept1] = (await Promise.all(['admin', 'township1', 'dept1'].map((u) => api.token(u)))) as [string, string, string];
});
afterAll(async () => {
  await api.close();
  await closeSql();
});

const DEATHS = { department: 'PUBLIC_SECURITY', kind: 'DEATHS' };
const alertsOf = (importId: number) =>
  sql(
    `select a.kind, a.person_id, a.household_id, a.county_code, a.township_code, a.village_code, a.status, r.line_number
       from alert a join department_record r on r.id = a.record_id where r.import_id = $1 order by r.line_number`,
    [importId],
  );

describe('department imports', () => {
  let deathFile: string;
  let importId: number;
  let inTownship1: P, elsewhere: P, notCounted: P, noName: P;

  it('imports good rows, reports bad rows by line, and raises alerts for the mismatches only', async () => {
    inTownship1 = (await persons(`${REGISTERED} and h.township_code = '${T1}'`, 1, 3))[0]!;
    elsewhere = (await persons(`${REGISTERED} and h.township_code <> '${T1}'`, 1, 3))[0]!;
    notCounted = (await persons(NOT_COUNTED, 1, 3))[0]!;
    noName = (await persons(REGISTERED, 1, 20))[0]!;
    const badCheck = inTownship1!.id_number.slice(0, 17) + (inTownship1!.id_number[17] === '0' ? '1' : '0');
    const badBirth = '34132419900230123';
    deathFile = csv(
      ['身份证号', '姓名', '死亡日期'],
      [
        [inTownship1!.id_number, inTownship1!.name, '2020-11-03'], // line 2: alert
        [badCheck, '张三', '2020-11-03'], // line 3: bad check digit
        [badBirth + residentIdCheckChar(badBirth), '李四', '2020-11-04'], // line 4: impossible birth date
        [noName!.id_number, '', '2020/11/05'], // line 5: missing name
        [elsewhere!.id_number, elsewhere!.name, '2020年11月6日'], // line 6: alert (other township)
        [notCounted!.id_number, notCounted!.name, '20201107'], // line 7: matched, no mismatch
        [unknownId(1), '王五', '2020-11-08'], // line 8: matches nobody
        [inTownship1!.id_number, inTownship1!.name, '2020-11-03'], // line 9: duplicate of line 2
      ],
    );
    const res = await api.upload(
      '/api/department-imports',
      { ...DEATHS, fileName: 'deaths-202011.csv' },
      deathFile,
      'text/csv; charset=utf-8',
      admin,
    );
    expect(res.status).toBe(201);
    importId = res.body.importId;
    expect(res.body).toMatchObject({ status: 'COMPLETED', rowCount: 8, badRowCount: 3, duplicateOf: null });
    expect(res.body.report.badRows.map((b: { line: number }) => b.line)).toEqual([3, 4, 5]);
    expect(res.body.report.badRows[0].reason).toContain('校验位');
    expect(res.body.report.badRows[1].reason).toContain('出生日期');
    expect(res.body.report.badRows[2].reason).toContain('姓名为空');
    expect(res.body.report).toMatchObject({ duplicateLines: [9], matched: 3, unmatched: 1, alertCount: 2, alreadyImported: 0 });

    expect(await alertsOf(importId)).toEqual([
      {
        kind: 'DECEASED_MEMBER_COUNTED',
        person_id: inTownship1!.id,
        household_id: inTownship1!.household_id,
        county_code: '341324',
        township_code: inTownship1!.township_code,
        village_code: inTownship1!.village_code,
        status: 'OPEN',
        line_number: 2,
      },
      {
        kind: 'DECEASED_MEMBER_COUNTED',
        person_id: elsewhere!.id,
        household_id: elsewhere!.household_id,
        county_code: '341324',
        township_code: elsewhere!.township_code,
        village_code: elsewhere!.village_code,
        status: 'OPEN',
        line_number: 6,
      },
    ]);
    const records = await sql<{ line_number: number; person_id: number | null; event_date: Date }>(
      `select line_number, person_id, to_char(event_date, 'YYYY-MM-DD') as event_date from department_record where import_id = $1 order by line_number`,
      [importId],
    );
    expect(records).toEqual([
      { line_number: 2, person_id: inTownship1!.id, event_date: '2020-11-03' },
      { line_number: 6, person_id: elsewhere!.id, event_date: '2020-11-06' },
      { line_number: 7, person_id: notCounted!.id, event_date: '2020-11-07' },
      { line_number: 8, person_id: null, event_date: '2020-11-08' },
    ]);
    const progress = await fetch(`${api.base}/api/department-imports/${importId}/progress`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(await progress.json()).toMatchObject({ status: 'COMPLETED', processed: 8, total: 8 });
  });

  it('adds nothing on a second upload of the same file, nor for the same facts in another file', async () => {
    const before = await sqlOne<{ r: number; a: number }>(
      `select (select count(*)::int from department_record) r, (select count(*)::int from alert) a`,
    );
    const again = await api.upload('/api/department-imports', { ...DEATHS, fileName: 'deaths-again.csv' }, deathFile, 'text/csv', admin);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ importId, duplicateOf: again.body.id, status: 'COMPLETED', rowCount: 8 });
    const reordered = deathFile + '\n'; // other bytes, the same facts
    const other = await api.upload('/api/department-imports', { ...DEATHS, fileName: 'deaths-copy.csv' }, reordered, 'text/csv', admin);
    expect(other.status).toBe(201);
    expect(other.body.report).toMatchObject({ alreadyImported: 4, matched: 0, alertCount: 0 });
    const after = await sqlOne<{ r: number; a: number }>(
      `select (select count(*)::int from department_record) r, (select count(*)::int from alert) a`,
    );
    expect(after).toEqual(before);
  });

  it('rejects a file without the ID column whole: no records, no alerts', async () => {
    const before = await sqlOne<{ r: number; a: number }>(
      `select (select count(*)::int from department_record) r, (select count(*)::int from alert) a`,
    );
    const res = await api.upload(
      '/api/department-imports',
      { ...DEATHS, fileName: 'no-id.csv' },
      csv(['姓名', '死亡日期'], [['张三', '2020-11-01']]),
      'text/csv',
      admin,
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 'REJECTED', rowCount: 0, badRowCount: 0 });
    expect(res.body.report.rejected).toContain('身份证号');
    const after = await sqlOne<{ r: number; a: number }>(
      `select (select count(*)::int from department_record) r, (select count(*)::int from alert) a`,
    );
    expect(after).toEqual(before);
    expect(await sql(`select 1 from department_record where import_id = $1`, [res.body.importId])).toEqual([]);
  });

  it('reads an xlsx file like a CSV (civil affairs dibao roll, uploaded by the department)', async () => {
    const [unregistered] = await persons(
      `${NOT_COUNTED} and not exists (select 1 from alert x where x.household_id = h.id and x.kind = 'DIBAO_NOT_REGISTERED' and x.status = 'OPEN')`,
      1,
      5,
    );
    const [registered] = await persons(REGISTERED, 1, 40);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('低保');
    sheet.addRow(['身份证号', '姓名', '保障类别', '保障金额', '起始日期']);
    sheet.addRow([unregistered!.id_number, unregistered!.name, 'A类', 420, new Date(Date.UTC(2020, 9, 1))]);
    sheet.addRow([registered!.id_number, registered!.name, 'B类', '300.50', '2020-10-01']);
    sheet.addRow([unknownId(2).slice(0, 17) + 'Y', '赵六', 'A类', 300, '2020-10-01']);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const forbidden = await api.upload(
      '/api/department-imports',
      { ...DEATHS, fileName: 'x.xlsx' },
      body,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      dept1,
    );
    expect(forbidden).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const res = await api.upload(
      '/api/department-imports',
      { department: 'CIVIL_AFFAIRS', kind: 'DIBAO', fileName: '低保202010.xlsx' },
      body,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      dept1,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'COMPLETED', rowCount: 3, badRowCount: 1 });
    expect(res.body.report.badRows).toEqual([{ line: 4, reason: expect.stringContaining('身份证号') }]);
    expect(await alertsOf(res.body.importId)).toEqual([
      {
        kind: 'DIBAO_NOT_REGISTERED',
        person_id: unregistered!.id,
        household_id: unregistered!.household_id,
        county_code: '341324',
        township_code: unregistered!.township_code,
        village_code: unregistered!.village_code,
        status: 'OPEN',
        line_number: 2,
      },
    ]);
    const payload = await sqlOne<{ payload: unknown }>(`select payload from department_record where import_id = $1 and line_number = 2`, [
      res.body.importId,
    ]);
    expect(payload.payload).toEqual({ name: unregistered!.name, category: 'A类', amount: '420', startDate: '2020-10-01' });
  });

  it('writes nothing when the import fails midway (one transaction)', async () => {
    const movers = await persons(`${REGISTERED} and h.township_code = '${T1}'`, 4, 60);
    const file = csv(
      ['身份证号', '姓名', '迁出日期', '迁往地'],
      movers.map((p) => [p.id_number, p.name, '2020-09-01', '江苏省南京市']),
    );
    const before = await sqlOne(
      `select (select count(*)::int from department_record) r, (select count(*)::int from alert) a, (select count(*)::int from department_import) i`,
    );
    const res = await api.upload(
      '/api-failing/department-imports',
      { department: 'PUBLIC_SECURITY', kind: 'MOVES', fileName: 'moves.csv' },
      file,
      'text/csv',
      admin,
    );
    expect(res).toMatchObject({ status: 500, body: { code: 'INTERNAL_SERVER_ERROR' } });
    // It did get midway: the PROCESSING row was visible outside the transaction, with live progress.
    expect(midway.map((m) => m.processed)).toEqual([1, 2, 3]);
    expect(midway.every((m) => m.rowVisible)).toBe(true);
    expect(midway[1]!.live).toEqual({ processed: 2, total: 4 });
    const after = await sqlOne(
      `select (select count(*)::int from department_record) r, (select count(*)::int from alert) a, (select count(*)::int from department_import) i`,
    );
    expect(after).toEqual(before);
    expect(await sql(`select 1 from department_record where id_number = any($1::text[])`, [movers.map((p) => p.id_number)])).toEqual([]);
  });

  it('refuses anonymous and malformed requests with coded JSON', async () => {
    expect(await api.upload('/api/department-imports', { ...DEATHS, fileName: 'a.csv' }, 'x', 'text/csv', null)).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
    expect(await api.upload('/api/department-imports', { ...DEATHS, fileName: 'a.csv' }, 'x', 'text/csv', 'forged')).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
    expect(
      await api.upload(
        '/api/department-imports',
        { department: 'PUBLIC_SECURITY', kind: 'DIBAO', fileName: 'a.csv' },
        'x',
        'text/csv',
        admin,
      ),
    ).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'kind' } });
    expect(await api.upload('/api/department-imports', { ...DEATHS, fileName: 'a.csv' }, 'x', 'text/csv', township1)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
  });

  it('scopes alerts by region and reads them back through GraphQL', async () => {
    const q = `query($f: AlertFilter) { alerts(first: 100, filter: $f) { totalCount edges { node { id kind townshipCode detail status version person { name idNumber } household { householdNumber } } } } }`;
    const mine = await api.gql(q, { f: { kind: 'DECEASED_MEMBER_COUNTED' } }, township1);
    expect(mine.errors).toBeUndefined();
    const nodes = mine.data.alerts.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n: any) => n.townshipCode === T1)).toBe(true);
    expect(nodes.map((n: any) => n.person.name)).toContain(inTownship1.name);
    expect(nodes.map((n: any) => n.person.name)).not.toContain(elsewhere.name);
    expect(nodes[0].person.idNumber).toMatch(/^\d{17}[\dX]$/); // township1 may read personal data (the read is audited)
    // dept1 (civil affairs, no personal-data permission): masked, and only its own department's alerts.
    const deptAlerts = await api.gql(q, {}, dept1);
    const deptNodes = deptAlerts.data.alerts.edges.map((e: any) => e.node);
    expect(deptNodes.length).toBeGreaterThan(0);
    expect(deptNodes.every((n: any) => ['DIBAO_NOT_REGISTERED', 'EXTREME_POVERTY_NOT_REGISTERED'].includes(n.kind))).toBe(true);
    expect(deptNodes.every((n: any) => /\*{8}/.test(n.person.idNumber))).toBe(true);
    const all = await api.gql(q, { f: { kind: 'DECEASED_MEMBER_COUNTED' } }, admin);
    expect(all.data.alerts.totalCount).toBe(
      Number((await sqlOne<{ n: string }>(`select count(*) n from alert where kind = 'DECEASED_MEMBER_COUNTED'`)).n),
    );

    const imports = await api.gql(
      `{ departmentImports(first: 5, filter: { kind: DEATHS }) { edges { node { id fileName status rowCount badRowCount importedBy { username }
      report { badRows { line reason } duplicateLines alertCount } progress { processed total } alerts(first: 10) { totalCount edges { node { kind } } } } } } }`,
      {},
      township1,
    );
    expect(imports.errors).toBeUndefined();
    const deathImport = imports.data.departmentImports.edges.map((e: any) => e.node).find((n: any) => n.fileName === 'deaths-202011.csv');
    expect(deathImport).toMatchObject({
      status: 'COMPLETED',
      rowCount: 8,
      badRowCount: 3,
      importedBy: { username: 'admin' },
      progress: { processed: 8, total: 8 },
    });
    expect(deathImport.report.badRows.map((b: any) => b.line)).toEqual([3, 4, 5]);
    expect(deathImport.alerts.totalCount).toBe(1); // township1 sees only its own township's alert
    const dept = await api.gql(`{ departmentImports(first: 50) { edges { node { department } } } }`, {}, dept1);
    expect(new Set(dept.data.departmentImports.edges.map((e: any) => e.node.department))).toEqual(new Set(['CIVIL_AFFAIRS']));
  });

  it('reviews an alert: note required to dismiss, out of region is NOT_FOUND, a stale version is CONFLICT', async () => {
    const [mine] = await sql<{ id: number }>(
      `select a.id from alert a join department_record r on r.id = a.record_id where r.import_id = $1 and a.township_code = $2`,
      [importId, T1],
    );
    const [theirs] = await sql<{ id: number }>(
      `select a.id from alert a join department_record r on r.id = a.record_id where r.import_id = $1 and a.township_code <> $2`,
      [importId, T1],
    );
    const gid = (id: number) => Buffer.from(`Alert:${id}`).toString('base64');
    const m = `mutation($i: ReviewAlertInput!) { reviewAlert(input: $i) { alert { status version reviewNote reviewedBy { username } } } }`;
    const noNote = await api.gql(m, { i: { id: gid(mine!.id), version: 1, decision: 'DISMISS' } }, township1);
    expect(noNote.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const outside = await api.gql(m, { i: { id: gid(theirs!.id), version: 1, decision: 'CONFIRM' } }, township1);
    expect(outside.errors[0].extensions.code).toBe('NOT_FOUND');
    const ok = await api.gql(m, { i: { id: gid(mine!.id), version: 1, decision: 'CONFIRM', note: '已核实' } }, township1);
    expect(ok.data.reviewAlert.alert).toEqual({
      status: 'CONFIRMED',
      version: 2,
      reviewNote: '已核实',
      reviewedBy: { username: 'township1' },
    });
    const stale = await api.gql(m, { i: { id: gid(mine!.id), version: 1, decision: 'DISMISS', note: '重复' } }, admin);
    expect(stale.errors[0].extensions.code).toBe('CONFLICT');
    expect(await sqlOne(`select status, version, review_note from alert where id = $1`, [mine!.id])).toEqual({
      status: 'CONFIRMED',
      version: 2,
      review_note: '已核实',
    });
    const dept = await api.gql(m, { i: { id: gid(mine!.id), version: 2, decision: 'CONFIRM' } }, dept1);
    expect(dept.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses an xlsx that expands hugely as REJECTED (422), keeping nothing but the reason', async () => {
    const res = await api.upload('/api/department-imports', { ...DEATHS, fileName: 'bomb.xlsx' }, bomb, XLSX, admin);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 'REJECTED', rowCount: 0, badRowCount: 0 });
    expect(res.body.report.rejected).toMatch(/解压后超过 64 MB.*\(the xlsx is larger than 64 MB when decompressed\)/);
    expect(await sql(`select 1 from department_record where import_id = $1`, [res.body.importId])).toEqual([]);
  });

  it('reports the first 100 bad rows and duplicate lines, with the exact totals', async () => {
    const [p] = await persons(REGISTERED, 1, 90);
    const badDates = Array.from({ length: 130 }, () => [p!.id_number, p!.name, '2020-02-30']);
    const repeats = Array.from({ length: 121 }, () => [p!.id_number, p!.name, '2020-03-01']);
    const file = csv(['身份证号', '姓名', '死亡日期'], [...badDates, ...repeats]);
    const res = await api.upload('/api/department-imports', { ...DEATHS, fileName: 'many-problems.csv' }, file, 'text/csv', admin);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'COMPLETED', rowCount: 251, badRowCount: 130 });
    expect(res.body.report).toMatchObject({ badRowsTruncated: true, duplicateLineCount: 120 });
    expect(res.body.report.badRows).toHaveLength(100);
    expect(res.body.report.badRows[99].line).toBe(101);
    expect(res.body.report.duplicateLines).toHaveLength(100);
    expect(res.body.report.duplicateLines[0]).toBe(133);
    const read = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on DepartmentImport { badRowCount report { badRowsTruncated duplicateLineCount badRows { line } duplicateLines } } } }`,
      { id: res.body.id },
      admin,
    );
    expect(read.data.node).toMatchObject({ badRowCount: 130, report: { badRowsTruncated: true, duplicateLineCount: 120 } });
    expect(read.data.node.report.badRows).toHaveLength(100);
  });

  it('reads progress by numeric or global id; another type or a malformed id is BAD_USER_INPUT', async () => {
    const progress = (id: string) =>
      fetch(`${api.base}/api/department-imports/${encodeURIComponent(id)}/progress`, {
        headers: { authorization: `Bearer ${admin}` },
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(await progress(String(importId))).toMatchObject({ status: 200, body: { status: 'COMPLETED', processed: 8, total: 8 } });
    expect(await progress(Buffer.from(`DepartmentImport:${importId}`).toString('base64'))).toMatchObject({
      status: 200,
      body: { processed: 8 },
    });
    expect(await progress(Buffer.from(`Household:${importId}`).toString('base64'))).toMatchObject({
      status: 400,
      body: { code: 'BAD_USER_INPUT', field: 'id' },
    });
    expect(await progress('not-an-id')).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'id' } });
    expect(await progress('99999999999')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });
});
