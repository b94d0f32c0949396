// Create, update and delete business entities. Writers: county admin, township
// officer, village cadre, each inside their region (the entity's village, or its
// township for a township-level entity); statisticians and department users read only.
import { z } from 'zod';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../graphql/builder.ts';
import { requireIntId } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { CodedError, badInput, forbidden } from '../graphql/errors.ts';
import { createAudited, deleteVersioned, inTransaction, updateVersioned, type Target } from '../graphql/mutations.ts';
import { DeletePayload, payloadType } from '../graphql/payloads.ts';
import { inScope } from '../auth/scope.ts';
import type { Prisma, PrismaClient } from '../db.ts';
import { validateCreditCode } from '../../kernel/identifiers/index.ts';
import { PHONE } from '../households/rules.ts';
import { IndustryRef } from '../industries/industry.ts';
import { todayInChina } from '../../kernel/dates.ts';
import { BusinessEntityKindEnum, BusinessEntityRef } from './businessEntity.ts';

type Db = PrismaClient | Prisma.TransactionClient;
type InputFields = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

const fields = {
  name: z.string().trim().min(1, '名称不能为空').max(80, '名称最多 80 字'),
  legalRepresentative: z.string().trim().min(1, '法定代表人不能为空').max(40, '法定代表人最多 40 字'),
  phone: z.string().trim().regex(PHONE, '电话号码格式错误（11 位手机号或带区号的固话）'),
  townshipCode: z.string().regex(/^\d{9}$/, '乡镇区划代码应为 9 位数字'),
  villageCode: z.string().regex(/^\d{12}$/, '村级行政区划代码应为 12 位数字'),
  address: z.string().trim().min(1, '地址不能为空').max(120, '地址最多 120 字'),
  memberCount: z.number().int().min(0, '成员人数不能为负数').max(1_000_000, '成员人数过大'),
  industryCode: z.string().trim().toUpperCase().min(1, '产业代码不能为空').max(20, '产业代码最多 20 位'),
};

/** The fields create and update share; `create` makes the essential ones required. */
const entityInputFields = <Create extends boolean>(t: InputFields, create: Create) => ({
  kind: t.field({ type: BusinessEntityKindEnum, required: create }),
  name: t.string({ required: create, validate: fields.name }),
  creditCode: t.string({ required: create, description: '统一社会信用代码（18 位，含校验位）' }),
  legalRepresentative: t.string({ required: create, validate: fields.legalRepresentative }),
  phone: t.string({ validate: fields.phone }),
  townshipCode: t.string({ required: create, validate: fields.townshipCode, description: '所在乡镇（须在您的管辖区域内）' }),
  villageCode: t.string({ validate: fields.villageCode, description: '所在村（须属于该乡镇；乡镇级主体不填）' }),
  address: t.string({ required: create, validate: fields.address }),
  registeredCapital: t.field({ type: 'Decimal', required: create, description: '注册资本（元，≥ 0）' }),
  memberCount: t.int({ validate: fields.memberCount }),
  establishedAt: t.field({ type: 'Date', required: create, description: '成立日期（不晚于今天）' }),
  industryIds: t.globalIDList({ for: IndustryRef, description: '所属产业（全局 ID）；与 industryCodes 合并；修改时整体替换' }),
  industryCodes: t.stringList({ validate: z.array(fields.industryCode), description: '所属产业（产业代码）' }),
});

const CreateBusinessEntityInput = builder.inputType('CreateBusinessEntityInput', {
  fields: (t) => entityInputFields(t, true),
});
const UpdateBusinessEntityInput = builder.inputType('UpdateBusinessEntityInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: BusinessEntityRef }),
    version: t.int({ required: true }),
    ...entityInputFields(t, false),
  }),
});
const DeleteBusinessEntityInput = builder.inputType('DeleteBusinessEntityInput', {
  fields: (t) => ({ id: t.globalID({ required: true, for: BusinessEntityRef }), version: t.int({ required: true }) }),
});

const BusinessEntityPayload = payloadType('BusinessEntityPayload', 'businessEntity', BusinessEntityRef);

