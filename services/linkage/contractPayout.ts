// Payouts actually made under a benefit-linkage contract (兑现记录), and the
// mutation that records one. A payout is recorded by whoever sees the contract
// (its household in their region); the amount is exact (Decimal), positive, and
// dated between the contract's start and today.
import { z } from 'zod';
import { builder } from '../graphql/builder.ts';
import { requireIntId } from '../graphql/connections.ts';
import { badInput } from '../graphql/errors.ts';
import { inTransaction, loadVisible } from '../graphql/mutations.ts';
import { payloadType } from '../graphql/payloads.ts';
import { auditChange } from '../audit/audit.ts';
import { todayInChina } from '../../kernel/dates.ts';
import { BenefitLinkageContractRef } from './benefitLinkageContract.ts';
import { contractTarget } from './contractMutations.ts';

export const ContractPayoutRef = builder.prismaObject('ContractPayout', {
  description: '合同兑现记录',
  fields: (t) => ({
    paidAt: t.expose('paidAt', { type: 'Date', description: '兑现日期' }),
    amount: t.expose('amount', { type: 'Decimal', description: '兑现金额（元）' }),
    note: t.exposeString('note', { nullable: true, description: '备注' }),
  }),
});

const RecordContractPayoutInput = builder.inputType('RecordContractPayoutInput', {
  fields: (t) => ({
    contractId: t.globalID({ required: true, for: BenefitLinkageContractRef }),
    paidAt: t.field({ type: 'Date', required: true, description: '兑现日期（不早于合同起始日期，不晚于今天）' }),
    amount: t.field({ type: 'Decimal', required: true, description: '兑现金额（元，> 0）' }),
    note: t.string({ validate: z.string().trim().max(200, '备注最多 200 字') }),
  }),
});

const RecordContractPayoutPayload = payloadType('RecordContractPayoutPayload', 'benefitLinkageContract', BenefitLinkageContractRef);

builder.mutationField('recordContractPayout', (t) =>
  t.field({
    type: RecordContractPayoutPayload,
    description: '登记一次合同兑现；返回合同（含最新的 payouts 与 totalPaid）',
    authScopes: { permission: 'WRITE_CONTRACTS' },
    args: { input: t.arg({ type: RecordContractPayoutInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const contractId = requireIntId(String(input.contractId.id), 'contractId');
      if (input.amount.lte(0)) throw badInput('amount', '兑现金额须大于 0');
      if (input.paidAt > todayInChina()) throw badInput('paidAt', '兑现日期不能晚于今天');
      const benefitLinkageContract = await inTransaction(ctx, async (tx) => {
        const contract = await loadVisible<{ id: number; startDate: Date }>(tx, contractTarget(ctx, contractId));
        if (input.paidAt < contract.startDate) {
          throw badInput('paidAt', `兑现日期不能早于合同起始日期 ${contract.startDate.toISOString().slice(0, 10)}`);
        }
        const payout = await tx.contractPayout.create({
          data: { contractId, paidAt: input.paidAt, amount: input.amount, note: input.note?.trim() || null },
        });
        await auditChange(tx, ctx, 'CREATE', 'ContractPayout', payout.id, null, payout);
        return contract;
      });
      return { benefitLinkageContract };
    },
  }),
);
