// New agricultural business entities (新型农业经营主体), their industries, and the
// benefit-linkage contracts (利益联结) with households, with the payouts made.
import { makeCreditCode } from '../../kernel/identifiers/index.ts';
import { Random } from './random.ts';
import { NameMaker, mobile } from './names.ts';
import type { IndustryCategory, IndustryModel } from './reference.ts';
import type { TownshipModel, VillageModel } from './regions.ts';
import type { HouseholdModel } from './households.ts';
import { AS_OF, AS_OF_STAMP, dateStr, day, stamp, yearOf, yuan, type Ids, type Tables } from './model.ts';

export type EntityKind = 'COOPERATIVE' | 'LEADING_ENTERPRISE' | 'FAMILY_FARM' | 'POVERTY_ALLEVIATION_WORKSHOP' | 'INDUSTRIAL_PARK_BASE';

export interface EntityModel {
  id: number;
  kind: EntityKind;
  name: string;
  township: TownshipModel;
  village: VillageModel | null;
  established: number;
}

export interface ContractModel {
  id: number;
  household: HouseholdModel;
  entity: EntityModel;
  mode: string;
}

// Entities per county; one industrial-park base per township.
const COUNTS: readonly [EntityKind, number][] = [
  ['COOPERATIVE', 350],
  ['LEADING_ENTERPRISE', 40],
  ['FAMILY_FARM', 250],
  ['POVERTY_ALLEVIATION_WORKSHOP', 60],
  ['INDUSTRIAL_PARK_BASE', 16],
];
/** GB 32100 organisation type under authority 9 (market regulation): 1 company, 2 individual business, 3 farmer cooperative. */
const ORG_TYPE: Record<EntityKind, string> = {
  COOPERATIVE: '3',
  LEADING_ENTERPRISE: '1',
  FAMILY_FARM: '2',
  POVERTY_ALLEVIATION_WORKSHOP: '1',
  INDUSTRIAL_PARK_BASE: '1',
};
const CATEGORIES: Record<EntityKind, readonly IndustryCategory[]> = {
  COOPERATIVE: ['PLANTING', 'PLANTING', 'BREEDING', 'MACHINERY_SERVICE', 'STRAW_UTILIZATION', 'E_COMMERCE', 'RURAL_TOURISM'],
  LEADING_ENTERPRISE: ['PROCESSING', 'PROCESSING', 'BREEDING', 'PLANTING', 'E_COMMERCE'],
  FAMILY_FARM: ['PLANTING', 'PLANTING', 'BREEDING', 'MACHINERY_SERVICE'],
  POVERTY_ALLEVIATION_WORKSHOP: ['PROCESSING', 'LABOUR_SERVICE', 'OTHER'],
  INDUSTRIAL_PARK_BASE: ['PLANTING', 'PROCESSING', 'BREEDING', 'RURAL_TOURISM', 'E_COMMERCE'],
};
const BRANDS = [
  '皖北',
  '运河',
  '泗州',
  '虹乡',
  '绿源',
  '丰瑞',
  '金穗',
  '汴水',
  '隋堤',
  '沃野',
  '田园',
  '康禾',
  '鑫农',
  '华康',
  '润丰',
  '嘉禾',
  '瑞丰',
  '万家',
  '惠民',
  '兴农',
];
/** Capital (yuan), members and founding years by kind. */
const PROFILE: Record<EntityKind, { capital: [number, number]; members: [number, number]; founded: [number, number] }> = {
  COOPERATIVE: { capital: [100_000, 5_000_000], members: [5, 200], founded: [2008, 2019] },
  LEADING_ENTERPRISE: { capital: [5_000_000, 100_000_000], members: [50, 600], founded: [2000, 2016] },
  FAMILY_FARM: { capital: [50_000, 1_000_000], members: [2, 10], founded: [2013, 2019] },
  POVERTY_ALLEVIATION_WORKSHOP: { capital: [100_000, 2_000_000], members: [10, 90], founded: [2016, 2019] },
  INDUSTRIAL_PARK_BASE: { capital: [10_000_000, 50_000_000], members: [40, 300], founded: [2015, 2018] },
};

const stemOf = (name: string) => name.replace(/(村|社区|镇|乡|经济开发区)$/, '');

