// Return-to-poverty monitoring (services/monitoring) and the department
// cross-check (services/crosscheck): cases and their workflow, screening
// warnings, visits, department alerts and imports, assistance plans. The
// hand-written documents (workflow steps, screening, reviews, measures) are
// here too; tests/admin/schemaContract.test.ts checks them against schema.graphql.
import { enumValues } from '../../../../kernel/labels.ts';
import { regionFilter, toInt, type Node, type ResourceSpec, type Values } from '../spec.ts';

/** The household of a monitoring record: number, head, village and township names. */
const HOUSEHOLD = 'household { id householdNumber head { id name } village { id name township { id name } } }';
const householdParse = (n: Node): Values => ({
  householdId: n.household?.id,
  householdNumber: n.household?.householdNumber,
  headName: n.household?.head?.name ?? null,
  villageName: n.household?.village?.name,
  townshipName: n.household?.village?.township?.name,
});
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const monitoringCases: ResourceSpec = {
  type: 'MonitoringCase',
  connection: 'monitoringCases',
  fields: `stage category source riskTypes reason declaredAt villageCode version ${HOUSEHOLD}`,
  detailFields:
    'warningId alertId visitId transitions { fromStage toStage reason at actor { username displayName role } } ' +
    'availableActions { action label mutation role } nextStep { action label mutation role }',
  filterType: 'MonitoringCaseFilter',
  orderByType: 'MonitoringCaseOrderBy',
  mapFilter: (f) => regionFilter(f),
  sortFields: { id: 'id', declaredAt: 'declaredAt' },
  references: { householdId: (id) => ({ householdId: id }) },
  payload: 'monitoringCase',
  create: {
    name: 'declareMonitoringCase',
    inputType: 'DeclareMonitoringCaseInput',
    fields: ['householdId', 'category', 'riskTypes', 'reason', 'source', 'warningId', 'alertId', 'visitId'],
  },
  parse: householdParse,
  serialize: { warningId: blankToNull, alertId: blankToNull, visitId: blankToNull },
};

export const warnings: ResourceSpec = {
  type: 'Warning',
  connection: 'warnings',
  fields: `year kind level status perCapitaNetIncome reasons createdAt ${HOUSEHOLD}`,
  filterType: 'WarningFilter',
  orderByType: 'WarningOrderBy',
  mapFilter: (f) => regionFilter({ ...f, year: toInt(f.year) ?? undefined }),
  sortFields: { id: 'id', level: 'level', year: 'year' },
  parse: householdParse,
};

/** The nine aspects of a visit (两不愁三保障 and the rest), in the form's order. */
export const VISIT_ASPECTS = enumValues('VisitAspect');

export const visits: ResourceSpec = {
  type: 'Visit',
  connection: 'visits',
  fields: `visitedAt note createdAt cadre { name workUnit } riskPoints { id description aspect riskType raisedAt resolvedAt } ${HOUSEHOLD}`,
  detailFields: 'aspects { aspect passed note }',
  filterType: 'VisitFilter',
  orderByType: 'VisitOrderBy',
  mapFilter: (f) => regionFilter(f),
  sortFields: { id: 'id', visitedAt: 'visitedAt' },
  references: { householdId: (id) => ({ householdId: id }) },
  payload: 'visit',
  create: { name: 'recordVisit', inputType: 'RecordVisitInput', fields: ['householdId', 'visitedAt', 'note', 'aspects'] },
  parse: (n) => ({
    ...householdParse(n),
    cadreName: n.cadre?.name,
    failedCount: (n.riskPoints ?? []).length,
  }),
  serialize: {
    note: blankToNull,
    // A note is only meaningful (and only kept) for an aspect that failed.
    aspects: (v) =>
      (Array.isArray(v) ? v : []).map((a: Values) => ({
        aspect: a.aspect,
        passed: a.passed !== false,
        note: a.passed === false ? (blankToNull(a.note) ?? null) : null,
      })),
  },
};

export const alerts: ResourceSpec = {
  type: 'Alert',
  connection: 'alerts',
  fields:
    'kind status detail eventDate department datasetKind createdAt reviewNote reviewedAt reviewedBy { username displayName } ' +
    'townshipCode villageCode version household { id householdNumber } person { id name }',
  filterType: 'AlertFilter',
  orderByType: 'AlertOrderBy',
  mapFilter: (f) => regionFilter(f),
  sortFields: { id: 'id', createdAt: 'createdAt', kind: 'kind' },
  parse: (n) => ({
    householdId: n.household?.id ?? null,
    householdNumber: n.household?.householdNumber ?? null,
    personName: n.person?.name ?? null,
    reviewerName: n.reviewedBy?.displayName ?? null,
  }),
};

