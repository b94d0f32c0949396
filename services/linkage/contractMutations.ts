// Create, update and delete benefit-linkage contracts. Writers: county admin,
// township officer, village cadre; both parties (the household and the entity)
// must lie in the writer's region, on create and after any update.
import { z } from 'zod';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../graphql/builder.ts';
import { requireIntId } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { CodedError, badInput, forbidden } from '../graphql/errors.ts';
import { createAudited, deleteVersioned, inTransaction, updateVersioned, type Target } from '../graphql/mutations.ts';
import { DeletePayload, payloadType } from '../graphql/payloads.ts';
import type { Prisma, PrismaClient } from '../db.ts';
import { HouseholdRef } from '../households/household.ts';
import { BusinessEntityRef } from '../entities/businessEntity.ts';
import { BenefitLinkageContractRef, LinkageModeEnum, ShareKindEnum } from './benefitLinkageContract.ts';

type Db = PrismaClient | Prisma.TransactionClient;
type InputFields = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

const contractNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z-]{4,30}$/, '合同编号为 4–30 位字母、数字或连字符');

const contractInputFields = <Create extends boolean>(t: InputFields, create: Create) => ({
  contractNumber: t.string({ required: create, validate: contractNumber, description: '合同编号（唯一）' }),
  entityId: t.globalID({ required: create, for: BusinessEntityRef, description: '经营主体（须在您的管辖区域内）' }),
  householdId: t.globalID({ required: create, for: HouseholdRef, description: '住户（须在您的管辖区域内）' }),
  mode: t.field({ type: LinkageModeEnum, required: create }),
  shareKind: t.field({ type: ShareKindEnum, description: '入股方式：仅股份合作可填' }),
  startDate: t.field({ type: 'Date', required: create, description: '起始日期' }),
  endDate: t.field({ type: 'Date', description: '终止日期（≥ 起始日期；长期合同不填）' }),
  annualBenefit: t.field({ type: 'Decimal', required: create, description: '约定年收益（元，≥ 0）' }),
});

const CreateContractInput = builder.inputType('CreateBenefitLinkageContractInput', {
  fields: (t) => contractInputFields(t, true),
});
const UpdateContractInput = builder.inputType('UpdateBenefitLinkageContractInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: BenefitLinkageContractRef }),
    version: t.int({ required: true }),
    ...contractInputFields(t, false),
  }),
});
const DeleteContractInput = builder.inputType('DeleteBenefitLinkageContractInput', {
  fields: (t) => ({ id: t.globalID({ required: true, for: BenefitLinkageContractRef }), version: t.int({ required: true }) }),
});

const ContractPayload = payloadType('BenefitLinkageContractPayload', 'benefitLinkageContract', BenefitLinkageContractRef);

export const contractTarget = (ctx: Context, id: number): Target => ({
  model: 'benefitLinkageContract',
  entity: 'BenefitLinkageContract',
  label: '利益联结合同',
  id,
});

interface ContractState {
  id: number;
  entityId: number;
  householdId: number;
  mode: string;
  shareKind: string | null;
  startDate: Date;
  endDate: Date | null;
  annualBenefit: Prisma.Decimal;
}

/** The rules between fields, each refusal naming its field. */
function checkContract(c: Omit<ContractState, 'id' | 'entityId' | 'householdId'>): void {
  if (c.shareKind !== null && c.mode !== 'SHARE_COOPERATION') throw badInput('shareKind', '仅股份合作方式可填写入股方式');
  if (c.endDate !== null && c.endDate < c.startDate) throw badInput('endDate', '终止日期不能早于起始日期');
  if (c.annualBenefit.lt(0)) throw badInput('annualBenefit', '约定年收益不能为负数');
}

/** Both parties must lie in the viewer's region (an unknown id looks the same: FORBIDDEN). */
async function checkParties(ctx: Context, db: Db, householdId: number, entityId: number): Promise<void> {
  const [household, entity] = await Promise.all([
    db.household.findFirst({ where: { id: householdId }, select: { id: true } }),
    db.businessEntity.findFirst({ where: { id: entityId }, select: { id: true } }),
  ]);
  if (!household) throw forbidden('与管辖区域外的住户签订合同');
  if (!entity) throw forbidden('与管辖区域外的经营主体签订合同');
}

