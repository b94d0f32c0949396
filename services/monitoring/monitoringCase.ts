// 动态管理: monitoring cases (one household's way into monitoring) — the node, the
// connection and the declaration. The steps after declaration, and who may take
// them, are in caseWorkflow.ts. A case is visible where its household is (its own
// county/township/village columns are copied from the household on declaration).
//
// Warnings, alerts and visits belong to other modules; the case refers to them by
// global id only (`warningId`, `alertId`, `visitId`: "Warning:1" etc.), so this
// file does not depend on their GraphQL types.
import { z } from 'zod';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder, requireIntId } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { viewerOf } from '../graphql/context.ts';
import { labelledEnum } from '../graphql/enums.ts';
import { CodedError, badInput, forbidden } from '../graphql/errors.ts';
import { inTransaction } from '../graphql/mutations.ts';
import { payloadType } from '../graphql/payloads.ts';
import { auditChange } from '../audit/audit.ts';
import { effectiveRegion, regionWhere } from '../auth/scope.ts';
import { RoleEnum } from '../auth/login.ts';
import type { Prisma } from '../db.ts';
import { CaseSource, CaseStage } from '../../prisma/generated/client/enums.ts';
import { enumLabel } from '../../kernel/labels.ts';
import { HouseholdRef } from '../households/household.ts';
import { MonitoringCategoryEnum, RiskTypeEnum } from '../households/enums.ts';

export const CaseStageEnum = labelledEnum('CaseStage', CaseStage, '监测案件阶段');
export const CaseSourceEnum = labelledEnum('CaseSource', CaseSource, '案件来源');

/** A case stays open (blocks a second declaration) until rejected or its risk is eliminated. */
export const CLOSED_STAGES: CaseStage[] = ['REJECTED', 'RISK_ELIMINATED'];

interface ActorRow {
  username: string;
  displayName: string;
  role: (typeof RoleEnum)['$inferType'];
}
const CaseActorRef = builder.objectRef<ActorRow>('CaseActor').implement({
  description: '办理人',
  fields: (t) => ({
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName', { description: '姓名' }),
    role: t.field({ type: RoleEnum, resolve: (a) => a.role }),
  }),
});

builder.prismaObject('CaseTransition', {
  description: '案件流转记录：谁、何时、为何',
  fields: (t) => ({
    fromStage: t.expose('fromStage', { type: CaseStageEnum, nullable: true, description: '原阶段（申报时为空）' }),
    toStage: t.expose('toStage', { type: CaseStageEnum, description: '新阶段' }),
    actor: t.field({
      type: CaseActorRef,
      description: '办理人',
      select: { actor: { select: { username: true, displayName: true, role: true } } },
      resolve: (tr) => tr.actor,
    }),
    at: t.expose('at', { type: 'DateTime', description: '办理时间' }),
    reason: t.exposeString('reason', { nullable: true, description: '理由/意见' }),
  }),
});

const refId = (type: string, id: number | null) => (id === null ? null : encodeGlobalID(type, id));

export const MonitoringCaseRef = builder.prismaNode('MonitoringCase', {
  description: '防返贫监测案件（申报 → 入户核实 → 村两委研究 → 乡镇审核 → 县级审定；任一步可不予纳入）',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    household: t.relation('household', { description: '住户' }),
    villageCode: t.exposeString('villageCode'),
    category: t.expose('category', { type: MonitoringCategoryEnum, description: '拟纳入的监测类别' }),
    riskTypes: t.expose('riskTypes', { type: [RiskTypeEnum], description: '风险类型' }),
    stage: t.expose('stage', { type: CaseStageEnum, description: '当前阶段' }),
    source: t.expose('source', { type: CaseSourceEnum, description: '来源' }),
    reason: t.exposeString('reason', { nullable: true, description: '申报理由' }),
    warningId: t.id({ nullable: true, description: '来源预警的全局 ID（筛查预警）', resolve: (c) => refId('Warning', c.warningId) }),
    alertId: t.id({ nullable: true, description: '来源部门预警的全局 ID', resolve: (c) => refId('Alert', c.alertId) }),
    visitId: t.id({ nullable: true, description: '来源走访记录的全局 ID', resolve: (c) => refId('Visit', c.visitId) }),
    declaredAt: t.expose('declaredAt', { type: 'DateTime', description: '申报时间' }),
    transitions: t.relation('transitions', { description: '流转记录（按时间）', query: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } }),
    version: t.exposeInt('version', { description: '版本号（乐观锁）' }),
  }),
});

// ───────────── Connection ─────────────

