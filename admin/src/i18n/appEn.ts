// The console's own labels in English (the language switch).
import { zhApp } from './appZh.ts';

const entityFields = {
  kind: 'Kind', name: 'Name', creditCode: 'Unified social credit code', legalRepresentative: 'Legal representative', phone: 'Phone',
  townshipCode: 'Township', villageCode: 'Village', townshipName: 'Township', villageName: 'Village', address: 'Address',
  registeredCapital: 'Registered capital (yuan)', memberCount: 'Members', establishedAt: 'Established', industryIds: 'Industries',
  industries: 'Industries', version: 'Version', q: 'Name or credit code',
};

export const enApp: typeof zhApp = {
  resources: {
    townships: { name: 'Township |||| Townships', fields: { code: 'Division code', name: 'Name', kind: 'Kind', villages: 'Villages', q: 'Search' } },
    villages: {
      name: 'Village |||| Villages',
      fields: {
        code: 'Division code', name: 'Name', kind: 'Kind', formerlyPoor: 'Formerly poor', exitYear: 'Exit year', townshipCode: 'Township',
        townshipName: 'Township', population2019: 'Rural population 2019', population2020: 'Rural population 2020', q: 'Name',
      },
    },
    households: {
      name: 'Household |||| Households',
      fields: {
        householdNumber: 'Household no.', townshipCode: 'Township', villageCode: 'Village', townshipName: 'Township', villageName: 'Village',
        address: 'Address', phone: 'Phone', headName: 'Head', registered: 'Registered poor', registeredYear: 'Registered in',
        status: 'Poverty status', liftedYear: 'Lifted in', monitoringCategory: 'Monitoring category', monitoringSince: 'Monitored since',
        riskEliminatedAt: 'Risk eliminated', riskTypes: 'Risks', members: 'Members', incomeRecords: 'Incomes', contracts: 'Contracts',
        employment: 'Employment', version: 'Version', q: 'Number, head or address',
      },
    },
    persons: {
      name: 'Person |||| Persons',
      fields: {
        name: 'Name', idNumber: 'Resident ID', gender: 'Gender', birthDate: 'Birth date', birthYear: 'Birth year', age: 'Age', relation: 'Relation to head', phone: 'Phone',
        laborCapacity: 'Labour capacity', health: 'Health', chronicIllnessCertificate: 'Chronic-illness certificate',
        disabilityCertificate: 'Disability certificate', disabilityGrade: 'Disability grade', schooling: 'Schooling',
        basicMedicalInsurance: 'Basic medical insurance', criticalIllnessInsurance: 'Critical-illness insurance',
        medicalAssistance: 'Medical assistance', pensionInsurance: 'Pension insurance', deceasedAt: 'Deceased',
        householdId: 'Household', householdNumber: 'Household no.', version: 'Version', q: 'Name or full ID number',
      },
    },
    industries: { name: 'Industry |||| Industries', fields: { code: 'Code', name: 'Name', category: 'Category', version: 'Version', q: 'Name or code' } },
    cooperatives: { name: 'Cooperative |||| Cooperatives', fields: entityFields },
    leadingEnterprises: { name: 'Leading enterprise |||| Leading enterprises', fields: entityFields },
    familyFarms: { name: 'Family farm |||| Family farms', fields: entityFields },
    workshops: { name: 'Workshop / factory |||| Workshops / factories', fields: entityFields },
    parkBases: { name: 'Park base |||| Park bases', fields: entityFields },
    businessEntities: { name: 'Business entity |||| Business entities', fields: entityFields },
    contracts: {
      name: 'Benefit-linkage contract |||| Benefit-linkage contracts',
      fields: {
        contractNumber: 'Contract no.', entityId: 'Entity', entityName: 'Entity', householdId: 'Household', householdNumber: 'Household no.',
        mode: 'Mode', shareKind: 'Share kind', startDate: 'Start', endDate: 'End', annualBenefit: 'Agreed annual benefit (yuan)',
        payouts: 'Payouts', paidAt: 'Paid on', amount: 'Amount (yuan)', note: 'Note', version: 'Version',
      },
    },
    collectiveIncomes: {
      name: 'Collective income |||| Collective incomes',
      fields: { villageCode: 'Village', villageName: 'Village', townshipCode: 'Township', year: 'Year', source: 'Source', amount: 'Amount (yuan)', version: 'Version' },
    },
    employments: {
      name: 'Employment |||| Employments',
      fields: {
        personId: 'Person', personName: 'Name', householdNumber: 'Household no.', channel: 'Channel', employerId: 'Employer',
        employerName: 'Employer', postName: 'Post', startDate: 'Start', endDate: 'End', monthlyWage: 'Monthly wage (yuan)',
        active: 'Active', townshipCode: 'Township', villageCode: 'Village', version: 'Version',
      },
    },
    employmentChannels: {
      name: 'Employment channel |||| Employment channels',
      fields: { code: 'Code', name: 'Name', kind: 'Kind', employedCount: 'Employed now' },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        username: 'Username', displayName: 'Name', role: 'Role', regionCode: 'Data scope (division code)', department: 'Department',
        canReadPersonalData: 'Personal data', active: 'Active', createdAt: 'Created', password: 'Initial password', q: 'Search',
      },
    },
  },
  app: {
    title: 'Return-to-poverty prevention console',
    language: 'Language',
    menu: { dashboard: 'Dashboard', reports: 'Reports', regions: 'Regions & households', economy: 'Industries & linkage', employment: 'Employment', system: 'System' },
    auth: {
      expired: 'Your login expired or is invalid; please log in again',
      wrong_password: 'Wrong username or password',
      too_many_attempts: 'Too many login attempts; please wait a few minutes and try again',
      role: 'Role', region: 'Data scope', personal: 'May read personal data',
    },
    conflict: { message: 'Someone else changed this record. Reload the latest data, then edit again.', reload: 'Reload' },
    forbidden: 'You may not do this, or the record is outside your region',
    validation: { identifier: '%{detail_en}', money: 'A number with at most two decimals', year: 'Year between %{min} and %{max}' },
    masked: 'Masked (no personal-data permission)',
    export: { running: 'Exporting: %{loaded} of %{total} rows read', done: '%{count} rows exported', button: 'Export Excel' },
    payout: { record: 'Record a payout', title: 'Record a payout', saved: 'Payout recorded' },
    dashboard: {
      title: 'Indicators',
      incidence: 'Poverty incidence (%)',
      lifted: 'Households lifted in the year',
      dualIncome: 'Dual income growth by township (%)',
      collectiveGrowth: 'Collective income growth (%)',
      farmerGrowth: 'Farmer income growth (%)',
      employment: 'Employed persons by channel',
      coverage: 'Benefit-linkage coverage',
      linked: 'Linked households',
      contracts: 'Active contracts',
      year: 'Year',
      township: 'Township',
      no_data: 'No data',
      cube_error: 'The indicator service is unavailable: %{message}',
    },
    report: {
      title: 'Indicator report', view: 'View', measures: 'Measures', dimensions: 'Dimensions', region: 'Region (township)', years: 'Years',
      run: 'Run', xlsx: 'Export Excel', csv: 'Export CSV', chart: 'Chart', table: 'Table', all_regions: 'All (my data scope)', rows: '%{count} rows',
    },
    household: {
      members: 'Members', incomes: 'Incomes by year', contracts: 'Benefit-linkage contracts', employment: 'Employment',
      netIncome: 'Net income', perCapitaNetIncome: 'Per-capita net income', year: 'Year', members_count: 'Members',
      wageIncome: 'Wages', businessIncome: 'Business', propertyIncome: 'Property', transferIncome: 'Transfers', productionExpenses: 'Expenses',
    },
    township: { villages: 'Villages' },
    village: { households: 'Households', collective: 'Collective income by year and source', indicators: 'Indicators (from the indicator service)' },
    users: {
      resetPassword: 'Reset password', resetPasswordTitle: 'Reset the password of %{username}', newPassword: 'New password', passwordReset: 'Password reset',
      usernameRule: 'Username: 3–40 characters of a-z, 0-9, _ . -', passwordRule: 'Password: at least 10 characters', demoPassword: 'The demo default password is not allowed',
      regionRule: 'A division code has 6, 9 or 12 digits', regionHelp: 'County 6, township 9, village 12 digits; inside your region',
    },
    unavailable: 'Not available: %{message}',
  },
};
