// @vitest-environment jsdom
// Unit tests of the console's data provider: how react-admin calls become Relay
// queries and input-object mutations, and how API errors come back. `fetch` is a
// fake that checks each exact document and variables and answers canned data.
import { beforeEach, describe, expect, it } from 'vitest';
import { HttpError } from 'react-admin';
import { createDataProvider } from '../../admin/src/data/dataProvider.ts';
import { createGraphQLClient } from '../../admin/src/data/graphql.ts';
import { specs } from '../../admin/src/data/specs/index.ts';

interface Expected {
  query: string;
  variables: Record<string, unknown>;
  status?: number;
  body: unknown;
}

let expected: Expected[] = [];
let sent: { query: string; variables: unknown; authorization: string | null }[] = [];

const fakeFetch = (async (url: string, init: RequestInit) => {
  expect(url).toBe('/graphql');
  const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
  const headers = init.headers as Record<string, string>;
  sent.push({ query: body.query, variables: body.variables, authorization: headers.authorization ?? null });
  const next = expected.shift();
  if (!next) throw new Error(`unexpected request: ${body.query} ${JSON.stringify(body.variables)}`);
  expect(body.query).toBe(next.query);
  expect(body.variables).toEqual(next.variables);
  return new Response(JSON.stringify(next.body), { status: next.status ?? 200, headers: { 'content-type': 'application/json' } });
}) as unknown as typeof fetch;

const provider = () =>
  createDataProvider({ specs, request: createGraphQLClient({ url: '/graphql', getToken: () => 'jwt-1', fetch: fakeFetch }) });

const expect200 = (query: string, variables: Record<string, unknown>, data: unknown) => expected.push({ query, variables, body: { data } });
const expectError = (query: string, variables: Record<string, unknown>, error: object, status = 200) =>
  expected.push({ query, variables, status, body: { errors: [error], data: null } });

const HOUSEHOLD_FIELDS =
  'householdNumber villageCode townshipCode village { id name township { id name } } address phone head { id name } ' +
  'registered registeredYear status liftedYear monitoringCategory monitoringSince riskEliminatedAt riskTypes version';
const HOUSEHOLD_ARGS =
  '($first: Int, $after: String, $filter: HouseholdFilter, $orderBy: HouseholdOrderBy) { ' +
  'households(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } ';
const HOUSEHOLDS_LIST = `query householdsList${HOUSEHOLD_ARGS}edges { cursor node { id ${HOUSEHOLD_FIELDS} } } } }`;
const HOUSEHOLDS_CURSORS = `query householdsCursors${HOUSEHOLD_ARGS}edges { cursor } } }`;
const HOUSEHOLDS_FROM_END =
  'query householdsCursorsFromEnd($last: Int, $before: String, $filter: HouseholdFilter, $orderBy: HouseholdOrderBy) { ' +
  'households(last: $last, before: $before, filter: $filter, orderBy: $orderBy) { totalCount edges { cursor } } }';

const ENTITY_FIELDS =
  'kind name creditCode legalRepresentative phone townshipCode villageCode township { id name } village { id name } ' +
  'address registeredCapital memberCount establishedAt industries { id code name } version';

const household = (n: number) => ({
  id: `H${n}`,
  householdNumber: `3413241002010${String(n).padStart(2, '0')}`,
  villageCode: '341324100201',
  townshipCode: '341324100',
  village: { id: 'V1', name: '一村', township: { id: 'T1', name: '泗城镇' } },
  address: '一村',
  phone: null,
  head: { id: `P${n}`, name: `户主${n}` },
  registered: true,
  registeredYear: 2014,
  status: 'LIFTED',
  liftedYear: 2016,
  monitoringCategory: null,
  monitoringSince: null,
  riskEliminatedAt: null,
  riskTypes: [],
  version: 3,
});

/** A canned connection over rows numbered `from`..`to` (cursor `c<n>`), `nodes: false` for cursor-only pages. */
const page = (from: number, to: number, total: number, nodes = true) => {
  const edges = [];
  for (let n = from; n <= to; n++) edges.push(nodes ? { cursor: `c${n}`, node: household(n) } : { cursor: `c${n}` });
  return { households: { totalCount: total, pageInfo: { hasNextPage: to < total, endCursor: edges.at(-1)?.cursor ?? null }, edges } };
};

