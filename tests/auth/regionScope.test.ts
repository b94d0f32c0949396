// The region scope, proved from the printed schema. For every role, a user scoped
// to one township (a village cadre: one village) walks every list of the Query
// type and every relation reachable from it, three objects deep, as generated
// from schema.graphql; every node that comes back is checked against an
// independent SQL rule (the household's region, not the copies the database
// keeps). Then `nodes(ids:)` is asked for records outside the scope. A type in
// the schema without a rule here, or a table without row-level security that is
// not declared global, fails the test: a new type or table must say its scope.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSchema,
  getNamedType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { startApi, DEMO_PASSWORD, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne, sqlPool } from '../support/sql.ts';
import { hashPassword } from '../../kernel/password.ts';
import { ROLES, type Role } from '../../kernel/policy.ts';
import { REPO_ROOT } from '../../services/platform/config.ts';

interface Viewer {
  id: number;
  role: Role;
  region: string;
  department: string | null;
}
/** One row of a rule: the record's key (as in its global id) and what decides its visibility. */
interface RuleRow {
  key: string;
  code: string;
  department?: string | null;
  alert_codes?: string[] | null;
}
type Visibility = (row: RuleRow, viewer: Viewer) => boolean;
interface Rule {
  /** SQL returning `key` and `code` (and what `visible` reads) for every record of the type. */
  sql: string;
  visible?: Visibility;
}

const inRegion: Visibility = (row, v) => row.code.startsWith(v.region);
const household = (table: string, alias = 't') =>
  `SELECT ${alias}.id::text AS key, h.village_code AS code FROM ${table} ${alias} JOIN household h ON h.id = ${alias}.household_id`;

/** Node types and where their region comes from. */
const NODE_RULES: Record<string, Rule | 'GLOBAL'> = {
  Household: { sql: `SELECT id::text AS key, village_code AS code FROM household` },
  Person: { sql: household('person') },
  IncomeRecord: { sql: household('income_record') },
  BenefitLinkageContract: { sql: household('benefit_linkage_contract') },
  Warning: { sql: household('warning') },
  RiskPoint: { sql: household('risk_point') },
  MonitoringCase: { sql: household('monitoring_case') },
  AssistancePlan: { sql: household('assistance_plan') },
  Visit: { sql: household('visit') },
  AssistanceMeasure: {
    sql: `SELECT m.id::text AS key, h.village_code AS code FROM assistance_measure m JOIN assistance_plan p ON p.id = m.plan_id JOIN household h ON h.id = p.household_id`,
  },
  Employment: {
    sql: `SELECT e.id::text AS key, h.village_code AS code FROM employment e JOIN person p ON p.id = e.person_id JOIN household h ON h.id = p.household_id`,
  },
  BusinessEntity: { sql: `SELECT id::text AS key, coalesce(village_code, township_code) AS code FROM business_entity` },
  // A village cadre sees its own township (to navigate), not the others.
  Township: {
    sql: `SELECT code AS key, code FROM township`,
    visible: (row, v) => row.code.startsWith(v.region) || v.region.startsWith(row.code),
  },
  Village: { sql: `SELECT code AS key, code FROM village` },
  VillageCollectiveIncome: { sql: `SELECT id::text AS key, village_code AS code FROM village_collective_income` },
  Alert: {
    sql: `SELECT a.id::text AS key, coalesce(h.village_code, a.village_code, a.township_code, a.county_code) AS code, i.department::text AS department
            FROM alert a LEFT JOIN household h ON h.id = a.household_id
            LEFT JOIN department_record r ON r.id = a.record_id LEFT JOIN department_import i ON i.id = r.import_id`,
    visible: (row, v) => inRegion(row, v) && (v.role !== 'DEPARTMENT_USER' || row.department === v.department),
  },
  DepartmentImport: {
    sql: `SELECT i.id::text AS key, '' AS code, i.department::text AS department,
            (SELECT array_agg(coalesce(h.village_code, a.village_code, a.township_code, a.county_code)) FROM department_record r
               JOIN alert a ON a.record_id = r.id LEFT JOIN household h ON h.id = a.household_id WHERE r.import_id = i.id) AS alert_codes
            FROM department_import i`,
    visible: (row, v) =>
      v.role === 'COUNTY_ADMIN' ||
      (v.role === 'DEPARTMENT_USER' && row.department === v.department) ||
      (v.role !== 'DEPARTMENT_USER' && (row.alert_codes ?? []).some((code) => code.startsWith(v.region))),
  },
  // Users are read when their region contains the viewer's too (who approved, who imported).
  User: {
    sql: `SELECT id::text AS key, region_code AS code FROM app_user`,
    visible: (row, v) => row.code.startsWith(v.region) || v.region.startsWith(row.code) || row.key === String(v.id),
  },
  Industry: 'GLOBAL',
  EmploymentChannel: 'GLOBAL',
  ScreeningRule: 'GLOBAL',
};

