// What each department data set looks like (columns, Chinese headers and
// English aliases) and row validation. A missing required column rejects the
// file; a bad value skips the row with its line number and the reason.
import { createHash } from 'node:crypto';
import type { DatasetKind, Department } from '../../prisma/generated/client/enums.ts';
import { validateResidentId } from '../../kernel/identifiers/index.ts';
import { todayInChinaIso } from '../../kernel/dates.ts';
import { RejectedFile, type RawRow, type RawTable } from './parse.ts';

type FieldType = 'text' | 'date' | 'money' | 'grade';
interface Field {
  key: string;
  label: string;
  aliases: string[];
  type: FieldType;
  required: boolean;
}

const ID: Field = {
  key: 'idNumber',
  label: '身份证号',
  aliases: ['公民身份号码', '身份证号码', '身份证', 'id_number', 'idnumber', 'resident_id'],
  type: 'text',
  required: true,
};
const NAME: Field = { key: 'name', label: '姓名', aliases: ['name', 'full_name'], type: 'text', required: true };
const date = (key: string, label: string, ...aliases: string[]): Field => ({ key, label, aliases, type: 'date', required: true });
const text = (key: string, label: string, required: boolean, ...aliases: string[]): Field => ({
  key,
  label,
  aliases,
  type: 'text',
  required,
});
const money = (key: string, label: string, ...aliases: string[]): Field => ({ key, label, aliases, type: 'money', required: false });

export interface DatasetSpec {
  department: Department;
  /** The column whose date becomes department_record.event_date. */
  eventField: string;
  fields: Field[];
}

// Department → the data sets it may upload. Health, education and housing data
// sets exist in the schema but have no agreed column layout yet.
export const DATASETS: Partial<Record<DatasetKind, DatasetSpec>> = {
  DEATHS: {
    department: 'PUBLIC_SECURITY',
    eventField: 'diedAt',
    fields: [ID, NAME, date('diedAt', '死亡日期', 'death_date', 'deathdate', 'died_at', 'date_of_death')],
  },
  MOVES: {
    department: 'PUBLIC_SECURITY',
    eventField: 'movedAt',
    fields: [
      ID,
      NAME,
      date('movedAt', '迁出日期', 'move_date', 'moved_at', 'movedat'),
      text('destination', '迁往地', true, '迁往地址', 'destination', 'moved_to'),
    ],
  },
  DIBAO: {
    department: 'CIVIL_AFFAIRS',
    eventField: 'startDate',
    fields: [
      ID,
      NAME,
      text('category', '保障类别', false, '低保类别', 'category'),
      money('amount', '保障金额', '低保金额', '月保障金额', 'amount', 'monthly_amount'),
      date('startDate', '起始日期', '开始日期', '享受日期', 'start_date', 'startdate'),
    ],
  },
  EXTREME_POVERTY_SUPPORT: {
    department: 'CIVIL_AFFAIRS',
    eventField: 'startDate',
    fields: [
      ID,
      NAME,
      text('category', '供养方式', false, '保障类别', '供养类别', 'category', 'support_mode'),
      money('amount', '供养金额', '保障金额', 'amount', 'monthly_amount'),
      date('startDate', '起始日期', '开始日期', 'start_date', 'startdate'),
    ],
  },
  DISABILITY_CERTIFICATES: {
    department: 'DISABLED_PERSONS_FEDERATION',
    eventField: 'issuedAt',
    fields: [
      ID,
      NAME,
      text('certificate', '残疾证号', true, '残疾人证号', 'certificate', 'certificate_number'),
      { key: 'grade', label: '残疾等级', aliases: ['等级', 'grade', 'disability_grade'], type: 'grade', required: true },
      date('issuedAt', '发证日期', 'issue_date', 'issued_at', 'issuedat'),
    ],
  },
};

export interface GoodRow {
  line: number;
  idNumber: string;
  name: string;
  /** YYYY-MM-DD */
  eventDate: string;
  /** The row minus the ID number, in a fixed key order (part of row_key). */
  payload: Record<string, string | number>;
  rowKey: string;
}
export interface BadRow {
  line: number;
  reason: string;
}

const norm = (h: string) => h.replace(/[\s（）()*＊:：]/g, '').toLowerCase();

