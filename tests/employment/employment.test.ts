// Employment channels and employment records: channel counts and connections
// against SQL for several scopes, the employer visibility rule, no N+1, and the
// three mutations (validation, FORBIDDEN out of region, CONFLICT on stale versions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';

let api: TestApi;
let admin: string;
let township1: string;
let village1: string;
let stats: string;
let township1Code: string;
let village1Code: string;

/** "Today" as the API reads it: the date in China. */
const TODAY = `(now() at time zone 'Asia/Shanghai')::date`;
const ACTIVE = `e.start_date <= ${TODAY} and (e.end_date is null or e.end_date >= ${TODAY})`;
const FROM = `from employment e join person p on p.id = e.person_id join household h on h.id = p.household_id`;

beforeAll(async () => {
  api = await startApi();
  [admin, township1, village1, stats] = (await Promise.all(['admin', 'township1', 'village1', 'stats'].map((u) => api.token(u)))) as [
    string,
    string,
    string,
    string,
  ];
  township1Code = (await sqlOne<{ region_code: string }>(`select region_code from app_user where username = 'township1'`)).region_code;
  village1Code = (await sqlOne<{ region_code: string }>(`select region_code from app_user where username = 'village1'`)).region_code;
});

afterAll(async () => {
  await api.close();
  await closeSql();
});

const idOf = (globalIdValue: string) => Number(Buffer.from(globalIdValue, 'base64').toString().split(':')[1]);

