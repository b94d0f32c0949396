// Matching department rows to persons by ID number, and the mismatches that
// become alerts. "Monitored" means a monitoring category whose risk has not
// been eliminated. Rules (one alert per person — or per household for the
// safety-net rolls — per import, and none while an OPEN alert of the same kind
// already exists for it):
//   DEATHS   → DECEASED_MEMBER_COUNTED  person alive on our record, household registered or monitored
//   MOVES    → MEMBER_MOVED_AWAY        same condition (members count towards per-capita income)
//   DIBAO / EXTREME_POVERTY_SUPPORT → *_NOT_REGISTERED  household neither registered nor monitored
//   DISABILITY_CERTIFICATES → NEW_DISABILITY_CERTIFICATE  certificate number not on the person's record
import type { Prisma } from '../db.ts';
import type { AlertKind, DatasetKind } from '../../prisma/generated/client/enums.ts';
import type { GoodRow } from './validate.ts';

type Tx = Prisma.TransactionClient;

interface MatchedPerson {
  id: number;
  name: string;
  deceasedAt: Date | null;
  disabilityCertificate: string | null;
  household: {
    id: number;
    registered: boolean;
    monitoringCategory: string | null;
    riskEliminatedAt: Date | null;
    countyCode: string;
    townshipCode: string;
    villageCode: string;
  };
}

export interface ChunkResult {
  inserted: number;
  alreadyImported: number;
  matched: number;
  unmatched: number;
  alerts: number;
}

const monitored = (h: MatchedPerson['household']) => h.monitoringCategory !== null && h.riskEliminatedAt === null;
const HOUSEHOLD_LEVEL = new Set<AlertKind>(['DIBAO_NOT_REGISTERED', 'EXTREME_POVERTY_NOT_REGISTERED']);

/** The alert a matched row raises, or null (no mismatch). */
export function mismatch(kind: DatasetKind, row: GoodRow, p: MatchedPerson): { kind: AlertKind; detail: string } | null {
  const h = p.household;
  const counted = h.registered || monitored(h);
  const roll = h.registered ? '建档立卡户' : '监测户';
  const nameNote = row.name !== p.name ? `（部门数据姓名为「${row.name}」，与系统「${p.name}」不一致）` : '';
  switch (kind) {
    case 'DEATHS':
      if (p.deceasedAt !== null || !counted) return null;
      return {
        kind: 'DECEASED_MEMBER_COUNTED',
        detail: `公安数据：${p.name} 已于 ${row.eventDate} 死亡，仍计入${roll}人口，请核实并办理减员${nameNote}`,
      };
    case 'MOVES':
      if (p.deceasedAt !== null || !counted) return null;
      return {
        kind: 'MEMBER_MOVED_AWAY',
        detail: `公安数据：${p.name} 已于 ${row.eventDate} 户籍迁出至${row.payload.destination}，仍计入${roll}人口，请核实${nameNote}`,
      };
    case 'DIBAO':
      if (counted) return null;
      return {
        kind: 'DIBAO_NOT_REGISTERED',
        detail: `民政数据：${p.name} 自 ${row.eventDate} 享受低保，该户未纳入建档立卡或监测对象，请核实${nameNote}`,
      };
    case 'EXTREME_POVERTY_SUPPORT':
      if (counted) return null;
      return {
        kind: 'EXTREME_POVERTY_NOT_REGISTERED',
        detail: `民政数据：${p.name} 自 ${row.eventDate} 享受特困供养，该户未纳入建档立卡或监测对象，请核实${nameNote}`,
      };
    case 'DISABILITY_CERTIFICATES':
      if (p.deceasedAt !== null || p.disabilityCertificate === row.payload.certificate) return null;
      return {
        kind: 'NEW_DISABILITY_CERTIFICATE',
        detail: `残联数据：${p.name} 于 ${row.eventDate} 办理残疾证（${row.payload.grade}级），系统中${p.disabilityCertificate ? '证号不同' : '无残疾证'}，请评估家庭返贫风险${nameNote}`,
      };
    default:
      return null;
  }
}

