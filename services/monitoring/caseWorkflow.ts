// The declaration workflow's state machine and who may take each step.
//
//   DECLARED ─verify→ VERIFIED ─village review→ VILLAGE_REVIEWED ─township review→ TOWNSHIP_REVIEWED ─approve→ APPROVED ─eliminate→ RISK_ELIMINATED
//   any stage before APPROVED ─reject (by whoever owns the next step)→ REJECTED
//
// Each step belongs to one role acting at one level: the village cadre whose region IS
// the case's village, the township officer of its township, the county admin of its
// county (risk elimination: county admin or township officer in region). A step is one
// UPDATE guarded by (id, version, stage) plus an INSERT into case_transition, whose
// unique (case_id, to_stage) is the second guard: of two simultaneous decisions one wins.
import { z } from 'zod';
import { builder } from '../graphql/builder.ts';
import { requireIntId } from '../graphql/connections.ts';
import type { Context, Viewer } from '../graphql/context.ts';
import { viewerOf } from '../graphql/context.ts';
import { CodedError, badInput, conflict, forbidden, notFound } from '../graphql/errors.ts';
import { inTransaction } from '../graphql/mutations.ts';
import { auditChange } from '../audit/audit.ts';
import { RoleEnum } from '../auth/login.ts';
import type { CaseStage, Role } from '../../prisma/generated/client/enums.ts';
import { todayInChina } from '../../kernel/dates.ts';
import { enumLabel } from '../../kernel/labels.ts';
import type { RegionColumn } from '../../kernel/regions.ts';

/** A step's name is its action's label (kernel/labels.ts). */
const labelOf = (step: { action: CaseAction }) => enumLabel('CaseAction', step.action);
import { MonitoringCasePayload, MonitoringCaseRef } from './monitoringCase.ts';

export type CaseAction = 'VERIFY' | 'REVIEW_IN_VILLAGE' | 'REVIEW_IN_TOWNSHIP' | 'APPROVE' | 'REJECT' | 'ELIMINATE_RISK';
type Level = RegionColumn;

interface Step {
  action: CaseAction;
  mutation: string;
  from: CaseStage[];
  to: CaseStage;
  /** Who may act: a role, acting at a level (its region code equals the case's code at that level). */
  actors: { role: Role; level: Level | 'inRegion' }[];
  reasonRequired: boolean;
}

const VILLAGE = { role: 'VILLAGE_CADRE', level: 'villageCode' } as const;
const TOWNSHIP = { role: 'TOWNSHIP_OFFICER', level: 'townshipCode' } as const;
const COUNTY = { role: 'COUNTY_ADMIN', level: 'countyCode' } as const;

/** The forward steps, in order; a case at `from` moves to `to`. */
export const FORWARD: Step[] = [
  { action: 'VERIFY', mutation: 'verifyMonitoringCase', from: ['DECLARED'], to: 'VERIFIED', actors: [VILLAGE], reasonRequired: false },
  {
    action: 'REVIEW_IN_VILLAGE',
    mutation: 'reviewMonitoringCaseInVillage',
    from: ['VERIFIED'],
    to: 'VILLAGE_REVIEWED',
    actors: [VILLAGE],
    reasonRequired: false,
  },
  {
    action: 'REVIEW_IN_TOWNSHIP',
    mutation: 'reviewMonitoringCaseInTownship',
    from: ['VILLAGE_REVIEWED'],
    to: 'TOWNSHIP_REVIEWED',
    actors: [TOWNSHIP],
    reasonRequired: false,
  },
  {
    action: 'APPROVE',
    mutation: 'approveMonitoringCase',
    from: ['TOWNSHIP_REVIEWED'],
    to: 'APPROVED',
    actors: [COUNTY],
    reasonRequired: false,
  },
];
const REJECT: Step = {
  action: 'REJECT',
  mutation: 'rejectMonitoringCase',
  from: ['DECLARED', 'VERIFIED', 'VILLAGE_REVIEWED', 'TOWNSHIP_REVIEWED'],
  to: 'REJECTED',
  actors: [VILLAGE, TOWNSHIP, COUNTY],
  reasonRequired: true,
};
const ELIMINATE: Step = {
  action: 'ELIMINATE_RISK',
  mutation: 'eliminateMonitoringCaseRisk',
  from: ['APPROVED'],
  to: 'RISK_ELIMINATED',
  actors: [
    { role: 'COUNTY_ADMIN', level: 'inRegion' },
    { role: 'TOWNSHIP_OFFICER', level: 'inRegion' },
  ],
  reasonRequired: true,
};
export const STEPS: Step[] = [...FORWARD, REJECT, ELIMINATE];

