// Assistance cadres (帮扶干部), their household assignments, county leaders'
// pledges (包保) and unannounced inspections (暗访), and the platform's users.
//
// Every registered household and every monitored one has an ASSISTANCE cadre
// of its township (general cadres carry 2–3 households each); the not-lifted
// and monitored households also have a SECTION_CONTRACT section-level cadre.
import { Random } from './random.ts';
import { NameMaker, mobile } from './names.ts';
import type { TownshipModel, VillageModel } from './regions.ts';
import type { HouseholdModel } from './households.ts';
import { AS_OF, dateStr, day, stamp, type Ids, type Tables } from './model.ts';

export const CADRES = 11_272;
export const SECTION_LEVEL = 457;
export const COUNTY_LEADERS = 20;

export interface CadreModel {
  id: number;
  name: string;
  level: 'COUNTY_LEADER' | 'SECTION_LEVEL' | 'GENERAL';
  township: TownshipModel | null;
}

export interface UserModel {
  id: number;
  username: string;
  role: 'COUNTY_ADMIN' | 'TOWNSHIP_OFFICER' | 'VILLAGE_CADRE' | 'STATISTICIAN' | 'DEPARTMENT_USER';
  regionCode: string;
}

export interface CadreWorld {
  cadres: CadreModel[];
  leaders: CadreModel[];
  /** Per household: its assistance cadre and (if any) its section-level cadre. */
  assistance: Map<HouseholdModel, CadreModel>;
  section: Map<HouseholdModel, CadreModel>;
  admin: UserModel;
  statistician: UserModel;
  department: UserModel;
  townshipUsers: Map<TownshipModel, UserModel>;
  villageUsers: Map<VillageModel, UserModel>;
}

const COUNTY_UNITS = [
  '县委办公室',
  '县政府办公室',
  '县委组织部',
  '县委宣传部',
  '县发展和改革委员会',
  '县教育体育局',
  '县卫生健康委员会',
  '县民政局',
  '县人力资源和社会保障局',
  '县农业农村局',
  '县扶贫开发局',
  '县住房和城乡建设局',
  '县水利局',
  '县财政局',
  '县公安局',
  '县市场监督管理局',
  '县自然资源和规划局',
  '县交通运输局',
  '县人民医院',
  '县中医院',
  '县第一中学',
  '县第二中学',
  '县农村商业银行',
  '县供电公司',
  '县税务局',
  '县审计局',
];
const TOWNSHIP_UNITS = ['人民政府', '中心学校', '卫生院', '财政所', '农业综合服务站', '派出所'];
const FINDINGS = [
  '抽查农户两不愁三保障落实到位，未发现问题',
  '个别农户帮扶手册填写不规范，已要求整改',
  '一户饮水管道老化，已交办水利部门',
  '帮扶干部走访记录与实际相符',
  '一户危房改造进度滞后，已督办',
  '监测户帮扶措施落实到位',
  '个别脱贫户对政策知晓率不高，已要求加强宣传',
];

/** The county's own short name for work units: 泗县人民医院, 泗县民政局 … */
const unitName = (countyName: string, unit: string) => unit.replace(/^县/, countyName);

