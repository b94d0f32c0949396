// The declaration workflow (动态管理): monitoring cases at every stage with
// their transitions, and the assistance plans (一户一方案, 一人一措施).
//
// Every monitored household has one case that reached APPROVED on the day it
// was included (monitoring_since) — RISK_ELIMINATED on risk_eliminated_at where
// set — so approved cases and households' categories agree. Screening
// candidates and some lifted households have cases still in progress
// (DECLARED … TOWNSHIP_REVIEWED) or REJECTED with a reason. Each step's actor
// has the role and region for it: the village's cadre user for declaration,
// verification and village review, the township officer for township review,
// the county administrator for approval and risk elimination.
import { Random } from './random.ts';
import type { HouseholdModel, Category } from './households.ts';
import type { CadreWorld, UserModel } from './cadres.ts';
import type { VisitModel } from './visits.ts';
import type { AlertModel, WarningModel } from './alerts.ts';
import type { ContractModel } from './economy.ts';
import type { JobModel } from './jobs.ts';
import type { EnrolmentModel } from './welfare.ts';
import { AS_OF, day, stamp, type Ids, type Tables } from './model.ts';

const STEPS = ['DECLARED', 'VERIFIED', 'VILLAGE_REVIEWED', 'TOWNSHIP_REVIEWED', 'APPROVED'] as const;
type Step = (typeof STEPS)[number];
const REJECTIONS: Record<Step, string> = {
  DECLARED: '',
  VERIFIED: '经入户核实，家庭有稳定务工收入，人均纯收入高于监测线',
  VILLAGE_REVIEWED: '村两委研究并经村民代表评议，不符合纳入条件',
  TOWNSHIP_REVIEWED: '乡镇审核：收入测算有误，核实后不符合纳入条件',
  APPROVED: '县级审定：家庭风险已通过既有政策化解，不予纳入',
};

export interface CaseInputs {
  households: HouseholdModel[];
  world: CadreWorld;
  visits: Map<HouseholdModel, VisitModel[]>;
  alerts: AlertModel[];
  warnings: Map<HouseholdModel, WarningModel>;
}

