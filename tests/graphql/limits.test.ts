// Abusive queries are refused before any resolver runs, with a coded error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startApi();
  admin = await api.token('admin');
});
afterAll(() => api.close());

async function refusedBeforeExecution(query: string, variables: Record<string, unknown> = {}) {
  api.resetStatements();
  const result = await api.gql(query, variables, admin);
  expect(api.statements).toHaveLength(0);
  return result;
}

describe('abuse limits', () => {
  it('refuses a deeply nested query', async () => {
    const deep = `{ households(first: 1) { edges { node { village { township { villages(first: 1) { edges { node {
      households(first: 1) { edges { node { village { township { villages(first: 1) { edges { node { code } } } } } } } } } } } } } } } } }`;
    const result = await refusedBeforeExecution(deep);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth' });
  });

  it('refuses an alias flood', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: viewer { username }`).join('\n');
    const result = await refusedBeforeExecution(`{ ${aliases} }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'aliases' });
  });

  it('refuses a huge page, given inline or as a variable', async () => {
    const inline = await refusedBeforeExecution(`{ households(first: 100000) { totalCount } }`);
    expect(inline.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const variable = await refusedBeforeExecution(`query($n: Int!) { villages(last: $n) { totalCount } }`, { n: 500 });
    expect(variable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
  });

  it('refuses nodes(ids:) beyond a page, given inline or as a variable', async () => {
    const id = Buffer.from('Household:1').toString('base64');
    const inline = await refusedBeforeExecution(`{ nodes(ids: [${Array.from({ length: 101 }, () => `"${id}"`).join(', ')}]) { id } }`);
    expect(inline.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const variable = await refusedBeforeExecution(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 500 }, () => id),
    });
    expect(variable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect(variable.status).toBe(400);
  });

  it('refuses a giant document', async () => {
    const padding = ' '.repeat(100_000);
    const result = await api.gql(`{ viewer { username } }${padding}`, {}, admin);
    expect(result.status).toBe(413);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses batched operations', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify([{ query: '{ viewer { username } }' }, { query: '{ viewer { username } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('keeps CSRF prevention on (a simple request without a preflight header is refused)', async () => {
    const response = await fetch(`${api.url}?query=${encodeURIComponent('{ viewer { username } }')}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(400);
  });

  it('masks internal errors and never leaks SQL or stacks', async () => {
    const result = await api.gql(`{ households(first: 1, filter: { regionCode: "12" }) { totalCount } }`, {}, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+|SELECT|stacktrace/i);
  });
});
