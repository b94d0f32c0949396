// Village collective economy (村级集体经济): one row per village, year and income
// source. Region-bound through its own county/township/village code columns;
// writers are the county admin, township officers and village cadres, each in
// their region.
import { z } from 'zod';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { labelledEnum } from '../graphql/enums.ts';
import { CodedError, badInput, forbidden } from '../graphql/errors.ts';
import { createAudited, deleteVersioned, inTransaction, updateVersioned } from '../graphql/mutations.ts';
import { DeletePayload, payloadType } from '../graphql/payloads.ts';
import { effectiveRegion, inScope, regionWhere } from '../auth/scope.ts';
import { CollectiveIncomeSource } from '../../prisma/generated/client/enums.ts';
import type { Prisma } from '../db.ts';
import { todayInChina } from '../../kernel/dates.ts';

export const FIRST_COLLECTIVE_YEAR = 2000;

export const CollectiveIncomeSourceEnum = labelledEnum('CollectiveIncomeSource', CollectiveIncomeSource, '村集体经济收入来源');

export const VillageCollectiveIncomeRef = builder.prismaNode('VillageCollectiveIncome', {
  description: '村集体经济收入（某村某年某来源的收入）',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    village: t.relation('village'),
    villageCode: t.exposeString('villageCode', { description: '12 位村级行政区划代码' }),
    townshipCode: t.exposeString('townshipCode', { description: '9 位乡镇行政区划代码' }),
    year: t.exposeInt('year', { description: '年份' }),
    source: t.expose('source', { type: CollectiveIncomeSourceEnum, description: '收入来源' }),
    amount: t.expose('amount', { type: 'Decimal', description: '收入金额（元）' }),
    version: t.exposeInt('version', { description: '版本号（乐观锁）' }),
  }),
});

// ───────────── Connection ─────────────

const VillageCollectiveIncomeFilter = builder.inputType('VillageCollectiveIncomeFilter', {
  fields: (t) => ({
    regionCode: t.string({ description: '行政区划代码前缀（县 6 位、乡镇 9 位、村 12 位）' }),
    year: t.int({ description: '年份' }),
    fromYear: t.int({ description: '起始年份（含）' }),
    toYear: t.int({ description: '截止年份（含）' }),
    source: t.field({ type: CollectiveIncomeSourceEnum, description: '收入来源' }),
  }),
});
const VillageCollectiveIncomeOrderBy = orderByInput('VillageCollectiveIncomeOrderBy', {
  year: '年份',
  amount: '金额',
  villageCode: '村级区划代码',
});

type FilterInput = typeof VillageCollectiveIncomeFilter.$inferInput;

export function collectiveIncomeWhere(ctx: Context, filter: FilterInput | null | undefined): Prisma.VillageCollectiveIncomeWhereInput {
  const year: Prisma.IntFilter = {};
  if (filter?.fromYear != null) year.gte = filter.fromYear;
  if (filter?.toYear != null) year.lte = filter.toYear;
  if (filter?.year != null) year.equals = filter.year;
  return {
    ...regionWhere(effectiveRegion(ctx, filter?.regionCode)),
    ...(Object.keys(year).length > 0 ? { year } : {}),
    ...(filter?.source ? { source: filter.source } : {}),
  };
}

builder.queryField('villageCollectiveIncomes', (t) =>
  t.prismaConnection({
    type: 'VillageCollectiveIncome',
    cursor: 'id',
    description: '村集体经济收入列表（仅限您的管辖范围）',
    args: { filter: t.arg({ type: VillageCollectiveIncomeFilter }), orderBy: t.arg({ type: VillageCollectiveIncomeOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.villageCollectiveIncome.count({ where: collectiveIncomeWhere(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.villageCollectiveIncome.findMany({
        ...query,
        where: collectiveIncomeWhere(ctx, args.filter),
        orderBy: prismaOrder(args.orderBy, 'id', [{ villageCode: 'asc' }, { year: 'asc' }, { source: 'asc' }]),
      }),
  }),
);

// ───────────── Mutations ─────────────

/** The current calendar year in China Standard Time (the county's own clock). */
export const currentYear = (now = new Date()): number => todayInChina(now).getUTCFullYear();

function checkYear(year: number): void {
  const last = currentYear();
  if (!Number.isInteger(year) || year < FIRST_COLLECTIVE_YEAR || year > last) {
    throw badInput('year', `年份应在 ${FIRST_COLLECTIVE_YEAR}–${last} 之间 (year must be between ${FIRST_COLLECTIVE_YEAR} and ${last})`);
  }
}

function checkAmount(amount: Prisma.Decimal): void {
  if (amount.isNegative()) throw badInput('amount', `收入金额不能为负数 (amount must not be negative): ${amount.toFixed(2)}`);
}

const duplicate = () =>
  new CodedError('CONFLICT', '该村该年份该来源的收入已登记 (an income for this village, year and source already exists)', {
    field: 'source',
  });

const villageCode = z.string().regex(/^\d{12}$/, '村级行政区划代码应为 12 位数字');

const CreateVillageCollectiveIncomeInput = builder.inputType('CreateVillageCollectiveIncomeInput', {
  fields: (t) => ({
    villageCode: t.string({ required: true, validate: villageCode, description: '12 位村级行政区划代码' }),
    year: t.int({ required: true, description: `年份（${FIRST_COLLECTIVE_YEAR} 至今年）` }),
    source: t.field({ type: CollectiveIncomeSourceEnum, required: true }),
    amount: t.field({ type: 'Decimal', required: true, description: '收入金额（元，≥ 0）' }),
  }),
});

const UpdateVillageCollectiveIncomeInput = builder.inputType('UpdateVillageCollectiveIncomeInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: VillageCollectiveIncomeRef }),
    version: t.int({ required: true }),
    year: t.int(),
    source: t.field({ type: CollectiveIncomeSourceEnum }),
    amount: t.field({ type: 'Decimal', description: '收入金额（元，≥ 0）' }),
  }),
});

const DeleteVillageCollectiveIncomeInput = builder.inputType('DeleteVillageCollectiveIncomeInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: VillageCollectiveIncomeRef }),
    version: t.int({ required: true }),
  }),
});