export function buildCases(seed: number, countyCode: string, input: CaseInputs, ids: Ids, out: Tables): void {
  const rnd = Random.stream(seed, `county:${countyCode}/cases`);
  const { world } = input;
  const alertOf = new Map<HouseholdModel, AlertModel>();
  for (const a of input.alerts) if (a.status === 'CONFIRMED' && !alertOf.has(a.household)) alertOf.set(a.household, a);
  const warningStatus = new Map<number, string>();

  const actorFor = (step: Step | 'RISK_ELIMINATED', h: HouseholdModel, source: string): UserModel => {
    if (step === 'APPROVED' || step === 'RISK_ELIMINATED') return world.admin;
    if (step === 'TOWNSHIP_REVIEWED' || (step === 'DECLARED' && (source === 'SCREENING' || source === 'DEPARTMENT_ALERT')))
      return world.townshipUsers.get(h.village.township)!;
    return world.villageUsers.get(h.village)!;
  };

  /**
   * One case: the steps reached (in order) with their days, an optional rejection
   * after the last step, and risk elimination.
   */
  const emit = (
    h: HouseholdModel,
    category: Category,
    risks: string[],
    source: string,
    link: { warning?: WarningModel; alert?: AlertModel; visit?: VisitModel },
    days: number[],
    rejectedOn: number | null,
    eliminated: number | null,
  ) => {
    const id = ids.take('monitoring_case');
    const reached = STEPS.slice(0, days.length);
    const rejectedStep = rejectedOn !== null ? STEPS[days.length]! : null;
    const stage = rejectedStep ? 'REJECTED' : eliminated !== null ? 'RISK_ELIMINATED' : reached[reached.length - 1]!;
    const v = h.village;
    const transitions = reached.map((step, i) => ({
      from: i === 0 ? null : reached[i - 1]!,
      to: step as string,
      d: days[i]!,
      actor: actorFor(step, h, source),
      reason: null as string | null,
    }));
    if (rejectedStep)
      transitions.push({
        from: reached[reached.length - 1]!,
        to: 'REJECTED',
        d: rejectedOn!,
        actor: actorFor(rejectedStep, h, source),
        reason: REJECTIONS[rejectedStep],
      });
    if (eliminated !== null)
      transitions.push({ from: 'APPROVED', to: 'RISK_ELIMINATED', d: eliminated, actor: world.admin, reason: '收入持续稳定，风险已消除' });
    if (link.warning) warningStatus.set(link.warning.id, rejectedStep ? 'DISMISSED' : 'CASE_OPENED');
    // Steps on the same day keep their order: 09:00 + 40 minutes a step + a little.
    const ats = transitions.map((t, i) => stamp(t.d, 9 * 60 + i * 40 + rnd.int(0, 30)));
    out.monitoring_case.push({
      id,
      household_id: h.id,
      county_code: countyCode,
      township_code: v.township.code,
      village_code: v.code,
      source,
      warning_id: link.warning?.id ?? null,
      alert_id: link.alert?.id ?? null,
      visit_id: link.visit?.id ?? null,
      category,
      risk_types: risks,
      stage,
      reason: rejectedStep ? REJECTIONS[rejectedStep] : null,
      declared_at: ats[0]!,
      version: transitions.length,
    });
    transitions.forEach((t, i) => {
      out.case_transition.push({
        id: ids.take('case_transition'),
        case_id: id,
        from_stage: t.from,
        to_stage: t.to,
        actor_id: t.actor.id,
        at: ats[i]!,
        reason: t.reason,
      });
    });
  };

  /** Days of the first n steps, ending on `last` (backwards, 2–7 days apart), not before `earliest`. */
  const backwards = (last: number, n: number, earliest: number): number[] => {
    const days = [last];
    for (let i = 1; i < n; i++) days.unshift(Math.max(earliest, days[0]! - rnd.int(2, 7)));
    return days;
  };

  // 1. Monitored households: approved on the day of inclusion.
  for (const h of input.households) {
    if (h.category === null || h.since === null) continue;
    const warning = input.warnings.get(h);
    const alert = h.kind === 'SUDDEN' ? alertOf.get(h) : undefined;
    const visitBefore = (input.visits.get(h) ?? []).filter((x) => x.day < h.since! - 20);
    let source = alert
      ? 'DEPARTMENT_ALERT'
      : rnd.weighted([
          ['SCREENING', warning ? 50 : 0],
          ['VISIT', visitBefore.length ? 30 : 0],
          ['SELF_DECLARATION', 20],
        ] as const);
    const earliest = alert
      ? alert.day + 1
      : warning && source === 'SCREENING'
        ? warning.day + 1
        : visitBefore.length && source === 'VISIT'
          ? visitBefore[visitBefore.length - 1]!.day
          : day(2020, 3, 1);
    const days = backwards(h.since, 5, earliest);
    if (source === 'VISIT' && visitBefore[visitBefore.length - 1]!.day > days[0]!) source = 'SELF_DECLARATION';
    emit(
      h,
      h.category,
      h.riskTypes,
      source,
      {
        ...(source === 'SCREENING' && warning ? { warning } : {}),
        ...(alert ? { alert } : {}),
        ...(source === 'VISIT' ? { visit: visitBefore[visitBefore.length - 1]! } : {}),
      },
      days,
      null,
      h.eliminated,
    );
  }

  // 2. Candidates and some lifted households: in progress or rejected, declared in the last two months of 2020.
  const candidates = input.households.filter((h) => h.kind === 'CANDIDATE');
  const lifted = rnd
    .sample(
      input.households.filter((h) => h.kind === 'LIFTED' && h.category === null),
      30,
    )
    .sort((a, b) => a.id - b.id);
  const pending = [...candidates.slice(0, candidates.length - 15), ...lifted]; // 15 candidates not yet declared: OPEN warnings
  for (const h of pending) {
    const reached = rnd.weighted([
      [1, 25],
      [2, 20],
      [3, 18],
      [4, 15],
    ] as const);
    const rejected = rnd.chance(0.3);
    const warning = input.warnings.get(h);
    const source = warning && rnd.chance(0.6) ? 'SCREENING' : rnd.chance(0.5) ? 'VISIT' : 'SELF_DECLARATION';
    const visit = source === 'VISIT' ? (input.visits.get(h) ?? []).at(-1) : undefined;
    const start = Math.max(day(2020, 11, 1) + rnd.int(0, 30), (warning?.day ?? 0) + 1, visit?.day ?? 0);
    const days = [start];
    for (let i = 1; i < reached; i++) days.push(Math.min(AS_OF - 1, days[i - 1]! + rnd.int(2, 6)));
    const category: Category = h.registered ? 'UNSTABLE_LIFTED' : 'EDGE';
    const risks = h.riskTypes.length ? h.riskTypes : [rnd.pick(['ILLNESS', 'UNSTABLE_EMPLOYMENT', 'ACCIDENT'] as const)];
    emit(
      h,
      category,
      risks,
      visit ? source : source === 'VISIT' ? 'SELF_DECLARATION' : source,
      {
        ...(source === 'SCREENING' && warning ? { warning } : {}),
        ...(visit ? { visit } : {}),
      },
      days,
      rejected ? Math.min(AS_OF, days[days.length - 1]! + rnd.int(1, 5)) : null,
      null,
    );
  }

  // Warnings that led to a case are CASE_OPENED (or DISMISSED when the case was rejected).
  // A monitored household's warning is settled by its case even when the case came another way.
  const monitored = new Set(input.households.filter((h) => h.category !== null).map((h) => h.id));
  for (const w of out.warning) {
    const status = warningStatus.get(w.id as number) ?? (monitored.has(w.household_id as number) ? 'CASE_OPENED' : undefined);
    if (status) w.status = status;
  }
}

