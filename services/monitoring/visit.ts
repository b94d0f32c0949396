// Visits (走访): an assistance cadre records the nine aspects ("两不愁三保障" and
// more) for a household assigned to them; each failed aspect becomes a risk
// point, which screening counts as a risk until it is resolved.
//
// Visibility: a viewer linked to a cadre (viewer.cadreId) sees the visits to the
// households currently assigned to them and the visits they made themselves;
// everybody else sees visits by the household's region. Recording needs an
// assignment in force on the visit date; assignment, not region, is the authority.
import { z } from 'zod';
import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder, requireIntId } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { viewerOf } from '../graphql/context.ts';
import { labelledEnum } from '../graphql/enums.ts';
import { CodedError, badInput, forbidden, notFound } from '../graphql/errors.ts';
import { inTransaction } from '../graphql/mutations.ts';
import { payloadType } from '../graphql/payloads.ts';
import { effectiveRegion, isRegionCode, regionWhere } from '../auth/scope.ts';
import { auditChange } from '../audit/audit.ts';
import type { Prisma } from '../db.ts';
import { VisitAspect, type RiskType } from '../../prisma/generated/client/enums.ts';
import { RiskTypeEnum } from '../households/enums.ts';
import { HouseholdRef } from '../households/household.ts';
import { todayInChina } from '../../kernel/dates.ts';
import { enumLabel, enumValues } from '../../kernel/labels.ts';

export const VisitAspectEnum = labelledEnum('VisitAspect', VisitAspect, '走访九个方面');

/**
 * The risk type a failed aspect signals (the same mapping as the generated data):
 * medical → illness, schooling → schooling, unsafe house → disaster, failed
 * farming → business failure; the rest (food, clothing, water, …) → OTHER.
 */
export const ASPECT_RISK: Record<VisitAspect, RiskType> = {
  FOOD: 'OTHER',
  CLOTHING: 'OTHER',
  COMPULSORY_EDUCATION: 'SCHOOLING',
  BASIC_MEDICAL: 'ILLNESS',
  HOUSING_SAFETY: 'DISASTER',
  DRINKING_WATER: 'OTHER',
  POPULATION_CHANGE: 'OTHER',
  SPECIALTY_FARMING: 'BUSINESS_FAILURE',
  HOUSEHOLD_ENVIRONMENT: 'OTHER',
};

builder.prismaObject('Cadre', {
  description: '帮扶干部',
  fields: (t) => ({
    name: t.exposeString('name', { description: '姓名' }),
    workUnit: t.exposeString('workUnit', { description: '工作单位' }),
  }),
});