const CaseFilter = builder.inputType('MonitoringCaseFilter', {
  fields: (t) => ({
    regionCode: t.string({ description: '行政区划代码前缀' }),
    stage: t.field({ type: CaseStageEnum }),
    category: t.field({ type: MonitoringCategoryEnum }),
    source: t.field({ type: CaseSourceEnum }),
    householdId: t.globalID({ for: HouseholdRef, description: '住户' }),
  }),
});
const CaseOrderBy = orderByInput('MonitoringCaseOrderBy', { id: '登记顺序', declaredAt: '申报时间' });

function caseWhere(ctx: Context, filter: typeof CaseFilter.$inferInput | null | undefined): Prisma.MonitoringCaseWhereInput {
  return {
    ...regionWhere(effectiveRegion(ctx, filter?.regionCode)),
    ...(filter?.stage ? { stage: filter.stage } : {}),
    ...(filter?.category ? { category: filter.category } : {}),
    ...(filter?.source ? { source: filter.source } : {}),
    ...(filter?.householdId ? { householdId: parseIntId(String(filter.householdId.id)) ?? -1 } : {}),
  };
}

builder.queryField('monitoringCases', (t) =>
  t.prismaConnection({
    type: 'MonitoringCase',
    cursor: 'id',
    description: '监测案件列表（按区域、阶段、类别、来源、住户筛选）',
    args: { filter: t.arg({ type: CaseFilter }), orderBy: t.arg({ type: CaseOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.monitoringCase.count({ where: caseWhere(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.monitoringCase.findMany({ ...query, where: caseWhere(ctx, args.filter), orderBy: prismaOrder(args.orderBy, 'id') }),
  }),
);

// ───────────── Declaration ─────────────

/** The region column a declarer's own region code must equal: each declares at its own level. */
const DECLARER_LEVEL = { VILLAGE_CADRE: 'villageCode', TOWNSHIP_OFFICER: 'townshipCode', COUNTY_ADMIN: 'countyCode' } as const;

const reasonText = z.string().trim().min(1, '不能为空').max(500, '最多 500 字');

const DeclareInput = builder.inputType('DeclareMonitoringCaseInput', {
  fields: (t) => ({
    householdId: t.globalID({ required: true, for: HouseholdRef, description: '住户（须在您的管辖区域内）' }),
    source: t.field({ type: CaseSourceEnum, required: true }),
    warningId: t.globalID({ description: '筛查预警（来源为 SCREENING 时必填；该户的未处理预警）' }),
    alertId: t.globalID({ description: '部门预警（来源为 DEPARTMENT_ALERT 时必填；该户的预警）' }),
    visitId: t.globalID({ description: '走访记录（来源为 VISIT 时必填；该户的走访）' }),
    category: t.field({ type: MonitoringCategoryEnum, required: true, description: '拟纳入类别' }),
    riskTypes: t.field({ type: [RiskTypeEnum], required: true, description: '风险类型（至少一项）' }),
    reason: t.string({ required: true, validate: reasonText, description: '申报理由' }),
  }),
});

export const MonitoringCasePayload = payloadType('MonitoringCasePayload', 'monitoringCase', MonitoringCaseRef);

/** The id of a referenced record, which must be a global id of `type`. */
function refIdOf(gid: { typename: string; id: string } | null | undefined, type: string, field: string): number | null {
  return gid ? requireIntId(gid, field, type) : null;
}

type Tx = Prisma.TransactionClient;
interface HouseholdRow {
  id: number;
  countyCode: string;
  townshipCode: string;
  villageCode: string;
  registered: boolean;
  status: string | null;
}

/** Category rules: 脱贫不稳定户 only for a lifted registered household; 边缘户 only for a non-registered one. */
function checkCategory(category: string, h: HouseholdRow): void {
  if (category === 'UNSTABLE_LIFTED' && !(h.registered && h.status === 'LIFTED')) {
    throw badInput('category', '脱贫不稳定户须为已脱贫的建档立卡户 (UNSTABLE_LIFTED needs a lifted registered household)');
  }
  if (category === 'EDGE' && h.registered) {
    throw badInput('category', '边缘易致贫户须为非建档立卡户 (EDGE needs a non-registered household)');
  }
}

/** The source record named for the case's source must be this household's (and, for a warning, still open). */
async function checkSource(
  tx: Tx,
  ctx: Context,
  source: CaseSource,
  householdId: number,
  ids: Record<'warningId' | 'alertId' | 'visitId', number | null>,
) {
  const needed = { SCREENING: 'warningId', DEPARTMENT_ALERT: 'alertId', VISIT: 'visitId', SELF_DECLARATION: null }[source];
  for (const field of ['warningId', 'alertId', 'visitId'] as const) {
    if (field === needed && ids[field] === null) throw badInput(field, `来源为 ${source} 时必填 (required for this source)`);
    if (field !== needed && ids[field] !== null) throw badInput(field, `来源为 ${source} 时不应填写 (not for this source)`);
  }
  if (ids.warningId !== null) {
    const warning = await tx.warning.findFirst({ where: { id: ids.warningId, householdId }, select: { id: true, status: true } });
    if (!warning) throw badInput('warningId', '该户没有此预警 (no such warning for this household)');
    if (warning.status !== 'OPEN') throw new CodedError('CONFLICT', '该预警已处理 (the warning is no longer open)', { field: 'warningId' });
    const after = await tx.warning.update({ where: { id: warning.id }, data: { status: 'CASE_OPENED' } });
    await auditChange(tx, ctx, 'UPDATE', 'Warning', warning.id, warning, after);
  }
  if (ids.alertId !== null && !(await tx.alert.findFirst({ where: { id: ids.alertId, householdId }, select: { id: true } }))) {
    throw badInput('alertId', '该户没有此部门预警 (no such alert for this household)');
  }
  if (ids.visitId !== null && !(await tx.visit.findFirst({ where: { id: ids.visitId, householdId }, select: { id: true } }))) {
    throw badInput('visitId', '该户没有此走访记录 (no such visit for this household)');
  }
}

builder.mutationField('declareMonitoringCase', (t) =>
  t.field({
    type: MonitoringCasePayload,
    description:
      '申报监测案件：村干部（本村）、乡镇工作人员（本乡镇）或县级管理员；一户同时只能有一个未办结案件（CONFLICT）；' +
      '脱贫不稳定户须为已脱贫户、边缘户须为非建档立卡户（BAD_USER_INPUT）；筛查来源的预警标记为已立案',
    authScopes: { permission: 'DECLARE_CASES' },
    args: { input: t.arg({ type: DeclareInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = viewerOf(ctx);
      const householdId = requireIntId(String(input.householdId.id), 'householdId');
      const ids = {
        warningId: refIdOf(input.warningId, 'Warning', 'warningId'),
        alertId: refIdOf(input.alertId, 'Alert', 'alertId'),
        visitId: refIdOf(input.visitId, 'Visit', 'visitId'),
      };
      const riskTypes = [...new Set(input.riskTypes)];
      if (riskTypes.length === 0) throw badInput('riskTypes', '至少选择一项风险类型 (at least one risk type)');
      const monitoringCase = await inTransaction(ctx, async (tx) => {
        // Row lock on the household: two simultaneous declarations cannot both see "no open case".
        const locked = await tx.$queryRaw<HouseholdRow[]>`
          SELECT id, county_code AS "countyCode", township_code AS "townshipCode", village_code AS "villageCode",
                 registered, status::text AS status
            FROM household WHERE id = ${householdId} FOR UPDATE`;
        const household = locked[0];
        const level = DECLARER_LEVEL[viewer.role as keyof typeof DECLARER_LEVEL];
        if (!household || household[level] !== viewer.regionCode) throw forbidden('为管辖区域外的住户申报');
        checkCategory(input.category, household);
        const open = await tx.monitoringCase.findFirst({
          where: { householdId, stage: { notIn: CLOSED_STAGES } },
          select: { id: true, stage: true },
        });
        if (open) {
          throw new CodedError(
            'CONFLICT',
            `该户已有未办结的监测案件（当前「${enumLabel('CaseStage', open.stage)}」）(the household already has an open case)`,
            {
              caseId: encodeGlobalID('MonitoringCase', open.id),
            },
          );
        }
        await checkSource(tx, ctx, input.source, householdId, ids);
        const now = new Date();
        const created = await tx.monitoringCase.create({
          data: {
            householdId,
            countyCode: household.countyCode,
            townshipCode: household.townshipCode,
            villageCode: household.villageCode,
            source: input.source,
            ...ids,
            category: input.category,
            riskTypes,
            stage: 'DECLARED',
            reason: input.reason,
            declaredAt: now,
          },
        });
        await tx.caseTransition.create({
          data: { caseId: created.id, fromStage: null, toStage: 'DECLARED', actorId: viewer.id, at: now, reason: input.reason },
        });
        await auditChange(tx, ctx, 'CREATE', 'MonitoringCase', created.id, null, created);
        return created;
      });
      return { monitoringCase };
    },
  }),
);
