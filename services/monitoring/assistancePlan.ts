// 一户一方案, 一人一措施: one assistance plan per household in monitoring (or with an
// approved case), with measures, each for one member (or the whole household when no
// person is named). Visible and writable where the household is; writers: county admin,
// township officer, village cadre.
import { z } from 'zod';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder, requireIntId } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { labelledEnum } from '../graphql/enums.ts';
import { CodedError, badInput, conflict, forbidden, notFound } from '../graphql/errors.ts';
import { inTransaction } from '../graphql/mutations.ts';
import { payloadType } from '../graphql/payloads.ts';
import { auditChange } from '../audit/audit.ts';
import { effectiveRegion, regionWhere } from '../auth/scope.ts';
import type { Prisma } from '../db.ts';
import { MeasureKind, MeasureStatus } from '../../prisma/generated/client/enums.ts';
import { HouseholdRef } from '../households/household.ts';
import { PersonRef } from '../households/person.ts';
import { EmploymentChannelCodeEnum } from '../employment/enums.ts';
import { BenefitLinkageContractRef } from '../linkage/benefitLinkageContract.ts';

export const MeasureKindEnum = labelledEnum('MeasureKind', MeasureKind, '帮扶措施类别');
export const MeasureStatusEnum = labelledEnum('MeasureStatus', MeasureStatus, '措施落实状态');

/** Plans the viewer sees: those of households in the viewer's region. */

export const AssistanceMeasureRef = builder.prismaNode('AssistanceMeasure', {
  description: '帮扶措施（一人一措施；未指定成员时针对全户）',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    person: t.relation('person', { nullable: true, description: '针对的家庭成员（全户措施为空）' }),
    kind: t.expose('kind', { type: MeasureKindEnum }),
    description: t.exposeString('description', { description: '措施内容' }),
    status: t.expose('status', { type: MeasureStatusEnum }),
    channelCode: t.expose('channelCode', { type: EmploymentChannelCodeEnum, nullable: true, description: '就业渠道（就业帮扶）' }),
    contractId: t.id({
      nullable: true,
      description: '利益联结合同的全局 ID（产业/利益联结）',
      resolve: (m) => (m.contractId === null ? null : encodeGlobalID('BenefitLinkageContract', m.contractId)),
    }),
    version: t.exposeInt('version', { description: '版本号（乐观锁）' }),
  }),
});

export const AssistancePlanRef = builder.prismaNode('AssistancePlan', {
  description: '帮扶方案（一户一方案）',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    household: t.relation('household', { description: '住户' }),
    summary: t.exposeString('summary', { description: '方案概述' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    measures: t.relation('measures', { description: '措施（按登记顺序）', query: { orderBy: { id: 'asc' } } }),
    version: t.exposeInt('version', { description: '版本号（乐观锁）' }),
  }),
});

builder.prismaObjectField(HouseholdRef, 'assistancePlan', (t) =>
  t.relation('assistancePlan', { nullable: true, description: '帮扶方案（一户一方案）' }),
);

// ───────────── Connection ─────────────

const PlanFilter = builder.inputType('AssistancePlanFilter', {
  fields: (t) => ({
    regionCode: t.string({ description: '住户所在区域的行政区划代码前缀' }),
    householdId: t.globalID({ for: HouseholdRef, description: '住户' }),
  }),
});
const PlanOrderBy = orderByInput('AssistancePlanOrderBy', { id: '登记顺序', createdAt: '制定时间' });

function planWhere(ctx: Context, filter: typeof PlanFilter.$inferInput | null | undefined): Prisma.AssistancePlanWhereInput {
  return {
    household: regionWhere(effectiveRegion(ctx, filter?.regionCode)),
    ...(filter?.householdId ? { householdId: parseIntId(String(filter.householdId.id)) ?? -1 } : {}),
  };
}