export function buildEntities(
  seed: number,
  county: { code: string; name: string },
  townships: TownshipModel[],
  industries: IndustryModel[],
  ids: Ids,
  out: Tables,
): EntityModel[] {
  const rnd = Random.stream(seed, `county:${county.code}/entities`);
  const names = new NameMaker(rnd);
  const villages = townships.flatMap((t) => t.villages);
  const usedNames = new Set<string>();
  const entities: EntityModel[] = [];
  let serial = rnd.int(10_000_000, 20_000_000);
  for (const [kind, n] of COUNTS) {
    for (let i = 0; i < n; i++) {
      const township = kind === 'INDUSTRIAL_PARK_BASE' ? townships[i]! : rnd.pick(townships);
      const village =
        kind === 'INDUSTRIAL_PARK_BASE' || (kind === 'LEADING_ENTERPRISE' && rnd.chance(0.5))
          ? null
          : rnd.pick(township.villages.length ? township.villages : villages);
      const cats = CATEGORIES[kind];
      const chosen = new Set<IndustryModel>();
      const want = rnd.weighted([
        [1, 55],
        [2, 33],
        [3, 12],
      ] as const);
      while (chosen.size < want) {
        const cat = rnd.pick(cats);
        chosen.add(rnd.pick(industries.filter((x) => x.category === cat)));
      }
      const main = [...chosen][0]!;
      let rep = names.adult();
      const place = village ? stemOf(village.name) : stemOf(township.name);
      const nameOnce = (brand: string): string => {
        switch (kind) {
          case 'COOPERATIVE':
            return `${county.name}${place}${brand}${main.short}专业合作社`;
          case 'LEADING_ENTERPRISE':
            return `安徽${brand || rnd.pick(BRANDS)}${main.short}有限公司`;
          case 'FAMILY_FARM':
            return `${county.name}${rep}家庭农场`;
          case 'POVERTY_ALLEVIATION_WORKSHOP':
            return `${stemOf(township.name)}${place}${brand}扶贫车间`;
          case 'INDUSTRIAL_PARK_BASE':
            return township.kind === 'DEVELOPMENT_ZONE' ? `${county.name}经济开发区扶贫产业园` : `${township.name}现代农业产业园`;
        }
      };
      let name = nameOnce('');
      // Same place and trade twice: registries add a brand word (or it is another person's farm).
      for (let tries = 0; usedNames.has(name) && tries < 30; tries++) {
        if (kind === 'FAMILY_FARM') rep = names.adult();
        name = nameOnce(rnd.pick(BRANDS));
      }
      for (let k = 2; usedNames.has(name); k++) name = `${nameOnce('')}（${k}）`;
      usedNames.add(name);
      const p = PROFILE[kind];
      const established = day(rnd.int(p.founded[0], p.founded[1]), 1, 1) + rnd.int(0, 364);
      serial += rnd.int(1, 997);
      const entity: EntityModel = { id: ids.take('business_entity'), kind, name, township, village, established };
      entities.push(entity);
      const capital = Math.round(rnd.logNormal(Math.sqrt(p.capital[0] * p.capital[1]), 0.5) / 10_000) * 10_000;
      out.business_entity.push({
        id: entity.id,
        kind,
        name,
        credit_code: makeCreditCode({ authority: '9', orgType: ORG_TYPE[kind], regionCode6: county.code, serial }),
        legal_representative: rep,
        phone: mobile(rnd),
        county_code: county.code,
        township_code: township.code,
        village_code: village?.code ?? null,
        address: `安徽省宿州市${county.name}${village ? village.addressStem : township.name}`,
        registered_capital: yuan(Math.min(p.capital[1], Math.max(p.capital[0], capital)) * 100),
        member_count: rnd.int(p.members[0], p.members[1]),
        established_at: dateStr(established),
        version: 1,
        created_at: stamp(Math.max(established, day(2016, 1, 1)), rnd.int(480, 1020)),
        updated_at: AS_OF_STAMP,
      });
      for (const ind of [...chosen].sort((a, b) => a.id - b.id)) {
        out.business_entity_industry.push({ entity_id: entity.id, industry_id: ind.id });
      }
    }
  }
  return entities;
}

type Mode = 'SHARE_COOPERATION' | 'NEARBY_EMPLOYMENT' | 'ORDER_FARMING' | 'LAND_TRANSFER' | 'ENTRUSTED_MANAGEMENT';
const MODES: readonly (readonly [Mode, number])[] = [
  ['SHARE_COOPERATION', 30],
  ['NEARBY_EMPLOYMENT', 12],
  ['ORDER_FARMING', 20],
  ['LAND_TRANSFER', 28],
  ['ENTRUSTED_MANAGEMENT', 10],
];
/** Which kinds of entity offer which mode. */
const PARTNERS: Record<Mode, readonly EntityKind[]> = {
  SHARE_COOPERATION: ['COOPERATIVE', 'COOPERATIVE', 'LEADING_ENTERPRISE', 'INDUSTRIAL_PARK_BASE'],
  NEARBY_EMPLOYMENT: [
    'POVERTY_ALLEVIATION_WORKSHOP',
    'POVERTY_ALLEVIATION_WORKSHOP',
    'LEADING_ENTERPRISE',
    'INDUSTRIAL_PARK_BASE',
    'COOPERATIVE',
  ],
  ORDER_FARMING: ['LEADING_ENTERPRISE', 'COOPERATIVE', 'COOPERATIVE'],
  LAND_TRANSFER: ['COOPERATIVE', 'FAMILY_FARM', 'FAMILY_FARM', 'LEADING_ENTERPRISE', 'INDUSTRIAL_PARK_BASE'],
  ENTRUSTED_MANAGEMENT: ['COOPERATIVE', 'FAMILY_FARM'],
};
const BENEFIT: Record<Mode, [number, number]> = {
  SHARE_COOPERATION: [300, 1500],
  NEARBY_EMPLOYMENT: [1200, 3000],
  ORDER_FARMING: [500, 2500],
  LAND_TRANSFER: [600, 2400],
  ENTRUSTED_MANAGEMENT: [300, 1200],
};
const PAYOUT_NOTE: Record<Mode, string> = {
  SHARE_COOPERATION: '入股分红',
  NEARBY_EMPLOYMENT: '务工收益',
  ORDER_FARMING: '订单收购溢价',
  LAND_TRANSFER: '土地流转租金',
  ENTRUSTED_MANAGEMENT: '托管收益',
};
const CONTRACTS = 20_000;

