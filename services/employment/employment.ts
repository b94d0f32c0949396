// Employment records (就业): a person, one of the five channels, the employing
// business entity for the three indirect channels, start/end and monthly wage.
// Region scope is the person's household's region. Writers: county admin,
// township officers, village cadres, each in their region.
import { z } from 'zod';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder, requireIntId } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { viewerOf } from '../graphql/context.ts';
import { badInput, forbidden } from '../graphql/errors.ts';
import { createAudited, deleteVersioned, inTransaction, updateVersioned } from '../graphql/mutations.ts';
import { DeletePayload, payloadType } from '../graphql/payloads.ts';
import { effectiveRegion, regionWhere } from '../auth/scope.ts';
import { PersonRef } from '../households/person.ts';
import type { Prisma } from '../db.ts';
import type { EmploymentChannelCode } from '../../prisma/generated/client/enums.ts';
import { todayInChina } from '../../kernel/dates.ts';
import { enumLabel } from '../../kernel/labels.ts';
import { EMPLOYER_KIND, EmploymentChannelCodeEnum, EmploymentChannelKindEnum } from './enums.ts';

/** Employments whose person's household lies in `code` (a region code, or null for nothing). */
export const employmentsIn = (code: string | null): Prisma.EmploymentWhereInput => ({ person: { household: regionWhere(code) } });

/** In work on `day`: started, and not yet ended (the end date is the last working day). */
export const activeOn = (day: Date): Prisma.EmploymentWhereInput => ({
  startDate: { lte: day },
  OR: [{ endDate: null }, { endDate: { gte: day } }],
});

export const EmploymentRef = builder.prismaNode('Employment', {
  description: '就业记录（人员、就业渠道、用工主体、起止日期、月工资）',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    person: t.relation('person', { description: '就业人员（个人信息：统计人员无权查看）' }),
    channel: t.relation('channel', { description: '就业渠道' }),
    channelCode: t.expose('channelCode', { type: EmploymentChannelCodeEnum, description: '就业渠道代码' }),
    employer: t.relation('employer', {
      nullable: true,
      description: '用工主体（经营主体）。直接就业渠道（公益性岗位、居家就业）为空；用工主体不在您的管辖区域内时也为空',
    }),
    postName: t.exposeString('postName', { nullable: true, description: '岗位名称（如公益性岗位的保洁员、护林员）' }),
    startDate: t.expose('startDate', { type: 'Date', description: '开始日期' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true, description: '结束日期（含；在岗为空）' }),
    monthlyWage: t.expose('monthlyWage', { type: 'Decimal', description: '月工资（元）' }),
    active: t.boolean({
      description: '今天（北京时间）是否在岗：开始日期不晚于今天，且未结束或结束日期不早于今天',
      resolve: (e) => {
        const day = todayInChina();
        return e.startDate <= day && (e.endDate === null || e.endDate >= day);
      },
    }),
    version: t.exposeInt('version', { description: '版本号（乐观锁）' }),
  }),
});

// ───────────── Connection ─────────────

export const EmploymentFilter = builder.inputType('EmploymentFilter', {
  fields: (t) => ({
    regionCode: t.string({ description: '行政区划代码前缀（按人员所在户的区划）' }),
    channel: t.field({ type: EmploymentChannelCodeEnum, description: '就业渠道' }),
    channelKind: t.field({ type: EmploymentChannelKindEnum, description: '间接就业或直接就业' }),
    employerId: t.globalID({ description: '用工主体（经营主体）的全局 ID' }),
    active: t.boolean({ description: 'true：今天在岗；false：已结束或尚未开始' }),
  }),
});
export const EmploymentOrderBy = orderByInput('EmploymentOrderBy', {
  startDate: '开始日期',
  monthlyWage: '月工资',
  id: '登记顺序',
});

type EmploymentFilterInput = typeof EmploymentFilter.$inferInput;

/** A business entity's numeric id from a global id, or BAD_USER_INPUT naming `field`. */
function entityId(globalId: { typename: string; id: string }, field: string): number {
  return requireIntId(globalId, field, 'BusinessEntity');
}

