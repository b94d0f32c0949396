// Abuse limits checked after parsing and before any resolver runs: alias floods,
// malformed arguments (inputChecks.ts) and oversized pages. Depth, breadth and
// cost are the complexity plugin's (builder.ts); batched HTTP requests are
// refused by Apollo itself.
import { Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { CodedError } from './errors.ts';
import { LIMITS } from './builder.ts';
import type { Context } from './context.ts';
import { checkArguments } from './inputChecks.ts';

function countAliases(document: DocumentNode): number {
  let aliases = 0;
  visit(document, {
    Field(node) {
      if (node.alias) aliases += 1;
    },
  });
  return aliases;
}

function argumentValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/** The first `first`/`last` argument above the page-size limit, if any. */
function oversizedPage(document: DocumentNode, variables: Record<string, unknown>): { name: string; value: number } | null {
  let found: { name: string; value: number } | null = null;
  visit(document, {
    Argument(node) {
      if (found || (node.name.value !== 'first' && node.name.value !== 'last')) return;
      const value = argumentValue(node.value, variables);
      if (typeof value === 'number' && value > LIMITS.pageSize) found = { name: node.name.value, value };
    },
  });
  return found;
}

// Thrown from didResolveOperation, a refusal would otherwise go out as HTTP 500.
const BAD_REQUEST = { status: 400 };

export const limitsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request, schema }) {
        const aliases = countAliases(document);
        if (aliases > LIMITS.aliases) {
          throw new CodedError('BAD_USER_INPUT', `别名过多：${aliases} 个，上限 ${LIMITS.aliases} (too many aliases)`, {
            limit: 'aliases',
            http: BAD_REQUEST,
          });
        }
        const malformed = checkArguments(schema, document, request.variables ?? {});
        if (malformed) {
          malformed.extensions.http = BAD_REQUEST;
          throw malformed;
        }
        const page = oversizedPage(document, request.variables ?? {});
        if (page) {
          throw new CodedError(
            'BAD_USER_INPUT',
            `${page.name}: 每页最多 ${LIMITS.pageSize} 条，请求了 ${page.value} 条 (page size is at most ${LIMITS.pageSize})`,
            { field: page.name, limit: 'pageSize', http: BAD_REQUEST },
          );
        }
      },
    };
  },
};
