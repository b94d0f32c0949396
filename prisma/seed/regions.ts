// Counties, townships and villages, and the yearly registered rural population
// of every village (the denominator of poverty incidence).
//
// Si County (泗县, 341324) uses its 15 real towns and townships plus the
// economic development zone; township codes follow the statistical convention
// (镇 1xx, 乡 2xx, 开发区 4xx) and village codes `<township><3 digits>` with
// communities 0xx and administrative villages 2xx. Village names are
// synthetic. Other counties (scale > 1) are real Suzhou counties or clearly
// synthetic ones (模拟县NN) with synthetic township names.
import { COMMUNITY_HEADS, placeName } from './names.ts';
import type { Random } from './random.ts';
import type { Tables } from './model.ts';
import { YEARS } from './model.ts';

export interface CountyDef {
  code: string;
  name: string;
}

const REAL_COUNTIES: readonly CountyDef[] = [
  { code: '341324', name: '泗县' },
  { code: '341321', name: '砀山县' },
  { code: '341322', name: '萧县' },
  { code: '341323', name: '灵璧县' },
  { code: '341302', name: '埇桥区' },
];

/** The i-th county of a scaled data set (0 = Si County). Codes never repeat. */
export function countyDef(i: number): CountyDef {
  const real = REAL_COUNTIES[i];
  if (real) return real;
  // Synthetic: 341325 … 341399, then 341401 … (codes ending in 00 are prefectures).
  let n = i - REAL_COUNTIES.length;
  let prefix = 3413;
  let first = 25;
  while (n >= 100 - first) {
    n -= 100 - first;
    prefix++;
    first = 1;
  }
  return { code: `${prefix}${String(first + n).padStart(2, '0')}`, name: `模拟县${String(i - REAL_COUNTIES.length + 1).padStart(2, '0')}` };
}

export type TownshipKind = 'TOWN' | 'TOWNSHIP' | 'DEVELOPMENT_ZONE';

export interface TownshipModel {
  index: number;
  code: string;
  name: string;
  kind: TownshipKind;
  villages: VillageModel[];
}

export interface VillageModel {
  index: number;
  code: string;
  name: string;
  kind: 'VILLAGE' | 'COMMUNITY';
  township: TownshipModel;
  formerlyPoor: boolean;
  exitYear: number | null;
  /** Registered rural population by year 2014–2020. */
  population: Map<number, number>;
  /** Relative share of registered poor households (poor villages have more). */
  poorWeight: number;
  /** Relative share of other rural households. */
  plainWeight: number;
  /** Income shock by year (multiplier around 1): some villages have bad years. */
  shock: Map<number, number>;
  /** 'XX镇XX村' for addresses. */
  addressStem: string;
}

const SI_TOWNSHIPS: readonly [string, TownshipKind][] = [
  ['泗城镇', 'TOWN'],
  ['墩集镇', 'TOWN'],
  ['丁湖镇', 'TOWN'],
  ['草庙镇', 'TOWN'],
  ['黄圩镇', 'TOWN'],
  ['大庄镇', 'TOWN'],
  ['长沟镇', 'TOWN'],
  ['山头镇', 'TOWN'],
  ['刘圩镇', 'TOWN'],
  ['屏山镇', 'TOWN'],
  ['草沟镇', 'TOWN'],
  ['黑塔镇', 'TOWN'],
  ['大路口乡', 'TOWNSHIP'],
  ['瓦坊乡', 'TOWNSHIP'],
  ['大杨乡', 'TOWNSHIP'],
];

/** Villages per township (sums to 187): the county seat has 8 communities + 6 villages. */
const VILLAGE_PLAN: readonly { communities: number; villages: number }[] = [
  { communities: 8, villages: 6 },
  ...Array.from({ length: 14 }, (_, i) => ({ communities: 1, villages: i === 0 ? 12 : 11 })),
  { communities: 2, villages: 2 }, // development zone
];

/** Formerly poor villages (65) by the year they exited poverty. */
const POOR_VILLAGE_EXITS: readonly [number, number][] = [
  [2014, 4],
  [2015, 9],
  [2016, 18],
  [2017, 16],
  [2018, 15],
  [2019, 3],
];

/** Target registered rural population of a county at the end of 2019 (≈ 780,000). */
const RURAL_POPULATION_2019 = 780_000;

