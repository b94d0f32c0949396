// The whole platform (GraphQL, department uploads, Cube) on a real HTTP port over
// the file's database, with helpers that ask each of the three token checks the
// same question: is this token still accepted? Requests go through node:http so
// a test can pick its source address (127.0.0.2, … are loopback addresses too).
import http from 'node:http';
import { createPrisma, type PrismaClient } from '../../services/db.ts';
import { createServer } from '../../services/platform/server.ts';
import { mountPlatform } from '../../services/platform/mount.ts';
import { DEV_JWT_SECRET } from '../../services/platform/config.ts';
import { testDatabaseUrl } from '../support/database.ts';

export const PASSWORD = process.env.DEMO_PASSWORD || 'demo-password';
const LOGIN =
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt user { id username role regionCode canReadPersonalData } } }';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

export interface Platform {
  base: string;
  prisma: PrismaClient;
  /** Every SQL statement the platform's client ran since the last reset. */
  statements: string[];
  request(method: string, path: string, options?: { headers?: Record<string, string>; body?: string; from?: string }): Promise<Reply>;
  gql(query: string, variables?: Record<string, unknown>, token?: string | null, from?: string): Promise<Reply>;
  login(username: string, password?: string, from?: string): Promise<Reply>;
  /** A token from a successful login (throws otherwise). */
  token(username: string, password?: string): Promise<string>;
  /** How GraphQL, Cube and the upload route answer this token. */
  access(token: string): Promise<{ graphql: number; cube: number; upload: number }>;
  stop(): Promise<void>;
}

export async function startPlatform(): Promise<Platform> {
  process.env.CUBEJS_REFRESH_WORKER = 'false';
  const databaseUrl = testDatabaseUrl();
  const statements: string[] = [];
  const prisma = createPrisma(databaseUrl, { onQuery: (sql) => void statements.push(sql) });
  const server = createServer({ holdUntilReady: false });
  const mounted = await mountPlatform(server.app, {
    prisma,
    databaseUrl,
    jwtSecret: DEV_JWT_SECRET,
    introspection: false,
    production: false,
    log: () => {},
  });
  server.finalize();
  server.readiness.markReady();
  const { port } = await server.listen(0, '127.0.0.1');

  const request: Platform['request'] = (method, path, options = {}) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method, path, headers: options.headers, ...(options.from ? { localAddress: options.from } : {}) },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => {
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              /* not JSON: keep the text */
            }
            resolve({ status: res.statusCode!, headers: res.headers, body });
          });
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });

  const gql: Platform['gql'] = (query, variables = {}, token = null, from) =>
    request('POST', '/graphql', {
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      from,
    });

  const platform: Platform = {
    base: `http://127.0.0.1:${port}`,
    prisma,
    statements,
    request,
    gql,
    login: (username, password = PASSWORD, from) => gql(LOGIN, { u: username, p: password }, null, from),
    async token(username, password = PASSWORD) {
      const reply = await platform.login(username, password);
      const token = reply.body?.data?.login?.token;
      if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(reply.body)}`);
      return token;
    },
    async access(token) {
      const [graphql, cube, upload] = await Promise.all([
        gql('{ viewer { username } }', {}, token).then((r) => r.status),
        request('GET', '/cubejs-api/v1/meta', { headers: { authorization: token } }).then((r) => r.status),
        // Authenticated first, then refused for its parameters (400): nothing is imported.
        request('POST', '/api/department-imports?department=NOPE&kind=NOPE&fileName=x.csv', {
          headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
          body: 'a,b\n',
        }).then((r) => r.status),
      ]);
      return { graphql, cube, upload };
    },
    async stop() {
      await mounted.stop();
      await server.close();
      await prisma.$disconnect();
    },
  };
  return platform;
}

export const ACCEPTED = { graphql: 200, cube: 200, upload: 400 };
export const REFUSED = { graphql: 401, cube: 403, upload: 401 };
