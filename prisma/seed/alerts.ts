// Early warning inputs: department data sets cross-checked against persons
// (大数据比对) with the alerts they raise, and the 2020 screening warnings.
//
// department_record.row_key = sha256(kind | ID number | payload JSON): the same
// fact imported twice is one row.
import { createHash } from 'node:crypto';
import { enumLabel } from '../../kernel/labels.ts';
import { Random } from './random.ts';
import { GRADING, monitoringLine } from './reference.ts';
import type { HouseholdModel } from './households.ts';
import type { PersonModel } from './persons.ts';
import type { CadreWorld, UserModel } from './cadres.ts';
import type { EnrolmentModel } from './welfare.ts';
import { perCapitaIn } from './income.ts';
import { AS_OF, POVERTY_LINE, dateStr, day, stamp, yuan, type Ids, type Tables } from './model.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface AlertModel {
  id: number;
  household: HouseholdModel;
  kind: string;
  day: number;
  status: string;
}

interface Fact {
  p: PersonModel;
  h: HouseholdModel;
  event: number;
  payload: Record<string, string | number>;
  /** The alert this record raises, if any. */
  alert?: { kind: string; detail: string };
}

export function buildDepartmentData(
  seed: number,
  countyCode: string,
  households: HouseholdModel[],
  world: CadreWorld,
  enrolments: EnrolmentModel[],
  ids: Ids,
  out: Tables,
): AlertModel[] {
  const rnd = Random.stream(seed, `county:${countyCode}/department-data`);
  const alerts: AlertModel[] = [];
  const persons = (pred: (p: PersonModel, h: HouseholdModel) => boolean) =>
    households.flatMap((h) => h.members.filter((p) => pred(p, h)).map((p) => ({ p, h })));

  // Civil affairs: the dibao roll. Dibao families that are neither registered nor monitored are flagged.
  const dibao: Fact[] = enrolments
    .filter((e) => e.kind === 'DIBAO' && e.person)
    .map((e) => ({
      p: e.person!,
      h: e.household,
      event: day(2020, 12, 1),
      payload: { name: e.person!.name, members: e.household.members.length },
      ...(!e.household.registered && e.household.category === null
        ? { alert: { kind: 'DIBAO_NOT_REGISTERED', detail: '低保对象未纳入建档立卡或监测对象，请核实' } }
        : {}),
    }));
  // Disabled persons' federation: certificates; those issued in 2020 are new.
  const disabled = rnd
    .sample(
      persons((p) => p.disabilityCertificate !== null),
      320,
    )
    .sort((a, b) => a.p.id - b.p.id)
    .map(({ p, h }) => {
      const isNew = rnd.chance(0.12);
      const issued = isNew ? day(2020, 1, 1) + rnd.int(0, 320) : day(rnd.int(2012, 2019), 1, 1) + rnd.int(0, 364);
      return {
        p,
        h,
        event: issued,
        payload: { name: p.name, grade: p.disabilityGrade!, issuedAt: dateStr(issued) },
        ...(isNew
          ? { alert: { kind: 'NEW_DISABILITY_CERTIFICATE', detail: `新办残疾证（${p.disabilityGrade}级），请评估家庭返贫风险` } }
          : {}),
      };
    });
  // Health: high out-of-pocket medical expenses, pushed monthly (on the 5th, for
  // the month before); sudden-hardship families are among them, flagged a few
  // weeks before they were included in monitoring.
  const sick = persons((p, h) => p.health === 'SERIOUS_ILLNESS' || (h.kind === 'SUDDEN' && p.relation === 'HEAD'));
  const medical = rnd
    .sample(sick, 220)
    .sort((a, b) => a.p.id - b.p.id)
    .map(({ p, h }) => {
      const amount = rnd.int(20, 300) * 1000;
      const event = h.kind === 'SUDDEN' && h.since !== null ? h.since - rnd.int(50, 60) : day(2020, 1, 1) + rnd.int(0, 333);
      return {
        p,
        h,
        event,
        payload: { name: p.name, outOfPocket: yuan(amount * 100), hospital: '宿州市立医院' },
        ...(amount >= 50_000 || h.kind === 'SUDDEN'
          ? { alert: { kind: 'HIGH_MEDICAL_EXPENSES', detail: `年度个人自付医疗费用 ${amount} 元，超过预警线` } }
          : {}),
      };
    });
  // Education: the school roll flags every compulsory-age drop-out.
  const dropouts = persons((p) => p.schooling === 'DROPPED_OUT').map(({ p, h }) => ({
    p,
    h,
    event: day(2020, 9, 15),
    payload: { name: p.name, school: `${h.village.township.name}中心学校` },
    alert: { kind: 'SCHOOL_DROPOUT', detail: '义务教育阶段学生未按时返校，请落实控辍保学' },
  }));

  const imports: { department: string; kind: string; facts: Fact[]; by: UserModel; day: number; tag: string }[] = [
    { department: 'CIVIL_AFFAIRS', kind: 'DIBAO', facts: dibao, by: world.department, day: day(2020, 12, 2), tag: '202012' },
    {
      department: 'DISABLED_PERSONS_FEDERATION',
      kind: 'DISABILITY_CERTIFICATES',
      facts: disabled,
      by: world.admin,
      day: day(2020, 12, 4),
      tag: '202012',
    },
    { department: 'EDUCATION', kind: 'SCHOOL_ENROLMENT', facts: dropouts, by: world.admin, day: day(2020, 12, 7), tag: '202012' },
  ];
  for (let month = 1; month <= 12; month++) {
    const facts = medical.filter((f) => new Date(f.event * 86_400_000).getUTCMonth() + 1 === month);
    if (facts.length === 0) continue;
    const next = month === 12 ? day(2021, 1, 5) : day(2020, month + 1, 5);
    if (next > AS_OF) continue; // December's data arrive in January 2021, after the data set's date
    imports.push({
      department: 'HEALTH',
      kind: 'MEDICAL_EXPENSES',
      facts,
      by: world.admin,
      day: next,
      tag: `2020${String(month).padStart(2, '0')}`,
    });
  }
  imports.sort((a, b) => a.day - b.day);
  imports.forEach(({ department, kind, facts, by, day: importedAt, tag }, i) => {
    const importId = ids.take('department_import');
    const lines = facts.map((f) => `${f.p.idNumber},${JSON.stringify(f.payload)}`);
    out.department_import.push({
      id: importId,
      department,
      kind,
      file_name: `${kind.toLowerCase()}_${countyCode}_${tag}.csv`,
      file_sha256: sha256(`${countyCode}\n${kind}\n${tag}\n${lines.join('\n')}`),
      status: 'COMPLETED',
      row_count: facts.length,
      bad_row_count: 0,
      report: '[]',
      imported_by_id: by.id,
      imported_at: stamp(importedAt, 10 * 60 + i),
    });
    facts.forEach((f, k) => {
      const payload = JSON.stringify(f.payload);
      const recordId = ids.take('department_record');
      out.department_record.push({
        id: recordId,
        import_id: importId,
        line_number: k + 2,
        id_number: f.p.idNumber,
        person_id: f.p.id,
        event_date: dateStr(f.event),
        payload,
        row_key: sha256(`${kind}|${f.p.idNumber}|${payload}`),
      });
      if (!f.alert) return;
      const v = f.h.village;
      const sudden = f.h.kind === 'SUDDEN';
      const status = sudden
        ? 'CONFIRMED'
        : rnd.weighted([
            ['OPEN', 45],
            ['CONFIRMED', 35],
            ['DISMISSED', 20],
          ] as const);
      const reviewed = status === 'OPEN' ? null : Math.min(AS_OF, importedAt + (sudden ? rnd.int(0, 2) : rnd.int(1, 20)));
      const alertId = ids.take('alert');
      alerts.push({ id: alertId, household: f.h, kind: f.alert.kind, day: importedAt, status });
      out.alert.push({
        id: alertId,
        kind: f.alert.kind,
        household_id: f.h.id,
        person_id: f.p.id,
        record_id: recordId,
        county_code: countyCode,
        township_code: v.township.code,
        village_code: v.code,
        detail: f.alert.detail,
        status,
        reviewed_by_id: reviewed === null ? null : world.townshipUsers.get(v.township)!.id,
        reviewed_at: reviewed === null ? null : stamp(reviewed, 15 * 60),
        review_note:
          status === 'CONFIRMED' ? '经核实属实，已启动监测申报' : status === 'DISMISSED' ? '经核实已享受相应政策，无需处理' : null,
        created_at: stamp(importedAt, 10 * 60 + 30),
        version: status === 'OPEN' ? 1 : 2,
      });
    });
  });
  return alerts;
}

