// Screening warnings (返贫预警): one per household and year, raised by runScreening
// (screening.ts). Visible where the household is (region scope of the household).
import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { labelledEnum } from '../graphql/enums.ts';
import type { Prisma } from '../db.ts';
import { WarningKind, WarningLevel, WarningStatus } from '../../prisma/generated/client/enums.ts';
import { visibleHouseholds } from '../households/scope.ts';

export const WarningLevelEnum = labelledEnum('WarningLevel', WarningLevel, '预警等级');
export const WarningKindEnum = labelledEnum('WarningKind', WarningKind, '预警类别');
export const WarningStatusEnum = labelledEnum('WarningStatus', WarningStatus, '预警状态', {
  OPEN: '筛查可更新或撤回',
  CASE_OPENED: '筛查不再改动',
  DISMISSED: '筛查不再改动',
});

export const WarningRef = builder.prismaNode('Warning', {
  description: '返贫预警（筛查结果；每户每年一条）',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    household: t.relation('household', { description: '住户' }),
    year: t.exposeInt('year', { description: '筛查年度（收入年度）' }),
    kind: t.expose('kind', { type: WarningKindEnum }),
    level: t.expose('level', { type: WarningLevelEnum }),
    reasons: t.exposeStringList('reasons', { description: '触发原因（中文，如“人均纯收入 3,512.40 元 ≤ 贫困线 × 1.0（3,747 元）”）' }),
    perCapitaNetIncome: t.expose('perCapitaNetIncome', { type: 'Decimal', nullable: true, description: '该年人均纯收入（元）' }),
    status: t.expose('status', { type: WarningStatusEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: '首次预警时间' }),
  }),
});

const WarningFilter = builder.inputType('WarningFilter', {
  fields: (t) => ({
    regionCode: t.string({ description: '住户所在区域的行政区划代码前缀' }),
    year: t.int(),
    level: t.field({ type: WarningLevelEnum }),
    kind: t.field({ type: WarningKindEnum }),
    status: t.field({ type: WarningStatusEnum }),
  }),
});
const WarningOrderBy = orderByInput('WarningOrderBy', {
  level: '预警等级（红、橙、黄）',
  year: '年度',
  id: '预警顺序',
});

export function warningWhere(ctx: Context, filter: typeof WarningFilter.$inferInput | null | undefined): Prisma.WarningWhereInput {
  return {
    household: visibleHouseholds(ctx, filter?.regionCode),
    ...(filter?.year == null ? {} : { year: filter.year }),
    ...(filter?.level ? { level: filter.level } : {}),
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
  };
}

builder.queryField('warnings', (t) =>
  t.prismaConnection({
    type: 'Warning',
    cursor: 'id',
    description: '返贫预警列表（按住户所在区域）',
    args: { filter: t.arg({ type: WarningFilter }), orderBy: t.arg({ type: WarningOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.warning.count({ where: warningWhere(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.warning.findMany({ ...query, where: warningWhere(ctx, args.filter), orderBy: prismaOrder(args.orderBy, 'id') }),
  }),
);