export function buildCadres(
  seed: number,
  county: { code: string; name: string },
  townships: TownshipModel[],
  households: HouseholdModel[],
  ids: Ids,
  out: Tables,
): CadreWorld {
  const rnd = Random.stream(seed, `county:${county.code}/cadres`);
  const names = new NameMaker(rnd);
  const assisted = households.filter((h) => h.registered || h.category !== null);
  const contracted = households.filter((h) => h.kind === 'NOT_LIFTED' || h.category !== null);
  const cadres: CadreModel[] = [];
  const add = (level: CadreModel['level'], township: TownshipModel | null, workUnit: string): CadreModel => {
    const name = level === 'COUNTY_LEADER' ? names.adult(1962, 1976) : level === 'SECTION_LEVEL' ? names.adult(1965, 1988) : names.adult();
    const c: CadreModel = { id: ids.take('cadre'), name, level, township };
    cadres.push(c);
    out.cadre.push({ id: c.id, name: c.name, phone: mobile(rnd), work_unit: workUnit, level, township_code: township?.code ?? null });
    return c;
  };
  // Cadres per township in proportion to the households they serve (largest remainders).
  const share = (items: HouseholdModel[], total: number): number[] => {
    const counts = townships.map((t) => items.filter((h) => h.village.township === t).length);
    const exact = counts.map((c) => (c / items.length) * total);
    const base = exact.map(Math.floor);
    const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
    const missing = total - base.reduce((a, b) => a + b, 0);
    for (let k = 0; k < missing; k++) base[order[k]!.i]!++;
    return base;
  };

  const leaders = townships.map((t) => add('COUNTY_LEADER', t, rnd.chance(0.5) ? `中共${county.name}委员会` : `${county.name}人民政府`));
  for (let i = townships.length; i < COUNTY_LEADERS; i++)
    leaders.push(add('COUNTY_LEADER', townships[i % townships.length]!, `${county.name}人民代表大会常务委员会`));
  const sectionBy = share(contracted, SECTION_LEVEL).map((n, t) =>
    Array.from({ length: n }, () =>
      add(
        'SECTION_LEVEL',
        townships[t]!,
        rnd.chance(0.6) ? unitName(county.name, rnd.pick(COUNTY_UNITS)) : `${townships[t]!.name}${TOWNSHIP_UNITS[0]}`,
      ),
    ),
  );
  const generalBy = share(assisted, CADRES - COUNTY_LEADERS - SECTION_LEVEL).map((n, t) =>
    Array.from({ length: n }, () =>
      add(
        'GENERAL',
        townships[t]!,
        rnd.chance(0.55) ? unitName(county.name, rnd.pick(COUNTY_UNITS)) : `${townships[t]!.name}${rnd.pick(TOWNSHIP_UNITS)}`,
      ),
    ),
  );

  // Assignments: round-robin within the township over shuffled households.
  const assistance = new Map<HouseholdModel, CadreModel>();
  const section = new Map<HouseholdModel, CadreModel>();
  const poolOf = (pool: CadreModel[][], h: HouseholdModel) => pool[h.village.township.index]!;
  const assign = (
    pool: CadreModel[][],
    items: HouseholdModel[],
    kind: 'ASSISTANCE' | 'SECTION_CONTRACT',
    into: Map<HouseholdModel, CadreModel>,
  ) => {
    townships.forEach((t, ti) => {
      const list = rnd.shuffle(items.filter((h) => h.village.township === t));
      const cs = pool[ti]!;
      list.forEach((h, i) => into.set(h, cs[i % cs.length]!));
    });
    for (const h of items) {
      const cadre = into.get(h)!;
      const start =
        h.since !== null
          ? h.since - rnd.int(0, 20)
          : day(Math.max(h.registeredYear ?? 2016, kind === 'SECTION_CONTRACT' ? 2019 : 2016), 3, 1) + rnd.int(0, 90);
      // One in twenty assistance pairs replaced an earlier cadre who was rotated out.
      if (kind === 'ASSISTANCE' && h.since === null && rnd.chance(0.05) && poolOf(pool, h).length > 1) {
        const earlier = poolOf(pool, h).find((c) => c !== cadre)!;
        out.cadre_assignment.push({
          id: ids.take('cadre_assignment'),
          cadre_id: earlier.id,
          household_id: h.id,
          kind,
          start_date: dateStr(start),
          end_date: dateStr(start + 400),
        });
        out.cadre_assignment.push({
          id: ids.take('cadre_assignment'),
          cadre_id: cadre.id,
          household_id: h.id,
          kind,
          start_date: dateStr(start + 401),
          end_date: null,
        });
      } else {
        out.cadre_assignment.push({
          id: ids.take('cadre_assignment'),
          cadre_id: cadre.id,
          household_id: h.id,
          kind,
          start_date: dateStr(Math.min(start, AS_OF)),
          end_date: null,
        });
      }
    }
  };
  assign(
    generalBy,
    assisted.sort((a, b) => a.id - b.id),
    'ASSISTANCE',
    assistance,
  );
  assign(
    sectionBy,
    contracted.sort((a, b) => a.id - b.id),
    'SECTION_CONTRACT',
    section,
  );

  // Pledges: each township gets a leader (four townships two), every formerly poor village one of its township's leaders.
  for (const leader of leaders)
    out.region_pledge.push({ id: ids.take('region_pledge'), cadre_id: leader.id, region_code: leader.township!.code });
  for (const t of townships) {
    const mine = leaders.filter((l) => l.township === t);
    for (const v of t.villages.filter((x) => x.formerlyPoor)) {
      out.region_pledge.push({ id: ids.take('region_pledge'), cadre_id: rnd.pick(mine).id, region_code: v.code });
    }
  }
  // 暗访: weekly in 2020, one township and two of its villages.
  for (let week = 0; week < 52; week++) {
    const t = rnd.pick(townships);
    const vs = rnd.sample(t.villages, 2).sort((a, b) => a.index - b.index);
    out.inspection_visit.push({
      id: ids.take('inspection_visit'),
      cadre_id: rnd.pick(leaders).id,
      township_code: t.code,
      village_codes: vs.map((v) => v.code),
      visited_at: dateStr(day(2020, 1, 6) + week * 7 + rnd.int(0, 4)),
      findings: rnd.pick(FINDINGS),
    });
  }

  return { cadres, leaders, assistance, section, ...buildUsers(rnd, county.code, townships, assistance, ids, out) };
}