/** Object types that are not nodes: parts of the node they hang off, or the API's own plumbing. */
const PART_OF_PARENT = new Set([
  'Cadre',
  'CaseActor',
  'CaseStep',
  'CaseTransition',
  'ContractPayout',
  'CrosscheckUser',
  'DepartmentImportReport',
  'GradingRule',
  'ImportBadRow',
  'ImportProgress',
  'ScreeningReport',
  'Viewer',
  'VisitAspectResult',
  'WarningLevelCount',
]);
const isPlumbing = (name: string) =>
  /(Connection|ConnectionEdge|Payload)$/.test(name) || ['Query', 'Mutation', 'PageInfo', 'DeletePayload'].includes(name);

/** Tables outside the region scope, on purpose. Any other table must have row-level security. */
const GLOBAL_TABLES = new Set([
  '_prisma_migrations',
  'industry',
  'employment_channel',
  'screening_rule',
  'audit_log',
  'dataset_info',
  // Authentication works before there is a viewer (services/auth): only the unscoped client reads these.
  'user_session',
  'login_throttle',
]);

const schema: GraphQLSchema = buildSchema(readFileSync(`${REPO_ROOT}/schema.graphql`, 'utf8'));
const OBJECT_DEPTH = 3;
/** The API refuses queries deeper than 10 levels. */
const MAX_DEPTH = 10;
const PAGE = 3;

