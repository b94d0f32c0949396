// Everything the platform serves besides /healthz, mounted on one express app:
// the GraphQL API, department uploads, Cube and the console. The server
// (services/main.ts) and the end-to-end tests mount exactly the same things.
import type { Express } from 'express';
import type { PrismaClient } from '../db.ts';
import { mountGraphQL } from '../graphql/server.ts';
import { configureLogin } from '../auth/login.ts';
import { departmentImportRouter } from '../crosscheck/routes.ts';
import { mountCube } from '../analytics/cube.ts';
import { mountConsole } from '../console/console.ts';

export interface PlatformOptions {
  prisma: PrismaClient;
  databaseUrl: string;
  jwtSecret: string;
  introspection: boolean;
  production: boolean;
  log: (line: string) => void;
}

/** Mounts the platform's routes; `stop()` releases Cube's drivers and Apollo. */
export async function mountPlatform(app: Express, options: PlatformOptions): Promise<{ stop(): Promise<void> }> {
  const { prisma, databaseUrl, jwtSecret, log } = options;
  configureLogin(jwtSecret);
  const graphql = await mountGraphQL(app, { prisma, jwtSecret, introspection: options.introspection, ide: !options.production });
  log(
    `GraphQL API: /graphql (${options.production ? 'no IDE' : 'IDE in the browser at the same address'}; introspection ${options.introspection ? 'on' : 'off'})`,
  );
  app.use('/api', departmentImportRouter({ prisma, jwtSecret }));
  log('部门数据导入 / department imports: POST /api/department-imports');
  const cube = await mountCube(app, { databaseUrl, prisma, jwtSecret, production: options.production, log });
  log('Cube 指标 / indicators: /cubejs-api/v1/load, /v1/meta, /v1/sql, /cubejs-api/graphql');
  mountConsole(app);
  log('管理控制台 / console: /admin/');
  return {
    async stop() {
      await cube.shutdown();
      await graphql.stop();
    },
  };
}
