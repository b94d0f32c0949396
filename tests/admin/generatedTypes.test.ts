// The console's types are generated from schema.graphql (npm run admin:types,
// also run by npm run schema:print): a contract change without regenerating
// them fails here, before the console compiles against an old API.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, TYPES_FILE, consoleTypes } from '../../scripts/console-types.ts';

describe('generated console types', () => {
  it('match schema.graphql (run `npm run admin:types` when this fails)', () => {
    expect(fs.readFileSync(TYPES_FILE, 'utf8')).toBe(consoleTypes(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  });

  it('turn enums into value lists and nullable fields into `| null`', () => {
    const ts = consoleTypes(
      'enum Level { RED YELLOW }\ntype Query { level: Level!, note: String, codes(first: Int): [String!]! }\ninput I { a: Int!, b: String }',
    );
    expect(ts).toContain("export const LevelValues = ['RED', 'YELLOW'] as const;");
    expect(ts).toContain('  level: Level;\n  note: string | null;\n  codes: Array<string>;');
    expect(ts).toContain('  a: number;\n  b?: string | null;');
  });
});