/** A field's arguments when the walk can supply them (pages, a year); null when it cannot. */
function argumentsOf(field: GraphQLField<unknown, unknown>): string | null {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (arg.name === 'first') parts.push(`first: ${PAGE}`);
    else if (arg.name === 'year') parts.push('year: 2020');
    else if (isNonNullType(arg.type)) return null;
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

const isConnection = (type: GraphQLObjectType) => type.name.endsWith('Connection');
const nodeOf = (connection: GraphQLObjectType) =>
  getNamedType((getNamedType(connection.getFields().edges!.type) as GraphQLObjectType).getFields().node!.type) as GraphQLObjectType;
/** Levels a selection of `type` needs before its own fields: a connection's edges and node. */
const wrapper = (type: GraphQLObjectType) => (isConnection(type) ? 2 : 0);

/** The object fields of `type` the walk can follow (arguments it can supply). */
function relations(type: GraphQLObjectType): { field: GraphQLField<unknown, unknown>; target: GraphQLObjectType; args: string }[] {
  return Object.values(type.getFields()).flatMap((field) => {
    const target = getNamedType(field.type);
    const args = argumentsOf(field);
    return isObjectType(target) && args !== null ? [{ field, target, args }] : [];
  });
}

/** The selection of `type` whose fields sit at `level`, following relations `objects` deep within the depth limit. */
function selection(type: GraphQLObjectType, objects: number, level: number, only?: string): string {
  if (isConnection(type)) return `edges { node { ${selection(nodeOf(type), objects, level + 2, only)} } }`;
  const parts = ['__typename'];
  if (type.getFields().id) parts.push('id');
  if (objects === 0) return parts.join(' ');
  for (const { field, target, args } of relations(type)) {
    if (only && field.name !== only) continue;
    if (level + 1 + wrapper(target) > MAX_DEPTH) continue;
    parts.push(`${field.name}${args} { ${selection(target, objects - 1, level + 1)} }`);
  }
  return parts.join(' ');
}

/**
 * Queries reaching every relation from every list or object of Query: one per
 * root field and relation of its records, so each stays inside the API's limits.
 */
function walkQueries(): { name: string; queries: string[] }[] {
  const queries: { name: string; queries: string[] }[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const named = getNamedType(field.type);
    if (!isObjectType(named)) continue;
    const args = argumentsOf(field);
    if (args === null) continue;
    const record = isConnection(named) ? nodeOf(named) : named;
    const root = (inner: string) => `{ ${field.name}${args} { ${inner} } }`;
    queries.push({ name: field.name, queries: [root(selection(named, 0, 2))] });
    for (const { field: relation } of relations(record)) {
      // Deepest first; a shallower walk where the API's cost limit refuses the deeper one.
      const depths = Array.from({ length: OBJECT_DEPTH }, (_, i) => OBJECT_DEPTH - i);
      queries.push({
        name: `${field.name}.${relation.name}`,
        queries: depths.map((depth) => root(selection(named, depth, 2, relation.name))),
      });
    }
  }
  return queries;
}

/** Every `{ __typename, id }` of a node type in a response. */
function collectNodes(value: unknown, into: Map<string, Set<string>>): void {
  if (Array.isArray(value)) return value.forEach((v) => collectNodes(v, into));
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const type = record.__typename;
  if (typeof type === 'string' && typeof record.id === 'string' && type in NODE_RULES) {
    const [prefix, key] = Buffer.from(record.id, 'base64').toString().split(':');
    if (prefix === type && key) (into.get(type) ?? into.set(type, new Set()).get(type)!).add(key);
  }
  for (const child of Object.values(record)) collectNodes(child, into);
}

async function ruleRows(type: string, keys?: string[]): Promise<RuleRow[]> {
  const rule = NODE_RULES[type];
  if (!rule || rule === 'GLOBAL') return [];
  const where = keys ? ` WHERE r.key = ANY($1)` : '';
  return sql<RuleRow>(`SELECT * FROM (${rule.sql}) r${where}`, keys ? [keys] : []);
}

const visibleTo = (type: string, row: RuleRow, viewer: Viewer) => {
  const rule = NODE_RULES[type] as Rule;
  return (rule.visible ?? inRegion)(row, viewer);
};

let api: TestApi;
const users = new Map<Role, { viewer: Viewer; token: string }>();
const suffix = Date.now().toString(36);
let township: string;
let village: string;

async function createUser(role: Role, region: string, username: string): Promise<{ viewer: Viewer; token: string }> {
  const department = role === 'DEPARTMENT_USER' ? 'CIVIL_AFFAIRS' : null;
  const { id } = await sqlOne<{ id: number }>(
    `insert into app_user (username, display_name, password_hash, role, region_code, can_read_personal_data, department)
     values ($1, $2, $3, $4, $5, true, $6) returning id`,
    [username, `范围 ${role}`, await hashPassword(DEMO_PASSWORD), role, region, department],
  );
  return { viewer: { id, role, region, department }, token: await api.token(username) };
}

/** Walks the whole schema as `user`; returns what came back outside the scope, and the coded errors other than refusals. */
async function walk(user: { viewer: Viewer; token: string }) {
  const seen = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const { name, queries } of walkQueries()) {
    let result = await api.gql(queries[0]!, {}, user.token);
    for (const shallower of queries.slice(1)) {
      if (!result.errors?.some((e) => e.extensions?.limit)) break;
      result = await api.gql(shallower, {}, user.token);
    }
    for (const error of result.errors ?? []) {
      // Refusals by role are expected (a statistician reads no persons); anything else is a bug.
      if (error.extensions?.code !== 'FORBIDDEN')
        problems.push(`${name}: ${error.extensions?.code} ${error.message} at ${error.path?.join('.')}`);
    }
    collectNodes(result.data, seen);
  }
  const leaks: string[] = [];
  for (const [type, keys] of seen) {
    for (const row of await ruleRows(type, [...keys])) {
      if (!visibleTo(type, row, user.viewer)) leaks.push(`${type}:${row.key} (${row.code})`);
    }
  }
  return { leaks, problems, seen };
}

