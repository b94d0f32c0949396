// Households of one county, with their members and income records.
//
// Calibration (every county of a scaled data set gets the same figures):
// - 24,862 registered households lifted in 2014–2019 with exactly 72,385 members:
//   household sizes are drawn, then nudged one member at a time (random
//   households, ±1) until they add up to the target.
// - Poverty incidence at the end of 2019 = persons of households not lifted by
//   then ÷ registered rural population of 2019. The rural population R is fixed
//   first (regions.ts); the not-lifted households then get exactly
//   round(0.22 % × R) members, so the incidence is 0.22 % up to ±0.5 person
//   (≈ 0.00006 points) — the middle of the rounding interval [0.215, 0.225).
//   No household is lifted after 2019, so nobody else counts.
// - Lifts by year (350 / 6,300 / 9,450 / 4,800 / 3,200 / 762) and 98.5 %
//   registered in 2014 put the 2014 incidence near 9 %, falling to 0.22 %.
import { Random, WeightedTable } from './random.ts';
import { NameMaker } from './names.ts';
import { IdAllocator, makeMembers, personRow, type PersonModel } from './persons.ts';
import { planIncome, emitIncome, type IncomeYear } from './income.ts';
import type { TownshipModel, VillageModel } from './regions.ts';
import { AS_OF, AS_OF_STAMP, day, dateStr, stamp, type Ids, type Tables } from './model.ts';

export const LIFTED_HOUSEHOLDS = 24_862;
export const LIFTED_PERSONS = 72_385;
export const INCIDENCE_2019_PERCENT = 0.22;
const LIFTS_BY_YEAR: readonly [number, number][] = [
  [2014, 350],
  [2015, 6300],
  [2016, 9450],
  [2017, 4800],
  [2018, 3200],
  [2019, 762],
];
/** Non-registered households: ordinary ones (income records for the dual-income figures) and monitored ones. */
const PLAIN_HOUSEHOLDS = 6_000;
const EDGE_HOUSEHOLDS = 470;
const SUDDEN_HOUSEHOLDS = 120;
/** Non-registered households under the monitoring line with a risk, not (yet) monitored: screening candidates. */
const CANDIDATE_HOUSEHOLDS = 110;
/** Lifted households still unstable (≈ 5 % of the registered population are monitored in all). */
const UNSTABLE_HOUSEHOLDS = 520;
const DROPOUTS = 6;

export type HouseholdKind = 'LIFTED' | 'NOT_LIFTED' | 'PLAIN' | 'EDGE' | 'SUDDEN' | 'CANDIDATE';
export type Category = 'UNSTABLE_LIFTED' | 'EDGE' | 'SUDDEN_HARDSHIP';
export type RiskType =
  'ILLNESS' | 'DISABILITY' | 'SCHOOLING' | 'DISASTER' | 'ACCIDENT' | 'BUSINESS_FAILURE' | 'UNSTABLE_EMPLOYMENT' | 'OTHER';
const RISK_ORDER: readonly RiskType[] = [
  'ILLNESS',
  'DISABILITY',
  'SCHOOLING',
  'DISASTER',
  'ACCIDENT',
  'BUSINESS_FAILURE',
  'UNSTABLE_EMPLOYMENT',
  'OTHER',
];

export interface HouseholdModel {
  id: number;
  number: string;
  village: VillageModel;
  kind: HouseholdKind;
  registered: boolean;
  registeredYear: number | null;
  liftedYear: number | null;
  category: Category | null;
  since: number | null;
  eliminated: number | null;
  riskTypes: RiskType[];
  members: PersonModel[];
  address: string;
  income: IncomeYear[];
  createdAt: string;
}

interface Plan {
  kind: HouseholdKind;
  size: number;
  liftedYear: number | null;
  village?: VillageModel;
  key: number;
}

const SIZES_POOR: readonly (readonly [number, number])[] = [
  [1, 16],
  [2, 27],
  [3, 22],
  [4, 19],
  [5, 11],
  [6, 4],
  [7, 1],
];
const SIZES_NOT_LIFTED: readonly (readonly [number, number])[] = [
  [1, 28],
  [2, 30],
  [3, 18],
  [4, 14],
  [5, 7],
  [6, 3],
];
const SIZES_PLAIN: readonly (readonly [number, number])[] = [
  [1, 6],
  [2, 20],
  [3, 25],
  [4, 26],
  [5, 15],
  [6, 6],
  [7, 2],
];

/** Nudges sizes (1–8) one member at a time until they sum to `target`. */
function adjustSizes(rnd: Random, plans: Plan[], target: number): void {
  let sum = plans.reduce((a, p) => a + p.size, 0);
  while (sum !== target) {
    const p = plans[rnd.int(0, plans.length - 1)]!;
    if (sum < target && p.size < 8) {
      p.size++;
      sum++;
    } else if (sum > target && p.size > 1) {
      p.size--;
      sum--;
    }
  }
}

