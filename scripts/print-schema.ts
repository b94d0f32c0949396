// npm run schema:print — rewrites /schema.graphql from the code.
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, printedSchema } from '../services/graphql/printSchema.ts';
import { terminal } from '../services/platform/terminal.ts';

writeFileSync(SCHEMA_FILE, printedSchema());
terminal.print(`wrote ${SCHEMA_FILE}`);
