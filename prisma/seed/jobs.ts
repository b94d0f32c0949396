// Employment in the five channels, village collective income by source, and
// village cadre pay (basic + performance + a reward from collective growth).
import { Random } from './random.ts';
import { NameMaker } from './names.ts';
import type { EntityKind, EntityModel } from './economy.ts';
import type { HouseholdModel } from './households.ts';
import type { PersonModel } from './persons.ts';
import type { TownshipModel, VillageModel } from './regions.ts';
import { AS_OF, AS_OF_STAMP, YEARS, dateStr, day, stamp, yuan, type Ids, type Tables } from './model.ts';

export type Channel = 'INDUSTRIAL_PARK_BASE' | 'POVERTY_ALLEVIATION_FACTORY' | 'COOPERATIVE' | 'PUBLIC_WELFARE_POST' | 'HOME_BASED';

// ≈ 15,000 jobs per county. Monthly wages in yuan, plausible for northern Anhui in 2020.
const CHANNELS: readonly { code: Channel; n: number; employer: EntityKind | null; wage: [number, number] }[] = [
  { code: 'INDUSTRIAL_PARK_BASE', n: 2400, employer: 'INDUSTRIAL_PARK_BASE', wage: [2600, 4800] },
  { code: 'POVERTY_ALLEVIATION_FACTORY', n: 3100, employer: 'POVERTY_ALLEVIATION_WORKSHOP', wage: [1800, 3500] },
  { code: 'COOPERATIVE', n: 3900, employer: 'COOPERATIVE', wage: [1500, 3200] },
  { code: 'PUBLIC_WELFARE_POST', n: 2600, employer: null, wage: [500, 1000] },
  { code: 'HOME_BASED', n: 3000, employer: null, wage: [800, 2200] },
];
const WELFARE_POSTS = [
  '保洁员',
  '护林员',
  '安全员',
  '护路员',
  '水管员',
  '环境卫生监督员',
  '孝老餐厅服务员',
  '农家书屋管理员',
  '治安巡逻员',
  '防溺水巡查员',
];

export interface JobModel {
  person: PersonModel;
  household: HouseholdModel;
  channel: Channel;
}

export function buildEmployment(
  seed: number,
  countyCode: string,
  households: HouseholdModel[],
  entities: EntityModel[],
  ids: Ids,
  out: Tables,
): JobModel[] {
  const rnd = Random.stream(seed, `county:${countyCode}/employment`);
  const pool = (registered: boolean) =>
    households
      .filter((h) => h.registered === registered && h.kind !== 'CANDIDATE')
      .flatMap((h) =>
        h.members.filter((p) => p.age >= 18 && p.age <= 64 && (p.labor === 'FULL' || p.labor === 'PARTIAL')).map((p) => ({ p, h })),
      );
  const registeredPool = rnd.shuffle(pool(true));
  const otherPool = rnd.shuffle(pool(false));
  const taken = new Set<PersonModel>();
  const employersBy = new Map<string, EntityModel[]>();
  for (const e of entities) {
    for (const key of [`${e.kind}`, `${e.kind}/${e.township.code}`]) employersBy.set(key, [...(employersBy.get(key) ?? []), e]);
  }
  const jobs: JobModel[] = [];
  let ri = 0;
  let oi = 0;
  for (const channel of CHANNELS) {
    for (let i = 0; i < channel.n; i++) {
      // Public-welfare posts go to registered households (weak labour first);
      // other channels take four in five workers from registered households.
      const fromRegistered = channel.code === 'PUBLIC_WELFARE_POST' || rnd.chance(0.8);
      let pick: { p: PersonModel; h: HouseholdModel } | undefined;
      do {
        pick = fromRegistered || oi >= otherPool.length ? registeredPool[ri++] : otherPool[oi++];
      } while (pick && taken.has(pick.p));
      if (!pick) break; // pools exhausted (not at the calibrated size)
      taken.add(pick.p);
      const employer = channel.employer
        ? rnd.pick(employersBy.get(`${channel.employer}/${pick.h.village.township.code}`) ?? employersBy.get(channel.employer)!)
        : null;
      const earliest = Math.max(day(2016, 1, 1), employer ? employer.established + 30 : 0, day(pick.p.birthYear + 18, 1, 1));
      const start = earliest + rnd.int(0, Math.max(0, AS_OF - 60 - earliest));
      const ended = rnd.chance(0.15) && start + 120 < AS_OF;
      const [lo, hi] = channel.wage;
      const partial = pick.p.labor === 'PARTIAL' ? 0.8 : 1;
      out.employment.push({
        id: ids.take('employment'),
        person_id: pick.p.id,
        channel_code: channel.code,
        employer_id: employer?.id ?? null,
        post_name: channel.code === 'PUBLIC_WELFARE_POST' ? rnd.pick(WELFARE_POSTS) : null,
        start_date: dateStr(start),
        end_date: ended ? dateStr(start + rnd.int(90, AS_OF - start)) : null,
        monthly_wage: yuan(Math.round((rnd.int(lo, hi) * partial) / 10) * 10 * 100),
        version: 1,
        created_at: stamp(start, rnd.int(480, 1020)),
        updated_at: AS_OF_STAMP,
      });
      jobs.push({ person: pick.p, household: pick.h, channel: channel.code });
    }
  }
  return jobs;
}