function headAge(rnd: Random, kind: HouseholdKind, size: number): number {
  const clamp = (a: number) => Math.max(24, Math.min(92, Math.round(a)));
  if (size === 1) return clamp(kind === 'PLAIN' ? rnd.normal(56, 15) : rnd.normal(69, 10));
  switch (kind) {
    case 'LIFTED':
      return clamp(rnd.normal(55, 12));
    case 'NOT_LIFTED':
      return clamp(rnd.normal(61, 13));
    case 'SUDDEN':
      return clamp(rnd.normal(46, 10));
    default:
      return clamp(rnd.normal(50, 12));
  }
}

/** Risks implied by the members (illness, disability, schooling) plus random ones. */
function risksOf(rnd: Random, members: PersonModel[], extra: number, must: readonly RiskType[] = []): RiskType[] {
  const set = new Set<RiskType>(must);
  if (members.some((p) => p.health === 'CHRONIC_ILLNESS' || p.health === 'SERIOUS_ILLNESS')) set.add('ILLNESS');
  if (members.some((p) => p.health === 'DISABLED')) set.add('DISABILITY');
  if (
    members.some((p) => p.schooling === 'SENIOR_SECONDARY' || p.schooling === 'TERTIARY' || p.schooling === 'VOCATIONAL') &&
    rnd.chance(0.5)
  )
    set.add('SCHOOLING');
  for (let i = 0; i < extra || set.size === 0; i++) {
    set.add(
      rnd.weighted([
        ['UNSTABLE_EMPLOYMENT', 30],
        ['BUSINESS_FAILURE', 15],
        ['DISASTER', 12],
        ['ACCIDENT', 12],
        ['OTHER', 10],
        ['ILLNESS', 21],
      ] as const),
    );
    if (i > 3) break;
  }
  return RISK_ORDER.filter((r) => set.has(r));
}

export interface HouseholdContext {
  seed: number;
  countyCode: string;
  countyName: string;
  townships: TownshipModel[];
  ids: Ids;
}

