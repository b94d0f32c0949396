// Benefit-linkage contracts (利益联结合同) between a business entity and a household.
// A contract is visible where its household is (region scope of the household);
// its entity may lie elsewhere and is then hidden (null). Mutations are in
// contractMutations.ts, payouts in contractPayout.ts.
import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { labelledEnum } from '../graphql/enums.ts';
import { Prisma } from '../db.ts';
import { todayInChina } from '../../kernel/dates.ts';
import { LinkageMode, ShareKind } from '../../prisma/generated/client/enums.ts';
import { visibleHouseholds } from '../households/scope.ts';
import { HouseholdRef } from '../households/household.ts';
import { BusinessEntityRef } from '../entities/businessEntity.ts';

export const LinkageModeEnum = labelledEnum('LinkageMode', LinkageMode, '利益联结方式');

export const ShareKindEnum = labelledEnum('ShareKind', ShareKind, '入股方式（仅股份合作）');

/** In force today: start ≤ today ≤ end, or no end. */
export const isActive = (c: { startDate: Date; endDate: Date | null }, today = todayInChina()) =>
  c.startDate <= today && (c.endDate === null || c.endDate >= today);

/** The same rule as `isActive`, as a where-clause (or its negation). */
export function activeWhere(active: boolean, today = todayInChina()): Prisma.BenefitLinkageContractWhereInput {
  return active
    ? { startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] }
    : { OR: [{ startDate: { gt: today } }, { endDate: { lt: today } }] };
}

/** Contracts the viewer sees: those of households in the viewer's region. */

/** Payouts by date; the same order wherever payouts are selected, so the selections merge into one query. */
const PAYOUT_ORDER: Prisma.ContractPayoutOrderByWithRelationInput[] = [{ paidAt: 'asc' }, { id: 'asc' }];

export const BenefitLinkageContractRef = builder.prismaNode('BenefitLinkageContract', {
  description: '利益联结合同（经营主体与住户之间；按住户所在区域可见）',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    contractNumber: t.exposeString('contractNumber', { description: '合同编号' }),
    mode: t.expose('mode', { type: LinkageModeEnum }),
    shareKind: t.expose('shareKind', { type: ShareKindEnum, nullable: true, description: '入股方式（仅股份合作，其他方式为空）' }),
    entity: t.field({
      type: BusinessEntityRef,
      nullable: true,
      description: '经营主体；主体不在您的管辖区域内时为空（合同本身按住户所在区域可见）',
      select: (_args, _ctx, nestedSelection) => ({ entity: nestedSelection(true) }),
      resolve: (contract) => contract.entity,
    }),
    household: t.relation('household', { description: '住户' }),
    startDate: t.expose('startDate', { type: 'Date', description: '起始日期' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true, description: '终止日期（长期合同为空）' }),
    annualBenefit: t.expose('annualBenefit', { type: 'Decimal', description: '约定年收益（元）' }),
    payouts: t.relation('payouts', { description: '实际兑现记录（按日期）', query: { orderBy: PAYOUT_ORDER } }),
    totalPaid: t.field({
      type: 'Decimal',
      description: '累计兑现金额（元）= 各次兑现之和',
      select: { payouts: { select: { amount: true }, orderBy: PAYOUT_ORDER } },
      resolve: (contract) => contract.payouts.reduce((sum, p) => sum.plus(p.amount), new Prisma.Decimal(0)),
    }),
    active: t.boolean({
      description: '今天是否在合同期内（起始日期 ≤ 今天 ≤ 终止日期，或无终止日期）',
      resolve: (contract) => isActive(contract),
    }),
    version: t.exposeInt('version', { description: '版本号（乐观锁）' }),
  }),
});

// ───────────── Connection ─────────────

const ContractFilter = builder.inputType('BenefitLinkageContractFilter', {
  fields: (t) => ({
    regionCode: t.string({ description: '住户所在区域的行政区划代码前缀' }),
    mode: t.field({ type: LinkageModeEnum }),
    entityId: t.globalID({ for: BusinessEntityRef, description: '经营主体' }),
    householdId: t.globalID({ for: HouseholdRef, description: '住户' }),
    active: t.boolean({ description: 'true：今天在合同期内；false：未开始或已到期' }),
  }),
});
const ContractOrderBy = orderByInput('BenefitLinkageContractOrderBy', {
  id: '登记顺序',
  startDate: '起始日期',
  annualBenefit: '约定年收益',
});

export function contractWhere(
  ctx: Context,
  filter: typeof ContractFilter.$inferInput | null | undefined,
): Prisma.BenefitLinkageContractWhereInput {
  const and: Prisma.BenefitLinkageContractWhereInput[] = [];
  if (filter?.active != null) and.push(activeWhere(filter.active));
  return {
    household: visibleHouseholds(ctx, filter?.regionCode),
    ...(filter?.mode ? { mode: filter.mode } : {}),
    ...(filter?.entityId ? { entityId: parseIntId(String(filter.entityId.id)) ?? -1 } : {}),
    ...(filter?.householdId ? { householdId: parseIntId(String(filter.householdId.id)) ?? -1 } : {}),
    ...(and.length ? { AND: and } : {}),
  };
}

builder.queryField('benefitLinkageContracts', (t) =>
  t.prismaConnection({
    type: 'BenefitLinkageContract',
    cursor: 'id',
    description: '利益联结合同列表（按住户所在区域）',
    args: { filter: t.arg({ type: ContractFilter }), orderBy: t.arg({ type: ContractOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.benefitLinkageContract.count({ where: contractWhere(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.benefitLinkageContract.findMany({
        ...query,
        where: contractWhere(ctx, args.filter),
        orderBy: prismaOrder(args.orderBy, 'id'),
      }),
  }),
);
