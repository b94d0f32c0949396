// Industries, business entities (one list per kind), benefit-linkage contracts,
// village collective incomes, employments and the five employment channels.
import { regionFilter, toDecimal, toInt, type ResourceSpec, type Values } from '../spec.ts';

export const industries: ResourceSpec = {
  type: 'Industry',
  connection: 'industries',
  fields: 'code name category version',
  filterType: 'IndustryFilter',
  orderByType: 'IndustryOrderBy',
  sortFields: { code: 'code', name: 'name' },
  payload: 'industry',
  create: { name: 'createIndustry', inputType: 'CreateIndustryInput', fields: ['code', 'name', 'category'] },
  update: { name: 'updateIndustry', inputType: 'UpdateIndustryInput', fields: ['code', 'name', 'category'] },
  delete: { name: 'deleteIndustry', inputType: 'DeleteIndustryInput' },
};

export const ENTITY_KINDS = {
  cooperatives: 'COOPERATIVE',
  leadingEnterprises: 'LEADING_ENTERPRISE',
  familyFarms: 'FAMILY_FARM',
  workshops: 'POVERTY_ALLEVIATION_WORKSHOP',
  parkBases: 'INDUSTRIAL_PARK_BASE',
} as const;

const entityWritable = [
  'name',
  'creditCode',
  'legalRepresentative',
  'phone',
  'townshipCode',
  'villageCode',
  'address',
  'registeredCapital',
  'memberCount',
  'establishedAt',
  'industryIds',
] as const;