const VillageCollectiveIncomePayload = payloadType('VillageCollectiveIncomePayload', 'villageCollectiveIncome', VillageCollectiveIncomeRef);

type IncomeRow = { id: number; villageCode: string; year: number; source: CollectiveIncomeSource; amount: Prisma.Decimal; version: number };

const target = (ctx: Context, id: number) => ({
  model: 'villageCollectiveIncome' as const,
  entity: 'VillageCollectiveIncome',
  label: '村集体经济收入',
  id,
});

builder.mutationField('createVillageCollectiveIncome', (t) =>
  t.field({
    type: VillageCollectiveIncomePayload,
    description: '登记村集体经济收入（同一村、年份、来源只能登记一次）',
    authScopes: { permission: 'WRITE_COLLECTIVE_INCOME' },
    args: { input: t.arg({ type: CreateVillageCollectiveIncomeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      checkYear(input.year);
      checkAmount(input.amount);
      if (!inScope(ctx, input.villageCode)) throw forbidden('在管辖区域外登记村集体经济收入');
      const villageCollectiveIncome = await inTransaction(ctx, async (tx) => {
        const village = await tx.village.findUnique({ where: { code: input.villageCode } });
        if (!village) throw badInput('villageCode', `行政村不存在：${input.villageCode}`);
        const existing = await tx.villageCollectiveIncome.findFirst({
          where: { villageCode: village.code, year: input.year, source: input.source },
          select: { id: true },
        });
        if (existing) throw duplicate();
        return createAudited(ctx, tx, 'villageCollectiveIncome', 'VillageCollectiveIncome', {
          villageCode: village.code,
          townshipCode: village.townshipCode,
          countyCode: village.countyCode,
          year: input.year,
          source: input.source,
          amount: input.amount,
        });
      });
      return { villageCollectiveIncome };
    },
  }),
);

builder.mutationField('updateVillageCollectiveIncome', (t) =>
  t.field({
    type: VillageCollectiveIncomePayload,
    description: '修改村集体经济收入（须提供当前版本号）',
    authScopes: { permission: 'WRITE_COLLECTIVE_INCOME' },
    args: { input: t.arg({ type: UpdateVillageCollectiveIncomeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const data: { year?: number; source?: CollectiveIncomeSource; amount?: Prisma.Decimal } = {};
      if (input.year !== undefined) {
        if (input.year === null) throw badInput('year', '年份不能为空');
        checkYear(input.year);
        data.year = input.year;
      }
      if (input.source !== undefined) {
        if (input.source === null) throw badInput('source', '收入来源不能为空');
        data.source = input.source;
      }
      if (input.amount !== undefined) {
        if (input.amount === null) throw badInput('amount', '收入金额不能为空');
        checkAmount(input.amount);
        data.amount = input.amount;
      }
      const id = parseIntId(input.id.id) ?? -1;
      const villageCollectiveIncome = await updateVersioned<IncomeRow>(ctx, target(ctx, id), input.version, data, async (before, tx) => {
        if (data.year === undefined && data.source === undefined) return;
        const clash = await tx.villageCollectiveIncome.findFirst({
          where: { villageCode: before.villageCode, year: data.year ?? before.year, source: data.source ?? before.source, NOT: { id } },
          select: { id: true },
        });
        if (clash) throw duplicate();
      });
      return { villageCollectiveIncome };
    },
  }),
);

builder.mutationField('deleteVillageCollectiveIncome', (t) =>
  t.field({
    type: DeletePayload,
    description: '删除村集体经济收入（须提供当前版本号）',
    authScopes: { permission: 'WRITE_COLLECTIVE_INCOME' },
    args: { input: t.arg({ type: DeleteVillageCollectiveIncomeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseIntId(input.id.id) ?? -1;
      await deleteVersioned<IncomeRow>(ctx, target(ctx, id), input.version);
      return { deletedId: encodeGlobalID('VillageCollectiveIncome', id) };
    },
  }),
);
