// Township service windows (一门受理、协同办理) with requests routed to several
// departments, and love supermarkets (爱心超市) with their points ledgers.
import { Random } from './random.ts';
import { NameMaker } from './names.ts';
import type { TownshipModel, VillageModel } from './regions.ts';
import type { HouseholdModel } from './households.ts';
import { AS_OF, dateStr, day, stamp, type Ids, type Tables } from './model.ts';

export const LOVE_SUPERMARKETS = 184;

/** Typical requests and the departments each is routed to. */
const SUBJECTS: readonly [string, readonly string[]][] = [
  ['家中老人突发重病，申请临时救助和医疗救助', ['CIVIL_AFFAIRS', 'HEALTH']],
  ['房屋因暴雨受损，申请危房鉴定和临时救助', ['HOUSING', 'CIVIL_AFFAIRS']],
  ['子女上学困难，申请教育资助', ['EDUCATION', 'CIVIL_AFFAIRS']],
  ['因意外致残，申请办理残疾证和低保', ['DISABLED_PERSONS_FEDERATION', 'CIVIL_AFFAIRS']],
  ['家庭成员户籍迁移，申请变更家庭人口信息', ['PUBLIC_SECURITY', 'CIVIL_AFFAIRS']],
  ['大病住院费用高，申请大病救助和慢性病认定', ['HEALTH', 'CIVIL_AFFAIRS', 'DISABLED_PERSONS_FEDERATION']],
  ['留守儿童无人照料，申请关爱帮扶', ['EDUCATION', 'CIVIL_AFFAIRS', 'PUBLIC_SECURITY']],
  ['重度残疾人申请护理补贴', ['DISABLED_PERSONS_FEDERATION', 'CIVIL_AFFAIRS', 'HEALTH']],
];
const RESPONSES: Record<string, string> = {
  CIVIL_AFFAIRS: '已审核，发放临时救助金',
  HEALTH: '已落实医疗救助和家庭医生随访',
  HOUSING: '已完成房屋安全鉴定，列入改造计划',
  EDUCATION: '已落实教育资助',
  DISABLED_PERSONS_FEDERATION: '已受理残疾评定',
  PUBLIC_SECURITY: '已办理户籍信息变更',
};

export function buildServiceWindows(
  seed: number,
  countyCode: string,
  townships: TownshipModel[],
  households: HouseholdModel[],
  ids: Ids,
  out: Tables,
): void {
  const rnd = Random.stream(seed, `county:${countyCode}/service-windows`);
  const names = new NameMaker(rnd);
  for (const t of townships) {
    const windowId = ids.take('service_window');
    out.service_window.push({ id: windowId, township_code: t.code, name: `${t.name}救急难综合服务窗口` });
    const local = households.filter((h) => h.village.township === t);
    const n = rnd.int(70, 110);
    const requests = Array.from({ length: n }, () => ({ d: day(2020, 1, 2) + rnd.int(0, 360), m: rnd.int(8 * 60 + 30, 17 * 60) }));
    requests.sort((a, b) => a.d - b.d || a.m - b.m);
    for (const { d, m } of requests) {
      const h = rnd.chance(0.85) && local.length ? rnd.pick(local) : null;
      const [subject, departments] = rnd.pick(SUBJECTS);
      // Older requests are finished; the last weeks' are still open.
      const age = AS_OF - d;
      const status =
        age > 60
          ? rnd.weighted([
              ['CLOSED', 80],
              ['RESOLVED', 20],
            ] as const)
          : age > 10
            ? rnd.weighted([
                ['RESOLVED', 50],
                ['ROUTED', 50],
              ] as const)
            : rnd.weighted([
                ['ROUTED', 60],
                ['RECEIVED', 40],
              ] as const);
      const id = ids.take('service_request');
      out.service_request.push({
        id,
        window_id: windowId,
        household_id: h?.id ?? null,
        applicant: h ? h.members[0]!.name : names.adult(),
        subject,
        received_at: stamp(d, m),
        status,
        version: status === 'RECEIVED' ? 1 : 2,
      });
      if (status === 'RECEIVED') continue;
      for (const department of departments) {
        const done = status === 'CLOSED' || status === 'RESOLVED' || rnd.chance(0.4);
        const answered = Math.min(AS_OF, d + rnd.int(1, 10));
        out.service_routing.push({
          id: ids.take('service_routing'),
          request_id: id,
          department,
          status: done ? 'RESOLVED' : 'ROUTED',
          responded_at: done ? stamp(answered, rnd.int(9 * 60, 17 * 60)) : null,
          response: done ? RESPONSES[department]! : null,
        });
      }
    }
  }
}

/**
 * 184 love supermarkets (every village but three town-seat communities).
 * Half of the registered and monitored households (and a few others) take part:
 * monthly hygiene ratings, quarterly virtue ratings, points labour, and
 * redemptions at month end that never exceed the balance — no household
 * ever goes below zero.
 */
export function buildLoveSupermarkets(
  seed: number,
  countyCode: string,
  townships: TownshipModel[],
  households: HouseholdModel[],
  ids: Ids,
  out: Tables,
): void {
  const rnd = Random.stream(seed, `county:${countyCode}/love-supermarkets`);
  const villages = townships.flatMap((t) => t.villages);
  const skipped = new Set(
    rnd.sample(
      villages.filter((v) => v.kind === 'COMMUNITY'),
      villages.length - LOVE_SUPERMARKETS,
    ),
  );
  const market = new Map<VillageModel, number>();
  for (const v of villages) {
    if (skipped.has(v)) continue;
    const id = ids.take('love_supermarket');
    market.set(v, id);
    out.love_supermarket.push({ id, village_code: v.code, name: `${v.name}爱心超市` });
  }
  for (const h of households) {
    const supermarketId = market.get(h.village);
    if (supermarketId === undefined) continue;
    if (!rnd.chance(h.registered || h.category !== null ? 0.5 : 0.05)) continue;
    let balance = 0;
    for (let month = 1; month <= 12; month++) {
      const events: { d: number; kind: string; points: number; note: string }[] = [];
      if (rnd.chance(0.3))
        events.push({ d: day(2020, month, rnd.int(5, 15)), kind: 'HYGIENE_RATING', points: rnd.int(1, 4) * 5, note: '卫生评比' });
      if (month % 3 === 0 && rnd.chance(0.25))
        events.push({ d: day(2020, month, rnd.int(16, 22)), kind: 'VIRTUE_RATING', points: rnd.int(2, 6) * 5, note: '孝老爱亲评比' });
      if (rnd.chance(0.08))
        events.push({
          d: day(2020, month, rnd.int(1, 25)),
          kind: 'POINTS_LABOUR',
          points: rnd.int(1, 3) * 5,
          note: rnd.pick(['参加村庄清洁', '义务植树', '防汛值守']),
        });
      events.sort((a, b) => a.d - b.d);
      for (const e of events) balance += e.points;
      if (balance >= 30 && rnd.chance(0.35)) {
        const spend = Math.min(balance, rnd.int(4, 12) * 5);
        balance -= spend;
        events.push({
          d: day(2020, month, 26),
          kind: 'REDEMPTION',
          points: -spend,
          note: rnd.pick(['兑换食用油', '兑换洗衣液', '兑换大米', '兑换毛巾牙膏']),
        });
      }
      for (const e of events) {
        out.points_ledger_entry.push({
          id: ids.take('points_ledger_entry'),
          household_id: h.id,
          supermarket_id: supermarketId,
          kind: e.kind,
          points: e.points,
          occurred_at: dateStr(e.d),
          note: e.note,
        });
      }
    }
  }
}