export interface WarningModel {
  id: number;
  household: HouseholdModel;
  day: number;
}

/**
 * 2020 screening: non-registered households under the monitoring line with a
 * risk (EDGE_CANDIDATE), lifted households under 1.5 × the poverty line with a
 * risk (RETURN_RISK), graded by the configured rules. `status` is settled by the
 * case generator (CASE_OPENED / DISMISSED) — here OPEN.
 */
export function buildWarnings(
  seed: number,
  countyCode: string,
  households: HouseholdModel[],
  ids: Ids,
  out: Tables,
): Map<HouseholdModel, WarningModel> {
  const rnd = Random.stream(seed, `county:${countyCode}/warnings`);
  const line = POVERTY_LINE[2020]!;
  const warnings = new Map<HouseholdModel, WarningModel>();
  for (const h of households) {
    if (h.riskTypes.length === 0) continue;
    const pc = perCapitaIn(h, 2020);
    if (pc === undefined) continue;
    const kind = !h.registered && pc < monitoringLine(2020) ? 'EDGE_CANDIDATE' : h.kind === 'LIFTED' ? 'RETURN_RISK' : null;
    if (!kind) continue;
    const level = GRADING.find((g) => pc <= g.maxIncomeRatio * line && h.riskTypes.length >= g.minRisks)?.level;
    if (!level) continue;
    const d = h.since !== null ? h.since - rnd.int(45, 60) : day(2020, 10, 15) + rnd.int(0, 20);
    const id = ids.take('warning');
    warnings.set(h, { id, household: h, day: d });
    out.warning.push({
      id,
      household_id: h.id,
      year: 2020,
      kind,
      level,
      reasons: [
        `人均纯收入${pc.toFixed(2)}元，${kind === 'EDGE_CANDIDATE' ? `低于监测线${monitoringLine(2020)}元` : `低于贫困线的1.5倍（${line * 1.5}元）`}`,
        ...h.riskTypes.map((r) => enumLabel('RiskType', r)),
      ],
      per_capita_net_income: yuan(Math.round(pc * 100)),
      status: 'OPEN',
      created_at: stamp(d, 7 * 60),
    });
  }
  return warnings;
}