const sortById = { field: 'id', order: 'ASC' as const };
const byId = { orderBy: { field: 'id', direction: 'ASC' } };

beforeEach(() => {
  expected = [];
  sent = [];
});

describe('lists', () => {
  it('maps filters, sorting and the first page to a Relay connection', async () => {
    expect200(
      HOUSEHOLDS_LIST,
      {
        first: 2,
        after: null,
        filter: { regionCode: '341324100201', status: 'LIFTED', monitoringCategory: 'EDGE', search: '张' },
        orderBy: { field: 'householdNumber', direction: 'DESC' },
      },
      page(1, 2, 5),
    );
    const result = await provider().getList('households', {
      pagination: { page: 1, perPage: 2 },
      sort: { field: 'householdNumber', order: 'DESC' },
      // The village narrows the township; empty values are not sent; q is the API's search.
      filter: {
        townshipCode: '341324100',
        villageCode: '341324100201',
        status: 'LIFTED',
        monitoringCategory: 'EDGE',
        q: '张',
        registered: '',
      },
    });
    expect(result.total).toBe(5);
    expect(result.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    expect(result.data[0]).toMatchObject({ id: 'H1', villageName: '一村', townshipName: '泗城镇', headName: '户主1', version: 3 });
    expect(sent[0]!.authorization).toBe('Bearer jwt-1');
    expect(expected).toHaveLength(0);
  });

  it('drops orderBy for a column the API cannot sort by', async () => {
    expect200(HOUSEHOLDS_LIST, { first: 10, after: null, filter: { regionCode: '341324100' } }, page(1, 1, 1));
    await provider().getList('households', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'address', order: 'ASC' },
      filter: { townshipCode: '341324100' },
    });
    expect(expected).toHaveLength(0);
  });

  it('serves the next page from the cursor cache', async () => {
    const dp = provider();
    expect200(HOUSEHOLDS_LIST, { first: 2, after: null, ...byId }, page(1, 2, 9));
    await dp.getList('households', { pagination: { page: 1, perPage: 2 }, sort: sortById, filter: {} });
    expect200(HOUSEHOLDS_LIST, { first: 2, after: 'c2', ...byId }, page(3, 4, 9));
    const second = await dp.getList('households', { pagination: { page: 2, perPage: 2 }, sort: sortById, filter: {} });
    expect(second.data.map((r) => r.id)).toEqual(['H3', 'H4']);
    expect(second.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
    // Back to page 1 and forward again: page 2's cursor is still known.
    expect200(HOUSEHOLDS_LIST, { first: 2, after: 'c2', ...byId }, page(3, 4, 9));
    await dp.getList('households', { pagination: { page: 2, perPage: 2 }, sort: sortById, filter: {} });
    expect(expected).toHaveLength(0);
  });

  it('jumps to a far page by skipping ahead with cursor-only queries of at most 100 rows', async () => {
    const dp = provider();
    // Page 4 of 60 rows per page starts after row 180: skip 100, then 80, then fetch.
    expect200(HOUSEHOLDS_CURSORS, { first: 100, after: null, ...byId }, page(1, 100, 250, false));
    expect200(HOUSEHOLDS_CURSORS, { first: 80, after: 'c100', ...byId }, page(101, 180, 250, false));
    expect200(HOUSEHOLDS_LIST, { first: 60, after: 'c180', ...byId }, page(181, 240, 250));
    const result = await dp.getList('households', { pagination: { page: 4, perPage: 60 }, sort: sortById, filter: {} });
    expect(result.data).toHaveLength(60);
    expect(result.data[0]!.id).toBe('H181');
    expect(result.total).toBe(250);
    // Page 3 (after row 120) needs no skipping now.
    expect200(HOUSEHOLDS_LIST, { first: 60, after: 'c120', ...byId }, page(121, 180, 250));
    await dp.getList('households', { pagination: { page: 3, perPage: 60 }, sort: sortById, filter: {} });
    expect(expected).toHaveLength(0);
  });

  it('reaches the last pages from the end with last/before', async () => {
    const dp = provider();
    expect200(HOUSEHOLDS_LIST, { first: 60, after: null, ...byId }, page(1, 60, 250));
    await dp.getList('households', { pagination: { page: 1, perPage: 60 }, sort: sortById, filter: {} });
    // Page 5 starts after row 240: 11 rows from the end give its cursor; then the page itself.
    expect200(HOUSEHOLDS_FROM_END, { last: 11, before: null, ...byId }, page(240, 250, 250, false));
    expect200(HOUSEHOLDS_LIST, { first: 60, after: 'c240', ...byId }, page(241, 250, 250));
    const last = await dp.getList('households', { pagination: { page: 5, perPage: 60 }, sort: sortById, filter: {} });
    expect(last.data.map((r) => r.id)).toEqual(['H241', 'H242', 'H243', 'H244', 'H245', 'H246', 'H247', 'H248', 'H249', 'H250']);
    // Page 4 (after row 180) walks back from row 240, whose cursor is known now.
    expect200(HOUSEHOLDS_FROM_END, { last: 60, before: 'c240', ...byId }, page(180, 239, 250, false));
    expect200(HOUSEHOLDS_LIST, { first: 60, after: 'c180', ...byId }, page(181, 240, 250));
    await dp.getList('households', { pagination: { page: 4, perPage: 60 }, sort: sortById, filter: {} });
    expect(expected).toHaveLength(0);
  });

  it('learns the total first for a deep link into a long list', async () => {
    expect200(HOUSEHOLDS_CURSORS, { first: 1, after: null }, page(1, 1, 12500, false));
    expect200(HOUSEHOLDS_FROM_END, { last: 26, before: null }, page(12475, 12500, 12500, false));
    expect200(HOUSEHOLDS_LIST, { first: 25, after: 'c12475' }, page(12476, 12500, 12500));
    const result = await provider().getList('households', {
      pagination: { page: 500, perPage: 25 },
      sort: { field: '', order: 'ASC' },
      filter: {},
    });
    expect(result.data).toHaveLength(25);
    expect(result.data[0]!.id).toBe('H12476');
    expect(expected).toHaveLength(0);
  });

  it('fetches a page larger than 100 rows in several requests', async () => {
    expect200(HOUSEHOLDS_LIST, { first: 100, after: null }, page(1, 100, 150));
    expect200(HOUSEHOLDS_LIST, { first: 100, after: 'c100' }, page(101, 150, 150));
    const result = await provider().getList('households', {
      pagination: { page: 1, perPage: 200 },
      sort: { field: '', order: 'ASC' },
      filter: {},
    });
    expect(result.data).toHaveLength(150);
    expect(result.pageInfo?.hasNextPage).toBe(false);
  });

  it('walks again when a cached cursor has gone stale', async () => {
    const dp = provider();
    expect200(HOUSEHOLDS_LIST, { first: 2, after: null, ...byId }, page(1, 2, 9));
    await dp.getList('households', { pagination: { page: 1, perPage: 2 }, sort: sortById, filter: {} });
    // Row 2 was deleted by someone else: its cursor finds nothing although rows remain.
    expect200(
      HOUSEHOLDS_LIST,
      { first: 2, after: 'c2', ...byId },
      { households: { totalCount: 8, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
    );
    expect200(HOUSEHOLDS_CURSORS, { first: 2, after: null, ...byId }, page(1, 2, 8, false));
    expect200(HOUSEHOLDS_LIST, { first: 2, after: 'c2', ...byId }, page(3, 4, 8));
    const result = await dp.getList('households', { pagination: { page: 2, perPage: 2 }, sort: sortById, filter: {} });
    expect(result.data.map((r) => r.id)).toEqual(['H3', 'H4']);
    expect(expected).toHaveLength(0);
  });

  it('fixes the kind of a business-entity list and maps its region filter', async () => {
    const query =
      'query businessEntitiesList($first: Int, $after: String, $filter: BusinessEntityFilter, $orderBy: BusinessEntityOrderBy) { ' +
      'businessEntities(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } ' +
      `edges { cursor node { id ${ENTITY_FIELDS} } } } }`;
    expect200(
      query,
      {
        first: 25,
        after: null,
        filter: { regionCode: '341324100', search: '合作社', kind: 'COOPERATIVE' },
        orderBy: { field: 'registeredCapital', direction: 'DESC' },
      },
      { businessEntities: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
    );
    const result = await provider().getList('cooperatives', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'registeredCapital', order: 'DESC' },
      filter: { townshipCode: '341324100', q: '合作社' },
    });
    expect(result).toMatchObject({ data: [], total: 0 });
  });

  it('lists a reference target through the API filter (villages of a township)', async () => {
    const query =
      'query villagesList($first: Int, $after: String, $filter: VillageFilter, $orderBy: VillageOrderBy) { ' +
      'villages(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } ' +
      'edges { cursor node { id code name kind formerlyPoor exitYear township { id code name } } } } }';
    expect200(
      query,
      { first: 50, after: null, filter: { regionCode: '341324100' }, orderBy: { field: 'code', direction: 'ASC' } },
      {
        villages: {
          totalCount: 1,
          pageInfo: { hasNextPage: false, endCursor: 'v1' },
          edges: [
            {
              cursor: 'v1',
              node: {
                id: 'V1',
                code: '341324100201',
                name: '一村',
                kind: 'VILLAGE',
                formerlyPoor: true,
                exitYear: 2017,
                township: { id: 'T1', code: '341324100', name: '泗城镇' },
              },
            },
          ],
        },
      },
    );
    const result = await provider().getManyReference('villages', {
      target: 'townshipCode',
      id: '341324100',
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'code', order: 'ASC' },
      filter: {},
    });
    expect(result.data[0]).toMatchObject({ code: '341324100201', townshipCode: '341324100', townshipName: '泗城镇' });
  });

  it('exports every page, 100 rows at a time', async () => {
    expect200(HOUSEHOLDS_LIST, { first: 100, after: null, filter: { status: 'LIFTED' } }, page(1, 100, 130));
    expect200(HOUSEHOLDS_LIST, { first: 100, after: 'c100', filter: { status: 'LIFTED' } }, page(101, 130, 130));
    const progress: number[] = [];
    const all = await provider().getAll('households', { filter: { status: 'LIFTED' } }, (n) => progress.push(n));
    expect(all).toHaveLength(130);
    expect(progress).toEqual([100, 130]);
  });
});

