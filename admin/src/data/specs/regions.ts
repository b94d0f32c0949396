// Townships, villages and households and persons (services/regions, services/households).
import { regionFilter, type ResourceSpec } from '../spec.ts';

export const townships: ResourceSpec = {
  type: 'Township',
  connection: 'townships',
  fields: 'code name kind',
  detailFields: 'villages(first: 100) { totalCount }',
  filterType: 'TownshipFilter',
  orderByType: 'TownshipOrderBy',
  mapFilter: (f) => regionFilter(f),
  sortFields: { code: 'code', name: 'name' },
};

export const villages: ResourceSpec = {
  type: 'Village',
  connection: 'villages',
  fields: 'code name kind formerlyPoor exitYear township { id code name }',
  detailFields: 'population2019: ruralPopulation(year: 2019) population2020: ruralPopulation(year: 2020)',
  filterType: 'VillageFilter',
  orderByType: 'VillageOrderBy',
  mapFilter: (f) => regionFilter(f),
  sortFields: { code: 'code', name: 'name' },
  references: { townshipCode: (code) => ({ regionCode: code }) },
  parse: (n) => ({ townshipCode: n.township?.code, townshipName: n.township?.name }),
};

const householdWritable = [
  'address',
  'phone',
  'registered',
  'registeredYear',
  'status',
  'liftedYear',
  'monitoringCategory',
  'monitoringSince',
  'riskEliminatedAt',
  'riskTypes',
] as const;

export const households: ResourceSpec = {
  type: 'Household',
  connection: 'households',
  fields:
    'householdNumber villageCode townshipCode village { id name township { id name } } address phone head { id name } ' +
    'registered registeredYear status liftedYear monitoringCategory monitoringSince riskEliminatedAt riskTypes version',
  detailFields:
    'members { id name idNumber gender birthDate birthYear relation laborCapacity health schooling deceasedAt version } ' +
    'incomeRecords { id year members wageIncome businessIncome propertyIncome transferIncome productionExpenses netIncome perCapitaNetIncome }',
  filterType: 'HouseholdFilter',
  orderByType: 'HouseholdOrderBy',
  mapFilter: (f) => regionFilter(f),
  sortFields: { id: 'id', householdNumber: 'householdNumber', liftedYear: 'liftedYear', registeredYear: 'registeredYear' },
  references: { villageCode: (code) => ({ regionCode: code }) },
  payload: 'household',
  create: {
    name: 'createHousehold',
    inputType: 'CreateHouseholdInput',
    fields: ['villageCode', 'householdNumber', ...householdWritable.filter((f) => f !== 'riskEliminatedAt')],
  },
  update: { name: 'updateHousehold', inputType: 'UpdateHouseholdInput', fields: ['villageCode', ...householdWritable] },
  parse: (n) => ({
    villageName: n.village?.name,
    townshipName: n.village?.township?.name,
    headName: n.head?.name ?? null,
  }),
};

const personWritable = [
  'name',
  'relation',
  'phone',
  'laborCapacity',
  'health',
  'chronicIllnessCertificate',
  'disabilityCertificate',
  'disabilityGrade',
  'schooling',
  'basicMedicalInsurance',
  'criticalIllnessInsurance',
  'medicalAssistance',
  'pensionInsurance',
] as const;

export const persons: ResourceSpec = {
  type: 'Person',
  connection: 'persons',
  fields:
    'name idNumber gender birthDate birthYear age relation phone laborCapacity health chronicIllnessCertificate disabilityCertificate ' +
    'disabilityGrade schooling basicMedicalInsurance criticalIllnessInsurance medicalAssistance pensionInsurance deceasedAt ' +
    'household { id householdNumber villageCode } version',
  filterType: 'PersonFilter',
  orderByType: 'PersonOrderBy',
  mapFilter: (f) => regionFilter(f),
  sortFields: { id: 'id', name: 'name', birthDate: 'birthDate' },
  payload: 'person',
  create: { name: 'createPerson', inputType: 'CreatePersonInput', fields: ['householdId', 'idNumber', ...personWritable] },
  // The ID number goes only when it changed (diffed against the loaded record), so a masked one is never sent back.
  update: { name: 'updatePerson', inputType: 'UpdatePersonInput', fields: ['idNumber', ...personWritable] },
  parse: (n) => ({ householdId: n.household?.id, householdNumber: n.household?.householdNumber }),
  serialize: {
    idNumber: (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
    disabilityGrade: (v) => (v === null || v === undefined ? v : Number(v)),
  },
};
