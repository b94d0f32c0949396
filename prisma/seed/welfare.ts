// Policy guarantees (mechanism 2) and the safety net (mechanism 4): village
// clinics, model water plants and quality checks, family-doctor contracts and
// follow-ups, dangerous-house renovation, relocation, safety-net enrolments
// and poverty-prevention insurance.
import { Random, WeightedTable } from './random.ts';
import { NameMaker } from './names.ts';
import type { TownshipModel } from './regions.ts';
import type { HouseholdModel } from './households.ts';
import type { PersonModel } from './persons.ts';
import { AS_OF, dateStr, day, yuan, type Ids, type Tables } from './model.ts';

export const FAMILY_DOCTOR_CONTRACTS = 38_616;
export const FAMILY_DOCTOR_FOLLOW_UPS = 30_362;
export const CLINICS_UP_TO_STANDARD = 174;
export const CLINICS_RENOVATED = 90;
export const MODEL_WATER_PLANTS = 15;
export const RENOVATIONS_2020 = 525;
export const RELOCATED_HOUSEHOLDS = 541;
export const RELOCATED_PERSONS = 2_000;
const RENOVATIONS_EARLIER: readonly [number, number][] = [
  [2014, 420],
  [2015, 640],
  [2016, 980],
  [2017, 1150],
  [2018, 860],
  [2019, 610],
];

export function buildFacilities(
  seed: number,
  county: { code: string; name: string },
  townships: TownshipModel[],
  ids: Ids,
  out: Tables,
): void {
  const rnd = Random.stream(seed, `county:${county.code}/facilities`);
  const villages = townships.flatMap((t) => t.villages);
  // 174 clinics up to standard, 90 of them renovated (a renovated clinic meets the standard).
  const upToStandard = new Set(rnd.sample(villages, CLINICS_UP_TO_STANDARD));
  const renovated = new Set(rnd.sample([...upToStandard], CLINICS_RENOVATED));
  for (const v of villages) {
    out.village_clinic.push({
      village_code: v.code,
      name: `${v.name}卫生室`,
      up_to_standard: upToStandard.has(v),
      renovated_year: renovated.has(v)
        ? rnd.weighted([
            [2016, 15],
            [2017, 20],
            [2018, 25],
            [2019, 25],
            [2020, 15],
          ] as const)
        : null,
    });
  }
  // One model plant per town/township (15; not the development zone, served by the county water works),
  // plus small village supply stations.
  const plants: { id: number; model: boolean }[] = [];
  for (const t of townships) {
    if (t.kind === 'DEVELOPMENT_ZONE') continue;
    const id = ids.take('water_plant');
    plants.push({ id, model: true });
    out.water_plant.push({
      id,
      township_code: t.code,
      name: `${t.name}标准化示范水厂`,
      is_model: true,
      capacity_tons_per_day: rnd.int(50, 200) * 100,
    });
  }
  for (const v of rnd
    .sample(
      villages.filter((x) => x.kind === 'VILLAGE'),
      12,
    )
    .sort((a, b) => a.index - b.index)) {
    const id = ids.take('water_plant');
    plants.push({ id, model: false });
    out.water_plant.push({
      id,
      township_code: v.township.code,
      name: `${v.name}集中供水站`,
      is_model: false,
      capacity_tons_per_day: rnd.int(2, 10) * 100,
    });
  }
  for (const p of plants) {
    for (let m = 1; m <= 12; m += p.model ? 1 : 3) {
      const passed = rnd.chance(0.97);
      out.water_quality_check.push({
        id: ids.take('water_quality_check'),
        plant_id: p.id,
        checked_at: dateStr(day(2020, m, rnd.int(5, 25))),
        passed,
        note: passed ? null : rnd.pick(['浑浊度超标，已整改复检合格', '余氯不足，已调整投加量', '菌落总数超标，已消毒复检合格']),
      });
    }
  }
}

