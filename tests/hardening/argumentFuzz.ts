// Generated requests for every argument of every query field, root or nested:
// nested fields are reached through `node(id:)` on a real record of their type,
// and cursors mix real ones (of every connection) with forged ones.
import fc from 'fast-check';
import {
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { InputFuzzer } from '../support/fuzz.ts';

export interface Target {
  /** 'Query' or the Node type the field hangs off. */
  parent: string;
  field: GraphQLField<unknown, unknown>;
}

/** Every field that takes arguments: the root query's, and those of types reachable through node(id:). */
export function argumentTargets(schema: GraphQLSchema): Target[] {
  const targets: Target[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) if (field.args.length) targets.push({ parent: 'Query', field });
  const node = schema.getType('Node');
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || !node || !type.getInterfaces().some((i) => i.name === 'Node')) continue;
    for (const field of Object.values(type.getFields())) if (field.args.length) targets.push({ parent: type.name, field });
  }
  return targets;
}

/** What to select from a result: ids and cursors, so forged cursors and ids meet the resolvers. */
function selection(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isScalarType(named) || !('getFields' in named)) return '';
  const fields = (named as GraphQLObjectType).getFields();
  if (fields.edges)
    return `{ ${fields.totalCount ? 'totalCount ' : ''}edges { cursor node { __typename ${'id' in getEdgeNodeFields(fields) ? 'id' : ''} } } }`;
  return `{ __typename ${fields.id ? 'id' : ''} }`;
}
const getEdgeNodeFields = (fields: Record<string, GraphQLField<unknown, unknown>>) => {
  const edge = getNamedType(fields.edges!.type) as GraphQLObjectType;
  const node = getNamedType(edge.getFields().node!.type);
  return isObjectType(node) || isInterfaceType(node) ? node.getFields() : {};
};

export function targetDocument({ parent, field }: Target): string {
  const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`);
  const pass = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const call = `result: ${field.name}(${pass}) ${selection(field.type)}`;
  if (parent === 'Query') return `query Fuzz(${defs.join(', ')}) { ${call} }`;
  return `query Fuzz($__node: ID!, ${defs.join(', ')}) { node(id: $__node) { ... on ${parent} { ${call} } } }`;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Forged cursors: every chunk tag of Pothos's encoding, out-of-range numbers, NUL bytes, other plugins' prefixes. */
const FORGED = [
  'GPC:N:99999999999',
  'GPC:N:-1',
  'GPC:N:abc',
  'GPC:N:1e400',
  'GPC:N:',
  'GPC:S:\u0000',
  'GPC:S:' + 'x'.repeat(5000),
  'GPC:S:\ud800',
  'GPC:O:{}',
  'GPC:O:null',
  'GPC:D:1',
  'GPC:D:abc',
  'GPC:B:AAAA',
  'GPC:I:99999999999999999999',
  'GPC:M:1.5',
  'GPC:Z:',
  'GPC:T:[1]',
  'GPC:T:["N:1"]',
  'GPC:T:["N:1","S:x"]',
  'GPC:T:["N:1",null]',
  'GPC:T:{}',
  'GPC:J:[1,2]',
  'GPC:J:"x"',
  'GPC:X:1',
  'OffsetConnection:5',
  'arrayconnection:1',
  'DC:N:1',
].map(b64);

export function cursorArb(real: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...real),
    fc.constantFrom(...FORGED),
    fc.constantFrom('', '====', 'not base64!', '\u0000', 'R1BDOk46MQ', b64('GPC:N:1').repeat(3)),
    fc.string({ maxLength: 30 }).map(b64),
    fc.constant(null),
  );
}

/** Variables for one target: typed (reach the resolvers) three times in four, anything otherwise. */
export function variablesArb(
  target: Target,
  fuzzer: InputFuzzer,
  cursors: string[],
  nodeIds: string[],
): fc.Arbitrary<Record<string, unknown>> {
  const shape = (typed: boolean) => {
    const out: Record<string, fc.Arbitrary<unknown>> = {};
    for (const arg of target.field.args) {
      const isCursor = (arg.name === 'after' || arg.name === 'before') && getNamedType(arg.type).name === 'String';
      const isPage = (arg.name === 'first' || arg.name === 'last') && getNamedType(arg.type).name === 'Int';
      out[arg.name] = isCursor
        ? cursorArb(cursors)
        : isPage && typed
          ? fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 3 })
          : fuzzer.value(arg.type, arg.name, null, 0, typed);
      if (isNonNullType(arg.type) && typed) out[arg.name] = out[arg.name]!.filter((v) => v !== null);
    }
    if (target.parent !== 'Query') out.__node = fc.constantFrom(...nodeIds);
    return fc.record(out);
  };
  return fc.oneof({ arbitrary: shape(true), weight: 3 }, { arbitrary: shape(false), weight: 1 });
}