/** All five kinds share the BusinessEntity type; each list fixes `kind` in the filter. */
function entitySpec(kind: string): ResourceSpec {
  return {
    type: 'BusinessEntity',
    connection: 'businessEntities',
    fields:
      'kind name creditCode legalRepresentative phone townshipCode villageCode township { id name } village { id name } ' +
      'address registeredCapital memberCount establishedAt industries { id code name } version',
    filterType: 'BusinessEntityFilter',
    orderByType: 'BusinessEntityOrderBy',
    fixedFilter: { kind },
    fixedInput: { kind },
    mapFilter: (f) => regionFilter(f),
    sortFields: { id: 'id', name: 'name', establishedAt: 'establishedAt', registeredCapital: 'registeredCapital' },
    payload: 'businessEntity',
    create: { name: 'createBusinessEntity', inputType: 'CreateBusinessEntityInput', fields: ['kind', ...entityWritable] },
    update: { name: 'updateBusinessEntity', inputType: 'UpdateBusinessEntityInput', fields: [...entityWritable] },
    delete: { name: 'deleteBusinessEntity', inputType: 'DeleteBusinessEntityInput' },
    parse: (n) => ({
      townshipName: n.township?.name,
      villageName: n.village?.name ?? null,
      industryIds: (n.industries ?? []).map((i: Values) => i.id),
    }),
    serialize: {
      creditCode: (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
      registeredCapital: toDecimal,
      memberCount: toInt,
    },
  };
}

export const entities: Record<keyof typeof ENTITY_KINDS, ResourceSpec> = {
  cooperatives: entitySpec(ENTITY_KINDS.cooperatives),
  leadingEnterprises: entitySpec(ENTITY_KINDS.leadingEnterprises),
  familyFarms: entitySpec(ENTITY_KINDS.familyFarms),
  workshops: entitySpec(ENTITY_KINDS.workshops),
  parkBases: entitySpec(ENTITY_KINDS.parkBases),
};

/** Any kind, for reference inputs (an employer, a contract's entity). */
export const businessEntities: ResourceSpec = { ...entitySpec(''), fixedFilter: undefined, fixedInput: undefined, create: undefined };

export const contracts: ResourceSpec = {
  type: 'BenefitLinkageContract',
  connection: 'benefitLinkageContracts',
  fields:
    'contractNumber mode shareKind startDate endDate annualBenefit active entity { id name kind } ' +
    'household { id householdNumber villageCode } version',
  detailFields: 'totalPaid payouts { paidAt amount note }',
  filterType: 'BenefitLinkageContractFilter',
  orderByType: 'BenefitLinkageContractOrderBy',
  mapFilter: (f) => regionFilter(f),
  sortFields: { id: 'id', startDate: 'startDate', annualBenefit: 'annualBenefit' },
  references: { householdId: (id) => ({ householdId: id }), entityId: (id) => ({ entityId: id }) },
  payload: 'benefitLinkageContract',
  create: {
    name: 'createBenefitLinkageContract',
    inputType: 'CreateBenefitLinkageContractInput',
    fields: ['contractNumber', 'entityId', 'householdId', 'mode', 'shareKind', 'startDate', 'endDate', 'annualBenefit'],
  },
  update: {
    name: 'updateBenefitLinkageContract',
    inputType: 'UpdateBenefitLinkageContractInput',
    fields: ['mode', 'shareKind', 'startDate', 'endDate', 'annualBenefit'],
  },
  delete: { name: 'deleteBenefitLinkageContract', inputType: 'DeleteBenefitLinkageContractInput' },
  parse: (n) => ({
    entityId: n.entity?.id,
    entityName: n.entity?.name,
    householdId: n.household?.id,
    householdNumber: n.household?.householdNumber,
  }),
  serialize: { annualBenefit: toDecimal },
};

export const collectiveIncomes: ResourceSpec = {
  type: 'VillageCollectiveIncome',
  connection: 'villageCollectiveIncomes',
  fields: 'villageCode townshipCode village { id name } year source amount version',
  filterType: 'VillageCollectiveIncomeFilter',
  orderByType: 'VillageCollectiveIncomeOrderBy',
  mapFilter: (f) => regionFilter({ ...f, year: toInt(f.year) ?? undefined }),
  sortFields: { year: 'year', amount: 'amount', villageCode: 'villageCode' },
  references: { villageCode: (code) => ({ regionCode: code }) },
  payload: 'villageCollectiveIncome',
  create: {
    name: 'createVillageCollectiveIncome',
    inputType: 'CreateVillageCollectiveIncomeInput',
    fields: ['villageCode', 'year', 'source', 'amount'],
  },
  update: { name: 'updateVillageCollectiveIncome', inputType: 'UpdateVillageCollectiveIncomeInput', fields: ['year', 'source', 'amount'] },
  delete: { name: 'deleteVillageCollectiveIncome', inputType: 'DeleteVillageCollectiveIncomeInput' },
  parse: (n) => ({ villageName: n.village?.name }),
  serialize: { amount: toDecimal, year: toInt },
};

export const employments: ResourceSpec = {
  type: 'Employment',
  connection: 'employments',
  fields:
    'person { id name household { id householdNumber } } channelCode employer { id name kind } postName ' +
    'startDate endDate monthlyWage active version',
  filterType: 'EmploymentFilter',
  orderByType: 'EmploymentOrderBy',
  mapFilter: (f) => regionFilter(f),
  sortFields: { id: 'id', startDate: 'startDate', monthlyWage: 'monthlyWage' },
  references: { employerId: (id) => ({ employerId: id }) },
  payload: 'employment',
  create: {
    name: 'createEmployment',
    inputType: 'CreateEmploymentInput',
    fields: ['personId', 'channel', 'employerId', 'postName', 'startDate', 'endDate', 'monthlyWage'],
  },
  update: {
    name: 'updateEmployment',
    inputType: 'UpdateEmploymentInput',
    fields: ['channel', 'employerId', 'postName', 'startDate', 'endDate', 'monthlyWage'],
  },
  delete: { name: 'deleteEmployment', inputType: 'DeleteEmploymentInput' },
  parse: (n) => ({
    channel: n.channelCode,
    personId: n.person?.id,
    personName: n.person?.name,
    householdNumber: n.person?.household?.householdNumber,
    employerId: n.employer?.id ?? null,
    employerName: n.employer?.name ?? null,
  }),
  serialize: { monthlyWage: toDecimal },
};

export const employmentChannels: ResourceSpec = {
  type: 'EmploymentChannel',
  connection: 'employmentChannels',
  plainList: true,
  fields: 'code name kind employedCount',
};
