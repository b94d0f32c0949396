// The production start guard: the real server (services/main.ts) refuses to
// start under NODE_ENV=production while any user at all still has the default
// password, not only the five demo users; once none has it, the check passes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '../../services/db.ts';
import { refuseDefaultPasswords, usersWithDefaultPassword } from '../../services/auth/demoUsers.ts';
import { hashPassword } from '../../kernel/password.ts';
import { testDatabaseUrl } from '../support/database.ts';
import { startRealServer } from '../support/realServer.ts';
import { sql } from '../support/sql.ts';

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters', CUBEJS_REFRESH_WORKER: 'false' };
let prisma: PrismaClient;

beforeAll(() => {
  prisma = createPrisma(testDatabaseUrl(), { poolSize: 2 });
});

afterAll(async () => {
  await prisma?.$disconnect();
});

it('refuses to start while any user has the default password; passes once none has', async () => {
  // A user the old guard never looked at: inactive, and not one of the five demo names.
  const hash = await hashPassword('demo-password');
  await sql(
    `insert into app_user (username, display_name, password_hash, role, region_code, active) values ('guard_extra', '停用', $1, 'STATISTICIAN', '341324', false)`,
    [hash],
  );
  const weak = await usersWithDefaultPassword(prisma);
  expect(weak).toContain('guard_extra');
  expect(weak).toContain('township16');
  expect(weak.length).toBeGreaterThan(5);

  // The real server exits early with the one sentence (tsx compiles the server first: slow on a busy machine).
  const refused = await startRealServer(testDatabaseUrl(), PRODUCTION, 300_000).then(
    async (server) => {
      await server.stop();
      return null;
    },
    (error: Error) => error.message,
  );
  expect(refused).toMatch(/^server exited early/);
  expect(refused).toMatch(
    new RegExp(
      `${weak.length} users still have the default password \\(admin, dept1, guard_extra, stats, township1 and ${weak.length - 5} more\\)`,
    ),
  );

  // Once no user has it, the same check lets the start go on.
  const strong = await hashPassword('a-strong-production-password');
  await sql('update app_user set password_hash = $1 where username = any($2)', [strong, weak]);
  expect(await usersWithDefaultPassword(prisma)).toEqual([]);
  await expect(refuseDefaultPasswords(prisma)).resolves.toBeUndefined();
}, 400_000);