async function checkNumberFree(db: Db, number: string, exceptId = -1): Promise<void> {
  const other = await db.benefitLinkageContract.findFirst({
    where: { contractNumber: number, NOT: { id: exceptId } },
    select: { id: true },
  });
  if (other) throw new CodedError('CONFLICT', `合同编号已存在：${number} (the contract number is taken)`, { field: 'contractNumber' });
}

/** Drops keys the caller left out (undefined) and keeps explicit nulls (clear the value). */
const given = <T extends object>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };

builder.mutationField('createBenefitLinkageContract', (t) =>
  t.field({
    type: ContractPayload,
    description: '签订利益联结合同：住户和经营主体须都在您的管辖区域内（否则 FORBIDDEN），合同编号重复 CONFLICT',
    authScopes: { permission: 'WRITE_CONTRACTS' },
    args: { input: t.arg({ type: CreateContractInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const householdId = requireIntId(String(input.householdId.id), 'householdId');
      const entityId = requireIntId(String(input.entityId.id), 'entityId');
      const state = {
        mode: input.mode,
        shareKind: input.shareKind ?? null,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        annualBenefit: input.annualBenefit,
      };
      checkContract(state);
      await checkParties(ctx, ctx.prisma, householdId, entityId);
      const benefitLinkageContract = await inTransaction(ctx, async (tx) => {
        await checkNumberFree(tx, input.contractNumber);
        return createAudited(ctx, tx, 'benefitLinkageContract', 'BenefitLinkageContract', {
          contractNumber: input.contractNumber,
          householdId,
          entityId,
          ...state,
        });
      });
      return { benefitLinkageContract };
    },
  }),
);

builder.mutationField('updateBenefitLinkageContract', (t) =>
  t.field({
    type: ContractPayload,
    description: '修改利益联结合同；改为非股份合作方式且未给出 shareKind 时清空入股方式；version 过期返回 CONFLICT',
    authScopes: { permission: 'WRITE_CONTRACTS' },
    args: { input: t.arg({ type: UpdateContractInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { id, version, entityId: entityGid, householdId: householdGid, ...changes } = given(input);
      const contractId = requireIntId(String(id!.id), 'id');
      for (const key of ['contractNumber', 'mode', 'startDate', 'annualBenefit'] as const) {
        if (changes[key] === null) throw badInput(key, '不能为空');
      }
      if (entityGid === null) throw badInput('entityId', '不能为空');
      if (householdGid === null) throw badInput('householdId', '不能为空');
      const data: Record<string, unknown> = { ...changes };
      if (entityGid) data.entityId = requireIntId(String(entityGid.id), 'entityId');
      if (householdGid) data.householdId = requireIntId(String(householdGid.id), 'householdId');
      if (changes.mode && changes.mode !== 'SHARE_COOPERATION' && changes.shareKind === undefined) data.shareKind = null;
      const benefitLinkageContract = await updateVersioned<ContractState>(
        ctx,
        contractTarget(ctx, contractId),
        version!,
        data,
        async (before, tx) => {
          const after = { ...before, ...(data as Partial<ContractState>) };
          checkContract(after);
          await checkParties(ctx, tx, after.householdId, after.entityId);
          if (typeof data.contractNumber === 'string') await checkNumberFree(tx, data.contractNumber, contractId);
          if (data.startDate) {
            const early = await tx.contractPayout.findFirst({
              where: { contractId, paidAt: { lt: after.startDate } },
              select: { paidAt: true },
            });
            if (early) {
              throw badInput('startDate', `已有 ${early.paidAt.toISOString().slice(0, 10)} 的兑现记录，起始日期不能晚于该日期`);
            }
          }
        },
      );
      return { benefitLinkageContract };
    },
  }),
);

builder.mutationField('deleteBenefitLinkageContract', (t) =>
  t.field({
    type: DeletePayload,
    description: '删除利益联结合同（连同其兑现记录）；双方须都在您的管辖区域内；version 过期返回 CONFLICT',
    authScopes: { permission: 'WRITE_CONTRACTS' },
    args: { input: t.arg({ type: DeleteContractInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const contractId = requireIntId(String(input.id.id), 'id');
      await deleteVersioned<ContractState>(ctx, contractTarget(ctx, contractId), input.version, (before, tx) =>
        checkParties(ctx, tx, before.householdId, before.entityId),
      );
      return { deletedId: encodeGlobalID('BenefitLinkageContract', contractId) };
    },
  }),
);
