import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { birthDateFor, certificateFor, phoneFor, requirePersonalData, residentIdFor } from '../audit/personalData.ts';
import { ageOn, todayInChina } from '../../kernel/dates.ts';
import type { Prisma } from '../db.ts';
import { GenderEnum, HealthStatusEnum, HouseholdRelationEnum, LaborCapacityEnum, SchoolingStageEnum } from './enums.ts';
import { visiblePersons } from './scope.ts';

export const PersonRef = builder.prismaNode('Person', {
  description: '家庭成员（个人信息：身份证号、电话按权限脱敏，查看明文留痕）',
  id: { field: 'id' },
  nullable: true,
  authScopes: { permission: 'READ_PERSONS' },
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    name: t.exposeString('name', { description: '姓名' }),
    idNumber: t.string({
      description: '身份证号（无权限时脱敏，如 341324********123X）',
      select: { id: true, idNumber: true },
      resolve: (p, _args, ctx) => residentIdFor(ctx, 'Person', p.id, p.idNumber) ?? '',
    }),
    gender: t.expose('gender', { type: GenderEnum }),
    // What a masked viewer may see instead of the birth date: services/audit/personalData.ts.
    birthDate: t.field({
      type: 'Date',
      nullable: true,
      description: '出生日期（无个人信息权限时为空：与脱敏身份证号合起来即可还原号码）',
      select: { id: true, birthDate: true },
      resolve: (p, _args, ctx) => birthDateFor(ctx, 'Person', p.id, p.birthDate),
    }),
    birthYear: t.int({
      description: '出生年份',
      select: { birthDate: true },
      resolve: (p) => p.birthDate.getUTCFullYear(),
    }),
    age: t.int({
      nullable: true,
      description: '周岁（按北京时间今天；无个人信息权限时为空：逐日观察可得出生日期）',
      select: { id: true, birthDate: true },
      resolve: (p, _args, ctx) => {
        const birthDate = birthDateFor(ctx, 'Person', p.id, p.birthDate);
        return birthDate ? ageOn(birthDate, todayInChina()) : null;
      },
    }),
    relation: t.expose('relation', { type: HouseholdRelationEnum }),
    phone: t.string({
      nullable: true,
      select: { id: true, phone: true },
      resolve: (p, _args, ctx) => phoneFor(ctx, 'Person', p.id, p.phone),
    }),
    laborCapacity: t.expose('laborCapacity', { type: LaborCapacityEnum }),
    health: t.expose('health', { type: HealthStatusEnum }),
    chronicIllnessCertificate: t.exposeString('chronicIllnessCertificate', { nullable: true, description: '慢性病证号' }),
    disabilityCertificate: t.string({
      nullable: true,
      description: '残疾证号（第二代证号含身份证号，无权限时同样脱敏）',
      select: { id: true, disabilityCertificate: true },
      resolve: (p, _args, ctx) => certificateFor(ctx, 'Person', p.id, p.disabilityCertificate),
    }),
    disabilityGrade: t.exposeInt('disabilityGrade', { nullable: true, description: '残疾等级 1–4' }),
    schooling: t.expose('schooling', { type: SchoolingStageEnum }),
    basicMedicalInsurance: t.exposeBoolean('basicMedicalInsurance', { description: '基本医疗保险' }),
    criticalIllnessInsurance: t.exposeBoolean('criticalIllnessInsurance', { description: '大病保险' }),
    medicalAssistance: t.exposeBoolean('medicalAssistance', { description: '医疗救助' }),
    pensionInsurance: t.exposeBoolean('pensionInsurance', { description: '养老保险' }),
    deceasedAt: t.expose('deceasedAt', { type: 'Date', nullable: true, description: '死亡日期' }),
    household: t.relation('household'),
    employments: t.relation('employments', { description: '就业记录', query: { orderBy: { startDate: 'desc' } } }),
    version: t.exposeInt('version'),
  }),
});

const PersonFilter = builder.inputType('PersonFilter', {
  fields: (t) => ({
    regionCode: t.string({ description: '行政区划代码前缀' }),
    laborCapacity: t.field({ type: LaborCapacityEnum }),
    health: t.field({ type: HealthStatusEnum }),
    search: t.string({ description: '姓名（包含）或完整身份证号（按身份证号查找须有个人信息权限）' }),
  }),
});
const PersonOrderBy = orderByInput('PersonOrderBy', { id: '创建顺序', name: '姓名', birthDate: '出生日期' });

function personWhere(ctx: Context, filter: typeof PersonFilter.$inferInput | null | undefined): Prisma.PersonWhereInput {
  const search = filter?.search?.trim();
  return {
    ...visiblePersons(ctx, filter?.regionCode),
    ...(filter?.laborCapacity ? { laborCapacity: filter.laborCapacity } : {}),
    ...(filter?.health ? { health: filter.health } : {}),
    // A full ID number matches exactly; anything else searches names (no partial-ID probing).
    ...(search ? (/^\d{17}[\dXx]$/.test(search) ? { idNumber: idSearch(ctx, search) } : { name: { contains: search } }) : {}),
  };
}

/** Searching by ID would let a masked viewer confirm guessed birth dates one by one. */
function idSearch(ctx: Context, search: string): string {
  requirePersonalData(ctx, 'filter.search', '按身份证号查找人员');
  return search.toUpperCase();
}

/** Ordering by birth date ranks birthdays within a year: only for viewers who see the date. */
function personOrder(ctx: Context, orderBy: Parameters<typeof prismaOrder>[0]) {
  if (orderBy?.field === 'birthDate') requirePersonalData(ctx, 'orderBy.field', '按出生日期排序');
  return prismaOrder(orderBy, 'id');
}

builder.queryField('persons', (t) =>
  t.prismaConnection({
    type: 'Person',
    cursor: 'id',
    description: '人员列表（统计人员不可查看）',
    authScopes: { permission: 'READ_PERSONS' },
    args: { filter: t.arg({ type: PersonFilter }), orderBy: t.arg({ type: PersonOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.person.count({ where: personWhere(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.person.findMany({ ...query, where: personWhere(ctx, args.filter), orderBy: personOrder(ctx, args.orderBy) }),
  }),
);
