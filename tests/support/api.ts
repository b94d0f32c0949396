// A real API server for tests: the platform's express app with /graphql mounted,
// on an ephemeral port, over the test database; every SQL statement is counted.
import type { AddressInfo } from 'node:net';
import { testDatabaseUrl } from './database.ts';
import { createPrisma } from '../../services/db.ts';
import { createServer } from '../../services/platform/server.ts';
import { mountGraphQL } from '../../services/graphql/server.ts';
import { configureLogin } from '../../services/auth/login.ts';
import { DEV_JWT_SECRET } from '../../services/platform/config.ts';

/** The session lookup of viewerFromToken: app_user with an EXISTS on user_session. */
const SESSION_LOOKUP = /FROM "public"\."app_user".*"public"\."user_session"/s;
/** The row-level-security settings run before each scoped statement (services/scopedDb.ts). */
const SCOPE_SETTING = /^SELECT set_config\('role', 'fanpin_viewer', true\)/;
/** Transaction control around each scoped statement: not data work either. */
const TRANSACTION_CONTROL = /^(BEGIN|COMMIT|ROLLBACK)\b/;

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'demo-password';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export interface TestApi {
  url: string;
  /** SQL statements that read or wrote data since the last `resetStatements()`. */
  statements: string[];
  /** How many times the viewer's row-level-security settings were applied in that time. */
  scopeSettings(): number;
  resetStatements(): void;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  token(username: string): Promise<string>;
  close(): Promise<void>;
}

export async function startApi(options: { introspection?: boolean } = {}): Promise<TestApi> {
  const statements: string[] = [];
  let scopeSettings = 0;
  // The token's session lookup (one statement per authenticated request, services/auth/token.ts)
  // is authentication, not the request's data work: it is left out of `statements`; so are the
  // row-level-security settings, counted on their own, and the COMMIT that ends each scoped statement.
  const prisma = createPrisma(testDatabaseUrl(), {
    onQuery: (sql) => {
      if (SCOPE_SETTING.test(sql)) scopeSettings += 1;
      else if (!SESSION_LOOKUP.test(sql) && !TRANSACTION_CONTROL.test(sql)) statements.push(sql);
    },
  });
  const server = createServer({ holdUntilReady: false });
  configureLogin(DEV_JWT_SECRET);
  const apollo = await mountGraphQL(server.app, { prisma, jwtSecret: DEV_JWT_SECRET, introspection: options.introspection ?? true });
  server.finalize();
  server.readiness.markReady();
  const address: AddressInfo = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}/graphql`;
  const tokens = new Map<string, string>();

  const gql: TestApi['gql'] = async (query, variables = {}, token = null) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse;
    return { ...body, status: response.status };
  };

  return {
    url,
    statements,
    scopeSettings: () => scopeSettings,
    resetStatements: () => {
      statements.splice(0);
      scopeSettings = 0;
    },
    gql,
    async token(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const result = await gql<{ login: { token: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: DEMO_PASSWORD },
      );
      const token = result.data?.login.token;
      if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(result.errors)}`);
      tokens.set(username, token);
      return token;
    },
    async close() {
      await apollo.stop();
      await server.close();
      await prisma.$disconnect();
    },
  };
}
