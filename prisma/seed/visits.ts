// Cadre visits in 2020 (走访) with the nine aspects, risk points from failed
// aspects, and look-back reviews (回头看) of lifted households.
//
// Not-lifted households are visited monthly; monitored ones monthly from a
// couple of months before they were included (the visit is often how the risk
// was found); a sample of other lifted households once. About 20,000 visits.
import { enumValues } from '../../kernel/labels.ts';
import { Random } from './random.ts';
import type { HouseholdModel, RiskType } from './households.ts';
import type { CadreWorld } from './cadres.ts';
import { AS_OF, dateStr, day, stamp, type Ids, type Tables } from './model.ts';

const ASPECTS = enumValues('VisitAspect');
type Aspect = (typeof ASPECTS)[number];
const FAILURES: Record<Aspect, [string, RiskType]> = {
  FOOD: ['家中存粮不足，需临时救助', 'OTHER'],
  CLOTHING: ['冬季衣被不足', 'OTHER'],
  COMPULSORY_EDUCATION: ['适龄子女未按时返校，需劝返', 'SCHOOLING'],
  BASIC_MEDICAL: ['慢性病患者未办理慢性病卡', 'ILLNESS'],
  HOUSING_SAFETY: ['房屋墙体开裂，存在安全隐患', 'DISASTER'],
  DRINKING_WATER: ['自来水入户管道损坏，临时停水', 'OTHER'],
  POPULATION_CHANGE: ['家庭人口变化未及时更新', 'OTHER'],
  SPECIALTY_FARMING: ['特色种养殖受灾减产', 'BUSINESS_FAILURE'],
  HOUSEHOLD_ENVIRONMENT: ['户容户貌较差，庭院杂乱', 'OTHER'],
};
const NOTES = [
  '了解家庭近况，宣讲帮扶政策',
  '核实家庭收入情况',
  '查看住房和饮水安全',
  '帮助联系务工岗位',
  '督促子女按时上学',
  '了解病情和报销情况',
  null,
  null,
];
const TARGET_VISITS = 20_000;

export interface VisitModel {
  id: number;
  household: HouseholdModel;
  day: number;
  failed: boolean;
}

export function buildVisits(
  seed: number,
  countyCode: string,
  households: HouseholdModel[],
  world: CadreWorld,
  ids: Ids,
  out: Tables,
): Map<HouseholdModel, VisitModel[]> {
  const rnd = Random.stream(seed, `county:${countyCode}/visits`);
  const plan: { h: HouseholdModel; d: number }[] = [];
  const focus = households.filter((h) => h.kind === 'NOT_LIFTED' || h.category !== null);
  for (const h of focus) {
    const first = h.since === null ? day(2020, 1, 5) : Math.max(day(2020, 1, 5), h.since - 50);
    for (let d = first + rnd.int(0, 10); d <= AS_OF; d += rnd.int(28, 40)) plan.push({ h, d });
  }
  const others = households.filter((h) => h.kind === 'LIFTED' && h.category === null);
  for (const h of rnd.sample(others, Math.max(2500, TARGET_VISITS - plan.length))) plan.push({ h, d: day(2020, 1, 6) + rnd.int(0, 355) });
  plan.sort((a, b) => a.h.id - b.h.id || a.d - b.d);

  const visits = new Map<HouseholdModel, VisitModel[]>();
  for (const { h, d } of plan) {
    const sectionCadre = world.section.get(h);
    const cadre = sectionCadre && rnd.chance(0.3) ? sectionCadre : world.assistance.get(h)!;
    const id = ids.take('visit');
    const minute = rnd.int(8 * 60, 17 * 60);
    out.visit.push({
      id,
      cadre_id: cadre.id,
      household_id: h.id,
      visited_at: dateStr(d),
      note: rnd.pick(NOTES),
      created_at: stamp(d, minute + rnd.int(30, 300)),
    });
    const failRate = h.category !== null || h.kind === 'NOT_LIFTED' ? 0.012 : 0.004;
    let failed = false;
    for (const aspect of ASPECTS) {
      // Compulsory education only fails where there is a compulsory-age child.
      const applicable = aspect !== 'COMPULSORY_EDUCATION' || h.members.some((p) => p.age >= 6 && p.age <= 15);
      const passed = !(applicable && rnd.chance(failRate));
      const [description, riskType] = FAILURES[aspect];
      out.visit_aspect_result.push({ visit_id: id, aspect, passed, note: passed ? null : description });
      if (!passed) {
        failed = true;
        const resolved = rnd.chance(0.85) ? d + rnd.int(7, 45) : null;
        out.risk_point.push({
          id: ids.take('risk_point'),
          household_id: h.id,
          visit_id: id,
          aspect,
          risk_type: riskType,
          description,
          raised_at: dateStr(d),
          resolved_at: resolved !== null && resolved <= AS_OF ? dateStr(resolved) : null,
        });
      }
    }
    visits.set(h, [...(visits.get(h) ?? []), { id, household: h, day: d, failed }]);
  }
  return visits;
}

/** 回头看: a quarter of the lifted households, reviewed between May 2019 and October 2020. */
export function buildLookBack(seed: number, countyCode: string, households: HouseholdModel[], ids: Ids, out: Tables): void {
  const rnd = Random.stream(seed, `county:${countyCode}/look-back`);
  const lifted = households.filter((h) => h.kind === 'LIFTED');
  const sample = rnd.sample(lifted, Math.round(lifted.length / 4)).sort((a, b) => a.id - b.id);
  for (const h of sample) {
    const unstable = h.category === 'UNSTABLE_LIFTED';
    const income = !(unstable && rnd.chance(0.3));
    const path = !(unstable && rnd.chance(0.4)) && rnd.chance(0.995);
    const measures = rnd.chance(unstable ? 0.8 : 0.99);
    out.look_back_review.push({
      id: ids.take('look_back_review'),
      household_id: h.id,
      reviewed_at: dateStr(day(2019, 5, 1) + rnd.int(0, 530)),
      result_genuine: true,
      income_meets_line: income,
      path_clear: path,
      measures_solid: measures,
      note:
        income && path && measures
          ? '脱贫成效真实，收入稳定达标'
          : !income
            ? '收入接近贫困线，建议纳入监测'
            : '增收路径单一，需加强产业和就业帮扶',
    });
  }
}