const entityTarget = (ctx: Context, id: number): Target => ({
  model: 'businessEntity',
  entity: 'BusinessEntity',
  label: '经营主体',
  id,
});

/** Drops keys the caller left out (undefined) and keeps explicit nulls (clear the value). */
const given = <T extends object>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };

function canonicalCreditCode(value: string): string {
  const result = validateCreditCode(value);
  if (!result.ok) throw badInput('creditCode', result.reason);
  return result.value;
}

function checkValues(v: { registeredCapital?: Prisma.Decimal | null; establishedAt?: Date | null }): void {
  if (v.registeredCapital && v.registeredCapital.lt(0)) throw badInput('registeredCapital', '注册资本不能为负数');
  if (v.establishedAt && v.establishedAt > todayInChina()) throw badInput('establishedAt', '成立日期不能晚于今天');
}

/**
 * Where an entity may be placed: FORBIDDEN outside the viewer's region, BAD_USER_INPUT
 * for an unknown township or village, or a village of another township.
 */
async function writableLocation(ctx: Context, db: Db, townshipCode: string, villageCode: string | null) {
  if (!inScope(ctx, villageCode ?? townshipCode)) throw forbidden('在管辖区域外登记经营主体');
  const township = await db.township.findUnique({ where: { code: townshipCode }, select: { countyCode: true } });
  if (!township) throw badInput('townshipCode', `乡镇不存在：${townshipCode}`);
  if (villageCode) {
    const village = await db.village.findUnique({ where: { code: villageCode }, select: { townshipCode: true } });
    if (!village) throw badInput('villageCode', `行政村不存在：${villageCode}`);
    if (village.townshipCode !== townshipCode) throw badInput('villageCode', `该村不属于乡镇 ${townshipCode}`);
  }
  return { countyCode: township.countyCode, townshipCode, villageCode };
}

/** Industry ids named by global id or code (merged, deduplicated); undefined when neither list is given. */
async function industryIdsOf(
  db: Db,
  globalIds: { id: unknown }[] | null | undefined,
  codes: string[] | null | undefined,
): Promise<number[] | undefined> {
  if (globalIds == null && codes == null) return undefined;
  const ids = (globalIds ?? []).map((g) => requireIntId(String(g.id), 'industryIds'));
  const found = await db.industry.findMany({
    where: { OR: [{ id: { in: ids } }, { code: { in: codes ?? [] } }] },
    select: { id: true, code: true },
  });
  const missingId = ids.find((id) => !found.some((f) => f.id === id));
  if (missingId !== undefined) throw badInput('industryIds', `产业不存在：${encodeGlobalID('Industry', missingId)}`);
  const missingCode = (codes ?? []).find((code) => !found.some((f) => f.code === code));
  if (missingCode !== undefined) throw badInput('industryCodes', `产业代码不存在：${missingCode}`);
  const all = [...new Set(found.map((f) => f.id))].sort((a, b) => a - b);
  if (all.length === 0) throw badInput('industryIds', '至少选择一个产业 (at least one industry)');
  return all;
}

/** A credit code already registered to another entity: CONFLICT naming the field. */
async function checkCreditCodeFree(db: Db, creditCode: string, exceptId = -1): Promise<void> {
  const other = await db.businessEntity.findFirst({ where: { creditCode, NOT: { id: exceptId } }, select: { id: true } });
  if (other) {
    throw new CodedError('CONFLICT', `统一社会信用代码已登记 (a business entity with this credit code already exists)`, {
      field: 'creditCode',
    });
  }
}

