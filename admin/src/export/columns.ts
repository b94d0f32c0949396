// What an Excel export of each list contains: columns in order, with Chinese
// headers (the zh labels of the fields) and enum values as Chinese labels.
import { zhApp } from '../i18n/appZh.ts';
import { zhEnum, type EnumName } from '../i18n/enums.ts';
import { maskResidentId } from '../../../kernel/identifiers/residentId.ts';

export interface Column {
  key: string;
  header: string;
  value: (record: Record<string, any>) => unknown;
  width?: number;
}

type ColumnDef = string | [field: string, enumName: EnumName] | [field: string, value: (r: Record<string, any>) => unknown];

const entity = [
  'name',
  'creditCode',
  'legalRepresentative',
  'phone',
  'townshipName',
  'villageName',
  'address',
  'registeredCapital',
  'memberCount',
  'establishedAt',
  ['industries', (r) => (r.industries ?? []).map((i: { name: string }) => i.name).join('、')],
] satisfies ColumnDef[];

const DEFS: Record<string, ColumnDef[]> = {
  townships: ['code', 'name', ['kind', 'TownshipKind']],
  villages: ['code', 'name', ['kind', 'VillageKind'], 'townshipName', 'formerlyPoor', 'exitYear'],
  households: [
    'householdNumber',
    'townshipName',
    'villageName',
    'headName',
    'address',
    'phone',
    'registered',
    'registeredYear',
    ['status', 'PovertyStatus'],
    'liftedYear',
    ['monitoringCategory', 'MonitoringCategory'],
    'monitoringSince',
    'riskEliminatedAt',
    ['riskTypes', (r) => (r.riskTypes ?? []).map((v: string) => zhEnum('RiskType', v)).join('、')],
  ],
  persons: [
    'name',
    ['idNumber', (r) => r.idNumber],
    ['gender', 'Gender'],
    'birthYear',
    'birthDate',
    ['relation', 'HouseholdRelation'],
    'householdNumber',
    ['laborCapacity', 'LaborCapacity'],
    ['health', 'HealthStatus'],
    ['schooling', 'SchoolingStage'],
    'basicMedicalInsurance',
    'criticalIllnessInsurance',
    'medicalAssistance',
    'pensionInsurance',
  ],
  industries: ['code', 'name', ['category', 'IndustryCategory']],
  cooperatives: entity,
  leadingEnterprises: entity,
  familyFarms: entity,
  workshops: entity,
  parkBases: entity,
  contracts: [
    'contractNumber',
    'entityName',
    'householdNumber',
    ['mode', 'LinkageMode'],
    ['shareKind', 'ShareKind'],
    'startDate',
    'endDate',
    'annualBenefit',
  ],
  collectiveIncomes: ['villageName', 'villageCode', 'year', ['source', 'CollectiveIncomeSource'], 'amount'],
  employments: [
    'personName',
    'householdNumber',
    ['channel', 'EmploymentChannelCode'],
    'employerName',
    'postName',
    'startDate',
    'endDate',
    'monthlyWage',
    'active',
  ],
  employmentChannels: [['code', 'EmploymentChannelCode'], 'name', ['kind', 'EmploymentChannelKind'], 'employedCount'],
  users: ['username', 'displayName', ['role', 'Role'], 'regionCode', 'canReadPersonalData', 'active'],
};

/** Columns a viewer without the personal-data permission does not get at all (the API sends them null). */
const REVEAL_ONLY = new Set(['birthDate']);

const plain = (value: unknown) => (typeof value === 'boolean' ? (value ? '是' : '否') : (value ?? ''));

export function exportColumns(resource: string, revealPersonalData: boolean): Column[] {
  const fields = (zhApp.resources as Record<string, { fields: Record<string, string> }>)[resource]?.fields ?? {};
  const defs = (DEFS[resource] ?? []).filter((def) => revealPersonalData || !REVEAL_ONLY.has(typeof def === 'string' ? def : def[0]));
  return defs.map((def) => {
    const [key, how] = typeof def === 'string' ? [def, undefined] : def;
    const header = fields[key] ?? key;
    let value: Column['value'] = typeof how === 'function' ? (r) => plain(how(r)) : how ? (r) => zhEnum(how, r[key]) : (r) => plain(r[key]);
    // Belt and braces: the API masks already; never write an unmasked ID for a viewer without the permission.
    if (key === 'idNumber' && !revealPersonalData) value = (r) => (r.idNumber ? maskResidentId(String(r.idNumber)) : '');
    return { key, header, value, width: Math.min(40, Math.max(10, header.length * 2 + 4)) };
  });
}