type Source = 'MECHANIZATION_SERVICE' | 'STRAW_UTILIZATION' | 'LAND_TRANSFER_PLATFORM' | 'LABOUR_COMPANY' | 'ASSET_LEASING' | 'OTHER';
/** Sources in enum order, with the first year a village could have each. */
const SOURCES: readonly [Source, number][] = [
  ['MECHANIZATION_SERVICE', 2014],
  ['STRAW_UTILIZATION', 2015],
  ['LAND_TRANSFER_PLATFORM', 2016],
  ['LABOUR_COMPANY', 2017],
  ['ASSET_LEASING', 2014],
  ['OTHER', 2014],
];

/**
 * Collective income: a village total per year, growing 8–35 % a year with
 * noise and the odd bad year (so collective growth is negative somewhere),
 * formerly poor villages at ≥ 50,000 yuan from their exit year (an exit
 * criterion), split over 2–5 sources that start in different years.
 */
export function buildCollectiveIncome(
  seed: number,
  countyCode: string,
  townships: TownshipModel[],
  ids: Ids,
  out: Tables,
): Map<VillageModel, Map<number, number>> {
  const rnd = Random.stream(seed, `county:${countyCode}/collective`);
  const totals = new Map<VillageModel, Map<number, number>>();
  for (const t of townships) {
    for (const v of t.villages) {
      const n = rnd.int(2, 5);
      const chosen = rnd.sample(SOURCES, n);
      // The earliest source always runs from 2014, so every year has income.
      chosen.sort((a, b) => a[1] - b[1]);
      chosen[0] = [chosen[0]![0], 2014];
      const weights = new Map(chosen.map(([s]) => [s, rnd.range(0.5, 2)]));
      const active = SOURCES.filter(([s]) => weights.has(s)).map(([s]) => ({ s, from: chosen.find((c) => c[0] === s)![1] }));
      let total =
        v.kind === 'COMMUNITY' ? rnd.range(50_000, 300_000) : v.formerlyPoor ? rnd.range(5_000, 40_000) : rnd.range(20_000, 150_000);
      const growth = rnd.range(1.08, 1.35);
      const byYear = new Map<number, number>();
      for (const year of YEARS) {
        if (year > 2014) total *= growth * Math.exp(rnd.normal(0, 0.08)) * (rnd.chance(0.1) ? 0.8 : 1);
        if (v.formerlyPoor && year >= v.exitYear! && total < 50_000) total = rnd.range(50_000, 65_000);
        const sources = active.filter((a) => a.from <= year);
        const sum = sources.reduce((acc, a) => acc + weights.get(a.s)!, 0);
        let left = Math.round(total * 100);
        const totalFen = left;
        sources.forEach((a, i) => {
          const amount = i === sources.length - 1 ? left : Math.round((totalFen * weights.get(a.s)!) / sum);
          left -= amount;
          out.village_collective_income.push({
            id: ids.take('village_collective_income'),
            village_code: v.code,
            township_code: t.code,
            county_code: countyCode,
            year,
            source: a.s,
            amount: yuan(amount),
            version: 1,
          });
        });
        byYear.set(year, totalFen);
      }
      totals.set(v, byYear);
    }
  }
  return totals;
}

const POSTS: readonly [string, number, number][] = [
  // post, basic pay 2020 (yuan/year), share of the growth reward
  ['党组织书记兼村委会主任', 36_000, 0.4],
  ['党组织副书记', 26_400, 0.25],
  ['村委会委员', 22_800, 0.2],
  ['报账员', 20_400, 0.15],
];

/** 2017–2020: basic pay rising ~6 % a year, performance 10–30 %, reward 8 % of collective growth × share. */
export function buildCadrePay(
  seed: number,
  countyCode: string,
  townships: TownshipModel[],
  collective: Map<VillageModel, Map<number, number>>,
  ids: Ids,
  out: Tables,
): void {
  const rnd = Random.stream(seed, `county:${countyCode}/cadre-pay`);
  const names = new NameMaker(rnd);
  for (const t of townships) {
    for (const v of t.villages) {
      const people = POSTS.map(() => names.adult());
      for (const year of [2017, 2018, 2019, 2020]) {
        const growth = collective.get(v)!.get(year)! - collective.get(v)!.get(year - 1)!;
        POSTS.forEach(([post, basic2020, share], i) => {
          const basic = Math.round(basic2020 / 1.06 ** (2020 - year) / 100) * 100 * 100;
          out.village_cadre_pay.push({
            id: ids.take('village_cadre_pay'),
            village_code: v.code,
            year,
            cadre_name: people[i]!,
            post,
            basic_pay: yuan(basic),
            performance_pay: yuan(Math.round((basic * rnd.range(0.1, 0.3)) / 100) * 100),
            growth_reward: yuan(Math.min(3_000_000, Math.max(0, Math.round(growth * 0.08 * share)))),
          });
        });
      }
    }
  }
}