builder.mutationField('createBusinessEntity', (t) =>
  t.field({
    type: BusinessEntityPayload,
    description: '登记经营主体：信用代码无效返回 BAD_USER_INPUT（field=creditCode），区域外 FORBIDDEN，信用代码重复 CONFLICT',
    authScopes: { permission: 'WRITE_ENTITIES' },
    args: { input: t.arg({ type: CreateBusinessEntityInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const creditCode = canonicalCreditCode(input.creditCode);
      checkValues(input);
      const location = await writableLocation(ctx, ctx.prisma, input.townshipCode, input.villageCode ?? null);
      const industryIds = await industryIdsOf(ctx.prisma, input.industryIds, input.industryCodes);
      if (!industryIds) throw badInput('industryIds', '至少选择一个产业 (at least one industry)');
      const businessEntity = await inTransaction(ctx, async (tx) => {
        await checkCreditCodeFree(tx, creditCode);
        return createAudited(ctx, tx, 'businessEntity', 'BusinessEntity', {
          kind: input.kind,
          name: input.name,
          creditCode,
          legalRepresentative: input.legalRepresentative,
          phone: input.phone ?? null,
          ...location,
          address: input.address,
          registeredCapital: input.registeredCapital,
          memberCount: input.memberCount ?? 0,
          establishedAt: input.establishedAt,
          industries: { create: industryIds.map((industryId) => ({ industryId })) },
        });
      });
      return { businessEntity };
    },
  }),
);

builder.mutationField('updateBusinessEntity', (t) =>
  t.field({
    type: BusinessEntityPayload,
    description: '修改经营主体（给出 industryIds/industryCodes 时整体替换产业）；version 过期返回 CONFLICT',
    authScopes: { permission: 'WRITE_ENTITIES' },
    args: { input: t.arg({ type: UpdateBusinessEntityInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { id, version, industryIds: _ids, industryCodes: _codes, townshipCode, villageCode, creditCode, ...changes } = given(input);
      const entityId = requireIntId(String(id!.id), 'id');
      for (const key of ['kind', 'name', 'legalRepresentative', 'address', 'registeredCapital', 'memberCount', 'establishedAt'] as const) {
        if (changes[key] === null) throw badInput(key, '不能为空');
      }
      if (townshipCode === null) throw badInput('townshipCode', '不能为空');
      if (creditCode === null) throw badInput('creditCode', '不能为空');
      const data: Record<string, unknown> = { ...changes };
      if (creditCode !== undefined) data.creditCode = canonicalCreditCode(creditCode);
      checkValues(changes);
      const industryIds = await industryIdsOf(ctx.prisma, input.industryIds, input.industryCodes);
      const businessEntity = await updateVersioned<{ id: number; townshipCode: string; villageCode: string | null }>(
        ctx,
        entityTarget(ctx, entityId),
        version!,
        data,
        async (before, tx) => {
          if (townshipCode !== undefined || villageCode !== undefined) {
            const newVillage = villageCode === undefined ? before.villageCode : villageCode;
            Object.assign(data, await writableLocation(ctx, tx, townshipCode ?? before.townshipCode, newVillage));
          }
          if (typeof data.creditCode === 'string') await checkCreditCodeFree(tx, data.creditCode, entityId);
          if (industryIds) {
            await tx.businessEntityIndustry.deleteMany({ where: { entityId } });
            await tx.businessEntityIndustry.createMany({ data: industryIds.map((industryId) => ({ entityId, industryId })) });
          }
        },
      );
      return { businessEntity };
    },
  }),
);

builder.mutationField('deleteBusinessEntity', (t) =>
  t.field({
    type: DeletePayload,
    description: '删除经营主体；仍有利益联结合同或就业记录引用时返回 CONFLICT',
    authScopes: { permission: 'WRITE_ENTITIES' },
    args: { input: t.arg({ type: DeleteBusinessEntityInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const entityId = requireIntId(String(input.id.id), 'id');
      await deleteVersioned(ctx, entityTarget(ctx, entityId), input.version, async (_before, tx) => {
        const [contracts, employments] = await Promise.all([
          tx.benefitLinkageContract.count({ where: { entityId } }),
          tx.employment.count({ where: { employerId: entityId } }),
        ]);
        if (contracts > 0 || employments > 0) {
          throw new CodedError(
            'CONFLICT',
            `该经营主体仍有 ${contracts} 份利益联结合同、${employments} 条就业记录，不能删除 (still referenced by ${contracts} contracts and ${employments} employments)`,
            { field: 'id' },
          );
        }
      });
      return { deletedId: encodeGlobalID('BusinessEntity', entityId) };
    },
  }),
);