/** Family doctors: registered and monitored persons; the sick, the old and small children first. */
export function buildFamilyDoctors(seed: number, countyCode: string, households: HouseholdModel[], ids: Ids, out: Tables): void {
  const rnd = Random.stream(seed, `county:${countyCode}/family-doctors`);
  const names = new NameMaker(rnd);
  const doctors = new Map<string, string[]>();
  const candidates = households
    .filter((h) => h.registered || h.category !== null)
    .flatMap((h) => h.members.map((p) => ({ p, h, priority: p.health !== 'HEALTHY' || p.age >= 65 || p.age <= 6 })));
  const keyed = candidates.map((c) => ({ c, key: rnd.float() + (c.priority ? 1 : 0) }));
  keyed.sort((a, b) => b.key - a.key);
  const chosen = keyed
    .slice(0, FAMILY_DOCTOR_CONTRACTS)
    .map((k) => k.c)
    .sort((a, b) => a.p.id - b.p.id);
  const contracts = chosen.map(({ p, h, priority }) => {
    const v = h.village;
    let list = doctors.get(v.code);
    if (!list) doctors.set(v.code, (list = Array.from({ length: rnd.int(1, 3) }, () => names.adult())));
    const signed = day(2020, 1, 2) + rnd.int(0, 88);
    const id = ids.take('family_doctor_contract');
    out.family_doctor_contract.push({
      id,
      person_id: p.id,
      year: 2020,
      signed_at: dateStr(signed),
      doctor_name: rnd.pick(list),
      clinic_name: `${v.name}卫生室`,
    });
    return { id, signed, priority, visits: [] as number[] };
  });
  // 30,362 follow-ups over the contracts, three times as likely for priority persons.
  const table = new WeightedTable(contracts, (c) => (c.priority ? 3 : 1));
  for (let i = 0; i < FAMILY_DOCTOR_FOLLOW_UPS; i++) {
    const c = table.pick(rnd);
    c.visits.push(c.signed + rnd.int(14, AS_OF - c.signed));
  }
  const NOTES = ['血压测量、用药指导', '血糖检测', '健康随访', '康复指导', '老年人健康体检', '慢病管理随访', null];
  for (const c of contracts) {
    for (const d of c.visits.sort((a, b) => a - b)) {
      out.family_doctor_follow_up.push({
        id: ids.take('family_doctor_follow_up'),
        contract_id: c.id,
        visited_at: dateStr(d),
        note: rnd.pick(NOTES),
      });
    }
  }
}

/**
 * Relocation: 541 registered households whose members add up to exactly 2,000
 * (a random pick, then swaps of one household for another of a better size
 * until the sum is right). Renovation: 525 houses in 2020, more before.
 */
export function buildHousing(
  seed: number,
  county: { code: string; name: string },
  households: HouseholdModel[],
  ids: Ids,
  out: Tables,
): Set<HouseholdModel> {
  const rnd = Random.stream(seed, `county:${county.code}/housing`);
  const registered = rnd.shuffle(households.filter((h) => h.registered));
  const chosen = registered.slice(0, RELOCATED_HOUSEHOLDS);
  const rest = registered.slice(RELOCATED_HOUSEHOLDS);
  let sum = chosen.reduce((a, h) => a + h.members.length, 0);
  for (let guard = 0; sum !== RELOCATED_PERSONS; guard++) {
    if (guard > 1_000_000) throw new Error('relocation calibration did not converge');
    const i = rnd.int(0, chosen.length - 1);
    const j = rnd.int(0, rest.length - 1);
    const delta = rest[j]!.members.length - chosen[i]!.members.length;
    const gap = RELOCATED_PERSONS - sum;
    if (delta !== 0 && Math.sign(delta) === Math.sign(gap) && Math.abs(delta) <= Math.abs(gap)) {
      [chosen[i], rest[j]] = [rest[j]!, chosen[i]!];
      sum += delta;
    }
  }
  const relocated = new Set(chosen);
  for (const h of chosen.sort((a, b) => a.id - b.id)) {
    const year = rnd.weighted([
      [2016, 30],
      [2017, 35],
      [2018, 25],
      [2019, 10],
    ] as const);
    const t = h.village.township;
    out.relocation.push({
      id: ids.take('relocation'),
      household_id: h.id,
      year,
      persons: h.members.length,
      destination: `安徽省宿州市${county.name}${t.name}${t.villages[0]!.name}集中安置点`,
      moved_at: dateStr(day(year, 3, 1) + rnd.int(0, 270)),
    });
  }
  // Renovations: mostly registered households, some monitored and ordinary ones.
  const pool = rnd.shuffle(households.filter((h) => !relocated.has(h) && (h.registered || rnd.chance(0.15))));
  let k = 0;
  const renovated2020: HouseholdModel[] = [];
  for (const [year, n] of [...RENOVATIONS_EARLIER, [2020, RENOVATIONS_2020] as const]) {
    for (let i = 0; i < n; i++) {
      const h = pool[k++]!;
      const grade = rnd.chance(0.35) ? 'D' : 'C';
      const done = year < 2020 || rnd.chance(0.92);
      if (year === 2020) renovated2020.push(h);
      out.house_renovation.push({
        id: ids.take('house_renovation'),
        household_id: h.id,
        year,
        grade,
        subsidy: yuan((grade === 'D' ? rnd.int(180, 350) : rnd.int(60, 150)) * 10_000),
        completed_at: done ? dateStr(Math.min(AS_OF, day(year, 4, 1) + rnd.int(0, 260))) : null,
      });
    }
  }
  return new Set(renovated2020);
}

export interface EnrolmentModel {
  id: number;
  household: HouseholdModel;
  person: PersonModel | null;
  kind: string;
}