export function buildRegions(rnd: Random, county: CountyDef): TownshipModel[] {
  const usedPlaces = new Set<string>();
  const townships: TownshipModel[] = [];
  let villageIndex = 0;
  for (let t = 0; t < 16; t++) {
    const isZone = t === 15;
    const def = county.code === '341324' ? SI_TOWNSHIPS[t] : undefined;
    const kind: TownshipKind = isZone ? 'DEVELOPMENT_ZONE' : def ? def[1] : t >= 12 ? 'TOWNSHIP' : 'TOWN';
    const seq = kind === 'TOWN' ? 100 + t : kind === 'TOWNSHIP' ? 200 + (t - 12) : 400;
    const name = isZone ? `${county.name}经济开发区` : def ? def[0] : placeName(rnd, usedPlaces, kind === 'TOWN' ? '镇' : '乡');
    const township: TownshipModel = { index: t, code: `${county.code}${seq}`, name, kind, villages: [] };
    const plan = VILLAGE_PLAN[t]!;
    const shortName = name.replace(/(镇|乡|经济开发区)$/, '') || name;
    const usedCommunities = new Set<string>();
    for (let c = 0; c < plan.communities + plan.villages; c++) {
      const isCommunity = c < plan.communities;
      const code = `${township.code}${isCommunity ? String(1 + c).padStart(3, '0') : String(201 + c - plan.communities)}`;
      let vname: string;
      if (isCommunity && c === 0 && t !== 0) vname = `${shortName}社区`;
      else if (isCommunity) {
        let head = rnd.pick(COMMUNITY_HEADS);
        while (usedCommunities.has(head)) head = rnd.pick(COMMUNITY_HEADS);
        usedCommunities.add(head);
        vname = `${head}社区`;
      } else vname = placeName(rnd, usedPlaces, '村');
      township.villages.push({
        index: villageIndex++,
        code,
        name: vname,
        kind: isCommunity ? 'COMMUNITY' : 'VILLAGE',
        township,
        formerlyPoor: false,
        exitYear: null,
        population: new Map(),
        poorWeight: 0,
        plainWeight: 0,
        shock: new Map(),
        addressStem: `${name}${vname}`,
      });
    }
    townships.push(township);
  }

  const villages = townships.flatMap((t) => t.villages);
  // Formerly poor villages: administrative villages outside the development zone,
  // fewer in the county seat.
  const candidates = villages.filter((v) => v.kind === 'VILLAGE' && v.township.kind !== 'DEVELOPMENT_ZONE');
  const weighted = candidates.map((v) => ({ v, key: rnd.float() * (v.township.index === 0 ? 0.3 : 1) }));
  weighted.sort((a, b) => b.key - a.key || a.v.index - b.v.index);
  const poor = weighted
    .slice(0, 65)
    .map((w) => w.v)
    .sort((a, b) => a.index - b.index);
  let k = 0;
  const exitYears = rnd.shuffle(POOR_VILLAGE_EXITS.flatMap(([year, n]) => Array<number>(n).fill(year)));
  for (const v of poor) {
    v.formerlyPoor = true;
    v.exitYear = exitYears[k++]!;
  }

  // Rural population at the end of 2019, then scaled to the county target.
  const raw = villages.map((v) => {
    const zone = v.township.kind === 'DEVELOPMENT_ZONE' ? 0.6 : 1;
    if (v.kind === 'COMMUNITY') return rnd.range(1800, 3400) * zone;
    return (v.formerlyPoor ? rnd.range(3800, 6400) : rnd.range(3000, 6000)) * zone;
  });
  const factor = RURAL_POPULATION_2019 / raw.reduce((a, b) => a + b, 0);
  villages.forEach((v, i) => {
    const p2019 = Math.round(raw[i]! * factor);
    // Slow decline (people move their hukou to towns): 0.1–0.5 % a year.
    const decline = rnd.range(0.001, 0.005);
    for (const year of YEARS) {
      const f = year <= 2019 ? (1 + decline) ** (2019 - year) : 1 - decline;
      v.population.set(year, Math.round(p2019 * f));
    }
    const zone = v.township.kind === 'DEVELOPMENT_ZONE' ? 0.5 : 1;
    v.poorWeight = p2019 * zone * (v.kind === 'COMMUNITY' ? 0.35 : v.formerlyPoor ? 2.6 : 1);
    v.plainWeight = p2019 * zone;
    // Village income shocks: mostly mild, sometimes a bad year (flood, price slump).
    for (const year of YEARS) {
      const bad = rnd.chance(0.15) ? rnd.range(0.82, 0.94) : 1;
      v.shock.set(year, bad * Math.exp(rnd.normal(0, 0.025)));
    }
  });
  return townships;
}

/** township, village and village_statistic rows. */
export function emitRegions(out: Tables, countyCode: string, townships: TownshipModel[]): void {
  for (const t of townships) {
    out.township.push({ code: t.code, county_code: countyCode, name: t.name, kind: t.kind });
  }
  for (const t of townships) {
    for (const v of t.villages) {
      out.village.push({
        code: v.code,
        county_code: countyCode,
        township_code: t.code,
        name: v.name,
        kind: v.kind,
        formerly_poor: v.formerlyPoor,
        exit_year: v.exitYear,
      });
    }
  }
  for (const t of townships) {
    for (const v of t.villages) {
      // Households per village: 3.0–3.5 persons each, fixed per village.
      const perHousehold = 3.0 + (v.index % 11) / 20;
      for (const year of YEARS) {
        const population = v.population.get(year)!;
        out.village_statistic.push({
          village_code: v.code,
          year,
          rural_population: population,
          rural_households: Math.round(population / perHousehold),
        });
      }
    }
  }
}