export function buildContracts(
  seed: number,
  countyCode: string,
  households: HouseholdModel[],
  entities: EntityModel[],
  ids: Ids,
  out: Tables,
): ContractModel[] {
  const rnd = Random.stream(seed, `county:${countyCode}/contracts`);
  // Partners by township and kind, so a household contracts with an entity nearby.
  const byTownKind = new Map<string, EntityModel[]>();
  for (const e of entities) {
    const key = `${e.township.code}/${e.kind}`;
    byTownKind.set(key, [...(byTownKind.get(key) ?? []), e]);
  }
  const byKind = (kind: EntityKind) => entities.filter((e) => e.kind === kind);
  const registered = households.filter((h) => h.registered);
  const others = households.filter((h) => !h.registered && h.kind !== 'CANDIDATE');
  const contracts: ContractModel[] = [];
  let seq = 0;
  for (let i = 0; i < CONTRACTS; i++) {
    const household = rnd.chance(0.9) ? rnd.pick(registered) : rnd.pick(others);
    const mode = rnd.weighted(MODES);
    const kind = rnd.pick(PARTNERS[mode]);
    const local = byTownKind.get(`${household.village.township.code}/${kind}`);
    const sameVillage = local?.filter((e) => e.village === household.village);
    const entity =
      sameVillage?.length && rnd.chance(0.5) ? rnd.pick(sameVillage) : local?.length ? rnd.pick(local) : rnd.pick(byKind(kind));
    const startYear = rnd.weighted([
      [2016, 15],
      [2017, 22],
      [2018, 25],
      [2019, 22],
      [2020, 16],
    ] as const);
    const start = Math.max(day(startYear, 1, 1) + rnd.int(0, 364), entity.established + 30);
    if (start > AS_OF) continue; // an entity founded too late for this start: no contract
    const s = new Date(start * 86_400_000);
    const endYear = rnd.chance(0.35)
      ? null
      : rnd.weighted([
          [2021, 8],
          [2022, 8],
          [2023, 10],
          [2024, 8],
          [2025, 8],
          [2026, 8],
          [2027, 10],
          [2028, 12],
          [2029, 13],
          [2030, 15],
        ] as const);
    const end = endYear === null ? null : day(endYear, s.getUTCMonth() + 1, s.getUTCDate()) - 1;
    const [lo, hi] = BENEFIT[mode];
    const annual = rnd.int(lo / 10, hi / 10) * 10 * 100;
    const id = ids.take('benefit_linkage_contract');
    contracts.push({ id, household, entity, mode });
    out.benefit_linkage_contract.push({
      id,
      contract_number: `LJ${countyCode}${yearOf(start)}${String(++seq).padStart(5, '0')}`,
      entity_id: entity.id,
      household_id: household.id,
      mode,
      share_kind:
        mode === 'SHARE_COOPERATION'
          ? rnd.weighted([
              ['LAND', 40],
              ['FUNDS', 45],
              ['ASSETS', 15],
            ] as const)
          : null,
      start_date: dateStr(start),
      end_date: end === null ? null : dateStr(end),
      annual_benefit: yuan(annual),
      version: 1,
      created_at: stamp(start, rnd.int(480, 1020)),
      updated_at: AS_OF_STAMP,
    });
    // Payouts each December up to 2020; the first year pro rata by months; ~4 % of
    // contracts missed one year's payout (the monitoring should notice).
    const missed = rnd.chance(0.04) ? rnd.int(yearOf(start), 2020) : null;
    for (let year = yearOf(start); year <= 2020; year++) {
      const paidAt = day(year, 12, rnd.int(10, 28));
      if (paidAt < start + 30 || (end !== null && paidAt > end) || year === missed) continue;
      const months = year === yearOf(start) ? 12 - s.getUTCMonth() : 12;
      out.contract_payout.push({
        id: ids.take('contract_payout'),
        contract_id: id,
        paid_at: dateStr(paidAt),
        amount: yuan(Math.round((annual * months) / 12)),
        note: months < 12 ? `${PAYOUT_NOTE[mode]}（首年按${months}个月折算）` : PAYOUT_NOTE[mode],
      });
    }
  }
  return contracts;
}
