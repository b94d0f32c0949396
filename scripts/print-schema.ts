// npm run schema:print — rewrites /schema.graphql from the code.
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, printedSchema } from '../services/graphql/printSchema.ts';

writeFileSync(SCHEMA_FILE, printedSchema());
console.log(`wrote ${SCHEMA_FILE}`);