interface CaseRow {
  id: number;
  householdId: number;
  stage: CaseStage;
  version: number;
  countyCode: string;
  townshipCode: string;
  villageCode: string;
}

/** The forward step a case at `stage` waits for (null when none). */
export const nextForward = (stage: CaseStage) => FORWARD.find((s) => s.from.includes(stage)) ?? null;

/** May `viewer` take `step` on the case as it stands (role and region; stage not checked)? */
function mayAct(viewer: Viewer, step: Step, c: CaseRow): boolean {
  // Rejection belongs to whoever owns the next forward step.
  const actors = step.action === 'REJECT' ? (nextForward(c.stage)?.actors ?? []) : step.actors;
  return actors.some(
    (a) =>
      a.role === viewer.role && (a.level === 'inRegion' ? c.villageCode.startsWith(viewer.regionCode) : c[a.level] === viewer.regionCode),
  );
}

/** The mutations `viewer` may call now on the case. */
export const availableSteps = (viewer: Viewer | null, c: CaseRow) =>
  viewer ? STEPS.filter((s) => s.from.includes(c.stage) && mayAct(viewer, s, c)) : [];

// ───────────── GraphQL: next step and the viewer's actions ─────────────

const CaseActionEnum = builder.enumType('CaseAction', {
  description: '案件办理动作',
  values: Object.fromEntries(STEPS.map((s) => [s.action, { description: `${labelOf(s)}（${s.mutation}）` }])) as Record<
    CaseAction,
    { description: string }
  >,
});

const CaseStepRef = builder.objectRef<{ step: Step; role: Role }>('CaseStep').implement({
  description: '一个办理步骤：动作、名称、由哪个角色办理、对应的 mutation',
  fields: (t) => ({
    action: t.field({ type: CaseActionEnum, resolve: (s) => s.step.action }),
    label: t.string({ description: '步骤名称', resolve: (s) => labelOf(s.step) }),
    role: t.field({ type: RoleEnum, description: '办理角色', resolve: (s) => s.role }),
    mutation: t.string({ description: 'mutation 名称', resolve: (s) => s.step.mutation }),
  }),
});

builder.prismaObjectFields(MonitoringCaseRef, (t) => ({
  nextStep: t.field({
    type: CaseStepRef,
    nullable: true,
    description: '下一步（审定后为风险消除；已办结为空）',
    resolve: (c) => {
      const step = c.stage === 'APPROVED' ? ELIMINATE : nextForward(c.stage);
      return step ? { step, role: step.actors[0]!.role } : null;
    },
  }),
  availableActions: t.field({
    type: [CaseStepRef],
    description: '当前用户现在可以办理的动作',
    resolve: (c, _args, ctx) => availableSteps(ctx.viewer, c).map((step) => ({ step, role: ctx.viewer!.role })),
  }),
}));

// ───────────── Mutations ─────────────

const reasonText = z.string().trim().max(500, '最多 500 字');

const StepInput = builder.inputType('MonitoringCaseStepInput', {
  description: '办理一步：案件、版本号、意见（可选）',
  fields: (t) => ({
    id: t.globalID({ required: true, for: MonitoringCaseRef }),
    version: t.int({ required: true }),
    reason: t.string({ validate: reasonText, description: '意见' }),
  }),
});
const ReasonedStepInput = builder.inputType('MonitoringCaseDecisionInput', {
  description: '不予纳入或风险消除：理由必填',
  fields: (t) => ({
    id: t.globalID({ required: true, for: MonitoringCaseRef }),
    version: t.int({ required: true }),
    reason: t.string({ required: true, validate: reasonText, description: '理由（必填）' }),
  }),
});

