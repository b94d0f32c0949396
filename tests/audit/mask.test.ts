// A mask that holds: for every role, with and without the personal-data flag,
// through every path that reaches a Person (read from the printed schema, so a
// new path or field is covered or fails here), a masked viewer cannot rebuild
// the hidden digits of an ID number or a phone from what else it reads, cannot
// confirm guesses through filters, ordering or updates, and an unmasked read is
// still audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isLeafType, isObjectType, type GraphQLEnumType, type GraphQLObjectType } from 'graphql';
import { schema } from '../../services/graphql/schema.ts';
import { residentIdCheckChar } from '../../kernel/identifiers/index.ts';
import { hashPassword } from '../../kernel/password.ts';
import { DEMO_PASSWORD, startApi, type TestApi } from '../support/api.ts';
import { globalId, sql, sqlOne } from '../support/sql.ts';

const ROLES = ['COUNTY_ADMIN', 'TOWNSHIP_OFFICER', 'VILLAGE_CADRE', 'DEPARTMENT_USER'] as const;
type Role = (typeof ROLES)[number] | 'STATISTICIAN';
interface Viewer {
  role: Role;
  reveal: boolean;
  token: string;
  username: string;
}
interface Truth {
  id: number;
  id_number: string;
  birth_date: string;
  phone: string | null;
  disability_certificate: string | null;
}

/** Every (type, field) whose value is a Person: each must be walked below. */
const PERSON_PATHS = [
  'Alert.person',
  'AssistanceMeasure.person',
  'Employment.person',
  'Household.head',
  'Household.members',
  'PersonPayload.person',
  'QueryPersonsConnectionEdge.node',
];
/** Orderings that cannot rank hidden digits; any other must be refused to masked viewers. */
const SAFE_ORDERINGS = ['id', 'name'];

const personType = schema.getType('Person') as GraphQLObjectType;
/** Every leaf field of Person without required arguments: what a viewer can select. */
const LEAVES = Object.values(personType.getFields())
  .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => a.type.toString().slice(-1) !== '!'))
  .map((f) => f.name);
const PERSON = `id ${LEAVES.join(' ')}`;

let api: TestApi;
let village: { code: string; township: string };
const viewers: Viewer[] = [];
const suffix = Date.now().toString(36);