describe('employmentChannels', () => {
  const CHANNELS = `{ employmentChannels { id code name kind employedCount } }`;

  it('returns exactly the five channels in order, with their kinds and names', async () => {
    const result = await api.gql(CHANNELS, {}, admin);
    expect(result.errors).toBeUndefined();
    const rows = await sql<{ code: string; name: string; kind: string }>(
      `select code, name, kind from employment_channel order by sort_order`,
    );
    expect(result.data.employmentChannels.map((c: any) => [c.code, c.name, c.kind])).toEqual(rows.map((r) => [r.code, r.name, r.kind]));
    expect(result.data.employmentChannels.map((c: any) => [c.code, c.kind])).toEqual([
      ['INDUSTRIAL_PARK_BASE', 'INDIRECT'],
      ['POVERTY_ALLEVIATION_FACTORY', 'INDIRECT'],
      ['COOPERATIVE', 'INDIRECT'],
      ['PUBLIC_WELFARE_POST', 'DIRECT'],
      ['HOME_BASED', 'DIRECT'],
    ]);
  });

  it("counts distinct persons in work today, within the viewer's region, equal to SQL", async () => {
    for (const [token, column, code] of [
      [admin, 'county_code', '341324'],
      [township1, 'township_code', township1Code],
      [village1, 'village_code', village1Code],
      [stats, 'county_code', '341324'],
    ] as const) {
      api.resetStatements();
      const result = await api.gql(CHANNELS, {}, token);
      expect(result.errors).toBeUndefined();
      expect(api.statements.length).toBeLessThanOrEqual(2); // the channels, and one grouped count for all five
      const counts = await sql<{ code: string; n: number }>(
        `select c.code, (select count(distinct e.person_id)::int ${FROM} where e.channel_code = c.code and h.${column} = $1 and ${ACTIVE}) as n
           from employment_channel c order by c.sort_order`,
        [code],
      );
      expect(result.data.employmentChannels.map((c: any) => c.employedCount)).toEqual(counts.map((r) => r.n));
      if (code.length < 12) expect(counts.every((r) => r.n > 0)).toBe(true);
    }
  });

  it('resolves a channel by its global id, and lists its employments within the region', async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on EmploymentChannel { code employments(first: 10) { totalCount edges { node { id channelCode } } } } } }`;
    const result = await api.gql(query, { id: globalId('EmploymentChannel', 'COOPERATIVE') }, township1);
    expect(result.errors).toBeUndefined();
    const { count } = await sqlOne<{ count: string }>(
      `select count(*) ${FROM} where e.channel_code = 'COOPERATIVE' and h.township_code = $1`,
      [township1Code],
    );
    expect(result.data.node.employments.totalCount).toBe(Number(count));
    const expected = await sql<{ id: number }>(
      `select e.id ${FROM} where e.channel_code = 'COOPERATIVE' and h.township_code = $1 order by e.id limit 10`,
      [township1Code],
    );
    expect(result.data.node.employments.edges.map((e: any) => idOf(e.node.id))).toEqual(expected.map((r) => r.id));
    const unknown = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId('EmploymentChannel', 'MINING') }, township1);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.node).toBeNull();
  });

  it('filters the nested employments connection: in work today, paid most first', async () => {
    const query = `{ employmentChannels { code employments(first: 5, filter: { active: true }, orderBy: { field: monthlyWage, direction: DESC }) {
      totalCount edges { node { id monthlyWage active } } } } }`;
    const result = await api.gql(query, {}, township1);
    expect(result.errors).toBeUndefined();
    for (const channel of result.data.employmentChannels) {
      const { count } = await sqlOne<{ count: string }>(
        `select count(*) ${FROM} where e.channel_code = $1 and h.township_code = $2 and ${ACTIVE}`,
        [channel.code, township1Code],
      );
      expect(channel.employments.totalCount).toBe(Number(count));
      const expected = await sql<{ id: number; monthly_wage: string }>(
        `select e.id, e.monthly_wage::text ${FROM} where e.channel_code = $1 and h.township_code = $2 and ${ACTIVE} order by e.monthly_wage desc, e.id desc limit 5`,
        [channel.code, township1Code],
      );
      expect(channel.employments.edges.map((e: any) => [idOf(e.node.id), e.node.monthlyWage, e.node.active])).toEqual(
        expected.map((r) => [r.id, r.monthly_wage, true]),
      );
    }
  });
});

const LIST = `query($first: Int!, $after: String, $filter: EmploymentFilter, $orderBy: EmploymentOrderBy) {
  employments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id channelCode monthlyWage startDate endDate active employer { id } } }
  }
}`;

describe('employments connection', () => {
  it('filters by region, channel kind and activity; totalCount and pages equal SQL', async () => {
    const filter = { regionCode: township1Code, channelKind: 'INDIRECT', active: false };
    const first = await api.gql(LIST, { first: 20, filter, orderBy: { field: 'startDate', direction: 'ASC' } }, admin);
    expect(first.errors).toBeUndefined();
    const where = `h.township_code = $1 and e.channel_code in ('INDUSTRIAL_PARK_BASE', 'POVERTY_ALLEVIATION_FACTORY', 'COOPERATIVE') and not (${ACTIVE})`;
    const { count } = await sqlOne<{ count: string }>(`select count(*) ${FROM} where ${where}`, [township1Code]);
    expect(Number(count)).toBeGreaterThan(0);
    expect(first.data.employments.totalCount).toBe(Number(count));
    const second = await api.gql(
      LIST,
      { first: 20, after: first.data.employments.pageInfo.endCursor, filter, orderBy: { field: 'startDate', direction: 'ASC' } },
      admin,
    );
    const ids = [...first.data.employments.edges, ...second.data.employments.edges].map((e: any) => idOf(e.node.id));
    const expected = await sql<{ id: number }>(`select e.id ${FROM} where ${where} order by e.start_date, e.id limit 40`, [township1Code]);
    expect(ids).toEqual(expected.map((r) => r.id));
    for (const edge of first.data.employments.edges) expect(edge.node.active).toBe(false);
  });

  it('filters by employer and by channel', async () => {
    const employer = await sqlOne<{ employer_id: number; n: string }>(
      `select e.employer_id, count(*) as n ${FROM} where h.township_code = $1 and e.employer_id is not null group by e.employer_id order by count(*) desc, e.employer_id limit 1`,
      [township1Code],
    );
    const byEmployer = await api.gql(
      LIST,
      { first: 5, filter: { employerId: globalId('BusinessEntity', employer.employer_id) } },
      township1,
    );
    expect(byEmployer.errors).toBeUndefined();
    expect(byEmployer.data.employments.totalCount).toBe(Number(employer.n));
    const wrongType = await api.gql(LIST, { first: 5, filter: { employerId: globalId('Household', 1) } }, township1);
    expect(wrongType.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.employerId' });
    const byChannel = await api.gql(LIST, { first: 5, filter: { channel: 'PUBLIC_WELFARE_POST' } }, admin);
    const { count } = await sqlOne<{ count: string }>(`select count(*) from employment where channel_code = 'PUBLIC_WELFARE_POST'`);
    expect(byChannel.data.employments.totalCount).toBe(Number(count));
    for (const edge of byChannel.data.employments.edges) expect(edge.node.employer).toBeNull();
    const unknownEnum = await api.gql(LIST, { first: 5, filter: { channel: 'MINING' } }, admin);
    expect(unknownEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps each viewer inside their region; employers outside it read as null', async () => {
    for (const [token, column, code] of [
      [township1, 'township_code', township1Code],
      [village1, 'village_code', village1Code],
    ] as const) {
      const result = await api.gql(LIST, { first: 100 }, token);
      expect(result.errors).toBeUndefined();
      const { count } = await sqlOne<{ count: string }>(`select count(*) ${FROM} where h.${column} = $1`, [code]);
      expect(result.data.employments.totalCount).toBe(Number(count));
      const expected = await sql<{ id: number; visible_employer: number | null }>(
        `select e.id, case when b.${column} = $1 then b.id end as visible_employer
           ${FROM} left join business_entity b on b.id = e.employer_id where h.${column} = $1 order by e.id limit 100`,
        [code],
      );
      expect(result.data.employments.edges.map((e: any) => [idOf(e.node.id), e.node.employer ? idOf(e.node.employer.id) : null])).toEqual(
        expected.map((r) => [r.id, r.visible_employer]),
      );
      const other = await api.gql(LIST, { first: 5, filter: { regionCode: '341324999' } }, token);
      expect(other.data.employments).toMatchObject({ totalCount: 0, edges: [] });
    }
  });

  it('answers node(id) inside the region and null outside', async () => {
    const inside = await sqlOne<{ id: number }>(`select e.id ${FROM} where h.township_code = $1 order by e.id limit 1`, [township1Code]);
    const outside = await sqlOne<{ id: number }>(`select e.id ${FROM} where h.township_code <> $1 order by e.id limit 1`, [township1Code]);
    const query = `query($a: ID!, $b: ID!) { a: node(id: $a) { ... on Employment { monthlyWage } } b: node(id: $b) { id } }`;
    const result = await api.gql(query, { a: globalId('Employment', inside.id), b: globalId('Employment', outside.id) }, township1);
    expect(result.errors).toBeUndefined();
    expect(result.data.a.monthlyWage).toMatch(/^\d+\.\d\d$/);
    expect(result.data.b).toBeNull();
  });

  it('lets statisticians read non-personal fields but not the person', async () => {
    const ok = await api.gql(`{ employments(first: 5) { totalCount edges { node { monthlyWage channel { name kind } } } } }`, {}, stats);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.employments.edges).toHaveLength(5);
    const person = await api.gql(`{ employments(first: 1) { edges { node { person { name } } } } }`, {}, stats);
    expect(person.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(person.data ?? null)).not.toMatch(/name/);
  });

  it('runs the same number of statements for 10 and 100 employments with nested relations', async () => {
    const query = `query($first: Int!) { employments(first: $first) { edges { node { monthlyWage channel { name } employer { name }
      person { name household { householdNumber } } } } } }`;
    const count = async (first: number) => {
      api.resetStatements();
      const result = await api.gql(query, { first }, admin);
      expect(result.errors).toBeUndefined();
      expect(result.data.employments.edges).toHaveLength(first);
      expect(result.data.employments.edges.some((e: any) => e.node.employer !== null)).toBe(true);
      return api.statements.length;
    };
    const small = await count(10);
    const large = await count(100);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(2);
  });
});

describe('employment mutations', () => {
  const CREATE = `mutation($input: CreateEmploymentInput!) { createEmployment(input: $input) { employment {
    id channelCode postName startDate endDate monthlyWage version active employer { id } person { id } } } }`;
  const UPDATE = `mutation($input: UpdateEmploymentInput!) { updateEmployment(input: $input) { employment { id channelCode monthlyWage endDate version employer { id } } } }`;
  const DELETE = `mutation($input: DeleteEmploymentInput!) { deleteEmployment(input: $input) { deletedId } }`;
  let person: { id: number };
  let outsider: { id: number };
  let cooperative: { id: number };
  let park: { id: number };
  let id = 0;

  const countFor = async (personId: number) =>
    Number((await sqlOne<{ n: string }>(`select count(*) as n from employment where person_id = $1`, [personId])).n);

  beforeAll(async () => {
    person = await sqlOne(
      `select p.id from person p join household h on h.id = p.household_id where h.village_code = $1 order by p.id limit 1`,
      [village1Code],
    );
    outsider = await sqlOne(
      `select p.id from person p join household h on h.id = p.household_id where h.township_code <> $1 order by p.id limit 1`,
      [township1Code],
    );
    cooperative = await sqlOne(`select id from business_entity where kind = 'COOPERATIVE' order by township_code = $1 desc, id limit 1`, [
      township1Code,
    ]);
    park = await sqlOne(`select id from business_entity where kind = 'INDUSTRIAL_PARK_BASE' order by id limit 1`);
  });

  const input = (extra: Record<string, unknown> = {}) => ({
    personId: globalId('Person', person.id),
    channel: 'HOME_BASED',
    startDate: '2024-03-01',
    monthlyWage: '1800.00',
    ...extra,
  });

  it('creates a direct-channel employment without an employer, and audits it', async () => {
    const result = await api.gql(CREATE, { input: input({ postName: '手工编织' }) }, village1);
    expect(result.errors).toBeUndefined();
    const node = result.data.createEmployment.employment;
    expect(node).toMatchObject({
      channelCode: 'HOME_BASED',
      postName: '手工编织',
      startDate: '2024-03-01',
      endDate: null,
      monthlyWage: '1800.00',
      version: 1,
      active: true,
      employer: null,
    });
    id = idOf(node.id);
    expect(
      await sqlOne(`select person_id, channel_code::text, employer_id, monthly_wage::text from employment where id = $1`, [id]),
    ).toEqual({
      person_id: person.id,
      channel_code: 'HOME_BASED',
      employer_id: null,
      monthly_wage: '1800.00',
    });
    const audit = await sql<{ action: string; username: string }>(
      `select a.action, u.username from audit_log a join app_user u on u.id = a.user_id where a.entity = 'Employment' and a.entity_id = $1`,
      [String(id)],
    );
    expect(audit).toEqual([{ action: 'CREATE', username: 'village1' }]);
  });

  it('creates an indirect-channel employment with an employer of the matching kind', async () => {
    const result = await api.gql(
      CREATE,
      { input: input({ channel: 'COOPERATIVE', employerId: globalId('BusinessEntity', cooperative.id), endDate: '2024-12-31' }) },
      admin,
    );
    expect(result.errors).toBeUndefined();
    const node = result.data.createEmployment.employment;
    expect(node).toMatchObject({ channelCode: 'COOPERATIVE', endDate: '2024-12-31', active: false });
    expect(await sqlOne(`select employer_id from employment where id = $1`, [idOf(node.id)])).toEqual({ employer_id: cooperative.id });
  });

  it('shows the employer only to viewers whose region contains it', async () => {
    const elsewhere = await sqlOne<{ id: number }>(
      `select id from business_entity where kind = 'INDUSTRIAL_PARK_BASE' and township_code <> $1 order by id limit 1`,
      [township1Code],
    );
    const result = await api.gql(
      CREATE,
      { input: input({ channel: 'INDUSTRIAL_PARK_BASE', employerId: globalId('BusinessEntity', elsewhere.id) }) },
      admin,
    );
    expect(result.errors).toBeUndefined();
    const node = result.data.createEmployment.employment;
    expect(idOf(node.employer.id)).toBe(elsewhere.id);
    const query = `query($id: ID!) { node(id: $id) { ... on Employment { channelCode employer { id } } } }`;
    for (const token of [township1, village1]) {
      const seen = await api.gql(query, { id: node.id }, token);
      expect(seen.errors).toBeUndefined();
      expect(seen.data.node).toEqual({ channelCode: 'INDUSTRIAL_PARK_BASE', employer: null });
    }
  });

  it('refuses employers that do not fit the channel, negative wages and reversed dates, writing nothing', async () => {
    const before = await countFor(person.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ channel: 'INDUSTRIAL_PARK_BASE', employerId: globalId('BusinessEntity', cooperative.id) }, 'employerId'],
      [{ channel: 'POVERTY_ALLEVIATION_FACTORY', employerId: globalId('BusinessEntity', park.id) }, 'employerId'],
      [{ channel: 'INDUSTRIAL_PARK_BASE' }, 'employerId'],
      [{ channel: 'PUBLIC_WELFARE_POST', employerId: globalId('BusinessEntity', park.id) }, 'employerId'],
      [{ channel: 'COOPERATIVE', employerId: globalId('BusinessEntity', 2_000_000_000) }, 'employerId'],
      [{ channel: 'COOPERATIVE', employerId: globalId('Household', 1) }, 'employerId'],
      [{ monthlyWage: '-1.00' }, 'monthlyWage'],
      [{ endDate: '2024-02-28' }, 'endDate'],
    ];
    for (const [extra, field] of cases) {
      const result = await api.gql(CREATE, { input: input(extra) }, admin);
      expect(result.errors?.[0]?.extensions, JSON.stringify(extra)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const notAPerson = await api.gql(CREATE, { input: input({ personId: globalId('Household', 1) }) }, admin);
    expect(notAPerson.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknownChannel = await api.gql(CREATE, { input: input({ channel: 'MINING' }) }, admin);
    expect(unknownChannel.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badDate = await api.gql(CREATE, { input: input({ startDate: '2024-02-30' }) }, admin);
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await countFor(person.id)).toBe(before);
  });

  it('refuses a person outside the region, and read-only roles, with FORBIDDEN', async () => {
    const before = await countFor(outsider.id);
    const outside = await api.gql(CREATE, { input: input({ personId: globalId('Person', outsider.id) }) }, township1);
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const token of [stats, await api.token('dept1')]) {
      const readOnly = await api.gql(CREATE, { input: input() }, token);
      expect(readOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await countFor(outsider.id)).toBe(before);
  });

  it('updates with the current version, refuses a stale one with CONFLICT and leaves the row unchanged', async () => {
    const gid = globalId('Employment', id);
    const ok = await api.gql(UPDATE, { input: { id: gid, version: 1, monthlyWage: '2100.50', endDate: '2025-01-31' } }, township1);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateEmployment.employment).toMatchObject({ monthlyWage: '2100.50', endDate: '2025-01-31', version: 2 });
    const stale = await api.gql(UPDATE, { input: { id: gid, version: 1, monthlyWage: '9.00' } }, township1);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await sqlOne(`select monthly_wage::text, end_date::text, version from employment where id = $1`, [id])).toEqual({
      monthly_wage: '2100.50',
      end_date: '2025-01-31',
      version: 2,
    });
    const audit = await sql(`select 1 from audit_log where entity = 'Employment' and entity_id = $1 and action = 'UPDATE'`, [String(id)]);
    expect(audit).toHaveLength(1);
  });

  it('checks the merged record on update: channel and employer together, dates, wage', async () => {
    const gid = globalId('Employment', id);
    const noEmployer = await api.gql(UPDATE, { input: { id: gid, version: 2, channel: 'COOPERATIVE' } }, admin);
    expect(noEmployer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'employerId' });
    const reversed = await api.gql(UPDATE, { input: { id: gid, version: 2, startDate: '2025-06-01' } }, admin);
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endDate' });
    const negative = await api.gql(UPDATE, { input: { id: gid, version: 2, monthlyWage: '-3.00' } }, admin);
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'monthlyWage' });
    expect(await sqlOne(`select channel_code::text, version from employment where id = $1`, [id])).toEqual({
      channel_code: 'HOME_BASED',
      version: 2,
    });
    const moved = await api.gql(
      UPDATE,
      { input: { id: gid, version: 2, channel: 'COOPERATIVE', employerId: globalId('BusinessEntity', cooperative.id) } },
      admin,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data.updateEmployment.employment).toMatchObject({ channelCode: 'COOPERATIVE', version: 3 });
    const back = await api.gql(UPDATE, { input: { id: gid, version: 3, channel: 'HOME_BASED', employerId: null } }, admin);
    expect(back.errors).toBeUndefined();
    expect(back.data.updateEmployment.employment).toMatchObject({ channelCode: 'HOME_BASED', employer: null, version: 4 });
  });

  it('refuses to touch records outside the region (NOT_FOUND)', async () => {
    const foreign = await sqlOne<{ id: number; version: number; monthly_wage: string }>(
      `select e.id, e.version, e.monthly_wage::text ${FROM} where h.township_code <> $1 order by e.id limit 1`,
      [township1Code],
    );
    const result = await api.gql(
      UPDATE,
      { input: { id: globalId('Employment', foreign.id), version: foreign.version, monthlyWage: '1.00' } },
      township1,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const removal = await api.gql(DELETE, { input: { id: globalId('Employment', foreign.id), version: foreign.version } }, township1);
    expect(removal.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await sqlOne(`select version, monthly_wage::text from employment where id = $1`, [foreign.id])).toEqual({
      version: foreign.version,
      monthly_wage: foreign.monthly_wage,
    });
  });

  it('deletes with the current version only, and audits the deletion', async () => {
    const gid = globalId('Employment', id);
    const stale = await api.gql(DELETE, { input: { id: gid, version: 1 } }, village1);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await sql(`select 1 from employment where id = $1`, [id])).toHaveLength(1);
    const ok = await api.gql(DELETE, { input: { id: gid, version: 4 } }, village1);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.deleteEmployment.deletedId).toBe(gid);
    expect(await sql(`select 1 from employment where id = $1`, [id])).toHaveLength(0);
    expect(
      await sql(`select 1 from audit_log where entity = 'Employment' and entity_id = $1 and action = 'DELETE'`, [String(id)]),
    ).toHaveLength(1);
  });
});
