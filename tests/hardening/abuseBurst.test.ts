// The limits themselves are covered in tests/graphql/limits.test.ts; this proves
// the server keeps serving ordinary queries correctly while a burst of abusive
// requests (deep, alias floods, huge pages, giant bodies, batches) hits it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type GraphQLResponse, type TestApi } from '../support/api.ts';
import { closeSql, sqlOne } from '../support/sql.ts';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startApi();
  admin = await api.token('admin');
});
afterAll(async () => {
  await api?.close();
  await closeSql();
});

const deep = `{ households(first: 1) { edges { node { village { township { villages(first: 1) { edges { node {
  households(first: 1) { edges { node { village { township { villages(first: 1) { edges { node { code } } } } } } } } } } } } } } } } }`;
const aliases = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: viewer { username }`).join(' ')} }`;

/** One abusive request of kind `i % 6`; resolves to [HTTP status, error code, whether data came back]. */
async function abusive(url: string, i: number): Promise<[number, string | undefined, boolean]> {
  const post = (body: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body });
  const bodies = [
    JSON.stringify({ query: deep }),
    JSON.stringify({ query: aliases }),
    JSON.stringify({ query: `{ households(first: 1000000) { totalCount edges { node { id } } } }` }),
    JSON.stringify({ query: `{ viewer { username } }${' '.repeat(200_000)}` }),
    JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ households(first: 100) { totalCount } }' }))),
    JSON.stringify({ query: `query($n: Int!) { persons(first: $n) { totalCount } }`, variables: { n: 2 ** 31 - 1 } }),
  ];
  const response = await post(bodies[i % bodies.length]!);
  const body = (await response.json().catch(() => ({}))) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return [response.status, body.errors?.[0]?.extensions?.code, body.data != null];
}

describe('abusive burst alongside normal traffic', () => {
  it('refuses 300 abusive requests with codes while 100 normal queries all return correct data', async () => {
    const expected = await sqlOne<{ households: string; villages: string }>(
      `select (select count(*) from household) as households, (select count(*) from village) as villages`,
    );
    const normalQuery = `{ viewer { username } households(first: 5, orderBy: { field: id, direction: ASC }) { totalCount edges { node { id } } } villages(first: 3) { totalCount } }`;
    const abuse: Promise<[number, string | undefined, boolean]>[] = [];
    const normal: Promise<{ ms: number; result: GraphQLResponse<any> }>[] = [];
    // Interleave: 3 abusive requests for every normal one, all in flight together.
    for (let i = 0; i < 100; i++) {
      for (let k = 0; k < 3; k++) abuse.push(abusive(api.url, i * 3 + k));
      const t0 = Date.now();
      normal.push(api.gql(normalQuery, {}, admin).then((result) => ({ ms: Date.now() - t0, result })));
    }
    const [abuseResults, normalResults] = await Promise.all([Promise.all(abuse), Promise.all(normal)]);

    for (const [status, code, data] of abuseResults) {
      // Refused before execution: no data, a coded error (a batch may get a bare 400).
      expect(data).toBe(false);
      expect(status).toBeLessThan(500);
      if (status === 200 || code) expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST']).toContain(code);
      else expect(status).toBe(400);
    }
    const firstIds = normalResults[0]!.result.data?.households.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(firstIds).toHaveLength(5);
    for (const { result } of normalResults) {
      expect(result.errors).toBeUndefined();
      expect(result.data.viewer.username).toBe('admin');
      expect(result.data.households.totalCount).toBe(Number(expected.households));
      expect(result.data.villages.totalCount).toBe(Number(expected.villages));
      expect(result.data.households.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(firstIds);
    }
    // How fast is for npm run bench (the rules keep timing out of tests): here, every normal
    // query answered correctly while the abuse was refused, which is the behaviour that matters.
  });
});