/** Placeholder until the loader hashes DEMO_PASSWORD (the hash depends on the password, not on the seed). */
export const PASSWORD_PENDING = '';
/**
 * No password: the account cannot log in until an administrator sets one
 * (verifyPassword rejects anything that is not an scrypt string). Used for the
 * village cadre accounts beyond village1, which exist so that every village's
 * workflow steps have an actor in scope; hashing 186 more passwords with scrypt
 * would cost ~8 s of CPU per county at load time.
 */
export const PASSWORD_LOCKED = '!';

function buildUsers(
  rnd: Random,
  countyCode: string,
  townships: TownshipModel[],
  assistance: Map<HouseholdModel, CadreModel>,
  ids: Ids,
  out: Tables,
) {
  // Users of counties after the first carry the county code: admin_341321.
  const suffix = countyCode === '341324' ? '' : `_${countyCode}`;
  const created = stamp(day(2020, 1, 2), 9 * 60);
  const user = (
    username: string,
    displayName: string,
    role: UserModel['role'],
    regionCode: string,
    extra: { department?: string; read: boolean; cadreId?: number; locked?: boolean },
  ): UserModel => {
    const u: UserModel = { id: ids.take('app_user'), username: username + suffix, role, regionCode };
    out.app_user.push({
      id: u.id,
      username: u.username,
      display_name: displayName,
      password_hash: extra.locked ? PASSWORD_LOCKED : PASSWORD_PENDING,
      role,
      region_code: regionCode,
      department: extra.department ?? null,
      can_read_personal_data: extra.read,
      cadre_id: extra.cadreId ?? null,
      active: true,
      version: 1,
      created_at: created,
    });
    return u;
  };
  const admin = user('admin', '县级管理员', 'COUNTY_ADMIN', countyCode, { read: true });
  const statistician = user('stats', '统计人员', 'STATISTICIAN', countyCode, { read: false });
  const department = user('dept1', '民政局用户', 'DEPARTMENT_USER', countyCode, { department: 'CIVIL_AFFAIRS', read: false });
  const townshipUsers = new Map(
    townships.map((t, i) => [t, user(`township${i + 1}`, `${t.name}工作人员`, 'TOWNSHIP_OFFICER', t.code, { read: true })]),
  );
  // One village cadre per village (village1 = the first village of the first township),
  // each linked to a cadre who assists households there, so case steps have an actor in scope.
  const byVillage = new Map<VillageModel, CadreModel[]>();
  for (const [h, c] of [...assistance].sort((a, b) => a[0].id - b[0].id))
    byVillage.set(h.village, [...(byVillage.get(h.village) ?? []), c]);
  const linked = new Set<CadreModel>();
  const villageUsers = new Map<VillageModel, UserModel>();
  let n = 0;
  for (const t of townships) {
    for (const v of t.villages) {
      const cadre = (byVillage.get(v) ?? []).find((c) => !linked.has(c));
      if (cadre) linked.add(cadre);
      villageUsers.set(
        v,
        user(`village${++n}`, `${v.name}干部`, 'VILLAGE_CADRE', v.code, {
          read: false,
          locked: n > 1,
          ...(cadre ? { cadreId: cadre.id } : {}),
        }),
      );
    }
  }
  void rnd;
  return { admin, statistician, department, townshipUsers, villageUsers };
}