builder.prismaObject('VisitAspectResult', {
  description: '走访某一方面的结果',
  fields: (t) => ({
    aspect: t.expose('aspect', { type: VisitAspectEnum }),
    passed: t.exposeBoolean('passed', { description: '是否达标' }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

export const RiskPointRef = builder.prismaNode('RiskPoint', {
  description: '风险点（走访未达标项等）；未解决的风险点计入筛查风险',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    household: t.relation('household'),
    aspect: t.expose('aspect', { type: VisitAspectEnum, nullable: true }),
    riskType: t.expose('riskType', { type: RiskTypeEnum, nullable: true }),
    description: t.exposeString('description'),
    raisedAt: t.expose('raisedAt', { type: 'Date', description: '发现日期（走访日期）' }),
    resolvedAt: t.expose('resolvedAt', { type: 'Date', nullable: true, description: '解决日期；为空表示未解决' }),
  }),
});

/** Where-clause of the visits the viewer sees (see the header). */
export function visitScope(ctx: Context, today = todayInChina()): Prisma.VisitWhereInput {
  const cadreId = viewerOf(ctx).cadreId;
  if (cadreId === null) return {};
  return {
    OR: [{ cadreId }, { household: { assignments: { some: { cadreId, OR: [{ endDate: null }, { endDate: { gte: today } }] } } } }],
  };
}

export const VisitRef = builder.prismaNode('Visit', {
  description: '走访记录（九个方面）',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    household: t.relation('household'),
    cadre: t.relation('cadre', { description: '走访干部' }),
    visitedAt: t.expose('visitedAt', { type: 'Date' }),
    note: t.exposeString('note', { nullable: true }),
    aspects: t.relation('aspects', { description: '九个方面的结果', query: { orderBy: { aspect: 'asc' } } }),
    riskPoints: t.relation('riskPoints', { description: '本次走访发现的风险点', query: { orderBy: { id: 'asc' } } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const VisitFilter = builder.inputType('VisitFilter', {
  fields: (t) => ({
    regionCode: t.string({ description: '住户所在区域的行政区划代码前缀' }),
    householdId: t.globalID({ for: HouseholdRef }),
    from: t.field({ type: 'Date', description: '走访日期不早于' }),
    to: t.field({ type: 'Date', description: '走访日期不晚于' }),
  }),
});
const VisitOrderBy = orderByInput('VisitOrderBy', { visitedAt: '走访日期', id: '登记顺序' });

function visitWhere(ctx: Context, filter: typeof VisitFilter.$inferInput | null | undefined): Prisma.VisitWhereInput {
  const and: Prisma.VisitWhereInput[] = [visitScope(ctx)];
  const requested = filter?.regionCode;
  if (requested != null) {
    if (viewerOf(ctx).cadreId === null) and.push({ household: regionWhere(effectiveRegion(ctx, requested)) });
    else if (isRegionCode(requested)) and.push({ household: regionWhere(requested) });
    else throw badInput('filter.regionCode', `行政区划代码应为 6、9 或 12 位数字: ${requested}`);
  }
  if (filter?.householdId) and.push({ householdId: parseIntId(String(filter.householdId.id)) ?? -1 });
  if (filter?.from || filter?.to)
    and.push({ visitedAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } });
  return { AND: and };
}

builder.queryField('visits', (t) =>
  t.prismaConnection({
    type: 'Visit',
    cursor: 'id',
    description: '走访记录：干部账号只见其帮扶住户的走访，其他账号按区域',
    args: { filter: t.arg({ type: VisitFilter }), orderBy: t.arg({ type: VisitOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.visit.count({ where: visitWhere(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.visit.findMany({ ...query, where: visitWhere(ctx, args.filter), orderBy: prismaOrder(args.orderBy, 'id') }),
  }),
);

// ───────────── Mutations ─────────────

const AspectInput = builder.inputType('VisitAspectInput', {
  fields: (t) => ({
    aspect: t.field({ type: VisitAspectEnum, required: true }),
    passed: t.boolean({ required: true }),
    note: t.string({ validate: z.string().trim().max(200, '说明最多 200 字'), description: '未达标时作为风险点描述' }),
  }),
});
const RecordVisitInput = builder.inputType('RecordVisitInput', {
  fields: (t) => ({
    householdId: t.globalID({ required: true, for: HouseholdRef }),
    visitedAt: t.field({ type: 'Date', required: true, description: '走访日期（不晚于今天）' }),
    note: t.string({ validate: z.string().trim().max(500, '备注最多 500 字') }),
    aspects: t.field({ type: [AspectInput], required: true, description: '九个方面各一条' }),
  }),
});
const ResolveRiskPointInput = builder.inputType('ResolveRiskPointInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: RiskPointRef }),
    note: t.string({ validate: z.string().trim().max(500, '说明最多 500 字'), description: '解决情况（记入审计日志）' }),
  }),
});
const VisitPayload = payloadType('RecordVisitPayload', 'visit', VisitRef);
const RiskPointPayload = payloadType('RiskPointPayload', 'riskPoint', RiskPointRef);

function checkAspects(aspects: { aspect: VisitAspect }[]): void {
  const all = enumValues('VisitAspect');
  const given = new Set(aspects.map((a) => a.aspect));
  if (aspects.length !== all.length || given.size !== all.length) {
    const missing = all.filter((a) => !given.has(a)).map((a) => enumLabel('VisitAspect', a));
    throw badInput(
      'aspects',
      `须恰好填写九个方面各一次 (exactly the nine aspects, each once)${missing.length ? `；缺少：${missing.join('、')}` : '；有重复'}`,
    );
  }
}

builder.mutationField('recordVisit', (t) =>
  t.field({
    type: VisitPayload,
    description: '登记走访：须为该户在走访日有效的帮扶干部（否则 FORBIDDEN）；未达标方面各生成一个风险点',
    args: { input: t.arg({ type: RecordVisitInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const cadreId = viewerOf(ctx).cadreId;
      if (cadreId === null) throw forbidden('登记走访（仅帮扶干部账号）');
      const householdId = requireIntId(String(input.householdId.id), 'householdId');
      if (input.visitedAt > todayInChina()) throw badInput('visitedAt', '走访日期不能晚于今天 (not in the future)');
      checkAspects(input.aspects);
      const visit = await inTransaction(ctx, async (tx) => {
        const assignment = await tx.cadreAssignment.findFirst({
          where: {
            cadreId,
            householdId,
            startDate: { lte: input.visitedAt },
            OR: [{ endDate: null }, { endDate: { gte: input.visitedAt } }],
          },
          select: { id: true },
        });
        if (!assignment) throw forbidden('走访非本人帮扶的住户');
        const aspects = input.aspects.map((a) => ({ aspect: a.aspect, passed: a.passed, note: a.note?.trim() || null }));
        const created = await tx.visit.create({
          data: {
            cadreId,
            householdId,
            visitedAt: input.visitedAt,
            note: input.note?.trim() || null,
            aspects: { createMany: { data: aspects } },
          },
        });
        const points = aspects
          .filter((a) => !a.passed)
          .map((a) => ({
            householdId,
            visitId: created.id,
            aspect: a.aspect,
            riskType: ASPECT_RISK[a.aspect],
            description: a.note ?? `走访发现：${enumLabel('VisitAspect', a.aspect)}未达标`,
            raisedAt: input.visitedAt,
          }));
        if (points.length) await tx.riskPoint.createMany({ data: points });
        await auditChange(tx, ctx, 'CREATE', 'Visit', created.id, null, { ...created, aspects, riskPoints: points });
        return created;
      });
      return { visit };
    },
  }),
);

builder.mutationField('resolveRiskPoint', (t) =>
  t.field({
    type: RiskPointPayload,
    description: '标记风险点已解决（解决日期为今天）；风险点须在您的管辖区域内，已解决的返回 CONFLICT',
    authScopes: { permission: 'WRITE_RISK_POINTS' },
    args: { input: t.arg({ type: ResolveRiskPointInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = requireIntId(String(input.id.id), 'id');
      const riskPoint = await inTransaction(ctx, async (tx) => {
        const before = await tx.riskPoint.findFirst({ where: { id } });
        if (!before) throw notFound('风险点', String(id));
        // The null check in the where makes two concurrent resolutions a CONFLICT, not a double write.
        const { count } = await tx.riskPoint.updateMany({ where: { id, resolvedAt: null }, data: { resolvedAt: todayInChina() } });
        if (count === 0) throw new CodedError('CONFLICT', '风险点已解决 (the risk point is already resolved)');
        const after = await tx.riskPoint.findUniqueOrThrow({ where: { id } });
        await auditChange(tx, ctx, 'UPDATE', 'RiskPoint', id, before, { ...after, note: input.note?.trim() || null });
        return after;
      });
      return { riskPoint };
    },
  }),
);