/** Asks `nodes(ids:)` for up to `n` records of each node type outside the viewer's scope; returns those it answered. */
async function probeOutside(user: { viewer: Viewer; token: string }, types = Object.keys(NODE_RULES), n = 5) {
  const answered: string[] = [];
  for (const type of types) {
    const outside = (await ruleRows(type)).filter((row) => !visibleTo(type, row, user.viewer)).slice(0, n);
    if (outside.length === 0) continue;
    const ids = outside.map((row) => globalId(type, row.key));
    const result = await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids }, user.token);
    for (const node of result.data?.nodes ?? []) if (node) answered.push(`${node.__typename}:${Buffer.from(node.id, 'base64').toString()}`);
  }
  return answered;
}

beforeAll(async () => {
  api = await startApi();
  const chosen = await sqlOne<{ township: string; village: string }>(
    `select t.code as township, (select h.village_code from household h where h.township_code = t.code group by 1 order by count(*) desc limit 1) as village
       from township t order by t.code offset 1 limit 1`,
  );
  ({ township, village } = chosen);
  for (const role of ROLES) {
    users.set(role, await createUser(role, role === 'VILLAGE_CADRE' ? village : township, `scope_${role.toLowerCase()}_${suffix}`));
  }
});

afterAll(async () => {
  await api?.close();
  await closeSql();
});

describe('every type and table says its scope', () => {
  it('classifies every object type of schema.graphql', () => {
    const unclassified = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .map((type) => type.name)
      .filter((name) => !(name in NODE_RULES) && !PART_OF_PARENT.has(name) && !isPlumbing(name));
    expect(unclassified, 'add a rule to NODE_RULES (or PART_OF_PARENT) for each new type').toEqual([]);
    const nodes = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'));
    expect(nodes.map((t) => t.name).filter((name) => !(name in NODE_RULES))).toEqual([]);
  });

  it('puts every table under row-level security, or declares it global', async () => {
    const tables = await sql<{ name: string; rls: boolean; policies: number }>(
      `select c.relname as name, c.relrowsecurity as rls, (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
         from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`,
    );
    expect(tables.filter((t) => !GLOBAL_TABLES.has(t.name) && (!t.rls || t.policies === 0)).map((t) => t.name)).toEqual([]);
    expect(tables.filter((t) => GLOBAL_TABLES.has(t.name) && t.rls).map((t) => t.name)).toEqual([]);
  });

  it('derives every region_code in the database, and the generated county wrote the same ones', async () => {
    // The loader writes region_code itself and skips the triggers (prisma/seed/derivedRegions.ts):
    // on a sample of each table, the database's own trigger must derive the same code again.
    const tables = await sql<{ name: string; triggered: boolean }>(
      `select c.table_name as name, exists (select 1 from pg_trigger t where t.tgrelid = c.table_name::regclass and t.tgname = 'region_from_parent') as triggered
         from information_schema.columns c where c.table_schema = 'public' and c.column_name = 'region_code'
           and c.table_name not in ('app_user', 'region_pledge') order by 1`, // there, region_code is the record's own
    );
    expect(tables.filter((t) => !t.triggered).map((t) => t.name)).toEqual([]);
    const client = await sqlPool().connect();
    try {
      for (const { name } of tables) {
        await client.query('BEGIN');
        const { rows } = await client.query<{ old: string; new: string }>(
          `with s as (select ctid as c, region_code as old from "${name}" limit 300)
           update "${name}" t set region_code = '' from s where t.ctid = s.c returning s.old, t.region_code as new`,
        );
        await client.query('ROLLBACK');
        expect(
          rows.filter((r) => r.old !== r.new),
          name,
        ).toEqual([]);
      }
    } finally {
      client.release();
    }
  });
});

