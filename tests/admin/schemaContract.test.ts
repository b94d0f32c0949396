// The console's GraphQL documents against the API's contract, /schema.graphql
// (written by `npm run schema:print`): every list, node, mutation and
// hand-written document must validate, and every filter key and input field a
// resource map sends must exist with that name. No server, no introspection.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GraphQLEnumType, GraphQLInputObjectType, buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { specs } from '../../admin/src/data/specs/index.ts';
import {
  backwardCursorQuery,
  cursorQuery,
  deleteQuery,
  listQuery,
  mutationQuery,
  nodeQuery,
  nodesQuery,
  plainListQuery,
} from '../../admin/src/data/queries.ts';
import * as documents from '../../admin/src/data/documents.ts';
import { LOGIN_MUTATION } from '../../admin/src/auth/authProvider.ts';
import { MONITORING_DOCUMENTS } from '../../admin/src/data/specs/monitoring.ts';
import { USER_DOCUMENTS } from '../../admin/src/data/specs/users.ts';

const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
const schema: GraphQLSchema | null = fs.existsSync(SCHEMA_FILE) ? buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8')) : null;

// Resources whose API is not there yet (none now: users came with services/auth/user.ts).
const NOT_IN_API_YET = new Set<string>([]);

function errorsOf(document: string): string[] {
  return validate(schema!, parse(document)).map((e) => e.message);
}

function inputFields(typeName: string): string[] {
  const type = schema!.getType(typeName);
  expect(type, `${typeName} exists`).toBeInstanceOf(GraphQLInputObjectType);
  return Object.keys((type as GraphQLInputObjectType).getFields());
}

describe.skipIf(!schema)('console documents match schema.graphql', () => {
  for (const [name, spec] of Object.entries(specs)) {
    if (NOT_IN_API_YET.has(name)) continue;
    it(`${name}: reads`, () => {
      const docs = spec.plainList
        ? [plainListQuery(spec)]
        : [listQuery(spec), cursorQuery(spec), backwardCursorQuery(spec), nodeQuery(spec), nodesQuery(spec)];
      for (const doc of docs) expect(errorsOf(doc), doc).toEqual([]);
    });
    it(`${name}: filters, sort fields and writes`, () => {
      if (spec.filterType) {
        const allowed = inputFields(spec.filterType);
        for (const key of Object.keys(spec.fixedFilter ?? {})) expect(allowed).toContain(key);
        for (const target of Object.values(spec.references ?? {}))
          for (const key of Object.keys(target('x'))) expect(allowed).toContain(key);
      }
      if (spec.orderByType && spec.sortFields) {
        const enumType = schema!.getType(`${spec.orderByType}Field`);
        const values = (enumType as GraphQLEnumType).getValues().map((v) => v.name);
        for (const field of Object.values(spec.sortFields)) expect(values).toContain(field);
      }
      for (const kind of ['create', 'update'] as const) {
        const write = spec[kind];
        if (!write) continue;
        expect(errorsOf(mutationQuery(spec, kind))).toEqual([]);
        const allowed = inputFields(write.inputType);
        for (const field of [...write.fields, ...Object.keys(kind === 'create' ? (spec.fixedInput ?? {}) : {})])
          expect(allowed, `${write.inputType}.${field}`).toContain(field);
      }
      if (spec.delete) expect(errorsOf(deleteQuery(spec))).toEqual([]);
    });
  }

  it('hand-written documents', () => {
    for (const doc of [LOGIN_MUTATION, ...Object.values(documents)]) expect(errorsOf(doc), doc).toEqual([]);
  });

  it('monitoring documents (workflow steps, screening, reviews, measures)', () => {
    for (const doc of MONITORING_DOCUMENTS) expect(errorsOf(doc), doc).toEqual([]);
  });

  it('user documents (reset password) and the user type hides the password hash', () => {
    for (const doc of USER_DOCUMENTS) expect(errorsOf(doc), doc).toEqual([]);
    const user = schema!.getType('User') as { getFields(): Record<string, unknown> };
    expect(Object.keys(user.getFields()).filter((f) => /password/i.test(f))).toEqual([]);
    expect(inputFields('ResetUserPasswordInput').sort()).toEqual(['id', 'password', 'version']);
  });
});
