// runScreening (筛查预警): evaluates every household of the caller's region for one
// year in ONE set-based statement (data-modifying CTEs), inside one transaction.
//
// Candidates (a warning is due when a grading rule also matches; see screeningRule.ts):
// - RETURN_RISK: registered, LIFTED (lifted_year ≤ year), at least one risk;
// - EDGE_CANDIDATE: not registered, per-capita net income < monitoring line, at least one risk.
// Households currently under monitoring (category set, risk not eliminated) are not
// screened: they are already followed. Per-capita net income = (wage + business +
// property + transfer − production expenses) ÷ members of that year's income_record,
// rounded to fen (as everywhere in the API). Risks = DISTINCT risk types of
// household.risk_types ∪ open risk points (resolved_at null; a point without a type
// counts as OTHER) — counted as types so one illness found twice is one risk.
//
// Idempotent per (household, year). Only OPEN warnings not referenced by a case are
// screening's own: they are updated (kind/level/reasons/income) or WITHDRAWN by
// DELETING them when they no longer qualify (an unacted machine suggestion; the run's
// audit row keeps the deleted rows). DISMISSED stays a human decision and CASE_OPENED
// belongs to the declaration workflow: both are never touched (counted as `settled`).
import { builder } from '../graphql/builder.ts';
import { viewerOf } from '../graphql/context.ts';
import { badInput } from '../graphql/errors.ts';
import { translateDbError } from '../graphql/mutations.ts';
import { auditChange } from '../audit/audit.ts';
import { WarningLevelEnum } from './warning.ts';
import { checkGrading } from './screeningRule.ts';
import { enumLabels, type EnumName } from '../../kernel/labels.ts';

const REGION_COLUMN = { 6: 'county_code', 9: 'township_code', 12: 'village_code' } as const;

interface Report {
  year: number;
  regionCode: string;
  evaluated: number;
  candidates: number;
  raised: number;
  updated: number;
  withdrawn: number;
  unchanged: number;
  settled: number;
  byLevel: { level: string; count: number }[];
}

/** `(VALUES ('CODE','label'), …) AS l(code, label)`: an enum's kernel labels as a table to join in SQL. */
const labelTable = (name: EnumName) =>
  `(VALUES ${Object.entries(enumLabels(name))
    .map(([code, label]) => `('${code}','${String(label).replaceAll("'", "''")}')`)
    .join(',')}) AS l(code, label)`;
const RISK_LABELS = labelTable('RiskType');
const ASPECT_LABELS = labelTable('VisitAspect');
/** Yuan with thousands separators; whole amounts without decimals ("3,747", "3,512.40"). */
const yuan = (x: string) =>
  `(CASE WHEN ${x} = trunc(${x}) THEN to_char(${x}, 'FM999,999,999,990') ELSE to_char(${x}, 'FM999,999,999,990.00') END)`;

/** The whole run; $1 = year, $2 = region code. Returns one JSON row. */
export function screeningSql(column: string): string {
  return `
