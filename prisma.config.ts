// Prisma 7 configuration, read by every Prisma CLI command (run them through
// `npm run prisma -- …`, i.e. prisma/cli.ts, which also works offline).
// Connection URLs live here, not in schema.prisma (Prisma 7).
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL?.trim();
const shadowDatabaseUrl = process.env.SHADOW_DATABASE_URL?.trim();

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Without DATABASE_URL there is no datasource: `generate` needs none, and the
  // commands that do (migrate, db) stop with "The datasource.url property is
  // required" instead of guessing a database. The server's embedded PostgreSQL
  // is migrated by the server itself (prisma/migrate.ts).
  ...(url ? { datasource: { url, ...(shadowDatabaseUrl ? { shadowDatabaseUrl } : {}) } } : {}),
});
