// Create and update households and persons. Writers: county admin, township
// officer, village cadre, each inside their region.
import { z } from 'zod';
import { builder } from '../graphql/builder.ts';
import type { Context } from '../graphql/context.ts';
import { CodedError, badInput, forbidden } from '../graphql/errors.ts';
import { createAudited, inTransaction, updateVersioned } from '../graphql/mutations.ts';
import { payloadType } from '../graphql/payloads.ts';
import { inScope } from '../auth/scope.ts';
import { requirePersonalData } from '../audit/personalData.ts';
import { HouseholdRef } from './household.ts';
import { PersonRef } from './person.ts';
import {
  GenderEnum,
  HealthStatusEnum,
  HouseholdRelationEnum,
  LaborCapacityEnum,
  MonitoringCategoryEnum,
  PovertyStatusEnum,
  RiskTypeEnum,
  SchoolingStageEnum,
} from './enums.ts';
import { PHONE, checkHousehold, checkResidentId, type HouseholdState } from './rules.ts';

const phone = z.string().regex(PHONE, '电话号码格式错误（11 位手机号或带区号的固话）');
const villageCode = z.string().regex(/^\d{12}$/, '村级行政区划代码应为 12 位数字');

/** A village the viewer may write to: FORBIDDEN outside their region, BAD_USER_INPUT if unknown. */
async function writableVillage(ctx: Context, code: string) {
  if (!inScope(ctx, code)) throw forbidden('在管辖区域外登记住户');
  const village = await ctx.prisma.village.findUnique({ where: { code } });
  if (!village) throw badInput('villageCode', `行政村不存在：${code}`);
  return village;
}

const householdFields = {
  address: z.string().trim().min(1, '住址不能为空').max(120, '住址最多 120 字'),
};

const CreateHouseholdInput = builder.inputType('CreateHouseholdInput', {
  fields: (t) => ({
    villageCode: t.string({ required: true, validate: villageCode }),
    householdNumber: t.string({ required: true, validate: z.string().regex(/^[0-9A-Za-z-]{4,20}$/, '户编号为 4–20 位字母或数字') }),
    address: t.string({ required: true, validate: householdFields.address }),
    phone: t.string({ validate: phone }),
    registered: t.boolean({ required: true }),
    registeredYear: t.int(),
    status: t.field({ type: PovertyStatusEnum }),
    liftedYear: t.int(),
    monitoringCategory: t.field({ type: MonitoringCategoryEnum }),
    monitoringSince: t.field({ type: 'Date' }),
    riskTypes: t.field({ type: [RiskTypeEnum] }),
  }),
});

const UpdateHouseholdInput = builder.inputType('UpdateHouseholdInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: HouseholdRef }),
    version: t.int({ required: true }),
    villageCode: t.string({ validate: villageCode, description: '迁至本区域内的另一个村' }),
    address: t.string({ validate: householdFields.address }),
    phone: t.string({ validate: phone }),
    registered: t.boolean(),
    registeredYear: t.int(),
    status: t.field({ type: PovertyStatusEnum }),
    liftedYear: t.int(),
    monitoringCategory: t.field({ type: MonitoringCategoryEnum }),
    monitoringSince: t.field({ type: 'Date' }),
    riskEliminatedAt: t.field({ type: 'Date' }),
    riskTypes: t.field({ type: [RiskTypeEnum] }),
  }),
});

const HouseholdPayload = payloadType('HouseholdPayload', 'household', HouseholdRef);

const stateOf = (h: Partial<HouseholdState>): HouseholdState => ({
  registered: h.registered ?? false,
  registeredYear: h.registeredYear ?? null,
  status: h.status ?? null,
  liftedYear: h.liftedYear ?? null,
  monitoringCategory: h.monitoringCategory ?? null,
  monitoringSince: h.monitoringSince ?? null,
  riskEliminatedAt: h.riskEliminatedAt ?? null,
});

/** Drops keys the caller left out (undefined) and keeps explicit nulls (clear the value). */
const given = <T extends object>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };

builder.mutationField('createHousehold', (t) =>
  t.field({
    type: HouseholdPayload,
    authScopes: { permission: 'WRITE_HOUSEHOLDS' },
    args: { input: t.arg({ type: CreateHouseholdInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const village = await writableVillage(ctx, input.villageCode);
      const data = { ...given(input), riskTypes: input.riskTypes ?? [] };
      checkHousehold(stateOf(data));
      const household = await inTransaction(ctx, (tx) =>
        createAudited(ctx, tx, 'household', 'Household', {
          ...data,
          countyCode: village.countyCode,
          townshipCode: village.townshipCode,
        }),
      );
      return { household };
    },
  }),
);

builder.mutationField('updateHousehold', (t) =>
  t.field({
    type: HouseholdPayload,
    authScopes: { permission: 'WRITE_HOUSEHOLDS' },
    args: { input: t.arg({ type: UpdateHouseholdInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { id, version, villageCode: newVillage, ...changes } = given(input);
      const data: Record<string, unknown> = { ...changes };
      if (data.registered === null) throw badInput('registered', '不能为空');
      if (data.address === null) throw badInput('address', '住址不能为空');
      if (data.riskTypes === null) data.riskTypes = [];
      if (newVillage) {
        const village = await writableVillage(ctx, newVillage);
        Object.assign(data, { villageCode: village.code, townshipCode: village.townshipCode, countyCode: village.countyCode });
      }
      const household = await updateVersioned<HouseholdState & { id: number }>(
        ctx,
        { model: 'household', entity: 'Household', label: '住户', id: Number(id!.id) },
        version!,
        data,
        (before) => checkHousehold(stateOf({ ...before, ...(data as Partial<HouseholdState>) })),
      );
      return { household };
    },
  }),
);

// ───────────── Persons ─────────────

const personFields = {
  name: z.string().trim().min(1, '姓名不能为空').max(40, '姓名最多 40 字'),
  idNumber: z.string().trim().toUpperCase().length(18, '身份证号应为 18 位'),
  certificate: z.string().trim().max(30, '证号最多 30 位'),
  disabilityGrade: z.number().int().min(1, '残疾等级为 1–4').max(4, '残疾等级为 1–4'),
};

const personInputFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0], create: boolean) => ({
  name: t.string({ required: create, validate: personFields.name }),
  gender: t.field({ type: GenderEnum, description: '可省略：由身份证号第 17 位得出' }),
  birthDate: t.field({ type: 'Date', description: '可省略：由身份证号得出' }),
  relation: t.field({ type: HouseholdRelationEnum, required: create }),
  phone: t.string({ validate: phone }),
  laborCapacity: t.field({ type: LaborCapacityEnum, required: create }),
  health: t.field({ type: HealthStatusEnum, required: create }),
  chronicIllnessCertificate: t.string({ validate: personFields.certificate }),
  disabilityCertificate: t.string({ validate: personFields.certificate }),
  disabilityGrade: t.int({ validate: personFields.disabilityGrade }),
  schooling: t.field({ type: SchoolingStageEnum }),
  basicMedicalInsurance: t.boolean(),
  criticalIllnessInsurance: t.boolean(),
  medicalAssistance: t.boolean(),
  pensionInsurance: t.boolean(),
});

const CreatePersonInput = builder.inputType('CreatePersonInput', {
  fields: (t) => ({
    householdId: t.globalID({ required: true, for: HouseholdRef }),
    idNumber: t.string({ required: true, validate: personFields.idNumber }),
    ...personInputFields(t, true),
  }),
});

const UpdatePersonInput = builder.inputType('UpdatePersonInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: PersonRef }),
    version: t.int({ required: true }),
    householdId: t.globalID({ for: HouseholdRef, description: '迁入本区域内的另一户' }),
    idNumber: t.string({ validate: personFields.idNumber }),
    ...personInputFields(t, false),
  }),
});

const PersonPayload = payloadType('PersonPayload', 'person', PersonRef);

/** The household must be visible to the viewer; then it may gain a member (one head only). */
async function writableHousehold(ctx: Context, id: number, relation: string | null | undefined, exceptPerson?: number) {
  const household = await ctx.prisma.household.findFirst({ where: { id }, select: { id: true } });
  if (!household) throw forbidden('在管辖区域外的住户中登记人员');
  if (relation === 'HEAD') {
    const head = await ctx.prisma.person.findFirst({ where: { householdId: id, relation: 'HEAD', NOT: { id: exceptPerson ?? -1 } } });
    if (head) throw new CodedError('CONFLICT', '该户已有户主 (the household already has a head)', { field: 'relation' });
  }
}

builder.mutationField('createPerson', (t) =>
  t.field({
    type: PersonPayload,
    authScopes: { permission: 'WRITE_HOUSEHOLDS' },
    args: { input: t.arg({ type: CreatePersonInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { householdId, ...fields } = given(input);
      const identity = checkResidentId(input.idNumber, input.birthDate, input.gender);
      await writableHousehold(ctx, Number(householdId!.id), input.relation);
      const person = await inTransaction(ctx, (tx) =>
        createAudited(ctx, tx, 'person', 'Person', {
          ...fields,
          householdId: Number(householdId!.id),
          idNumber: identity.value,
          birthDate: new Date(`${identity.birthDate}T00:00:00Z`),
          gender: identity.gender,
          schooling: input.schooling ?? 'NOT_IN_SCHOOL',
        }),
      );
      return { person };
    },
  }),
);

builder.mutationField('updatePerson', (t) =>
  t.field({
    type: PersonPayload,
    authScopes: { permission: 'WRITE_HOUSEHOLDS' },
    args: { input: t.arg({ type: UpdatePersonInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { id, version, householdId, ...changes } = given(input);
      const personId = Number(id!.id);
      for (const key of ['name', 'relation', 'laborCapacity', 'health', 'schooling', 'gender', 'birthDate'] as const) {
        if (changes[key] === null) throw badInput(key, '不能为空');
      }
      // Checked against the stored ID, a lone birth date would confirm a masked viewer's guess.
      if (changes.birthDate !== undefined && !changes.idNumber) requirePersonalData(ctx, 'birthDate', '单独修改出生日期');
      const data: Record<string, unknown> = { ...changes };
      if (householdId) data.householdId = Number(householdId.id);
      const person = await updateVersioned<{
        id: number;
        householdId: number;
        idNumber: string;
        relation: string;
        birthDate: Date;
        gender: string;
      }>(ctx, { model: 'person', entity: 'Person', label: '人员', id: personId }, version!, data, async (before) => {
        const identity = checkResidentId(
          (changes.idNumber as string | undefined) ?? before.idNumber,
          (changes.birthDate as Date | undefined) ?? (changes.idNumber ? undefined : before.birthDate),
          (changes.gender as string | undefined) ?? (changes.idNumber ? undefined : before.gender),
        );
        Object.assign(data, { idNumber: identity.value, birthDate: new Date(`${identity.birthDate}T00:00:00Z`), gender: identity.gender });
        if (householdId || changes.relation) {
          await writableHousehold(
            ctx,
            (data.householdId as number | undefined) ?? before.householdId,
            (changes.relation as string) ?? before.relation,
            personId,
          );
        }
      });
      return { person };
    },
  }),
);