/** A walk is about 150 requests: minutes on a busy machine. */
const WALK_TIMEOUT = 600_000;

describe.each(ROLES)('as %s scoped to one township (a village cadre: one village)', (role) => {
  it(
    'reaches nothing outside the scope through any list or relation, and meets no error but refusals',
    { timeout: WALK_TIMEOUT },
    async () => {
      const { leaks, problems, seen } = await walk(users.get(role)!);
      expect(leaks).toEqual([]);
      expect(problems).toEqual([]);
      // The walk saw something: households for those who read them, at least the viewer's own region for all.
      expect(seen.size).toBeGreaterThan(0);
    },
  );

  it('answers null for records outside the scope by node id', async () => {
    expect(await probeOutside(users.get(role)!)).toEqual([]);
  });
});

describe('derived records follow their household', () => {
  it('makes a household that moved away unreachable, with everything hanging off it', { timeout: WALK_TIMEOUT }, async () => {
    // A household of the scoped township with members, incomes, a contract, a visit and a case if it has them.
    const moved = await sqlOne<{ id: number }>(
      `select h.id from household h where h.township_code = $1
         and exists (select 1 from benefit_linkage_contract c where c.household_id = h.id)
       order by (select count(*) from visit v where v.household_id = h.id) + (select count(*) from monitoring_case m where m.household_id = h.id) desc, h.id limit 1`,
      [township],
    );
    const officer = users.get('TOWNSHIP_OFFICER')!;
    const derived = async () =>
      sql<{ type: string; key: string }>(
        `select 'Person' as type, id::text as key from person where household_id = $1
         union all select 'IncomeRecord', id::text from income_record where household_id = $1
         union all select 'BenefitLinkageContract', id::text from benefit_linkage_contract where household_id = $1
         union all select 'Visit', id::text from visit where household_id = $1
         union all select 'MonitoringCase', id::text from monitoring_case where household_id = $1
         union all select 'Warning', id::text from warning where household_id = $1
         union all select 'Household', id::text from household where id = $1`,
        [moved.id],
      );
    const records = await derived();
    const ask = async (token: string) =>
      (
        await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: records.map((r) => globalId(r.type, r.key)) }, token)
      ).data.nodes.filter(Boolean).length;
    expect(await ask(officer.token)).toBe(records.length);

    // The county administrator moves it to a village of another township, through the API.
    const target = await sqlOne<{ code: string }>(`select code from village where township_code <> $1 order by code limit 1`, [township]);
    const admin = await api.token('admin');
    const version = (await sqlOne<{ version: number }>(`select version from household where id = $1`, [moved.id])).version;
    const update = await api.gql(
      `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { household { villageCode } } }`,
      { input: { id: globalId('Household', moved.id), version, villageCode: target.code } },
      admin,
    );
    expect(update.errors).toBeUndefined();

    expect(await ask(officer.token)).toBe(0);
    // The copies the database keeps followed the household.
    const stale = await sql(
      `select 'person' from person where household_id = $1 and region_code <> $2
       union all select 'case' from monitoring_case where household_id = $1 and village_code <> $2
       union all select 'contract' from benefit_linkage_contract where household_id = $1 and region_code <> $2
       union all select 'payout' from contract_payout p join benefit_linkage_contract c on c.id = p.contract_id where c.household_id = $1 and p.region_code <> $2`,
      [moved.id, target.code],
    );
    expect(stale).toEqual([]);
    // A walk as the officer still finds nothing outside the township.
    expect((await walk(officer)).leaks).toEqual([]);
  });
});

describe('the test itself', () => {
  it('finds the leak when one table loses its policy', async () => {
    const cadre = users.get('VILLAGE_CADRE')!;
    await sql(`alter table person disable row level security`);
    try {
      const answered = await probeOutside(cadre, ['Person']);
      expect(answered.length).toBeGreaterThan(0);
    } finally {
      await sql(`alter table person enable row level security`);
    }
    expect(await probeOutside(cadre, ['Person'])).toEqual([]);
  });
});
