import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { phoneFor } from '../audit/personalData.ts';
import { Prisma } from '../db.ts';
import { MonitoringCategoryEnum, PovertyStatusEnum, RiskTypeEnum } from './enums.ts';
import { visibleHouseholds } from './scope.ts';
import { PersonRef } from './person.ts';
import { perCapita } from './incomeRecord.ts';

export const HouseholdRef = builder.prismaNode('Household', {
  description: '住户（户）',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    householdNumber: t.exposeString('householdNumber', { description: '户编号' }),
    village: t.relation('village'),
    villageCode: t.exposeString('villageCode'),
    townshipCode: t.exposeString('townshipCode'),
    address: t.exposeString('address', { description: '住址' }),
    phone: t.string({
      nullable: true,
      description: '联系电话（无个人信息权限时脱敏）',
      select: { id: true, phone: true },
      resolve: (h, _args, ctx) => phoneFor(ctx, 'Household', h.id, h.phone),
    }),
    head: t.field({
      type: PersonRef,
      nullable: true,
      description: '户主',
      select: (_args, _ctx, nested) => ({ members: nested({ where: { relation: 'HEAD' }, take: 1 }) }),
      resolve: (h) => h.members[0] ?? null,
    }),
    members: t.relation('members', { description: '家庭成员', query: { orderBy: { id: 'asc' } } }),
    registered: t.exposeBoolean('registered', { description: '是否建档立卡户' }),
    registeredYear: t.exposeInt('registeredYear', { nullable: true, description: '建档立卡年份' }),
    status: t.expose('status', { type: PovertyStatusEnum, nullable: true, description: '脱贫状态（非建档立卡户为空）' }),
    liftedYear: t.exposeInt('liftedYear', { nullable: true, description: '脱贫年份' }),
    monitoringCategory: t.expose('monitoringCategory', { type: MonitoringCategoryEnum, nullable: true, description: '监测对象类别' }),
    monitoringSince: t.expose('monitoringSince', { type: 'Date', nullable: true, description: '纳入监测日期' }),
    riskEliminatedAt: t.expose('riskEliminatedAt', { type: 'Date', nullable: true, description: '风险消除日期' }),
    riskTypes: t.expose('riskTypes', { type: [RiskTypeEnum], description: '风险类型' }),
    incomeRecords: t.relation('incomeRecords', { description: '历年收入', query: { orderBy: { year: 'asc' } } }),
    perCapitaNetIncome: t.field({
      type: 'Decimal',
      nullable: true,
      description: '该年人均纯收入（元）= 纯收入 ÷ 当年人口',
      args: { year: t.arg.int({ required: true }) },
      select: (args) => ({ incomeRecords: { where: { year: args.year } } }),
      resolve: (h) => {
        const record = h.incomeRecords[0];
        return record ? perCapita(record) : null;
      },
    }),
    benefitLinkageContracts: t.relatedConnection('benefitLinkageContracts', {
      cursor: 'id',
      totalCount: true,
      description: '利益联结合同',
      query: () => ({ orderBy: { id: 'asc' } }),
    }),
    version: t.exposeInt('version', { description: '版本号（乐观锁）' }),
  }),
});

const HouseholdFilter = builder.inputType('HouseholdFilter', {
  fields: (t) => ({
    regionCode: t.string({ description: '行政区划代码前缀（县 6 位、乡镇 9 位、村 12 位）' }),
    status: t.field({ type: PovertyStatusEnum }),
    monitoringCategory: t.field({ type: MonitoringCategoryEnum }),
    registered: t.boolean(),
    liftedYear: t.int(),
    search: t.string({ description: '户编号、户主姓名或住址' }),
  }),
});
const HouseholdOrderBy = orderByInput('HouseholdOrderBy', {
  id: '创建顺序',
  householdNumber: '户编号',
  liftedYear: '脱贫年份',
  registeredYear: '建档立卡年份',
});

type HouseholdFilterInput = typeof HouseholdFilter.$inferInput;

export function householdWhere(ctx: Context, filter: HouseholdFilterInput | null | undefined): Prisma.HouseholdWhereInput {
  const search = filter?.search?.trim();
  return {
    ...visibleHouseholds(ctx, filter?.regionCode),
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.monitoringCategory ? { monitoringCategory: filter.monitoringCategory } : {}),
    ...(filter?.registered == null ? {} : { registered: filter.registered }),
    ...(filter?.liftedYear == null ? {} : { liftedYear: filter.liftedYear }),
    ...(search
      ? {
          OR: [
            { householdNumber: { startsWith: search } },
            { address: { contains: search } },
            { members: { some: { relation: 'HEAD', name: { contains: search } } } },
          ],
        }
      : {}),
  };
}

builder.queryField('households', (t) =>
  t.prismaConnection({
    type: 'Household',
    cursor: 'id',
    description: '住户列表',
    args: { filter: t.arg({ type: HouseholdFilter }), orderBy: t.arg({ type: HouseholdOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.household.count({ where: householdWhere(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.household.findMany({ ...query, where: householdWhere(ctx, args.filter), orderBy: prismaOrder(args.orderBy, 'id') }),
  }),
);
