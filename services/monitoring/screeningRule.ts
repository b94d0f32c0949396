// Screening rules (筛查规则) per year: poverty line, monitoring line and the
// grading, all configuration. Readable by every logged-in user (county-wide
// settings, no personal data); written by the county administrator only.
//
// `grading` is stored as JSON (jsonb), exactly the shape the generator seeds:
//   [{ "level": "RED", "maxIncomeRatio": 1.0, "minRisks": 1 },
//    { "level": "ORANGE", "maxIncomeRatio": 1.2, "minRisks": 1 },
//    { "level": "YELLOW", "maxIncomeRatio": 1.5, "minRisks": 1 }]
// evaluated in order: the first entry with per-capita net income ≤ maxIncomeRatio ×
// poverty line AND number of distinct risks ≥ minRisks gives the level.
import { builder } from '../graphql/builder.ts';
import { parseIntId } from '../graphql/connections.ts';
import { badInput, conflict, notFound } from '../graphql/errors.ts';
import { inTransaction } from '../graphql/mutations.ts';
import { payloadType } from '../graphql/payloads.ts';
import { auditChange } from '../audit/audit.ts';
import { Prisma } from '../db.ts';
import type { WarningLevel } from '../../prisma/generated/client/enums.ts';
import { WarningLevelEnum } from './warning.ts';

export interface GradingRule {
  level: WarningLevel;
  maxIncomeRatio: number;
  minRisks: number;
}

const LEVELS = new Set(['RED', 'ORANGE', 'YELLOW']);
export const MAX_RATIO = 10;
/** There are eight risk types and risks are counted as distinct types. */
export const MAX_RISKS = 8;

/** Checks a grading list (from input or from the database), naming the failing field. */
export function checkGrading(grading: unknown): GradingRule[] {
  if (!Array.isArray(grading) || grading.length === 0) throw badInput('grading', '分级规则至少一条 (at least one grading rule)');
  if (grading.length > 10) throw badInput('grading', '分级规则最多 10 条 (at most 10 rules)');
  return grading.map((g: Record<string, unknown>, i) => {
    const at = `grading.${i}`;
    if (typeof g !== 'object' || g === null) throw badInput(at, '应为对象 (object expected)');
    if (typeof g.level !== 'string' || !LEVELS.has(g.level)) throw badInput(`${at}.level`, '预警等级应为 RED、ORANGE 或 YELLOW');
    const ratio = g.maxIncomeRatio;
    if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio <= 0 || ratio > MAX_RATIO) {
      throw badInput(`${at}.maxIncomeRatio`, `收入倍数应大于 0 且不超过 ${MAX_RATIO} (0 < ratio ≤ ${MAX_RATIO})`);
    }
    const risks = g.minRisks;
    if (typeof risks !== 'number' || !Number.isInteger(risks) || risks < 1 || risks > MAX_RISKS) {
      throw badInput(`${at}.minRisks`, `最少风险项数应为 1–${MAX_RISKS} 的整数`);
    }
    return { level: g.level as WarningLevel, maxIncomeRatio: ratio, minRisks: risks };
  });
}

function checkLines(poverty: Prisma.Decimal, monitoring: Prisma.Decimal): void {
  if (poverty.lte(0)) throw badInput('povertyLine', '贫困线应大于 0 (must be positive)');
  if (monitoring.lte(0)) throw badInput('monitoringLine', '监测线应大于 0 (must be positive)');
  if (monitoring.lt(poverty)) throw badInput('monitoringLine', '监测线不能低于贫困线 (monitoring line ≥ poverty line)');
}

export const GradingRuleRef = builder.objectRef<GradingRule & { povertyLine: Prisma.Decimal }>('GradingRule').implement({
  description: '预警分级规则（按顺序匹配第一条：人均纯收入 ≤ 收入倍数 × 贫困线 且 风险项数 ≥ 最少风险项数）',
  fields: (t) => ({
    level: t.field({ type: WarningLevelEnum, resolve: (g) => g.level }),
    maxIncomeRatio: t.exposeFloat('maxIncomeRatio', { description: '收入上限 = 贫困线 × 该倍数' }),
    minRisks: t.exposeInt('minRisks', { description: '最少风险项数（不同风险类型计数）' }),
    maxIncome: t.field({
      type: 'Decimal',
      description: '收入上限（元）= 贫困线 × 收入倍数',
      resolve: (g) => g.povertyLine.times(g.maxIncomeRatio).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP),
    }),
  }),
});

const GradingRuleInput = builder.inputType('GradingRuleInput', {
  fields: (t) => ({
    level: t.field({ type: WarningLevelEnum, required: true }),
    maxIncomeRatio: t.float({ required: true, description: `收入倍数（0 < x ≤ ${MAX_RATIO}）` }),
    minRisks: t.int({ required: true, description: `最少风险项数（1–${MAX_RISKS}）` }),
  }),
});