export const departmentImports: ResourceSpec = {
  type: 'DepartmentImport',
  connection: 'departmentImports',
  fields:
    'department kind fileName status rowCount badRowCount importedAt importedBy { username displayName } progress { processed total }',
  detailFields: 'report { alertCount alreadyImported matched unmatched rejected duplicateLines badRowsTruncated badRows { line reason } }',
  filterType: 'DepartmentImportFilter',
  orderByType: 'DepartmentImportOrderBy',
  sortFields: { id: 'id', importedAt: 'importedAt' },
  parse: (n) => ({ importedByName: n.importedBy?.displayName }),
};

export const assistancePlans: ResourceSpec = {
  type: 'AssistancePlan',
  connection: 'assistancePlans',
  fields: `summary createdAt version ${HOUSEHOLD}`,
  detailFields: 'measures { id kind description status channelCode contractId version person { id name } }',
  filterType: 'AssistancePlanFilter',
  orderByType: 'AssistancePlanOrderBy',
  mapFilter: (f) => regionFilter(f),
  sortFields: { id: 'id', createdAt: 'createdAt' },
  references: { householdId: (id) => ({ householdId: id }) },
  payload: 'assistancePlan',
  create: { name: 'createAssistancePlan', inputType: 'CreateAssistancePlanInput', fields: ['householdId', 'summary'] },
  parse: householdParse,
};

export const monitoringSpecs = { monitoringCases, warnings, visits, alerts, departmentImports, assistancePlans };

// ---- Hand-written documents -------------------------------------------------

/** Steps whose input carries a required reason (MonitoringCaseDecisionInput). */
export const DECISION_MUTATIONS = ['rejectMonitoringCase', 'eliminateMonitoringCaseRisk'] as const;
/** Steps with an optional opinion (MonitoringCaseStepInput). */
export const STEP_MUTATIONS = [
  'verifyMonitoringCase',
  'reviewMonitoringCaseInVillage',
  'reviewMonitoringCaseInTownship',
  'approveMonitoringCase',
] as const;

/** The document of one workflow step, by its mutation name (CaseStep.mutation). */
export function caseStepDocument(mutation: string): string {
  const inputType = (DECISION_MUTATIONS as readonly string[]).includes(mutation)
    ? 'MonitoringCaseDecisionInput'
    : 'MonitoringCaseStepInput';
  return `mutation ${mutation}($input: ${inputType}!) { ${mutation}(input: $input) { monitoringCase { id stage version } } }`;
}

export const RUN_SCREENING =
  'mutation runScreening($year: Int!) { runScreening(year: $year) { year regionCode evaluated candidates raised updated unchanged withdrawn settled byLevel { level count } } }';

export const REVIEW_ALERT =
  'mutation reviewAlert($input: ReviewAlertInput!) { reviewAlert(input: $input) { alert { id status reviewNote reviewedAt version } } }';

export const ADD_MEASURE =
  'mutation addAssistanceMeasure($input: AddAssistanceMeasureInput!) { addAssistanceMeasure(input: $input) { assistanceMeasure { id kind description status version person { id name } } } }';

export const UPDATE_MEASURE =
  'mutation updateAssistanceMeasure($input: UpdateAssistanceMeasureInput!) { updateAssistanceMeasure(input: $input) { assistanceMeasure { id status description version } } }';

export const HOUSEHOLD_MEMBERS =
  'query HouseholdMembers($id: ID!) { node(id: $id) { id ... on Household { members { id name relation } } } }';

/** The newest import still being processed (the upload's own id is known only when it ends). */
export const IMPORT_IN_PROGRESS =
  'query ImportInProgress($filter: DepartmentImportFilter) { departmentImports(first: 1, filter: $filter, orderBy: { field: id, direction: DESC }) { edges { node { id status progress { processed total } } } } }';

/** Every hand-written document above (for the contract test). */
export const MONITORING_DOCUMENTS: string[] = [
  ...[...STEP_MUTATIONS, ...DECISION_MUTATIONS].map(caseStepDocument),
  RUN_SCREENING,
  REVIEW_ALERT,
  ADD_MEASURE,
  UPDATE_MEASURE,
  HOUSEHOLD_MEMBERS,
  IMPORT_IN_PROGRESS,
];