/** Everything one step does, in one transaction; any refusal leaves every row as it was. */
async function takeStep(ctx: Context, step: Step, input: { id: { id: string }; version: number; reason?: string | null }) {
  const viewer = viewerOf(ctx);
  const id = requireIntId(String(input.id.id), 'id');
  const reason = input.reason?.trim() || null;
  if (step.reasonRequired && !reason) throw badInput('reason', `${labelOf(step)}须填写理由 (a reason is required)`);
  return inTransaction(ctx, async (tx) => {
    const before = await tx.monitoringCase.findFirst({ where: { id } });
    if (!before) throw notFound('监测案件', String(input.id.id));
    if (!step.from.includes(before.stage)) {
      throw new CodedError(
        'CONFLICT',
        `该案件当前处于「${enumLabel('CaseStage', before.stage)}」阶段，不能办理「${labelOf(step)}」(the case is at stage ${before.stage})`,
        { stage: before.stage },
      );
    }
    if (!mayAct(viewer, step, before)) throw forbidden(`办理「${labelOf(step)}」`);
    if (before.version !== input.version) throw conflict('监测案件');
    // The guard that decides races: only one UPDATE can match this version and stage.
    const { count } = await tx.monitoringCase.updateMany({
      where: { id, version: input.version, stage: before.stage },
      data: { stage: step.to, version: { increment: 1 } },
    });
    if (count === 0) throw conflict('监测案件');
    await tx.caseTransition.create({
      data: { caseId: id, fromStage: before.stage, toStage: step.to, actorId: viewer.id, at: new Date(), reason },
    });
    const after = await tx.monitoringCase.findUniqueOrThrow({ where: { id } });
    await auditChange(tx, ctx, 'UPDATE', 'MonitoringCase', id, before, after);
    if (step.to === 'APPROVED' || step.to === 'RISK_ELIMINATED') {
      const household = await tx.household.findUniqueOrThrow({ where: { id: before.householdId } });
      const data =
        step.to === 'APPROVED'
          ? { monitoringCategory: before.category, monitoringSince: todayInChina(), riskTypes: before.riskTypes, riskEliminatedAt: null }
          : { riskEliminatedAt: todayInChina() };
      const changed = await tx.household.update({ where: { id: household.id }, data: { ...data, version: { increment: 1 } } });
      await auditChange(tx, ctx, 'UPDATE', 'Household', household.id, household, changed);
    }
    return after;
  });
}

function stepMutation(step: Step, description: string) {
  builder.mutationField(step.mutation, (t) =>
    t.field({
      type: MonitoringCasePayload,
      description,
      authScopes: { role: [...new Set(step.actors.map((a) => a.role))] },
      args: { input: t.arg({ type: step.reasonRequired ? ReasonedStepInput : StepInput, required: true }) },
      resolve: async (_root, { input }, ctx) => ({ monitoringCase: await takeStep(ctx, step, input) }),
    }),
  );
}

const COMMON = '；不能跳步或重复（CONFLICT，说明当前阶段），version 过期 CONFLICT，角色或区域不符 FORBIDDEN';
stepMutation(FORWARD[0]!, `入户核实：案件所在村的村干部${COMMON}`);
stepMutation(FORWARD[1]!, `村两委研究：案件所在村的村干部${COMMON}`);
stepMutation(FORWARD[2]!, `乡镇审核：案件所在乡镇的乡镇工作人员${COMMON}`);
stepMutation(FORWARD[3]!, `县级审定：县级管理员；住户纳入监测（类别、纳入日期、风险类型）${COMMON}`);
stepMutation(REJECT, `不予纳入：由下一步的办理人决定，理由必填（否则 BAD_USER_INPUT）${COMMON}`);
stepMutation(ELIMINATE, `风险消除：县级管理员或本区域乡镇工作人员，理由必填；记录住户风险消除日期${COMMON}`);