export function employmentWhere(ctx: Context, filter: EmploymentFilterInput | null | undefined): Prisma.EmploymentWhereInput {
  const and: Prisma.EmploymentWhereInput[] = [employmentsIn(effectiveRegion(ctx, filter?.regionCode))];
  if (filter?.channel) and.push({ channelCode: filter.channel });
  if (filter?.channelKind) and.push({ channel: { kind: filter.channelKind } });
  if (filter?.employerId) and.push({ employerId: entityId(filter.employerId, 'filter.employerId') });
  if (filter?.active != null) and.push(filter.active ? activeOn(todayInChina()) : { NOT: activeOn(todayInChina()) });
  return { AND: and };
}

export const employmentOrder = (orderBy: typeof EmploymentOrderBy.$inferInput | null | undefined) => prismaOrder(orderBy, 'id');

builder.queryField('employments', (t) =>
  t.prismaConnection({
    type: 'Employment',
    cursor: 'id',
    description: '就业记录列表（按人员所在户的区划限定在您的管辖范围内）',
    args: { filter: t.arg({ type: EmploymentFilter }), orderBy: t.arg({ type: EmploymentOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.employment.count({ where: employmentWhere(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.employment.findMany({ ...query, where: employmentWhere(ctx, args.filter), orderBy: employmentOrder(args.orderBy) }),
  }),
);

// ───────────── Mutations ─────────────

const postName = z.string().trim().min(1, '岗位名称不能为空').max(40, '岗位名称最多 40 字');

const CreateEmploymentInput = builder.inputType('CreateEmploymentInput', {
  fields: (t) => ({
    personId: t.globalID({ required: true, for: PersonRef, description: '就业人员' }),
    channel: t.field({ type: EmploymentChannelCodeEnum, required: true }),
    employerId: t.globalID({ description: '用工主体（经营主体）：间接就业渠道必填，且类型须与渠道相符；直接就业渠道不填' }),
    postName: t.string({ validate: postName }),
    startDate: t.field({ type: 'Date', required: true }),
    endDate: t.field({ type: 'Date', description: '结束日期（含），不早于开始日期' }),
    monthlyWage: t.field({ type: 'Decimal', required: true, description: '月工资（元，≥ 0）' }),
  }),
});

const UpdateEmploymentInput = builder.inputType('UpdateEmploymentInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: EmploymentRef }),
    version: t.int({ required: true }),
    channel: t.field({ type: EmploymentChannelCodeEnum }),
    employerId: t.globalID({ description: '用工主体；传 null 清除（改为直接就业渠道时）' }),
    postName: t.string({ validate: postName }),
    startDate: t.field({ type: 'Date' }),
    endDate: t.field({ type: 'Date', description: '传 null 表示仍在岗' }),
    monthlyWage: t.field({ type: 'Decimal', description: '月工资（元，≥ 0）' }),
  }),
});

const DeleteEmploymentInput = builder.inputType('DeleteEmploymentInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: EmploymentRef }),
    version: t.int({ required: true }),
  }),
});

const EmploymentPayload = payloadType('EmploymentPayload', 'employment', EmploymentRef);

type Tx = Prisma.TransactionClient;
type EmploymentRow = {
  id: number;
  personId: number;
  channelCode: EmploymentChannelCode;
  employerId: number | null;
  startDate: Date;
  endDate: Date | null;
  monthlyWage: Prisma.Decimal;
  version: number;
};

function checkWage(wage: Prisma.Decimal): void {
  if (wage.isNegative()) throw badInput('monthlyWage', `月工资不能为负数 (monthly wage must not be negative): ${wage.toFixed(2)}`);
}

function checkDates(startDate: Date, endDate: Date | null): void {
  if (endDate !== null && endDate < startDate) throw badInput('endDate', '结束日期不能早于开始日期 (endDate must not be before startDate)');
}

/**
 * Indirect channels need an employer of the matching kind in the viewer's
 * county; direct channels (public-welfare posts, home-based work) have none.
 */
