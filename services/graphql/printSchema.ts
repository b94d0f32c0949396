// The printed schema, the front-end teams' contract: /schema.graphql.
import { printSchema } from 'graphql';
import { fileURLToPath } from 'node:url';
import { schema } from './schema.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}
