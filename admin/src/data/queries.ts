// The GraphQL documents the data provider sends, built from a resource's spec.
// Deterministic text: the unit tests compare it character for character.
import type { ResourceSpec } from './spec.ts';

/** `first`/`last` above this are refused by the API (services/graphql/builder.ts LIMITS.pageSize). */
export const MAX_PAGE = 100;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function connectionArgs(spec: ResourceSpec) {
  const vars = ['$first: Int', '$after: String'];
  const args = ['first: $first', 'after: $after'];
  if (spec.filterType) {
    vars.push(`$filter: ${spec.filterType}`);
    args.push('filter: $filter');
  }
  if (spec.orderByType) {
    vars.push(`$orderBy: ${spec.orderByType}`);
    args.push('orderBy: $orderBy');
  }
  return { vars: vars.join(', '), args: args.join(', ') };
}

/** A page of rows with their cursors and the list's total. */
export function listQuery(spec: ResourceSpec): string {
  const { vars, args } = connectionArgs(spec);
  return squash(`query ${spec.connection}List(${vars}) {
    ${spec.connection}(${args}) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id ${spec.fields} } }
    }
  }`);
}

/** Only cursors: used to skip ahead to a page that has no known cursor yet. */
export function cursorQuery(spec: ResourceSpec): string {
  const { vars, args } = connectionArgs(spec);
  return squash(`query ${spec.connection}Cursors(${vars}) {
    ${spec.connection}(${args}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } }
  }`);
}

/** Only cursors, counted from the end: to reach a page near the end of a long list. */
export function backwardCursorQuery(spec: ResourceSpec): string {
  const { vars, args } = connectionArgs(spec);
  const back = vars.replace('$first: Int, $after: String', '$last: Int, $before: String');
  return squash(`query ${spec.connection}CursorsFromEnd(${back}) {
    ${spec.connection}(${args.replace('first: $first, after: $after', 'last: $last, before: $before')}) { totalCount edges { cursor } }
  }`);
}

export function plainListQuery(spec: ResourceSpec): string {
  return squash(`query ${spec.connection}All { ${spec.connection} { id ${spec.fields} } }`);
}

export function nodeQuery(spec: ResourceSpec): string {
  return squash(`query ${spec.type}Node($id: ID!) {
    node(id: $id) { __typename id ... on ${spec.type} { ${spec.fields} ${spec.detailFields ?? ''} } }
  }`);
}

export function nodesQuery(spec: ResourceSpec): string {
  return squash(`query ${spec.type}Nodes($ids: [ID!]!) {
    nodes(ids: $ids) { __typename id ... on ${spec.type} { ${spec.fields} } }
  }`);
}

export function mutationQuery(spec: ResourceSpec, kind: 'create' | 'update'): string {
  const mutation = spec[kind]!;
  return squash(`mutation ${mutation.name}($input: ${mutation.inputType}!) {
    ${mutation.name}(input: $input) { ${spec.payload} { id ${spec.fields} } }
  }`);
}

export function deleteQuery(spec: ResourceSpec): string {
  const mutation = spec.delete!;
  return squash(`mutation ${mutation.name}($input: ${mutation.inputType}!) { ${mutation.name}(input: $input) { deletedId } }`);
}
