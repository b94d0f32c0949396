// A test server with /graphql and the department-import router at /api (and a
// second router at /api-failing whose import fails midway), on an ephemeral port.
import type { AddressInfo } from 'node:net';
import { testDatabaseUrl } from '../support/database.ts';
import { createPrisma } from '../../services/db.ts';
import { createServer } from '../../services/platform/server.ts';
import { mountGraphQL } from '../../services/graphql/server.ts';
import { configureLogin } from '../../services/auth/login.ts';
import { DEV_JWT_SECRET } from '../../services/platform/config.ts';
import { departmentImportRouter } from '../../services/crosscheck/routes.ts';
import type { ImportHooks } from '../../services/crosscheck/importService.ts';
import { residentIdCheckChar } from '../../kernel/identifiers/index.ts';

export interface CrosscheckApi {
  base: string;
  gql(query: string, variables: Record<string, unknown>, token: string): Promise<any>;
  token(username: string): Promise<string>;
  upload(
    path: string,
    params: Record<string, string>,
    body: Buffer | string,
    contentType: string,
    token: string | null,
  ): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startCrosscheckApi(failingHooks: ImportHooks): Promise<CrosscheckApi> {
  const prisma = createPrisma(testDatabaseUrl());
  const server = createServer({ holdUntilReady: false });
  configureLogin(DEV_JWT_SECRET);
  const apollo = await mountGraphQL(server.app, { prisma, jwtSecret: DEV_JWT_SECRET, introspection: true });
  // The mount call the platform uses:
  server.app.use('/api', departmentImportRouter({ prisma, jwtSecret: DEV_JWT_SECRET }));
  server.app.use('/api-failing', departmentImportRouter({ prisma, jwtSecret: DEV_JWT_SECRET, hooks: failingHooks }));
  server.finalize();
  server.readiness.markReady();
  const address: AddressInfo = await server.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${address.port}`;
  const tokens = new Map<string, string>();
  const gql = async (query: string, variables: Record<string, unknown>, token: string | null): Promise<any> => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  return {
    base,
    gql,
    async token(username) {
      if (!tokens.has(username)) {
        const r: any = await gql(
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
          { u: username, p: process.env.DEMO_PASSWORD || 'demo-password' },
          null,
        );
        tokens.set(username, r.data.login.token);
      }
      return tokens.get(username)!;
    },
    async upload(path, params, body, contentType, token) {
      const response = await fetch(`${base}${path}?${new URLSearchParams(params)}`, {
        method: 'POST',
        headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      });
      return { status: response.status, body: await response.json() };
    },
    async close() {
      await apollo.stop();
      await server.close();
      await prisma.$disconnect();
    },
  };
}

/** A valid resident ID that no person has (a 2010 birth date and a high sequence). */
export function unknownId(n: number): string {
  const first17 = `341324201006${String(15 + (n % 10)).padStart(2, '0')}${String(900 + n).slice(-3)}`;
  return first17 + residentIdCheckChar(first17);
}

export const csv = (header: string[], rows: string[][]) => [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
