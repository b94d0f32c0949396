// Every argument of an operation, checked once before any resolver runs
// (limits.ts calls this), so that malformed input is BAD_USER_INPUT naming its
// field instead of an internal error deep in Prisma or PostgreSQL:
// - strings: no NUL (PostgreSQL refuses \u0000), no unpaired UTF-16 surrogate,
//   at most INPUT_LIMITS.stringChars characters;
// - lists: at most a page (100) of items, `nodes(ids:)` included;
// - IDs: a global id of a node type of this schema (globalId.ts);
// - cursors (`after`/`before` of a connection): one this connection issues,
//   i.e. Pothos's `GPC:` encoding of the key the connection pages on — the
//   primary key of the model behind the connection's relation or node type.
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { getDatamodel } from '../../prisma/generated/pothos-types.ts';
import { LIMITS } from './builder.ts';
import { badInput, type CodedError } from './errors.ts';
import { decodeGlobalId } from './globalId.ts';

export const INPUT_LIMITS = { stringChars: 2_000, listItems: LIMITS.pageSize } as const;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INT4_MAX = 2_147_483_647;

type KeyKind = 'N' | 'S';
const { models } = getDatamodel().datamodel;

/** The chunk kinds of a model's primary key: one for a single key, several for a compound one. */
function keyKinds(model: string): KeyKind[] | null {
  const m = models[model];
  if (!m) return null;
  const key = m.primaryKey?.fields ?? m.fields.filter((f) => 'isId' in f && f.isId).map((f) => f.name);
  const kinds = key.map((name) => m.fields.find((f) => f.name === name)?.type);
  return kinds.every((t) => t === 'Int' || t === 'String') ? kinds.map((t) => (t === 'Int' ? 'N' : 'S')) : null;
}

/** What the cursor of `parent.field` (a connection) keys on: the relation's model, else the node type's model. */
function cursorKinds(parent: string, field: GraphQLField<unknown, unknown>): KeyKind[] | null {
  const relation = models[parent]?.fields.find((f) => f.name === field.name);
  if (relation && models[relation.type]) return keyKinds(relation.type);
  const connection = getNamedType(field.type);
  const edge = isObjectType(connection) ? connection.getFields().edges : undefined;
  const edgeType = edge && getNamedType(edge.type);
  const node = edgeType && isObjectType(edgeType) ? edgeType.getFields().node : undefined;
  return node ? keyKinds(getNamedType(node.type).name) : null;
}

function chunkFits(chunk: unknown, kind: KeyKind): boolean {
  if (typeof chunk !== 'string') return false;
  if (kind === 'N') return /^N:[1-9]\d{0,9}$/.test(chunk) && Number(chunk.slice(2)) <= INT4_MAX;
  return /^S:[A-Za-z0-9_-]{1,64}$/.test(chunk);
}

function cursorFits(cursor: string, kinds: KeyKind[]): boolean {
  const decoded = /^[A-Za-z0-9+/]{4,400}={0,2}$/.test(cursor) ? Buffer.from(cursor, 'base64').toString('utf8') : '';
  if (!decoded.startsWith('GPC:')) return false;
  const chunk = decoded.slice(4);
  if (kinds.length === 1) return chunkFits(chunk, kinds[0]!);
  if (!chunk.startsWith('T:')) return false;
  try {
    const parts: unknown = JSON.parse(chunk.slice(2));
    return Array.isArray(parts) && parts.length === kinds.length && parts.every((p, i) => chunkFits(p, kinds[i]!));
  } catch {
    return false;
  }
}

/** The mutation-input convention of badInput(): the path inside `input`. */
const fieldName = (path: string) => path.replace(/^input\./, '');

function checkValue(value: unknown, type: GraphQLInputType, path: string): CodedError | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return checkValue(value, type.ofType, path);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length > INPUT_LIMITS.listItems) {
      return badInput(
        fieldName(path),
        `最多 ${INPUT_LIMITS.listItems} 项，收到 ${items.length} 项 (at most ${INPUT_LIMITS.listItems} items)`,
      );
    }
    for (const item of items) {
      const problem = checkValue(item, type.ofType, path);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return null; // coercion refuses it
    const fields = type.getFields();
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const problem = fields[key] ? checkValue(inner, fields[key].type, `${path}.${key}`) : null;
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value !== 'string') return null;
  if (value.includes('\u0000')) return badInput(fieldName(path), '不能包含空字符 (must not contain NUL characters)');
  if (LONE_SURROGATE.test(value)) return badInput(fieldName(path), '包含无效的 Unicode 字符 (contains an unpaired UTF-16 surrogate)');
  if (value.length > INPUT_LIMITS.stringChars) {
    return badInput(fieldName(path), `最多 ${INPUT_LIMITS.stringChars} 个字符 (at most ${INPUT_LIMITS.stringChars} characters)`);
  }
  if (getNamedType(type).name === 'ID') {
    try {
      decodeGlobalId(value, fieldName(path));
    } catch (error) {
      return error as CodedError;
    }
  }
  return null;
}

/** The first malformed argument of the operation as a coded refusal, or null. */
export function checkArguments(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): CodedError | null {
  const typeInfo = new TypeInfo(schema);
  let problem: CodedError | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const arg = typeInfo.getArgument();
        if (problem || !arg) return;
        const value = valueFromASTUntyped(node.value, variables);
        problem = checkValue(value, arg.type, arg.name);
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (problem || (arg.name !== 'after' && arg.name !== 'before') || typeof value !== 'string' || !field || !parent) return;
        const kinds = cursorKinds(parent.name, field);
        if (kinds && !cursorFits(value, kinds))
          problem = badInput(arg.name, '无效的游标，请使用本列表返回的 cursor (invalid cursor: use one this list returned)');
      },
    }),
  );
  return problem;
}
