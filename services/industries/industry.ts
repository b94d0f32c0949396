// Industries (产业): one county-wide catalogue that every logged-in user reads and
// only the county administrator edits. `Industry.businessEntities` (the entities
// of the viewer's region) is added in entities/businessEntity.ts, which depends
// on this module and not the other way round.
import { z } from 'zod';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder, requireIntId } from '../graphql/connections.ts';
import { labelledEnum } from '../graphql/enums.ts';
import { CodedError, badInput } from '../graphql/errors.ts';
import { createAudited, deleteVersioned, inTransaction, updateVersioned, type Target } from '../graphql/mutations.ts';
import { DeletePayload, payloadType } from '../graphql/payloads.ts';
import type { Prisma } from '../db.ts';
import { IndustryCategory } from '../../prisma/generated/client/enums.ts';

export const IndustryCategoryEnum = labelledEnum('IndustryCategory', IndustryCategory, '产业类别');

export const IndustryRef = builder.prismaNode('Industry', {
  description: '产业（全县统一目录，所有登录用户可查看）',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    code: t.exposeString('code', { description: '产业代码' }),
    name: t.exposeString('name', { description: '产业名称' }),
    category: t.expose('category', { type: IndustryCategoryEnum }),
    version: t.exposeInt('version', { description: '版本号（乐观锁）' }),
  }),
});

// ───────────── Query ─────────────

const IndustryFilter = builder.inputType('IndustryFilter', {
  fields: (t) => ({
    category: t.field({ type: IndustryCategoryEnum }),
    search: t.string({ description: '名称（包含）或代码（前缀）' }),
  }),
});
const IndustryOrderBy = orderByInput('IndustryOrderBy', { code: '产业代码', name: '名称' });

function industryWhere(filter: typeof IndustryFilter.$inferInput | null | undefined): Prisma.IndustryWhereInput {
  const search = filter?.search?.trim();
  return {
    ...(filter?.category ? { category: filter.category } : {}),
    ...(search ? { OR: [{ name: { contains: search } }, { code: { startsWith: search.toUpperCase() } }] } : {}),
  };
}

builder.queryField('industries', (t) =>
  t.prismaConnection({
    type: 'Industry',
    cursor: 'id',
    description: '产业目录',
    args: { filter: t.arg({ type: IndustryFilter }), orderBy: t.arg({ type: IndustryOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.industry.count({ where: industryWhere(args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.industry.findMany({
        ...query,
        where: industryWhere(args.filter),
        orderBy: prismaOrder(args.orderBy, 'id', [{ code: 'asc' }]),
      }),
  }),
);

// ───────────── Mutations ─────────────

const industryFields = {
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_-]{1,19}$/, '产业代码为 2–20 位字母、数字、下划线或连字符，以字母开头'),
  name: z.string().trim().min(1, '名称不能为空').max(40, '名称最多 40 字'),
};

const CreateIndustryInput = builder.inputType('CreateIndustryInput', {
  fields: (t) => ({
    code: t.string({ required: true, validate: industryFields.code }),
    name: t.string({ required: true, validate: industryFields.name }),
    category: t.field({ type: IndustryCategoryEnum, required: true }),
  }),
});

const UpdateIndustryInput = builder.inputType('UpdateIndustryInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: IndustryRef }),
    version: t.int({ required: true }),
    code: t.string({ validate: industryFields.code }),
    name: t.string({ validate: industryFields.name }),
    category: t.field({ type: IndustryCategoryEnum }),
  }),
});

const DeleteIndustryInput = builder.inputType('DeleteIndustryInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: IndustryRef }),
    version: t.int({ required: true }),
  }),
});

const IndustryPayload = payloadType('IndustryPayload', 'industry', IndustryRef);

const industryTarget = (id: number): Target => ({ model: 'industry', entity: 'Industry', label: '产业', id });

builder.mutationField('createIndustry', (t) =>
  t.field({
    type: IndustryPayload,
    description: '新增产业（仅县级管理员）；代码或名称重复返回 CONFLICT',
    authScopes: { permission: 'WRITE_INDUSTRIES' },
    args: { input: t.arg({ type: CreateIndustryInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const industry = await inTransaction(ctx, (tx) =>
        createAudited(ctx, tx, 'industry', 'Industry', { code: input.code, name: input.name, category: input.category }),
      );
      return { industry };
    },
  }),
);

builder.mutationField('updateIndustry', (t) =>
  t.field({
    type: IndustryPayload,
    description: '修改产业（仅县级管理员）；version 过期返回 CONFLICT',
    authScopes: { permission: 'WRITE_INDUSTRIES' },
    args: { input: t.arg({ type: UpdateIndustryInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const data: Record<string, unknown> = {};
      for (const key of ['code', 'name', 'category'] as const) {
        if (input[key] === null) throw badInput(key, '不能为空');
        if (input[key] !== undefined) data[key] = input[key];
      }
      const industry = await updateVersioned(ctx, industryTarget(requireIntId(input.id.id, 'id')), input.version, data);
      return { industry };
    },
  }),
);

builder.mutationField('deleteIndustry', (t) =>
  t.field({
    type: DeletePayload,
    description: '删除产业（仅县级管理员）；仍有经营主体从事该产业时返回 CONFLICT',
    authScopes: { permission: 'WRITE_INDUSTRIES' },
    args: { input: t.arg({ type: DeleteIndustryInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = requireIntId(input.id.id, 'id');
      await deleteVersioned(ctx, industryTarget(id), input.version, async (_before, tx) => {
        const used = await tx.businessEntityIndustry.count({ where: { industryId: id } });
        if (used > 0) {
          throw new CodedError(
            'CONFLICT',
            `仍有 ${used} 个经营主体从事该产业，不能删除 (the industry is still in use by ${used} business entities)`,
            {
              field: 'id',
            },
          );
        }
      });
      return { deletedId: encodeGlobalID('Industry', id) };
    },
  }),
);