beforeAll(async () => {
  api = await startApi();
  // A village whose persons include ID-based disability certificates and phones.
  village = await sqlOne(
    `select h.village_code as code, h.township_code as township from person p join household h on h.id = p.household_id
      where length(p.disability_certificate) = 20 and p.phone is not null group by 1, 2 order by count(*) desc, 1 limit 1`,
  );
  const hash = await hashPassword(DEMO_PASSWORD);
  const region: Record<Role, string> = {
    COUNTY_ADMIN: village.code.slice(0, 6),
    TOWNSHIP_OFFICER: village.township,
    VILLAGE_CADRE: village.code,
    DEPARTMENT_USER: village.code.slice(0, 6),
    STATISTICIAN: village.code.slice(0, 6),
  };
  const all: [Role, boolean][] = [
    ...ROLES.flatMap(
      (r) =>
        [
          [r, true],
          [r, false],
        ] as [Role, boolean][],
    ),
    ['STATISTICIAN', false],
  ];
  for (const [role, reveal] of all) {
    const username = `mask_${role.toLowerCase()}_${reveal ? 'r' : 'm'}_${suffix}`;
    await sql(
      `insert into app_user (username, display_name, password_hash, role, region_code, can_read_personal_data, department)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [username, `脱敏 ${role}`, hash, role, region[role], reveal, role === 'DEPARTMENT_USER' ? 'CIVIL_AFFAIRS' : null],
    );
    viewers.push({ role, reveal, username, token: await api.token(username) });
  }
});

afterAll(async () => {
  await api?.close();
});

const decode = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);

async function truths(ids: number[]): Promise<Map<number, Truth>> {
  const rows = await sql<Truth>(
    `select id, id_number, to_char(birth_date, 'YYYY-MM-DD') as birth_date, phone, disability_certificate from person where id = any($1::int[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The IDs consistent with what a masked viewer read: each day of the birth year (and age), then the check character. */
function candidates(p: Record<string, any>): string[] {
  const masked = String(p.idNumber);
  const out: string[] = [];
  for (let d = new Date(Date.UTC(p.birthYear, 0, 1)); d.getUTCFullYear() === p.birthYear; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    if (p.birthDate != null && p.birthDate !== iso) continue;
    const first17 = masked.slice(0, 6) + iso.replace(/-/g, '') + masked.slice(14, 17);
    if (residentIdCheckChar(first17) === masked[17]) out.push(first17 + masked[17]);
  }
  return out;
}

/** What one viewer read about persons must not rebuild any hidden value (masked) or must be the truth (unmasked). */
async function check(viewer: Viewer, persons: Record<string, any>[]): Promise<void> {
  const truth = await truths(persons.map((p) => decode(p.id)));
  for (const p of persons) {
    const t = truth.get(decode(p.id))!;
    if (viewer.reveal) {
      expect(p.idNumber).toBe(t.id_number);
      expect(p.birthDate).toBe(t.birth_date);
      expect(p.disabilityCertificate).toBe(t.disability_certificate);
      continue;
    }
    const seen = JSON.stringify(p);
    expect(p.idNumber).toBe(`${t.id_number.slice(0, 6)}********${t.id_number.slice(14)}`);
    for (const hidden of [t.id_number, t.id_number.slice(6, 14), t.birth_date, t.phone, t.disability_certificate]) {
      if (hidden) expect(seen, `${viewer.username} rebuilt ${hidden}`).not.toContain(hidden);
    }
    expect(p.birthDate).toBeNull();
    expect(p.age).toBeNull();
    expect(p.birthYear).toBe(Number(t.birth_date.slice(0, 4)));
    const left = candidates(p);
    expect(left).toContain(t.id_number);
    expect(left.length, `${viewer.username}: ID of person ${t.id} narrowed to ${left.length}`).toBeGreaterThanOrEqual(10);
    if (t.phone) expect(p.phone).toBe(`${t.phone.slice(0, 3)}${'*'.repeat(t.phone.length - 7)}${t.phone.slice(-4)}`);
  }
}

const nodesOf = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node);

/** Each path to a Person, as one query returning the persons it reached. */
const PATHS: Record<string, (v: Viewer) => Promise<Record<string, any>[]>> = {
  'QueryPersonsConnectionEdge.node': async (v) => {
    const r = await api.gql(
      `query($r: String) { persons(first: 100, filter: { regionCode: $r }) { edges { node { ${PERSON} } } } }`,
      { r: village.code },
      v.token,
    );
    expect(r.errors).toBeUndefined();
    return nodesOf(r.data.persons);
  },
  'Household.members': async (v) => {
    const q = (field: string) =>
      `query($r: String) { households(first: 30, filter: { regionCode: $r }) { edges { node { ${field} { ${PERSON} } } } } }`;
    const [members, heads] = await Promise.all([
      api.gql(q('members'), { r: village.code }, v.token),
      api.gql(q('head'), { r: village.code }, v.token),
    ]);
    expect(members.errors).toBeUndefined();
    expect(heads.errors).toBeUndefined();
    return [
      ...nodesOf(members.data.households).flatMap((h) => h.members),
      ...nodesOf(heads.data.households).flatMap((h) => (h.head ? [h.head] : [])),
    ];
  },
  'Alert.person': async (v) => {
    const r = await api.gql(`{ alerts(first: 50) { edges { node { person { ${PERSON} } } } } }`, {}, v.token);
    if (r.errors?.[0]?.extensions?.code === 'FORBIDDEN') return [];
    expect(r.errors).toBeUndefined();
    return nodesOf(r.data.alerts).flatMap((a) => (a.person ? [a.person] : []));
  },
  'Employment.person': async (v) => {
    const r = await api.gql(`{ employments(first: 50) { edges { node { person { ${PERSON} } } } } }`, {}, v.token);
    if (r.errors?.[0]?.extensions?.code === 'FORBIDDEN') return [];
    expect(r.errors).toBeUndefined();
    return nodesOf(r.data.employments)
      .map((e) => e.person)
      .filter(Boolean);
  },
  'AssistanceMeasure.person': async (v) => {
    const r = await api.gql(`{ assistancePlans(first: 50) { edges { node { measures { person { ${PERSON} } } } } } }`, {}, v.token);
    if (r.errors?.[0]?.extensions?.code === 'FORBIDDEN') return [];
    expect(r.errors).toBeUndefined();
    return nodesOf(r.data.assistancePlans).flatMap((p) => p.measures.map((m: any) => m.person).filter(Boolean));
  },
  'Query.node': async (v) => {
    const ids = (
      await sql<{ id: number }>(
        `select p.id from person p join household h on h.id = p.household_id where h.village_code = $1 order by p.id limit 20`,
        [village.code],
      )
    ).map((p) => globalId('Person', p.id));
    const r = await api.gql(
      `query($ids: [ID!]!, $one: ID!) { nodes(ids: $ids) { ... on Person { ${PERSON} } } node(id: $one) { ... on Person { ${PERSON} } } }`,
      { ids, one: ids[0] },
      v.token,
    );
    expect(r.errors).toBeUndefined();
    return [...r.data.nodes, r.data.node].filter(Boolean);
  },
};

describe('the schema', () => {
  it('reaches Person only through the paths this file walks', () => {
    const found: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields()))
        if (getNamedType(field.type).name === 'Person') found.push(`${type.name}.${field.name}`);
    }
    expect(found.sort()).toEqual([...PERSON_PATHS].sort());
    expect(LEAVES).toEqual(expect.arrayContaining(['idNumber', 'birthDate', 'birthYear', 'age', 'phone', 'disabilityCertificate']));
  });
});

describe.each(
  ROLES.flatMap((role) => [
    { role, reveal: true },
    { role, reveal: false },
  ]),
)('$role, personal data $reveal', ({ role, reveal }) => {
  const viewer = () => viewers.find((v) => v.role === role && v.reveal === reveal)!;

  it('reads every Person field on every path without rebuilding a masked value', async () => {
    let reached = 0;
    for (const [path, read] of Object.entries(PATHS)) {
      const persons = await read(viewer());
      if (path === 'QueryPersonsConnectionEdge.node') expect(persons.length).toBeGreaterThan(0);
      await check(viewer(), persons);
      reached += persons.length;
    }
    expect(reached).toBeGreaterThan(0);
  });

  it('finds a person by full ID number only with the permission', async () => {
    const person = await sqlOne<{ id_number: string }>(
      `select p.id_number from person p join household h on h.id = p.household_id where h.village_code = $1 order by p.id limit 1`,
      [village.code],
    );
    const r = await api.gql(
      `query($s: String) { persons(first: 5, filter: { search: $s }) { totalCount edges { node { id } } } }`,
      { s: person.id_number },
      viewer().token,
    );
    if (reveal) {
      expect(r.data.persons.totalCount).toBe(1);
    } else {
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'filter.search' });
      expect(r.data?.persons ?? null).toBeNull();
    }
    // A name search stays open to everyone who reads persons.
    const byName = await api.gql(`{ persons(first: 1, filter: { search: "张" }) { totalCount } }`, {}, viewer().token);
    expect(byName.errors).toBeUndefined();
  });

  it('orders by hidden digits only with the permission', async () => {
    const orderings = (schema.getType('PersonOrderByField') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(orderings).toContain('birthDate');
    for (const field of orderings) {
      const r = await api.gql(
        `query($f: PersonOrderByField!) { persons(first: 5, orderBy: { field: $f, direction: ASC }) { edges { node { id } } } }`,
        { f: field },
        viewer().token,
      );
      if (reveal || SAFE_ORDERINGS.includes(field)) expect(r.errors, `${field}`).toBeUndefined();
      else expect(r.errors?.[0]?.extensions?.code, `${field}`).toBe('FORBIDDEN');
    }
  });
});

describe('writes', () => {
  const UPDATE = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { ${PERSON} } } }`;

  it('refuses a lone birth date from a masked writer, which would confirm a guess', async () => {
    const p = await sqlOne<{ id: number; version: number; birth_date: string }>(
      `select p.id, p.version, to_char(p.birth_date, 'YYYY-MM-DD') as birth_date from person p join household h on h.id = p.household_id
        where h.village_code = $1 order by p.id limit 1`,
      [village.code],
    );
    const masked = viewers.find((v) => v.role === 'VILLAGE_CADRE' && !v.reveal)!;
    for (const guess of [p.birth_date, '1900-01-01']) {
      const r = await api.gql(UPDATE, { input: { id: globalId('Person', p.id), version: p.version, birthDate: guess } }, masked.token);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'birthDate' });
    }
    // The same viewer's other edits return the person masked.
    const ok = await api.gql(UPDATE, { input: { id: globalId('Person', p.id), version: p.version, pensionInsurance: true } }, masked.token);
    expect(ok.errors).toBeUndefined();
    await check(masked, [ok.data.updatePerson.person]);
    // With the permission a wrong date is an ordinary input error.
    const revealing = viewers.find((v) => v.role === 'VILLAGE_CADRE' && v.reveal)!;
    const wrong = await api.gql(
      UPDATE,
      { input: { id: globalId('Person', p.id), version: p.version + 1, birthDate: '1900-01-01' } },
      revealing.token,
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('statisticians', () => {
  it('read no persons at all', async () => {
    const stats = viewers.find((v) => v.role === 'STATISTICIAN')!;
    const r = await api.gql(`{ persons(first: 1) { totalCount } }`, {}, stats.token);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the audit', () => {
  it('writes one READ_PERSONAL_DATA row per person whose birth date, age or certificate was read unmasked, and none when masked', async () => {
    const person = await sqlOne<{ id: number }>(
      `select p.id from person p join household h on h.id = p.household_id where h.village_code = $1 and length(p.disability_certificate) = 20 order by p.id limit 1`,
      [village.code],
    );
    const count = async (username: string) =>
      (
        await sqlOne<{ n: number }>(
          `select count(*)::int as n from audit_log a join app_user u on u.id = a.user_id
          where u.username = $1 and a.action = 'READ_PERSONAL_DATA' and a.entity = 'Person' and a.entity_id = $2`,
          [username, String(person.id)],
        )
      ).n;
    for (const field of ['birthDate', 'disabilityCertificate', 'age']) {
      for (const viewer of viewers.filter((v) => v.role === 'TOWNSHIP_OFFICER')) {
        const before = await count(viewer.username);
        const r = await api.gql(
          `query($id: ID!) { node(id: $id) { ... on Person { ${field} } } }`,
          { id: globalId('Person', person.id) },
          viewer.token,
        );
        expect(r.errors).toBeUndefined();
        // The audit row is written before the response is sent.
        expect(await count(viewer.username), `${field} read by ${viewer.username}`).toBe(before + (viewer.reveal ? 1 : 0));
      }
    }
  });
});