async function checkEmployer(ctx: Context, tx: Tx, channel: EmploymentChannelCode, employerId: number | null): Promise<void> {
  const kind = EMPLOYER_KIND[channel];
  if (kind === null) {
    if (employerId !== null)
      throw badInput('employerId', '直接就业渠道（公益性岗位、居家就业）不能填写用工主体 (a direct channel has no employer)');
    return;
  }
  if (employerId === null)
    throw badInput('employerId', `该渠道须填写用工主体（${enumLabel('BusinessEntityKind', kind)}）(an indirect channel needs an employer)`);
  const employer = await tx.businessEntity.findFirst({
    where: { id: employerId, countyCode: viewerOf(ctx).regionCode.slice(0, 6) },
    select: { kind: true },
  });
  if (!employer) throw badInput('employerId', `用工主体不存在 (no such business entity): ${employerId}`);
  if (employer.kind !== kind) {
    throw badInput(
      'employerId',
      `该渠道的用工主体须为${enumLabel('BusinessEntityKind', kind)}，所选主体为${enumLabel('BusinessEntityKind', employer.kind)} (employer kind does not match the channel)`,
    );
  }
}

const target = (ctx: Context, id: number) => ({
  model: 'employment' as const,
  entity: 'Employment',
  label: '就业记录',
  id,
});

builder.mutationField('createEmployment', (t) =>
  t.field({
    type: EmploymentPayload,
    description: '登记就业（人员须在您的管辖区域内）',
    authScopes: { permission: 'WRITE_EMPLOYMENT' },
    args: { input: t.arg({ type: CreateEmploymentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const personId = parseIntId(input.personId.id) ?? -1;
      const employerId = input.employerId ? entityId(input.employerId, 'employerId') : null;
      const endDate = input.endDate ?? null;
      checkWage(input.monthlyWage);
      checkDates(input.startDate, endDate);
      const employment = await inTransaction(ctx, async (tx) => {
        const person = await tx.person.findFirst({ where: { id: personId }, select: { id: true } });
        if (!person) throw forbidden('为管辖区域外的人员登记就业');
        await checkEmployer(ctx, tx, input.channel, employerId);
        return createAudited(ctx, tx, 'employment', 'Employment', {
          personId,
          channelCode: input.channel,
          employerId,
          postName: input.postName ?? null,
          startDate: input.startDate,
          endDate,
          monthlyWage: input.monthlyWage,
        });
      });
      return { employment };
    },
  }),
);

builder.mutationField('updateEmployment', (t) =>
  t.field({
    type: EmploymentPayload,
    description: '修改就业记录（须提供当前版本号；人员不可更改）',
    authScopes: { permission: 'WRITE_EMPLOYMENT' },
    args: { input: t.arg({ type: UpdateEmploymentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const data: Record<string, unknown> = {};
      if (input.channel !== undefined) {
        if (input.channel === null) throw badInput('channel', '就业渠道不能为空');
        data.channelCode = input.channel;
      }
      if (input.employerId !== undefined) data.employerId = input.employerId ? entityId(input.employerId, 'employerId') : null;
      if (input.postName !== undefined) data.postName = input.postName;
      if (input.startDate !== undefined) {
        if (input.startDate === null) throw badInput('startDate', '开始日期不能为空');
        data.startDate = input.startDate;
      }
      if (input.endDate !== undefined) data.endDate = input.endDate;
      if (input.monthlyWage !== undefined) {
        if (input.monthlyWage === null) throw badInput('monthlyWage', '月工资不能为空');
        checkWage(input.monthlyWage);
        data.monthlyWage = input.monthlyWage;
      }
      const id = parseIntId(input.id.id) ?? -1;
      const employment = await updateVersioned<EmploymentRow>(ctx, target(ctx, id), input.version, data, async (before, tx) => {
        const after = { ...before, ...(data as Partial<EmploymentRow>) };
        checkDates(after.startDate, after.endDate);
        if ('channelCode' in data || 'employerId' in data) await checkEmployer(ctx, tx, after.channelCode, after.employerId);
      });
      return { employment };
    },
  }),
);

builder.mutationField('deleteEmployment', (t) =>
  t.field({
    type: DeletePayload,
    description: '删除就业记录（须提供当前版本号）',
    authScopes: { permission: 'WRITE_EMPLOYMENT' },
    args: { input: t.arg({ type: DeleteEmploymentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseIntId(input.id.id) ?? -1;
      await deleteVersioned<EmploymentRow>(ctx, target(ctx, id), input.version);
      return { deletedId: encodeGlobalID('Employment', id) };
    },
  }),
);
