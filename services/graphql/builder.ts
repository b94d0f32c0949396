// The one schema builder. Plugins: prisma (types from the Prisma schema, no N+1),
// relay (global ids, connections), scope-auth (who may do what), validation
// (zod on inputs), dataloader (batched per-year lookups), complexity (query cost).
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type PrismaTypes from '../../prisma/generated/pothos-types.ts';
import { getDatamodel } from '../../prisma/generated/pothos-types.ts';
import type { Role } from '../../prisma/generated/client/enums.ts';
import type { Context } from './context.ts';
import { can, type Permission } from '../../kernel/policy.ts';
import { CodedError, forbidden, unauthenticated } from './errors.ts';
import { decodeGlobalId } from './globalId.ts';
import { parseDate, parseMoney, serializeDate, serializeMoney, literalValue } from './scalars.ts';
import type { Prisma } from '../db.ts';

/** Hard limits, checked before any resolver runs. */
export const LIMITS = { depth: 10, breadth: 300, complexity: 20_000, pageSize: 100, aliases: 30 } as const;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  AuthScopes: { loggedIn: boolean; role: Role[]; permission: Permission };
  Scalars: {
    ID: { Input: string; Output: string | number };
    Decimal: { Input: Prisma.Decimal; Output: Prisma.Decimal | string };
    Date: { Input: Date; Output: Date | string };
    DateTime: { Input: Date; Output: Date };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, DataloaderPlugin, ValidationPlugin, ComplexityPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({
      loggedIn: ctx.viewer !== null,
      role: (roles) => ctx.viewer !== null && roles.includes(ctx.viewer.role),
      permission: (permission) => can(ctx.viewer, permission),
    }),
    unauthorizedError: (_parent, ctx) => (ctx.viewer ? forbidden() : unauthenticated()),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    // Unfiltered relation counts would leak out-of-region totals: every count is explicit.
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    // Every ID argument (node, nodes, t.globalID inputs) through the one decoder.
    decodeGlobalID: (globalID) => decodeGlobalId(globalID),
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { nullable: true },
    nodesQueryOptions: { nullable: { list: false, items: true } },
  },
  validation: {
    validationError: (result) => {
      const issue = result.issues[0];
      // The same field naming as badInput(): the path inside the mutation's `input`.
      const path = issue?.path?.map((p) => (typeof p === 'object' ? String(p.key) : String(p))) ?? [];
      const field = (path[0] === 'input' ? path.slice(1) : path).join('.') || 'input';
      return new CodedError('BAD_USER_INPUT', `${field}: ${issue?.message ?? '输入无效 (invalid input)'}`, { field });
    },
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { depth: LIMITS.depth, breadth: LIMITS.breadth, complexity: LIMITS.complexity },
    complexityError: (kind, result) => {
      const key = kind.toLowerCase() as 'depth' | 'breadth' | 'complexity';
      const max = result[`max${kind}` as 'maxDepth'];
      return new CodedError('BAD_USER_INPUT', `查询过于复杂：${key} ${result[key]} 超过上限 ${max} (query ${key} exceeds the limit)`, {
        limit: key,
      });
    },
  },
});

builder.queryType({ authScopes: { loggedIn: true } });
builder.mutationType({ authScopes: { loggedIn: true } });

builder.scalarType('Decimal', {
  description: '精确金额（元，最多两位小数），以字符串传递 (exact decimal in yuan, serialised as a string)',
  serialize: serializeMoney,
  parseValue: (value) => parseMoney(value),
  parseLiteral: (ast) => parseMoney(literalValue(ast as { kind: string; value?: string })),
});

builder.scalarType('Date', {
  description: '日期 YYYY-MM-DD (calendar date)',
  serialize: serializeDate,
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(literalValue(ast as { kind: string; value?: string })),
});

builder.scalarType('DateTime', {
  description: 'ISO 8601 时间 (timestamp)',
  serialize: (value) => (value as Date).toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new CodedError('BAD_USER_INPUT', `时间格式错误 (invalid DateTime)`);
    return date;
  },
});