describe('single records', () => {
  const NODE = (fields: string) => `query HouseholdNode($id: ID!) { node(id: $id) { __typename id ... on Household { ${fields} } } }`;
  const DETAIL =
    'members { id name idNumber gender birthDate birthYear relation laborCapacity health schooling deceasedAt version } ' +
    'incomeRecords { id year members wageIncome businessIncome propertyIncome transferIncome productionExpenses netIncome perCapitaNetIncome }';

  it('reads one record with node(id) and many with nodes(ids)', async () => {
    const dp = provider();
    expect200(
      NODE(`${HOUSEHOLD_FIELDS} ${DETAIL}`),
      { id: 'H1' },
      { node: { __typename: 'Household', ...household(1), members: [], incomeRecords: [] } },
    );
    const one = await dp.getOne('households', { id: 'H1' });
    expect(one.data).toMatchObject({ id: 'H1', version: 3, villageName: '一村' });

    expect200(
      `query HouseholdNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Household { ${HOUSEHOLD_FIELDS} } } }`,
      { ids: ['H1', 'H2', 'X'] },
      {
        nodes: [{ __typename: 'Household', ...household(1) }, { __typename: 'Household', ...household(2) }, null],
      },
    );
    const many = await dp.getMany('households', { ids: ['H1', 'H2', 'X'] });
    expect(many.data.map((r) => r.id)).toEqual(['H1', 'H2']);
  });

  it('answers NOT_FOUND for a node that is absent or of another type', async () => {
    expect200(NODE(`${HOUSEHOLD_FIELDS} ${DETAIL}`), { id: 'H404' }, { node: null });
    const error = await provider()
      .getOne('households', { id: 'H404' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });
});

describe('writes', () => {
  const CREATE_ENTITY = `mutation createBusinessEntity($input: CreateBusinessEntityInput!) { createBusinessEntity(input: $input) { businessEntity { id ${ENTITY_FIELDS} } } }`;
  const UPDATE_HOUSEHOLD = `mutation updateHousehold($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { household { id ${HOUSEHOLD_FIELDS} } } }`;
  const DELETE_ENTITY =
    'mutation deleteBusinessEntity($input: DeleteBusinessEntityInput!) { deleteBusinessEntity(input: $input) { deletedId } }';
  const entity = {
    id: 'E1',
    kind: 'COOPERATIVE',
    name: '泗县一村种植合作社',
    creditCode: '93341324MA2N0000X1',
    version: 1,
    industries: [],
  };

  it('creates with the input object: kind fixed, codes uppercased, money as decimal strings', async () => {
    expect200(
      CREATE_ENTITY,
      {
        input: {
          kind: 'COOPERATIVE',
          name: '泗县一村种植合作社',
          creditCode: '93341324MA2N0000X1',
          legalRepresentative: '张三',
          phone: null,
          townshipCode: '341324100',
          villageCode: '341324100201',
          address: '一村',
          registeredCapital: '500000.00',
          memberCount: 12,
          establishedAt: '2018-03-01',
          industryIds: ['I1'],
        },
      },
      { createBusinessEntity: { businessEntity: entity } },
    );
    const result = await provider().create('cooperatives', {
      data: {
        name: '泗县一村种植合作社',
        creditCode: ' 93341324ma2n0000x1 ',
        legalRepresentative: '张三',
        phone: '',
        townshipCode: '341324100',
        villageCode: '341324100201',
        address: '一村',
        registeredCapital: 500000,
        memberCount: '12',
        establishedAt: '2018-03-01',
        industryIds: ['I1'],
        notAnInputField: 'dropped',
      },
    });
    expect(result.data).toMatchObject({ id: 'E1', industryIds: [] });
  });

  it('updates with id, version and only the changed fields', async () => {
    const before = { ...household(1), id: 'H1' };
    expect200(
      UPDATE_HOUSEHOLD,
      { input: { id: 'H1', version: 3, address: '二村', monitoringCategory: 'EDGE' } },
      {
        updateHousehold: { household: { ...before, address: '二村', monitoringCategory: 'EDGE', version: 4 } },
      },
    );
    const result = await provider().update('households', {
      id: 'H1',
      previousData: before,
      data: { ...before, address: '二村', monitoringCategory: 'EDGE' },
    });
    expect(result.data).toMatchObject({ address: '二村', version: 4 });
  });

  it('deletes with the version it was shown', async () => {
    expect200(DELETE_ENTITY, { input: { id: 'E1', version: 1 } }, { deleteBusinessEntity: { deletedId: 'E1' } });
    const result = await provider().delete('cooperatives', { id: 'E1', previousData: entity });
    expect(result.data).toMatchObject({ id: 'E1' });
  });

  it('turns a stale version into a CONFLICT HttpError (409)', async () => {
    const before = { ...household(1) };
    expectError(
      UPDATE_HOUSEHOLD,
      { input: { id: 'H1', version: 3, phone: '13800000000' } },
      {
        message: '住户已被他人修改，请刷新后重试 (the record was changed by someone else; reload and retry)',
        extensions: { code: 'CONFLICT' },
      },
    );
    const error = await provider()
      .update('households', { id: 'H1', previousData: before, data: { ...before, phone: '13800000000' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });

  it('turns BAD_USER_INPUT with a field into a form error on that field', async () => {
    expectError(
      CREATE_ENTITY,
      { input: { kind: 'COOPERATIVE', name: 'x', creditCode: '93341324MA2N0000X2' } },
      {
        message: 'creditCode: 统一社会信用代码校验位错误，应为 1',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.creditCode' },
      },
      400,
    );
    const error = await provider()
      .create('cooperatives', { data: { name: 'x', creditCode: '93341324MA2N0000X2' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      message: 'creditCode: 统一社会信用代码校验位错误，应为 1',
      body: { code: 'BAD_USER_INPUT', field: 'creditCode', errors: { creditCode: '统一社会信用代码校验位错误，应为 1' } },
    });
  });

  it('reports an expired token as UNAUTHENTICATED (401)', async () => {
    expectError(
      HOUSEHOLDS_LIST,
      { first: 25, after: null },
      {
        message: '登录已过期，请重新登录 (token expired)',
        extensions: { code: 'UNAUTHENTICATED', reason: 'expired' },
      },
      401,
    );
    const error = await provider()
      .getList('households', { pagination: { page: 1, perPage: 25 }, sort: { field: '', order: 'ASC' }, filter: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses an update without a version instead of overwriting blindly', async () => {
    const error = await provider()
      .update('households', { id: 'H1', previousData: { id: 'H1' }, data: { address: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'version' } });
    expect(sent).toHaveLength(0);
  });
});