/** Dibao, extreme-poverty support, temporary assistance and subsidised premiums. */
export function buildSafetyNet(seed: number, countyCode: string, households: HouseholdModel[], ids: Ids, out: Tables): EnrolmentModel[] {
  const rnd = Random.stream(seed, `county:${countyCode}/safety-net`);
  const list: EnrolmentModel[] = [];
  const add = (
    h: HouseholdModel,
    p: PersonModel | null,
    kind: string,
    start: number,
    end: number | null,
    monthly: number | null,
    lump: number | null,
  ) => {
    const id = ids.take('safety_net_enrolment');
    list.push({ id, household: h, person: p, kind });
    out.safety_net_enrolment.push({
      id,
      household_id: h.id,
      person_id: p?.id ?? null,
      kind,
      start_date: dateStr(start),
      end_date: end === null ? null : dateStr(end),
      monthly_amount: monthly === null ? null : yuan(monthly * 100),
      lump_sum: lump === null ? null : yuan(lump * 100),
    });
  };
  for (const h of households) {
    const head = h.members[0]!;
    const weak = h.members.every((p) => p.labor !== 'FULL');
    const dibao = { LIFTED: weak ? 0.3 : 0.06, NOT_LIFTED: 0.65, EDGE: 0.25, SUDDEN: 0.4, PLAIN: 0.004, CANDIDATE: 0.05 }[h.kind];
    if (rnd.chance(dibao)) {
      const start = day(rnd.int(2015, 2020), 1, 1) + rnd.int(0, 300);
      // Lifted households keep dibao for a gradual exit (渐退期), some have left it.
      const end = h.kind === 'LIFTED' && rnd.chance(0.15) && start + 400 < AS_OF ? start + rnd.int(365, AS_OF - start) : null;
      add(h, head, 'DIBAO', start, end, h.members.length * rnd.int(18, 36) * 10, null);
    }
    // 特困供养: old people living alone without labour.
    if (h.registered && h.members.length === 1 && head.age >= 60 && head.labor !== 'FULL' && rnd.chance(0.35)) {
      add(h, head, 'EXTREME_POVERTY_SUPPORT', day(rnd.int(2014, 2020), 1, 1) + rnd.int(0, 300), null, rnd.int(56, 76) * 10, null);
    }
    if (h.kind === 'SUDDEN' || (h.registered && rnd.chance(0.012))) {
      const d = h.since !== null ? Math.min(AS_OF, h.since + rnd.int(0, 30)) : day(2019, 1, 1) + rnd.int(0, 720);
      add(h, head, 'TEMPORARY_ASSISTANCE', d, d, null, rnd.int(h.kind === 'SUDDEN' ? 10 : 5, h.kind === 'SUDDEN' ? 80 : 30) * 100);
    }
    // Premiums paid by the government for 2020 (pension: the minimum grade; medical: part of the individual share).
    if (h.kind === 'NOT_LIFTED' || h.category !== null) {
      for (const p of h.members) {
        if (p.pension && p.age < 60) add(h, p, 'PENSION_INSURANCE', day(2020, 1, 1), day(2020, 12, 31), null, 100);
        add(h, p, 'MEDICAL_INSURANCE', day(2020, 1, 1), day(2020, 12, 31), null, 250);
      }
    }
  }
  return list;
}

/** 防贫保险 for 2020: every registered and every monitored household; a few claims. */
export function buildInsurance(
  seed: number,
  county: { code: string; name: string },
  households: HouseholdModel[],
  ids: Ids,
  out: Tables,
): void {
  const rnd = Random.stream(seed, `county:${county.code}/insurance`);
  const insurers = [`中国人民财产保险股份有限公司${county.name}支公司`, `国元农业保险股份有限公司${county.name}支公司`];
  let seq = 0;
  for (const h of households) {
    if (!h.registered && h.category === null) continue;
    const id = ids.take('insurance_policy');
    out.insurance_policy.push({
      id,
      policy_number: `FPB${county.code}2020${String(++seq).padStart(6, '0')}`,
      household_id: h.id,
      insurer: insurers[h.village.township.index % 2]!,
      year: 2020,
      premium: yuan(h.members.length * 5000),
      coverage: yuan(10_000_000),
    });
    if (rnd.chance(h.category !== null ? 0.08 : 0.01)) {
      const status = rnd.weighted([
        ['PAID', 60],
        ['APPROVED', 15],
        ['SUBMITTED', 15],
        ['DENIED', 10],
      ] as const);
      const claimed = rnd.int(30, 400) * 10_000;
      out.insurance_claim.push({
        id: ids.take('insurance_claim'),
        policy_id: id,
        risk_type: rnd.weighted([
          ['ILLNESS', 60],
          ['ACCIDENT', 12],
          ['DISASTER', 10],
          ['SCHOOLING', 10],
          ['BUSINESS_FAILURE', 8],
        ] as const),
        claimed_at: dateStr(day(2020, 2, 1) + rnd.int(0, 320)),
        amount_claimed: yuan(claimed),
        amount_paid: yuan(status === 'PAID' ? Math.round((claimed * rnd.int(60, 100)) / 100) : 0),
        status,
      });
    }
  }
}