/** Column index per field key; RejectedFile when a required column is missing. */
export function mapColumns(spec: DatasetSpec, header: string[]): Map<string, number> {
  const positions = new Map<string, number>();
  const normalized = header.map(norm);
  for (const field of spec.fields) {
    const names = [field.label, ...field.aliases].map(norm);
    const index = normalized.findIndex((h) => names.includes(h));
    if (index >= 0) positions.set(field.key, index);
  }
  const missing = spec.fields.filter((f) => f.required && !positions.has(f.key)).map((f) => f.label);
  if (missing.length > 0) {
    throw new RejectedFile(
      `缺少必需的列：${missing.join('、')} (missing required columns; the header row has: ${header.filter(Boolean).join(', ') || 'nothing'})`,
    );
  }
  return positions;
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY年M月D日 → YYYY-MM-DD, or null. */
export function parseDateCell(value: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

const GRADES: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function checkValue(field: Field, raw: string, birthDate: string): { value: string | number } | { reason: string } {
  switch (field.type) {
    case 'date': {
      const value = parseDateCell(raw);
      if (!value) return { reason: `${field.label}「${raw}」不是有效日期 (not a valid date; use YYYY-MM-DD)` };
      if (value > todayInChinaIso()) return { reason: `${field.label} ${value} 晚于今天 (date is in the future)` };
      if (value < birthDate) return { reason: `${field.label} ${value} 早于出生日期 (date is before the person's birth)` };
      return { value };
    }
    case 'money': {
      if (!/^\d{1,9}(\.\d{1,2})?$/.test(raw)) return { reason: `${field.label}「${raw}」不是有效金额 (not a valid amount in yuan)` };
      return { value: raw };
    }
    case 'grade': {
      const m = /^(?:第)?([一二三四1-4])(?:级)?$/.exec(raw);
      if (!m) return { reason: `${field.label}「${raw}」应为 1–4 级 (grade must be 1–4)` };
      return { value: GRADES[m[1]!]! };
    }
    default:
      if (raw.length > 60) return { reason: `${field.label}过长（最多 60 字）(too long)` };
      return { value: raw };
  }
}

export const rowKeyOf = (kind: DatasetKind, idNumber: string, payload: Record<string, string | number>) =>
  createHash('sha256')
    .update(`${kind}|${idNumber}|${JSON.stringify(payload)}`)
    .digest('hex');

/** Problems listed in an import's report; the counts are always exact. */
export const MAX_REPORTED_PROBLEMS = 100;

export interface ValidatedTable {
  good: GoodRow[];
  /** The first MAX_REPORTED_PROBLEMS bad rows. */
  bad: BadRow[];
  badCount: number;
  /** Data rows read. */
  total: number;
}

/** Validates the rows as they stream in; only good rows and the first bad ones are kept. */
export async function validateTable(kind: DatasetKind, spec: DatasetSpec, table: RawTable): Promise<ValidatedTable> {
  const rows = table.rows[Symbol.asyncIterator]();
  try {
    const positions = mapColumns(spec, table.header);
    const result: ValidatedTable = { good: [], bad: [], badCount: 0, total: 0 };
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      result.total += 1;
      const checked = checkRow(kind, spec, positions, next.value);
      if ('rowKey' in checked) result.good.push(checked);
      else if (++result.badCount <= MAX_REPORTED_PROBLEMS) result.bad.push(checked);
    }
    return result;
  } finally {
    await rows.return?.(); // a refused header leaves the file unread: stop its reader
  }
}

function checkRow(kind: DatasetKind, spec: DatasetSpec, positions: Map<string, number>, { line, cells }: RawRow): GoodRow | BadRow {
  const cell = (key: string) => {
    const i = positions.get(key);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const reasons: string[] = [];
  const rawId = cell('idNumber');
  const id = rawId ? validateResidentId(rawId) : null;
  if (!rawId) reasons.push('身份证号为空 (resident ID is empty)');
  else if (id && !id.ok) reasons.push(id.reason);
  const birthDate = id?.ok ? id.birthDate : '1900-01-01';
  const payload: Record<string, string | number> = {};
  for (const field of spec.fields) {
    if (field.key === 'idNumber') continue;
    const raw = cell(field.key);
    if (raw === '') {
      if (field.required) reasons.push(`${field.label}为空 (${field.key} is empty)`);
      continue;
    }
    const checked = checkValue(field, raw, birthDate);
    if ('reason' in checked) reasons.push(checked.reason);
    else payload[field.key] = checked.value;
  }
  if (kind === 'DISABILITY_CERTIFICATES' && id?.ok && typeof payload.certificate === 'string') {
    const cert = payload.certificate.toUpperCase();
    payload.certificate = cert;
    // The second-generation certificate is the ID number + category + grade digits.
    if (!/^[0-9A-Z]{1,30}$/.test(cert)) reasons.push('残疾证号只能包含数字和字母 (certificate number: digits and letters only)');
    else if (cert.length === 20 && !cert.startsWith(id.value))
      reasons.push('残疾证号与身份证号不符 (certificate number does not match the resident ID)');
  }
  if (reasons.length > 0 || !id?.ok) return { line, reason: reasons.join('；') };
  return {
    line,
    idNumber: id.value,
    name: String(payload.name),
    eventDate: String(payload[spec.eventField]),
    payload,
    rowKey: rowKeyOf(kind, id.value, payload),
  };
}
