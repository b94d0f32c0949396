// npm run admin:types — writes the console's TypeScript types from the API's
// printed contract (schema.graphql): its enums, objects, interfaces and inputs.
// The console imports these and the kernel, nothing of the server;
// tests/admin/generatedTypes.test.ts fails when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLUnionType,
  buildSchema,
  type GraphQLType,
} from 'graphql';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));
export const TYPES_FILE = fileURLToPath(new URL('../admin/src/generated/schema.ts', import.meta.url));

// Decimal and dates travel as strings (kernel/money.ts, kernel/dates.ts); ids are opaque strings.
const SCALARS: Record<string, string> = { ID: 'string', String: 'string', Int: 'number', Float: 'number', Boolean: 'boolean' };

function tsType(type: GraphQLType, nullable = true): string {
  if (type instanceof GraphQLNonNull) return tsType(type.ofType, false);
  const inner =
    type instanceof GraphQLList
      ? `Array<${tsType(type.ofType)}>`
      : type instanceof GraphQLScalarType
        ? (SCALARS[type.name] ?? 'string')
        : type.name;
  return nullable ? `${inner} | null` : inner;
}

const doc = (text: string | null | undefined, indent = '') =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '';

/** The console's types for one printed schema. */
export function consoleTypes(sdl: string): string {
  const schema = buildSchema(sdl);
  const types = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const out = ['// Generated from schema.graphql by `npm run admin:types`. Do not edit.', ''];
  for (const type of types) {
    if (type instanceof GraphQLEnumType) {
      const values = type.getValues().map((v) => `'${v.name}'`);
      out.push(`${doc(type.description)}export const ${type.name}Values = [${values.join(', ')}] as const;`);
      out.push(`export type ${type.name} = (typeof ${type.name}Values)[number];`, '');
    } else if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType) {
      const fields = Object.values(type.getFields()).map((f) => `${doc(f.description, '  ')}  ${f.name}: ${tsType(f.type)};`);
      out.push(`${doc(type.description)}export interface ${type.name} {`, ...fields, '}', '');
    } else if (type instanceof GraphQLInputObjectType) {
      const fields = Object.values(type.getFields()).map((f) => {
        const required = f.type instanceof GraphQLNonNull;
        return `${doc(f.description, '  ')}  ${f.name}${required ? '' : '?'}: ${tsType(f.type)};`;
      });
      out.push(`${doc(type.description)}export interface ${type.name} {`, ...fields, '}', '');
    } else if (type instanceof GraphQLUnionType) {
      out.push(
        `export type ${type.name} = ${type
          .getTypes()
          .map((t) => t.name)
          .join(' | ')};`,
        '',
      );
    }
  }
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(TYPES_FILE, consoleTypes(readFileSync(SCHEMA_FILE, 'utf8')));
  process.stdout.write(`wrote ${TYPES_FILE}\n`);
}