WITH rule AS (
  SELECT year, poverty_line, monitoring_line, grading FROM screening_rule WHERE year = $1
), grades AS (
  SELECT g.ord, (g.e->>'level')::"WarningLevel" AS level, (g.e->>'maxIncomeRatio')::numeric AS ratio, (g.e->>'minRisks')::int AS min_risks
  FROM rule, jsonb_array_elements(rule.grading) WITH ORDINALITY AS g(e, ord)
), region AS (
  SELECT h.id, h.registered, h.status, h.lifted_year, h.risk_types, h.monitoring_category, h.risk_eliminated_at
  FROM household h WHERE h.${column} = $2
), income AS (
  SELECT s.*, round((r.wage_income + r.business_income + r.property_income + r.transfer_income - r.production_expenses) / r.members, 2) AS pc
  FROM region s JOIN income_record r ON r.household_id = s.id AND r.year = $1
  WHERE s.monitoring_category IS NULL OR s.risk_eliminated_at IS NOT NULL
), points AS (
  SELECT p.household_id, array_agg(DISTINCT p.aspect::text) FILTER (WHERE p.aspect IS NOT NULL) AS aspects,
         array_agg(DISTINCT coalesce(p.risk_type, 'OTHER')) AS types
  FROM risk_point p JOIN income i ON i.id = p.household_id WHERE p.resolved_at IS NULL GROUP BY p.household_id
), risky AS (
  SELECT i.*, p.aspects, ARRAY(SELECT DISTINCT t FROM unnest(i.risk_types || coalesce(p.types, '{}')) t ORDER BY t) AS risks
  FROM income i LEFT JOIN points p ON p.household_id = i.id
), graded AS (
  SELECT k.*, g.level, g.ratio, rule.poverty_line, rule.monitoring_line
  FROM (SELECT r.*, CASE WHEN NOT r.registered AND r.pc < rule.monitoring_line THEN 'EDGE_CANDIDATE'::"WarningKind"
                         WHEN r.registered AND r.status = 'LIFTED' AND r.lifted_year <= rule.year THEN 'RETURN_RISK'::"WarningKind" END AS kind
        FROM risky r, rule WHERE cardinality(r.risks) >= 1) k
  CROSS JOIN rule
  JOIN LATERAL (SELECT g.level, g.ratio FROM grades g
                WHERE k.pc <= g.ratio * rule.poverty_line AND cardinality(k.risks) >= g.min_risks ORDER BY g.ord LIMIT 1) g ON true
  WHERE k.kind IS NOT NULL
), result AS (
  SELECT g.id AS household_id, g.kind, g.level, g.pc, array_remove(ARRAY[
      CASE WHEN g.kind = 'EDGE_CANDIDATE' THEN format('非建档立卡户，人均纯收入 %s 元 < 监测线 %s 元', ${yuan('g.pc')}, ${yuan('g.monitoring_line')})
           ELSE format('%s 年脱贫户，存在返贫风险', g.lifted_year) END,
      format('人均纯收入 %s 元 ≤ 贫困线 × %s（%s 元）', ${yuan('g.pc')}, to_char(g.ratio, 'FM990.0999'), ${yuan('round(g.ratio * g.poverty_line, 2)')}),
      format('风险 %s 项：%s', cardinality(g.risks), (SELECT string_agg(l.label, '、' ORDER BY t.ord) FROM unnest(g.risks) WITH ORDINALITY t(code, ord) JOIN ${RISK_LABELS} ON l.code = t.code::text)),
      CASE WHEN g.aspects IS NOT NULL THEN format('走访发现未解决风险点：%s',
        (SELECT string_agg(l.label, '、' ORDER BY l.label) FROM unnest(g.aspects) a(code) JOIN ${ASPECT_LABELS} ON l.code = a.code)) END
    ], NULL) AS reasons
  FROM graded g
), existing AS (
  SELECT w.id, w.household_id, (w.status <> 'OPEN' OR c.warning_id IS NOT NULL) AS settled
  FROM warning w JOIN region s ON s.id = w.household_id
  LEFT JOIN (SELECT DISTINCT warning_id FROM monitoring_case WHERE warning_id IS NOT NULL) c ON c.warning_id = w.id
  WHERE w.year = $1
), upd AS (
  UPDATE warning w SET kind = r.kind, level = r.level, reasons = r.reasons, per_capita_net_income = r.pc
  FROM result r JOIN existing e ON e.household_id = r.household_id AND NOT e.settled
  WHERE w.id = e.id AND w.status = 'OPEN'
    AND (w.kind, w.level, w.reasons, w.per_capita_net_income) IS DISTINCT FROM (r.kind, r.level, r.reasons, r.pc)
  RETURNING w.id
), ins AS (
  INSERT INTO warning (household_id, year, kind, level, reasons, per_capita_net_income)
  SELECT r.household_id, $1, r.kind, r.level, r.reasons, r.pc FROM result r
  WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.household_id = r.household_id)
  ON CONFLICT (household_id, year) DO NOTHING
  RETURNING id
), del AS (
  DELETE FROM warning w USING existing e
  WHERE w.id = e.id AND NOT e.settled AND w.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM result r WHERE r.household_id = e.household_id)
  RETURNING w.id, w.household_id, w.kind, w.level, w.reasons, w.per_capita_net_income
)
SELECT json_build_object(
  'evaluated', (SELECT count(*) FROM region),
  'candidates', (SELECT count(*) FROM result),
  'settled', (SELECT count(*) FROM result r JOIN existing e ON e.household_id = r.household_id AND e.settled),
  'byLevel', (SELECT coalesce(json_agg(json_build_object('level', level, 'count', n) ORDER BY level), '[]') FROM (SELECT level, count(*) AS n FROM result GROUP BY level) x),
  'raisedIds', (SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM ins),
  'updatedIds', (SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM upd),
  'withdrawn', (SELECT coalesce(json_agg(del ORDER BY id), '[]') FROM del)
) AS out`;
}

interface RawOut {
  evaluated: number;
  candidates: number;
  settled: number;
  byLevel: { level: string; count: number }[];
  raisedIds: number[];
  updatedIds: number[];
  withdrawn: { id: number }[];
}

const LevelCount = builder.objectRef<{ level: string; count: number }>('WarningLevelCount').implement({
  fields: (t) => ({
    level: t.field({ type: WarningLevelEnum, resolve: (c) => c.level as never }),
    count: t.exposeInt('count'),
  }),
});

const ScreeningReport = builder.objectRef<Report>('ScreeningReport').implement({
  description: '筛查结果：candidates = raised + updated + unchanged + settled',
  fields: (t) => ({
    year: t.exposeInt('year'),
    regionCode: t.exposeString('regionCode', { description: '筛查范围（调用者的管辖区域）' }),
    evaluated: t.exposeInt('evaluated', { description: '区域内评估的住户数' }),
    candidates: t.exposeInt('candidates', { description: '应预警住户数（符合条件且匹配到分级规则）' }),
    raised: t.exposeInt('raised', { description: '新增预警' }),
    updated: t.exposeInt('updated', { description: '更新了等级/原因/收入的待处理预警' }),
    withdrawn: t.exposeInt('withdrawn', { description: '不再符合条件而撤回（删除）的待处理预警' }),
    unchanged: t.exposeInt('unchanged', { description: '无需变化的待处理预警' }),
    settled: t.exposeInt('settled', { description: '已转入申报流程或已不予纳入的预警（筛查不改动）' }),
    byLevel: t.field({ type: [LevelCount], description: '应预警住户按等级', resolve: (r) => r.byLevel }),
  }),
});

builder.mutationField('runScreening', (t) =>
  t.field({
    type: ScreeningReport,
    description: '按年度筛查规则对管辖区域内全部住户进行返贫预警筛查（可重复运行，结果幂等）',
    authScopes: { permission: 'RUN_SCREENING' },
    args: { year: t.arg.int({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const region = viewerOf(ctx).regionCode;
      const column = REGION_COLUMN[region.length as keyof typeof REGION_COLUMN];
      if (!column) throw badInput('regionCode', '账号的管辖区域代码无效');
      const started = Date.now();
      // Own transaction call: a county run must not hit the 5 s default of interactive transactions on a slow machine.
      return ctx.prisma
        .$transaction(
          async (tx) => {
            const rule = await tx.screeningRule.findUnique({ where: { year: args.year } });
            if (!rule) throw badInput('year', `${args.year} 年度没有筛查规则 (no screening rule for this year)`);
            checkGrading(rule.grading); // refuses a hand-edited, malformed rule before it is used
            // Runs of the same year are serialised: overlapping regions never race on (household, year).
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('runScreening'), ${args.year}::int)`;
            // A county run is one deliberate bulk statement: it may take as long as its transaction,
            // beyond the pool's statement timeout (DATABASE_STATEMENT_TIMEOUT_MS) for ordinary requests.
            await tx.$executeRaw`SET LOCAL statement_timeout = '60s'`;
            const [row] = await tx.$queryRawUnsafe<{ out: RawOut }[]>(screeningSql(column), args.year, region);
            const out = row!.out;
            const raised = out.raisedIds.length;
            const updated = out.updatedIds.length;
            const report: Report = {
              year: args.year,
              regionCode: region,
              evaluated: Number(out.evaluated),
              candidates: Number(out.candidates),
              raised,
              updated,
              withdrawn: out.withdrawn.length,
              unchanged: Number(out.candidates) - raised - updated - Number(out.settled),
              settled: Number(out.settled),
              byLevel: out.byLevel.map((l) => ({ level: l.level, count: Number(l.count) })),
            };
            const { byLevel, ...counts } = report;
            await auditChange(
              tx,
              ctx,
              'UPDATE',
              'Screening',
              `${args.year}:${region}`,
              out.withdrawn.length ? { withdrawn: out.withdrawn } : null,
              {
                ...counts,
                byLevel,
                ruleVersion: rule.version,
                raisedIds: out.raisedIds,
                updatedIds: out.updatedIds,
                ms: Date.now() - started,
              },
            );
            return report;
          },
          { timeout: 60_000, maxWait: 10_000 },
        )
        .catch((error: unknown) => {
          throw translateDbError(error);
        });
    },
  }),
);

export type { Report as ScreeningReportData };