builder.queryField('assistancePlans', (t) =>
  t.prismaConnection({
    type: 'AssistancePlan',
    cursor: 'id',
    description: '帮扶方案列表（按住户所在区域）',
    args: { filter: t.arg({ type: PlanFilter }), orderBy: t.arg({ type: PlanOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.assistancePlan.count({ where: planWhere(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.assistancePlan.findMany({ ...query, where: planWhere(ctx, args.filter), orderBy: prismaOrder(args.orderBy, 'id') }),
  }),
);

// ───────────── Mutations ─────────────

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最多 ${max} 字`);

const CreatePlanInput = builder.inputType('CreateAssistancePlanInput', {
  fields: (t) => ({
    householdId: t.globalID({ required: true, for: HouseholdRef, description: '住户（须在监测中或有已审定的监测案件）' }),
    summary: t.string({ required: true, validate: text(500), description: '方案概述' }),
  }),
});
const AddMeasureInput = builder.inputType('AddAssistanceMeasureInput', {
  fields: (t) => ({
    planId: t.globalID({ required: true, for: AssistancePlanRef }),
    personId: t.globalID({ for: PersonRef, description: '家庭成员（须属于该户；不填为全户措施）' }),
    kind: t.field({ type: MeasureKindEnum, required: true }),
    description: t.string({ required: true, validate: text(300), description: '措施内容' }),
    status: t.field({ type: MeasureStatusEnum, description: '默认 PLANNED' }),
    channelCode: t.field({ type: EmploymentChannelCodeEnum, description: '就业渠道（仅就业帮扶）' }),
    contractId: t.globalID({ for: BenefitLinkageContractRef, description: '利益联结合同（仅产业/利益联结；须为该户的合同）' }),
  }),
});
const UpdateMeasureInput = builder.inputType('UpdateAssistanceMeasureInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: AssistanceMeasureRef }),
    version: t.int({ required: true }),
    status: t.field({ type: MeasureStatusEnum, required: true }),
    description: t.string({ validate: text(300), description: '措施内容（不填则不变）' }),
  }),
});

const PlanPayload = payloadType('AssistancePlanPayload', 'assistancePlan', AssistancePlanRef);
const MeasurePayload = payloadType('AssistanceMeasurePayload', 'assistanceMeasure', AssistanceMeasureRef);

builder.mutationField('createAssistancePlan', (t) =>
  t.field({
    type: PlanPayload,
    description: '制定帮扶方案：住户须在您的管辖区域内（FORBIDDEN）、在监测中或有已审定案件（BAD_USER_INPUT）；一户一方案（CONFLICT）',
    authScopes: { permission: 'WRITE_ASSISTANCE_PLANS' },
    args: { input: t.arg({ type: CreatePlanInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const householdId = requireIntId(String(input.householdId.id), 'householdId');
      const assistancePlan = await inTransaction(ctx, async (tx) => {
        const household = await tx.household.findFirst({
          where: { id: householdId },
          select: { id: true, monitoringCategory: true, assistancePlan: { select: { id: true } } },
        });
        if (!household) throw forbidden('为管辖区域外的住户制定方案');
        if (household.assistancePlan) {
          throw new CodedError('CONFLICT', '该户已有帮扶方案（一户一方案）(the household already has a plan)', {
            planId: encodeGlobalID('AssistancePlan', household.assistancePlan.id),
          });
        }
        if (household.monitoringCategory === null) {
          const approved = await tx.monitoringCase.findFirst({
            where: { householdId, stage: { in: ['APPROVED', 'RISK_ELIMINATED'] } },
            select: { id: true },
          });
          if (!approved) throw badInput('householdId', '该户未纳入监测，也没有已审定的监测案件 (the household is not monitored)');
        }
        const plan = await tx.assistancePlan.create({ data: { householdId, summary: input.summary } });
        await auditChange(tx, ctx, 'CREATE', 'AssistancePlan', plan.id, null, plan);
        return plan;
      });
      return { assistancePlan };
    },
  }),
);

/** Cross-field rules of a measure: the channel only for employment, the contract only for benefit linkage. */
function checkMeasureKind(kind: MeasureKind, channelCode: unknown, contractId: unknown): void {
  if (channelCode != null && kind !== 'EMPLOYMENT') throw badInput('channelCode', '仅就业帮扶措施可填写就业渠道');
  if (contractId != null && kind !== 'BENEFIT_LINKAGE') throw badInput('contractId', '仅产业/利益联结措施可关联合同');
}

builder.mutationField('addAssistanceMeasure', (t) =>
  t.field({
    type: MeasurePayload,
    description: '添加帮扶措施：成员须属于该户、合同须为该户的合同（BAD_USER_INPUT）；方案不可见 NOT_FOUND',
    authScopes: { permission: 'WRITE_ASSISTANCE_PLANS' },
    args: { input: t.arg({ type: AddMeasureInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const planId = requireIntId(String(input.planId.id), 'planId');
      const personId = input.personId ? requireIntId(String(input.personId.id), 'personId') : null;
      const contractId = input.contractId ? requireIntId(String(input.contractId.id), 'contractId') : null;
      checkMeasureKind(input.kind, input.channelCode, contractId);
      const assistanceMeasure = await inTransaction(ctx, async (tx) => {
        const plan = await tx.assistancePlan.findFirst({ where: { id: planId }, select: { id: true, householdId: true } });
        if (!plan) throw notFound('帮扶方案', String(input.planId.id));
        if (
          personId !== null &&
          !(await tx.person.findFirst({ where: { id: personId, householdId: plan.householdId }, select: { id: true } }))
        ) {
          throw badInput('personId', '该成员不属于此户 (the person is not a member of this household)');
        }
        if (
          contractId !== null &&
          !(await tx.benefitLinkageContract.findFirst({ where: { id: contractId, householdId: plan.householdId }, select: { id: true } }))
        ) {
          throw badInput('contractId', '该合同不属于此户 (the contract is not this household’s)');
        }
        const measure = await tx.assistanceMeasure.create({
          data: {
            planId,
            personId,
            kind: input.kind,
            description: input.description,
            status: input.status ?? 'PLANNED',
            channelCode: input.channelCode ?? null,
            contractId,
          },
        });
        await auditChange(tx, ctx, 'CREATE', 'AssistanceMeasure', measure.id, null, measure);
        return measure;
      });
      return { assistanceMeasure };
    },
  }),
);

builder.mutationField('updateAssistanceMeasure', (t) =>
  t.field({
    type: MeasurePayload,
    description: '更新措施落实状态（及内容）；version 过期 CONFLICT；不可见 NOT_FOUND',
    authScopes: { permission: 'WRITE_ASSISTANCE_PLANS' },
    args: { input: t.arg({ type: UpdateMeasureInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = requireIntId(String(input.id.id), 'id');
      const assistanceMeasure = await inTransaction(ctx, async (tx) => {
        const before = await tx.assistanceMeasure.findFirst({ where: { id } });
        if (!before) throw notFound('帮扶措施', String(input.id.id));
        const { count } = await tx.assistanceMeasure.updateMany({
          where: { id, version: input.version },
          data: { status: input.status, ...(input.description ? { description: input.description } : {}), version: { increment: 1 } },
        });
        if (count === 0) throw conflict('帮扶措施');
        const after = await tx.assistanceMeasure.findUniqueOrThrow({ where: { id } });
        await auditChange(tx, ctx, 'UPDATE', 'AssistanceMeasure', id, before, after);
        return after;
      });
      return { assistanceMeasure };
    },
  }),
);