export const ScreeningRuleRef = builder.prismaNode('ScreeningRule', {
  description:
    '年度筛查规则（配置，非代码）。grading 以 JSON 存储：[{"level":"RED","maxIncomeRatio":1.0,"minRisks":1}, …]，' +
    '按顺序取第一条满足“人均纯收入 ≤ maxIncomeRatio × 贫困线 且 风险项数 ≥ minRisks”的规则定级',
  id: { field: 'year' },
  // The key of a global id is text: a year outside int4 would reach the database;
  // a year without a rule is null (not found), not an error.
  findUnique: (year) => ({ year: parseIntId(year) ?? -1 }),
  nullable: true,
  fields: (t) => ({
    year: t.exposeInt('year'),
    povertyLine: t.expose('povertyLine', { type: 'Decimal', description: '贫困线（元/人·年）' }),
    monitoringLine: t.expose('monitoringLine', {
      type: 'Decimal',
      description: '监测线（元/人·年）：非建档立卡户人均纯收入低于此线且有风险为边缘易致贫候选',
    }),
    grading: t.field({
      type: [GradingRuleRef],
      description: '分级规则（按顺序匹配）',
      select: { grading: true, povertyLine: true },
      resolve: (r) => (r.grading as unknown as GradingRule[]).map((g) => ({ ...g, povertyLine: r.povertyLine })),
    }),
    version: t.exposeInt('version', { description: '版本号（乐观锁）' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('screeningRules', (t) =>
  t.prismaConnection({
    type: 'ScreeningRule',
    cursor: 'year',
    description: '各年度筛查规则（按年度升序）',
    totalCount: (_parent, _args, ctx) => ctx.prisma.screeningRule.count(),
    resolve: (query, _root, _args, ctx) => ctx.prisma.screeningRule.findMany({ ...query, orderBy: { year: 'asc' } }),
  }),
);

builder.queryField('screeningRule', (t) =>
  t.prismaField({
    type: 'ScreeningRule',
    nullable: true,
    description: '某年度的筛查规则',
    args: { year: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.screeningRule.findUnique({ ...query, where: { year: args.year } }),
  }),
);

const year = (field: string, y: number) => {
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw badInput(field, '年度应在 2000–2100 之间');
  return y;
};

const CreateInput = builder.inputType('CreateScreeningRuleInput', {
  fields: (t) => ({
    year: t.int({ required: true }),
    povertyLine: t.field({ type: 'Decimal', required: true }),
    monitoringLine: t.field({ type: 'Decimal', required: true }),
    grading: t.field({ type: [GradingRuleInput], required: true }),
  }),
});
const UpdateInput = builder.inputType('UpdateScreeningRuleInput', {
  fields: (t) => ({
    year: t.int({ required: true }),
    version: t.int({ required: true }),
    povertyLine: t.field({ type: 'Decimal' }),
    monitoringLine: t.field({ type: 'Decimal' }),
    grading: t.field({ type: [GradingRuleInput], description: '整体替换分级规则' }),
  }),
});
const Payload = payloadType('ScreeningRulePayload', 'screeningRule', ScreeningRuleRef);

const asJson = (grading: GradingRule[]) =>
  grading.map((g) => ({ level: g.level, maxIncomeRatio: g.maxIncomeRatio, minRisks: g.minRisks })) as Prisma.InputJsonValue;

builder.mutationField('createScreeningRule', (t) =>
  t.field({
    type: Payload,
    description: '新增年度筛查规则（仅县级管理员）；该年度已有规则返回 CONFLICT',
    authScopes: { permission: 'WRITE_SCREENING_RULES' },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      year('year', input.year);
      checkLines(input.povertyLine, input.monitoringLine);
      const grading = checkGrading(input.grading);
      const screeningRule = await inTransaction(ctx, async (tx) => {
        const row = await tx.screeningRule.create({
          data: { year: input.year, povertyLine: input.povertyLine, monitoringLine: input.monitoringLine, grading: asJson(grading) },
        });
        await auditChange(tx, ctx, 'CREATE', 'ScreeningRule', row.year, null, row);
        return row;
      });
      return { screeningRule };
    },
  }),
);

builder.mutationField('updateScreeningRule', (t) =>
  t.field({
    type: Payload,
    description: '修改年度筛查规则（仅县级管理员）；version 过期返回 CONFLICT。修改后重新运行 runScreening 才会更新预警',
    authScopes: { permission: 'WRITE_SCREENING_RULES' },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.povertyLine === null) throw badInput('povertyLine', '不能为空');
      if (input.monitoringLine === null) throw badInput('monitoringLine', '不能为空');
      if (input.grading === null) throw badInput('grading', '不能为空');
      const grading = input.grading ? checkGrading(input.grading) : undefined;
      const screeningRule = await inTransaction(ctx, async (tx) => {
        const before = await tx.screeningRule.findUnique({ where: { year: input.year } });
        if (!before) throw notFound('筛查规则', String(input.year));
        const povertyLine = input.povertyLine ?? before.povertyLine;
        const monitoringLine = input.monitoringLine ?? before.monitoringLine;
        checkLines(povertyLine, monitoringLine);
        const { count } = await tx.screeningRule.updateMany({
          where: { year: input.year, version: input.version },
          data: { povertyLine, monitoringLine, ...(grading ? { grading: asJson(grading) } : {}), version: { increment: 1 } },
        });
        if (count === 0) throw conflict('筛查规则');
        const after = await tx.screeningRule.findUniqueOrThrow({ where: { year: input.year } });
        await auditChange(tx, ctx, 'UPDATE', 'ScreeningRule', input.year, before, after);
        return after;
      });
      return { screeningRule };
    },
  }),
);
