import { builder } from '../graphql/builder.ts';
import { parseIntId } from '../graphql/connections.ts';
import { Prisma } from '../db.ts';

interface IncomeParts {
  members: number;
  wageIncome: Prisma.Decimal;
  businessIncome: Prisma.Decimal;
  propertyIncome: Prisma.Decimal;
  transferIncome: Prisma.Decimal;
  productionExpenses: Prisma.Decimal;
}

/** 纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性收入 − 生产经营费用支出 */
export function netIncome(r: IncomeParts): Prisma.Decimal {
  return r.wageIncome.plus(r.businessIncome).plus(r.propertyIncome).plus(r.transferIncome).minus(r.productionExpenses);
}

/** 人均纯收入, rounded half-up to fen. */
export function perCapita(r: IncomeParts): Prisma.Decimal {
  return netIncome(r).dividedBy(r.members).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
}

export const IncomeRecordRef = builder.prismaNode('IncomeRecord', {
  description: '家庭年度收入',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    year: t.exposeInt('year'),
    members: t.exposeInt('members', { description: '当年家庭人口' }),
    wageIncome: t.expose('wageIncome', { type: 'Decimal', description: '工资性收入' }),
    businessIncome: t.expose('businessIncome', { type: 'Decimal', description: '生产经营性收入' }),
    propertyIncome: t.expose('propertyIncome', { type: 'Decimal', description: '财产性收入（含股份合作分红）' }),
    transferIncome: t.expose('transferIncome', { type: 'Decimal', description: '转移性收入（补贴、低保、养老金等）' }),
    productionExpenses: t.expose('productionExpenses', { type: 'Decimal', description: '生产经营费用支出' }),
    netIncome: t.field({ type: 'Decimal', description: '纯收入 = 四项收入 − 生产经营费用', resolve: (r) => netIncome(r) }),
    perCapitaNetIncome: t.field({ type: 'Decimal', description: '人均纯收入 = 纯收入 ÷ 当年人口', resolve: (r) => perCapita(r) }),
    household: t.relation('household'),
    version: t.exposeInt('version'),
  }),
});
