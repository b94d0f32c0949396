// Department alerts (部门比对预警): a mismatch between a department record and a
// person's record, for a cadre to review. Scoped by the matched household's
// region codes; reviewed once (CONFIRM or DISMISS, a note required to dismiss)
// with optimistic locking on `version`.
import { z } from 'zod';
import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder, requireIntId } from '../graphql/connections.ts';
import { viewerOf, type Context } from '../graphql/context.ts';
import { badInput, conflict, notFound } from '../graphql/errors.ts';
import { inTransaction } from '../graphql/mutations.ts';
import { payloadType } from '../graphql/payloads.ts';
import { labelledEnum } from '../graphql/enums.ts';
import { auditChange } from '../audit/audit.ts';
import { effectiveRegion, regionWhere } from '../auth/scope.ts';
import { DepartmentEnum } from '../auth/login.ts';
import type { Prisma } from '../db.ts';
import { AlertKind, AlertStatus, DatasetKind } from '../../prisma/generated/client/enums.ts';

export const AlertKindEnum = labelledEnum('AlertKind', AlertKind, '部门比对预警类型');
export const AlertStatusEnum = labelledEnum('AlertStatus', AlertStatus, '预警处理状态');
export const DatasetKindEnum = labelledEnum('DatasetKind', DatasetKind, '部门数据集类型');

/** A user as shown beside an import or a review: names only. */
export const CrosscheckUserRef = builder.prismaObject('User', {
  name: 'CrosscheckUser',
  description: '导入或审核的用户',
  fields: (t) => ({
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
  }),
});

export const AlertRef = builder.prismaNode('Alert', {
  description: '部门比对预警（大数据比对发现的不一致，待核实）',
  id: { field: 'id' },
  nullable: true,
  authScopes: { permission: 'READ_ALERTS' },
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    kind: t.expose('kind', { type: AlertKindEnum }),
    household: t.relation('household', { nullable: true, description: '比对到的住户' }),
    person: t.relation('person', { nullable: true, description: '比对到的人员（身份证号按权限脱敏）' }),
    townshipCode: t.exposeString('townshipCode', { nullable: true }),
    villageCode: t.exposeString('villageCode', { nullable: true }),
    detail: t.exposeString('detail', { description: '不一致的说明' }),
    department: t.field({
      type: DepartmentEnum,
      nullable: true,
      description: '来源部门',
      select: { record: { select: { import: { select: { department: true } } } } },
      resolve: (a) => a.record?.import.department ?? null,
    }),
    datasetKind: t.field({
      type: DatasetKindEnum,
      nullable: true,
      description: '来源数据集',
      select: { record: { select: { import: { select: { kind: true } } } } },
      resolve: (a) => a.record?.import.kind ?? null,
    }),
    eventDate: t.field({
      type: 'Date',
      nullable: true,
      description: '部门记录中的日期（死亡、迁出、起始或发证日期）',
      select: { record: { select: { eventDate: true } } },
      resolve: (a) => a.record?.eventDate ?? null,
    }),
    status: t.expose('status', { type: AlertStatusEnum }),
    reviewedBy: t.relation('reviewedBy', { type: CrosscheckUserRef, nullable: true, description: '审核人' }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    reviewNote: t.exposeString('reviewNote', { nullable: true, description: '审核意见' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    version: t.exposeInt('version', { description: '版本号（乐观锁）' }),
  }),
});

export const AlertFilter = builder.inputType('AlertFilter', {
  fields: (t) => ({
    regionCode: t.string({ description: '行政区划代码前缀（县 6 位、乡镇 9 位、村 12 位）' }),
    kind: t.field({ type: AlertKindEnum }),
    status: t.field({ type: AlertStatusEnum }),
  }),
});
export const AlertOrderBy = orderByInput('AlertOrderBy', { id: '创建顺序', createdAt: '创建时间', kind: '类型' });

export function alertWhere(ctx: Context, filter: typeof AlertFilter.$inferInput | null | undefined): Prisma.AlertWhereInput {
  return {
    ...regionWhere(effectiveRegion(ctx, filter?.regionCode)),
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
  };
}

builder.queryField('alerts', (t) =>
  t.prismaConnection({
    type: 'Alert',
    cursor: 'id',
    description: '部门比对预警（按住户所在区域；部门用户只见本部门数据产生的预警）',
    authScopes: { permission: 'READ_ALERTS' },
    args: { filter: t.arg({ type: AlertFilter }), orderBy: t.arg({ type: AlertOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.alert.count({ where: alertWhere(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.alert.findMany({
        ...query,
        where: alertWhere(ctx, args.filter),
        orderBy: prismaOrder(args.orderBy, 'id', [{ createdAt: 'desc' }]),
      }),
  }),
);

const AlertDecision = builder.enumType('AlertDecision', {
  description: '核实结论',
  values: { CONFIRM: { description: '属实（可据此发起监测申报）' }, DISMISS: { description: '排除（须填写理由）' } } as const,
});

const ReviewAlertInput = builder.inputType('ReviewAlertInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: AlertRef }),
    version: t.int({ required: true, description: '读取时的版本号' }),
    decision: t.field({ type: AlertDecision, required: true }),
    note: t.string({ description: '审核意见（排除时必填，最多 500 字）', validate: z.string().max(500, '审核意见最多 500 字') }),
  }),
});

const ReviewAlertPayload = payloadType('ReviewAlertPayload', 'alert', AlertRef);

builder.mutationField('reviewAlert', (t) =>
  t.field({
    type: ReviewAlertPayload,
    description: '核实部门比对预警：确认或排除（乡镇、村只能处理本区域的预警）',
    authScopes: { permission: 'REVIEW_ALERTS' },
    args: { input: t.arg({ type: ReviewAlertInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = requireIntId(String(input.id.id), 'id');
      const note = input.note?.trim() || null;
      if (input.decision === 'DISMISS' && !note) throw badInput('note', '排除预警须填写理由 (a note is required to dismiss)');
      const alert = await inTransaction(ctx, async (tx) => {
        const before = await tx.alert.findFirst({ where: { id } });
        if (!before) throw notFound('预警', String(input.id.id));
        if (before.version !== input.version) throw conflict('预警');
        if (before.status !== 'OPEN') throw badInput('id', '该预警已审核，不能重复审核 (the alert was already reviewed)');
        const { count } = await tx.alert.updateMany({
          where: { id, version: input.version, status: 'OPEN' },
          data: {
            status: input.decision === 'CONFIRM' ? 'CONFIRMED' : 'DISMISSED',
            reviewedById: viewerOf(ctx).id,
            reviewedAt: new Date(),
            reviewNote: note,
            version: { increment: 1 },
          },
        });
        if (count === 0) throw conflict('预警');
        const after = await tx.alert.findUniqueOrThrow({ where: { id } });
        await auditChange(tx, ctx, 'UPDATE', 'Alert', id, before, after);
        return after;
      });
      return { alert };
    },
  }),
);