/** Writes one chunk's records (new facts only) and the alerts they raise. */
export async function matchChunk(tx: Tx, importId: number, kind: DatasetKind, rows: GoodRow[], seen: Set<string>): Promise<ChunkResult> {
  const persons = (await tx.person.findMany({
    where: { idNumber: { in: [...new Set(rows.map((r) => r.idNumber))] } },
    select: {
      id: true,
      idNumber: true,
      name: true,
      deceasedAt: true,
      disabilityCertificate: true,
      household: {
        select: {
          id: true,
          registered: true,
          monitoringCategory: true,
          riskEliminatedAt: true,
          countyCode: true,
          townshipCode: true,
          villageCode: true,
        },
      },
    },
  })) as (MatchedPerson & { idNumber: string })[];
  const byId = new Map(persons.map((p) => [p.idNumber, p]));

  // ON CONFLICT (row_key) DO NOTHING: a fact already imported from any file adds nothing.
  // One statement over arrays (unnest) instead of thousands of bound parameters.
  const records = await tx.$queryRaw<{ id: number; row_key: string }[]>`
    INSERT INTO department_record (import_id, line_number, id_number, person_id, event_date, payload, row_key)
    SELECT ${importId}::int, t.line, t.id_number, t.person_id, t.event_date::date, t.payload::jsonb, t.row_key
    FROM unnest(${rows.map((r) => r.line)}::int[], ${rows.map((r) => r.idNumber)}::text[], ${rows.map((r) => byId.get(r.idNumber)?.id ?? null)}::int[],
                ${rows.map((r) => r.eventDate)}::text[], ${rows.map((r) => JSON.stringify(r.payload))}::text[], ${rows.map((r) => r.rowKey)}::text[])
      AS t(line, id_number, person_id, event_date, payload, row_key)
    ON CONFLICT (row_key) DO NOTHING
    RETURNING id, row_key`;
  const recordOf = new Map(records.map((r) => [r.row_key, r.id]));

  const candidates: {
    target: string;
    kind: AlertKind;
    householdId: number;
    personId: number;
    recordId: number;
    countyCode: string;
    townshipCode: string;
    villageCode: string;
    detail: string;
  }[] = [];
  let matched = 0;
  for (const row of rows) {
    const recordId = recordOf.get(row.rowKey);
    const person = byId.get(row.idNumber);
    if (recordId === undefined || !person) continue;
    matched++;
    const found = mismatch(kind, row, person);
    if (!found) continue;
    const h = person.household;
    const target = HOUSEHOLD_LEVEL.has(found.kind) ? `${found.kind}|h${h.id}` : `${found.kind}|p${person.id}`;
    if (seen.has(target)) continue;
    seen.add(target);
    candidates.push({
      target,
      kind: found.kind,
      householdId: h.id,
      personId: person.id,
      recordId,
      countyCode: h.countyCode,
      townshipCode: h.townshipCode,
      villageCode: h.villageCode,
      detail: found.detail.slice(0, 500),
    });
  }
  // Already under review: an OPEN alert of the same kind for the same person / household.
  const open =
    candidates.length === 0
      ? []
      : await tx.alert.findMany({
          where: {
            status: 'OPEN',
            kind: { in: [...new Set(candidates.map((c) => c.kind))] },
            OR: [{ personId: { in: candidates.map((c) => c.personId!) } }, { householdId: { in: candidates.map((c) => c.householdId!) } }],
          },
          select: { kind: true, householdId: true, personId: true },
        });
  const openKeys = new Set(open.flatMap((a) => [`${a.kind}|h${a.householdId}`, `${a.kind}|p${a.personId}`]));
  const alerts = candidates.filter((c) => !openKeys.has(c.target));
  if (alerts.length > 0) {
    await tx.$executeRaw`
      INSERT INTO alert (kind, household_id, person_id, record_id, county_code, township_code, village_code, detail)
      SELECT t.kind::"AlertKind", t.household_id, t.person_id, t.record_id, t.county_code, t.township_code, t.village_code, t.detail
      FROM unnest(${alerts.map((a) => a.kind)}::text[], ${alerts.map((a) => a.householdId)}::int[], ${alerts.map((a) => a.personId)}::int[],
                  ${alerts.map((a) => a.recordId)}::int[], ${alerts.map((a) => a.countyCode)}::text[], ${alerts.map((a) => a.townshipCode)}::text[],
                  ${alerts.map((a) => a.villageCode)}::text[], ${alerts.map((a) => a.detail)}::text[])
        AS t(kind, household_id, person_id, record_id, county_code, township_code, village_code, detail)`;
  }

  const newRows = rows.filter((r) => recordOf.has(r.rowKey));
  return {
    inserted: records.length,
    alreadyImported: rows.length - records.length,
    matched,
    unmatched: newRows.length - matched,
    alerts: alerts.length,
  };
}