const MEASURES = {
  EMPLOYMENT: '推荐就业岗位，落实务工交通补贴',
  BENEFIT_LINKAGE: '签订利益联结合同，参与分红',
  SAFETY_NET: '落实低保/特困供养兜底保障',
  EDUCATION: '落实教育资助（雨露计划）',
  MEDICAL: '家庭医生签约服务，落实慢性病和医疗救助政策',
  HOUSING: '实施危房改造',
  POLICY: '落实残疾人两项补贴等政策',
} as const;

/** 一户一方案 for monitored and not-lifted households, 一人一措施 for their members. */
export function buildPlans(
  seed: number,
  countyCode: string,
  households: HouseholdModel[],
  links: { jobs: JobModel[]; contracts: ContractModel[]; enrolments: EnrolmentModel[]; renovated2020: Set<HouseholdModel> },
  ids: Ids,
  out: Tables,
): void {
  const rnd = Random.stream(seed, `county:${countyCode}/plans`);
  const jobOf = new Map(links.jobs.map((j) => [j.person, j]));
  const contractOf = new Map<HouseholdModel, ContractModel>();
  for (const c of links.contracts) if (!contractOf.has(c.household)) contractOf.set(c.household, c);
  const enrolmentOf = new Map<unknown, EnrolmentModel>();
  for (const e of links.enrolments)
    if ((e.kind === 'DIBAO' || e.kind === 'EXTREME_POVERTY_SUPPORT') && e.person && !enrolmentOf.has(e.person))
      enrolmentOf.set(e.person, e);
  for (const h of households) {
    if (h.kind !== 'NOT_LIFTED' && h.category === null) continue;
    const planId = ids.take('assistance_plan');
    const done = h.eliminated !== null;
    const status = () =>
      done
        ? 'DONE'
        : rnd.weighted([
            ['IN_PROGRESS', 70],
            ['PLANNED', 20],
            ['DONE', 8],
            ['CANCELLED', 2],
          ] as const);
    const measures: { person: number | null; kind: keyof typeof MEASURES; channel?: string; contract?: number; enrolment?: number }[] = [];
    for (const p of h.members) {
      const job = jobOf.get(p);
      const enrolment = enrolmentOf.get(p);
      if (job) measures.push({ person: p.id, kind: 'EMPLOYMENT', channel: job.channel });
      else if (p.schooling !== 'NOT_IN_SCHOOL') measures.push({ person: p.id, kind: 'EDUCATION' });
      else if (p.health === 'SERIOUS_ILLNESS' || p.health === 'CHRONIC_ILLNESS') measures.push({ person: p.id, kind: 'MEDICAL' });
      else if (enrolment) measures.push({ person: p.id, kind: 'SAFETY_NET', enrolment: enrolment.id });
      else if (p.health === 'DISABLED') measures.push({ person: p.id, kind: 'POLICY' });
      else if (p.labor === 'FULL' || p.labor === 'PARTIAL')
        measures.push({
          person: p.id,
          kind: 'EMPLOYMENT',
          channel: rnd.pick(['HOME_BASED', 'PUBLIC_WELFARE_POST', 'COOPERATIVE'] as const),
        });
    }
    const contract = contractOf.get(h);
    if (contract) measures.push({ person: null, kind: 'BENEFIT_LINKAGE', contract: contract.id });
    if (links.renovated2020.has(h)) measures.push({ person: null, kind: 'HOUSING' });
    const kinds = [...new Set(measures.map((m) => MEASURES[m.kind].split('，')[0]))];
    out.assistance_plan.push({
      id: planId,
      household_id: h.id,
      summary:
        `一户一方案：${h.category ? { UNSTABLE_LIFTED: '脱贫不稳定户', EDGE: '边缘易致贫户', SUDDEN_HARDSHIP: '突发严重困难户' }[h.category] : '未脱贫户'}，措施：${kinds.join('；') || '落实兜底保障'}`.slice(
          0,
          500,
        ),
      created_at: stamp(h.since ?? day(2020, 3, 1), 16 * 60),
      version: 1,
    });
    for (const m of measures) {
      out.assistance_measure.push({
        id: ids.take('assistance_measure'),
        plan_id: planId,
        person_id: m.person,
        kind: m.kind,
        description: MEASURES[m.kind],
        status: status(),
        channel_code: m.channel ?? null,
        contract_id: m.contract ?? null,
        safety_net_enrolment_id: m.enrolment ?? null,
        version: 1,
      });
    }
  }
}
