import { defineConfig } from 'vitest/config';
import PristineFirstSequencer from './tests/sequencer.ts';

export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) builds without an exports map:
  // Node loads the CJS one for Pothos and Apollo, so the tests must too, or the
  // schema's types come from "another realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    // Files share one loaded county; run them one at a time so counts stay exact.
    fileParallelism: false,
    sequence: { sequencer: PristineFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
