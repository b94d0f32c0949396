import { defineConfig } from 'vitest/config';

// Pure tests (identifiers, parsing, rules, the console's data layer): no
// database, no global setup. Every other file is an integration test with a
// database of its own (tests/fileSetup.ts). Add a file here when it needs none.
const UNIT_TESTS = [
  'tests/kernel/**/*.test.ts',
  'tests/identifiers/**/*.test.ts',
  'tests/crosscheck/parse.test.ts',
  'tests/analytics/nativeFallback.test.ts',
  'tests/graphql/schema.test.ts',
  'tests/platform/server.test.ts',
  'tests/audit/exports.test.ts',
  'tests/platform/noBareConsole.test.ts',
  'tests/auth/unscopedClient.test.ts',
  'tests/admin/{console,dataProvider,generatedTypes,i18n,monitoring,schemaContract}.test.ts',
];

export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) builds without an exports map:
  // Node loads the CJS one for Pothos and Apollo, so the tests must too, or the
  // schema's types come from "another realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // expect.poll waits on state; its 1 s default is too short for a busy machine.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    pool: 'forks',
    maxWorkers: 3,
    // The servers the tests start log only errors unless LOG_LEVEL says otherwise.
    env: { LOG_LEVEL: process.env.LOG_LEVEL || 'error' },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: UNIT_TESTS,
          globalSetup: ['tests/globalSetup.ts'],
          setupFiles: ['tests/fileSetup.ts'],
        },
      },
    ],
  },
});