export function buildHouseholds(ctx: HouseholdContext): HouseholdModel[] {
  const rnd = Random.stream(ctx.seed, `county:${ctx.countyCode}/households`);
  const villages = ctx.townships.flatMap((t) => t.villages);
  const rural2019 = villages.reduce((a, v) => a + v.population.get(2019)!, 0);
  const notLiftedPersons = Math.round((rural2019 * INCIDENCE_2019_PERCENT) / 100);

  // 1. Plans: kind, size and lift year.
  const lifted: Plan[] = LIFTS_BY_YEAR.flatMap(([year, n]) =>
    Array.from({ length: n }, () => ({ kind: 'LIFTED' as const, size: rnd.weighted(SIZES_POOR), liftedYear: year, key: 0 })),
  );
  adjustSizes(rnd, lifted, LIFTED_PERSONS);
  const notLifted: Plan[] = [];
  for (let left = notLiftedPersons; left > 0;) {
    const size = Math.min(left, rnd.weighted(SIZES_NOT_LIFTED));
    notLifted.push({ kind: 'NOT_LIFTED', size, liftedYear: null, key: 0 });
    left -= size;
  }
  const others: Plan[] = (
    [
      ['PLAIN', PLAIN_HOUSEHOLDS],
      ['EDGE', EDGE_HOUSEHOLDS],
      ['SUDDEN', SUDDEN_HOUSEHOLDS],
      ['CANDIDATE', CANDIDATE_HOUSEHOLDS],
    ] as const
  ).flatMap(([kind, n]) => Array.from({ length: n }, () => ({ kind, size: rnd.weighted(SIZES_PLAIN), liftedYear: null, key: 0 })));

  // 2. Villages: registered households concentrate in formerly poor villages.
  const poorTable = new WeightedTable(villages, (v) => v.poorWeight);
  const plainTable = new WeightedTable(villages, (v) => v.plainWeight);
  const plans = [...lifted, ...notLifted, ...others];
  for (const p of plans) {
    p.village = (p.kind === 'LIFTED' || p.kind === 'NOT_LIFTED' ? poorTable : plainTable).pick(rnd);
    p.key = rnd.float();
  }
  // Ids and numbers run village by village, in random order within a village.
  plans.sort((a, b) => a.village!.index - b.village!.index || a.key - b.key);

  // 3. Members and registration.
  const names = new NameMaker(rnd);
  const idAlloc = new IdAllocator(ctx.countyCode, rnd);
  let certificate = 0;
  const perVillage = new Map<VillageModel, number>();
  const households = plans.map((plan): HouseholdModel => {
    const village = plan.village!;
    const registered = plan.kind === 'LIFTED' || plan.kind === 'NOT_LIFTED';
    const members = makeMembers(
      {
        rnd,
        names,
        ids: idAlloc,
        countyCode: ctx.countyCode,
        registered,
        vulnerable: plan.kind === 'EDGE' || plan.kind === 'SUDDEN',
        nextId: () => ctx.ids.take('person'),
        nextCertificate: () => ++certificate,
      },
      plan.size,
      headAge(rnd, plan.kind, plan.size),
    );
    let registeredYear: number | null = null;
    if (plan.kind === 'LIFTED') registeredYear = plan.liftedYear === 2014 || rnd.chance(0.985) ? 2014 : rnd.int(2015, plan.liftedYear!);
    if (plan.kind === 'NOT_LIFTED') registeredYear = rnd.chance(0.9) ? 2014 : rnd.int(2015, 2019);
    const seq = (perVillage.get(village) ?? 0) + 1;
    perVillage.set(village, seq);
    const address =
      village.kind === 'COMMUNITY'
        ? `安徽省宿州市${ctx.countyName}${village.addressStem}${rnd.int(1, 40)}栋${rnd.int(1, 6)}0${rnd.int(1, 4)}室`
        : `安徽省宿州市${ctx.countyName}${village.addressStem}${rnd.int(1, 12)}组`;
    const created = registeredYear !== null ? day(registeredYear, 3, 1) + rnd.int(0, 240) : day(2016, 5, 1) + rnd.int(0, 90);
    return {
      id: ctx.ids.take('household'),
      number: `${village.code}${String(seq).padStart(4, '0')}`,
      village,
      kind: plan.kind,
      registered,
      registeredYear,
      liftedYear: plan.liftedYear,
      category: plan.kind === 'EDGE' ? 'EDGE' : plan.kind === 'SUDDEN' ? 'SUDDEN_HARDSHIP' : null,
      since: null,
      eliminated: null,
      riskTypes: [],
      members,
      address,
      income: [],
      createdAt: stamp(created, rnd.int(8 * 60, 17 * 60)),
    };
  });

  // 4. Unstable lifted households: more likely with illness or disability, or lifted late
  //    (weighted sampling without replacement: the largest u^(1/w) keys win).
  const liftedHouseholds = households.filter((h) => h.kind === 'LIFTED');
  const keyed = liftedHouseholds.map((h) => {
    const sick = h.members.some((p) => p.health !== 'HEALTHY') ? 3 : 1;
    const late = h.liftedYear! >= 2018 ? 2 : 1;
    return { h, key: rnd.float() ** (1 / (sick * late)) };
  });
  keyed.sort((a, b) => b.key - a.key || a.h.id - b.h.id);
  for (const { h } of keyed.slice(0, UNSTABLE_HOUSEHOLDS)) h.category = 'UNSTABLE_LIFTED';

  // 5. Risks and monitoring dates. Monitoring (防返贫监测) began in spring 2020.
  for (const h of households) {
    if (h.kind === 'NOT_LIFTED') h.riskTypes = risksOf(rnd, h.members, 0);
    else if (h.kind === 'CANDIDATE') h.riskTypes = risksOf(rnd, h.members, 1);
    else if (h.category === 'SUDDEN_HARDSHIP')
      h.riskTypes = risksOf(rnd, h.members, rnd.int(0, 1), [rnd.pick(['ILLNESS', 'ACCIDENT', 'DISASTER', 'BUSINESS_FAILURE'] as const)]);
    else if (h.category) h.riskTypes = risksOf(rnd, h.members, rnd.int(0, 2));
    if (h.category) {
      h.since = h.category === 'SUDDEN_HARDSHIP' ? day(2020, 5, 1) + rnd.int(0, 220) : day(2020, 3, 20) + rnd.int(0, 250);
      // About 30 % of those included early enough have had their risk eliminated (风险消除).
      if (h.since + 90 < AS_OF && rnd.chance(0.35)) h.eliminated = Math.min(AS_OF - 1, h.since + rnd.int(90, 180));
    }
  }

  // 6. A handful of compulsory-age drop-outs (控辍保学 targets), then incomes.
  const pupils = households.flatMap((h) => h.members.filter((p) => p.age >= 12 && p.age <= 15 && p.schooling !== 'NOT_IN_SCHOOL'));
  for (const p of rnd.sample(pupils, DROPOUTS)) p.schooling = 'DROPPED_OUT';
  for (const h of households) planIncome(rnd, h);
  return households;
}

export function emitHouseholds(out: Tables, ids: Ids, countyCode: string, households: HouseholdModel[], seed: number): void {
  const rnd = Random.stream(seed, `county:${countyCode}/income`);
  for (const h of households) {
    const head = h.members[0]!;
    out.household.push({
      id: h.id,
      household_number: h.number,
      county_code: countyCode,
      township_code: h.village.township.code,
      village_code: h.village.code,
      address: h.address,
      phone: head.phone,
      registered: h.registered,
      registered_year: h.registeredYear,
      status: h.kind === 'LIFTED' ? 'LIFTED' : h.kind === 'NOT_LIFTED' ? 'NOT_LIFTED' : null,
      lifted_year: h.liftedYear,
      monitoring_category: h.category,
      monitoring_since: h.since === null ? null : dateStr(h.since),
      risk_eliminated_at: h.eliminated === null ? null : dateStr(h.eliminated),
      risk_types: h.riskTypes,
      version: 1,
      created_at: h.createdAt,
      updated_at: AS_OF_STAMP,
    });
  }
  for (const h of households) for (const p of h.members) out.person.push(personRow(p, h.id, h.createdAt, AS_OF_STAMP));
  for (const h of households) emitIncome(rnd, out, ids, h);
}
