import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, printedSchema } from '../../services/graphql/printSchema.ts';

describe('schema.graphql', () => {
  it('is the printed schema of the code (run `npm run schema:print` after changing types)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('keeps the contract names', () => {
    const sdl = printedSchema();
    for (const name of [
      'node(id: ID!): Node',
      'nodes(ids: [ID!]!): [Node]!',
      'login(password: String!, username: String!): LoginPayload!',
      'viewer: Viewer!',
      'townships(',
      'villages(',
      'households(',
      'persons(',
      'industries(',
      'businessEntities(',
      'cooperatives(',
      'enterprises(',
      'benefitLinkageContracts(',
      'villageCollectiveIncomes(',
      'employments(',
      'employmentChannels: [EmploymentChannel!]!',
      'scalar Decimal',
    ]) {
      expect(sdl, name).toContain(name);
    }
  });
});
