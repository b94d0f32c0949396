import { builder } from '../graphql/builder.ts';
import { orderByInput, prismaOrder } from '../graphql/connections.ts';
import { VillageKind } from '../../prisma/generated/client/enums.ts';
import { visibleVillages } from './scope.ts';

const VillageKindEnum = builder.enumType(VillageKind, { name: 'VillageKind', description: '行政村或社区' });

export const VillageRef = builder.prismaNode('Village', {
  description: '行政村/社区',
  id: { field: 'code' },
  nullable: true,
  findUnique: (code, ctx) => ({ code: String(code), AND: [visibleVillages(ctx)] }),
  fields: (t) => ({
    code: t.exposeString('code', { description: '12 位行政区划代码' }),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: VillageKindEnum }),
    formerlyPoor: t.exposeBoolean('formerlyPoor', { description: '是否原贫困村' }),
    exitYear: t.exposeInt('exitYear', { nullable: true, description: '贫困村出列年份' }),
    // A village in scope always lies in a visible township (see regions/scope.ts).
    township: t.relation('township'),
    ruralPopulation: t.int({
      nullable: true,
      description: '该年农村户籍人口（贫困发生率的分母）',
      args: { year: t.arg.int({ required: true }) },
      select: (args) => ({ statistics: { where: { year: args.year }, select: { ruralPopulation: true } } }),
      resolve: (village) => village.statistics[0]?.ruralPopulation ?? null,
    }),
    households: t.relatedConnection('households', {
      cursor: 'id',
      totalCount: true,
      description: '本村住户',
      query: () => ({ orderBy: { id: 'asc' } }),
    }),
    collectiveIncomes: t.relatedConnection('collectiveIncomes', {
      cursor: 'id',
      totalCount: true,
      description: '村集体经济收入（按年份、来源）',
      args: { year: t.arg.int() },
      query: (args) => ({ where: args.year == null ? {} : { year: args.year }, orderBy: [{ year: 'desc' }, { source: 'asc' }] }),
    }),
  }),
});

const VillageFilter = builder.inputType('VillageFilter', {
  fields: (t) => ({
    regionCode: t.string({ description: '行政区划代码前缀' }),
    formerlyPoor: t.boolean({ description: '仅原贫困村' }),
    search: t.string({ description: '按名称搜索' }),
  }),
});
const VillageOrderBy = orderByInput('VillageOrderBy', { code: '区划代码', name: '名称' });

function villageFilter(
  ctx: Parameters<typeof visibleVillages>[0],
  filter: { regionCode?: string | null; formerlyPoor?: boolean | null; search?: string | null } | null | undefined,
) {
  return {
    ...visibleVillages(ctx, filter?.regionCode),
    ...(filter?.formerlyPoor == null ? {} : { formerlyPoor: filter.formerlyPoor }),
    ...(filter?.search ? { name: { contains: filter.search } } : {}),
  };
}

builder.queryField('villages', (t) =>
  t.prismaConnection({
    type: 'Village',
    cursor: 'code',
    totalCount: (_parent, args, ctx) => ctx.prisma.village.count({ where: villageFilter(ctx, args.filter) }),
    args: { filter: t.arg({ type: VillageFilter }), orderBy: t.arg({ type: VillageOrderBy }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.village.findMany({ ...query, where: villageFilter(ctx, args.filter), orderBy: prismaOrder(args.orderBy, 'code') }),
  }),
);
