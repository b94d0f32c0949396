// Every enum value of the domain with its Chinese and English label: one table
// that the API (its enum descriptions), the console (lists, forms, exports) and
// server messages all read. Keys are the API's enum names and values.

type Labels = Record<string, readonly [zh: string, en: string]>;

export const ENUM_LABELS = {
  Role: {
    COUNTY_ADMIN: ['县级管理员', 'County administrator'],
    TOWNSHIP_OFFICER: ['乡镇工作人员', 'Township officer'],
    VILLAGE_CADRE: ['村干部', 'Village cadre'],
    STATISTICIAN: ['统计人员', 'Statistician'],
    DEPARTMENT_USER: ['部门用户', 'Department user'],
  },
  TownshipKind: { TOWN: ['镇', 'Town'], TOWNSHIP: ['乡', 'Township'], DEVELOPMENT_ZONE: ['开发区', 'Development zone'] },
  VillageKind: { VILLAGE: ['行政村', 'Village'], COMMUNITY: ['社区', 'Community'] },
  PovertyStatus: { NOT_LIFTED: ['未脱贫', 'Not lifted'], LIFTED: ['已脱贫', 'Lifted'] },
  MonitoringCategory: {
    UNSTABLE_LIFTED: ['脱贫不稳定户', 'Unstable lifted'],
    EDGE: ['边缘易致贫户', 'Edge household'],
    SUDDEN_HARDSHIP: ['突发严重困难户', 'Sudden hardship'],
  },
  RiskType: {
    ILLNESS: ['因病', 'Illness'],
    DISABILITY: ['因残', 'Disability'],
    SCHOOLING: ['因学', 'Schooling'],
    DISASTER: ['因灾', 'Disaster'],
    ACCIDENT: ['因意外事故', 'Accident'],
    BUSINESS_FAILURE: ['因产业失败', 'Business failure'],
    UNSTABLE_EMPLOYMENT: ['因务工就业不稳', 'Unstable employment'],
    OTHER: ['其他', 'Other'],
  },
  Gender: { MALE: ['男', 'Male'], FEMALE: ['女', 'Female'] },
  HouseholdRelation: {
    HEAD: ['户主', 'Head'],
    SPOUSE: ['配偶', 'Spouse'],
    CHILD: ['子女', 'Child'],
    CHILD_IN_LAW: ['儿媳/女婿', 'Child-in-law'],
    GRANDCHILD: ['孙子女', 'Grandchild'],
    PARENT: ['父母', 'Parent'],
    SIBLING: ['兄弟姐妹', 'Sibling'],
    OTHER: ['其他', 'Other'],
  },
  LaborCapacity: {
    FULL: ['有劳动力', 'Full'],
    PARTIAL: ['弱劳动力', 'Partial'],
    NONE: ['无劳动力', 'None'],
    NOT_WORKING_AGE: ['非劳动年龄', 'Not of working age'],
  },
  HealthStatus: {
    HEALTHY: ['健康', 'Healthy'],
    CHRONIC_ILLNESS: ['长期慢性病', 'Chronic illness'],
    SERIOUS_ILLNESS: ['大病', 'Serious illness'],
    DISABLED: ['残疾', 'Disabled'],
  },
  SchoolingStage: {
    NOT_IN_SCHOOL: ['非在校生', 'Not in school'],
    PRESCHOOL: ['学前', 'Preschool'],
    PRIMARY: ['小学', 'Primary'],
    JUNIOR_SECONDARY: ['初中', 'Junior secondary'],
    SENIOR_SECONDARY: ['高中', 'Senior secondary'],
    VOCATIONAL: ['中职', 'Vocational'],
    TERTIARY: ['大专及以上', 'Tertiary'],
    DROPPED_OUT: ['辍学', 'Dropped out'],
  },
  IndustryCategory: {
    PLANTING: ['特色种植', 'Specialty planting'],
    BREEDING: ['特色养殖', 'Specialty breeding'],
    PROCESSING: ['农产品加工', 'Agricultural processing'],
    STRAW_UTILIZATION: ['秸秆综合利用', 'Straw utilization'],
    MACHINERY_SERVICE: ['农机服务', 'Machinery services'],
    LABOUR_SERVICE: ['劳务服务', 'Labour services'],
    RURAL_TOURISM: ['乡村旅游', 'Rural tourism'],
    E_COMMERCE: ['电子商务', 'E-commerce'],
    OTHER: ['其他', 'Other'],
  },
  BusinessEntityKind: {
    COOPERATIVE: ['合作社', 'Cooperative'],
    LEADING_ENTERPRISE: ['龙头企业', 'Leading enterprise'],
    FAMILY_FARM: ['家庭农场', 'Family farm'],
    POVERTY_ALLEVIATION_WORKSHOP: ['扶贫车间/工厂', 'Workshop / factory'],
    INDUSTRIAL_PARK_BASE: ['园区基地', 'Industrial-park base'],
  },
  LinkageMode: {
    SHARE_COOPERATION: ['股份合作', 'Share cooperation'],
    NEARBY_EMPLOYMENT: ['就近就业', 'Nearby employment'],
    ORDER_FARMING: ['订单生产', 'Order farming'],
    LAND_TRANSFER: ['土地流转', 'Land transfer'],
    ENTRUSTED_MANAGEMENT: ['托管', 'Entrusted management'],
  },
  ShareKind: { LAND: ['土地入股', 'Land'], FUNDS: ['资金入股', 'Funds'], ASSETS: ['资产入股', 'Assets'] },
  CollectiveIncomeSource: {
    MECHANIZATION_SERVICE: ['农机服务', 'Mechanization services'],
    STRAW_UTILIZATION: ['秸秆综合利用', 'Straw utilization'],
    LAND_TRANSFER_PLATFORM: ['土地流转平台', 'Land-transfer platform'],
    LABOUR_COMPANY: ['村劳务公司', 'Village labour company'],
    ASSET_LEASING: ['资产租赁', 'Asset leasing'],
    OTHER: ['其他', 'Other'],
  },
  EmploymentChannelCode: {
    INDUSTRIAL_PARK_BASE: ['园区基地', 'Industrial-park base'],
    POVERTY_ALLEVIATION_FACTORY: ['扶贫工厂', 'Poverty-alleviation factory'],
    COOPERATIVE: ['合作社', 'Cooperative'],
    PUBLIC_WELFARE_POST: ['公益性岗位', 'Public-welfare post'],
    HOME_BASED: ['居家就业', 'Home-based'],
  },
  EmploymentChannelKind: { INDIRECT: ['间接就业', 'Indirect'], DIRECT: ['直接就业', 'Direct'] },
  // Monitoring work: cases, warnings, visits, department cross-checks, assistance plans.
  CaseStage: {
    DECLARED: ['申报', 'Declared'],
    VERIFIED: ['入户核实', 'Verified'],
    VILLAGE_REVIEWED: ['村两委研究', 'Village review'],
    TOWNSHIP_REVIEWED: ['乡镇审核', 'Township review'],
    APPROVED: ['县级审定', 'Approved by county'],
    REJECTED: ['不予纳入', 'Rejected'],
    RISK_ELIMINATED: ['风险消除', 'Risk eliminated'],
  },
  CaseAction: {
    VERIFY: ['入户核实', 'Verify at home'],
    REVIEW_IN_VILLAGE: ['村两委研究', 'Village review'],
    REVIEW_IN_TOWNSHIP: ['乡镇审核', 'Township review'],
    APPROVE: ['县级审定', 'County approval'],
    REJECT: ['不予纳入', 'Reject'],
    ELIMINATE_RISK: ['风险消除', 'Eliminate risk'],
  },
  CaseSource: {
    SCREENING: ['筛查预警', 'Screening warning'],
    DEPARTMENT_ALERT: ['部门预警', 'Department alert'],
    VISIT: ['干部走访', 'Cadre visit'],
    SELF_DECLARATION: ['自愿申报', 'Self-declaration'],
  },
  WarningKind: { EDGE_CANDIDATE: ['边缘易致贫候选', 'Edge candidate'], RETURN_RISK: ['脱贫户返贫风险', 'Return-to-poverty risk'] },
  WarningLevel: { RED: ['红色预警', 'Red'], ORANGE: ['橙色预警', 'Orange'], YELLOW: ['黄色预警', 'Yellow'] },
  WarningStatus: { OPEN: ['待处理', 'Open'], CASE_OPENED: ['已转入申报', 'Case opened'], DISMISSED: ['不予纳入', 'Dismissed'] },
  VisitAspect: {
    FOOD: ['吃', 'Food'],
    CLOTHING: ['穿', 'Clothing'],
    COMPULSORY_EDUCATION: ['义务教育', 'Compulsory education'],
    BASIC_MEDICAL: ['基本医疗', 'Basic medical care'],
    HOUSING_SAFETY: ['住房安全', 'Housing safety'],
    DRINKING_WATER: ['饮水安全', 'Drinking water'],
    POPULATION_CHANGE: ['人口变化', 'Population change'],
    SPECIALTY_FARMING: ['特色种养', 'Specialty farming'],
    HOUSEHOLD_ENVIRONMENT: ['户容户貌', 'Household environment'],
  },
  AlertKind: {
    DECEASED_MEMBER_COUNTED: ['已死亡仍在册', 'Deceased member counted'],
    DIBAO_NOT_REGISTERED: ['低保户未纳入', 'Dibao not registered'],
    EXTREME_POVERTY_NOT_REGISTERED: ['特困户未纳入', 'Extreme poverty not registered'],
    HIGH_MEDICAL_EXPENSES: ['高额医疗费用', 'High medical expenses'],
    MEMBER_MOVED_AWAY: ['户籍迁出', 'Member moved away'],
    NEW_DISABILITY_CERTIFICATE: ['新办残疾证', 'New disability certificate'],
    SCHOOL_DROPOUT: ['辍学', 'School dropout'],
    UNSAFE_HOUSING: ['住房不安全', 'Unsafe housing'],
  },
  AlertStatus: { OPEN: ['待核实', 'Open'], CONFIRMED: ['已确认', 'Confirmed'], DISMISSED: ['已排除', 'Dismissed'] },
  AlertDecision: { CONFIRM: ['属实', 'Confirm'], DISMISS: ['排除', 'Dismiss'] },
  Department: {
    CIVIL_AFFAIRS: ['民政', 'Civil affairs'],
    DISABLED_PERSONS_FEDERATION: ['残联', 'Disabled persons’ federation'],
    EDUCATION: ['教育', 'Education'],
    HEALTH: ['卫健（医保）', 'Health'],
    HOUSING: ['住建', 'Housing'],
    PUBLIC_SECURITY: ['公安', 'Public security'],
  },
  DatasetKind: {
    DEATHS: ['死亡人员', 'Deaths'],
    DIBAO: ['低保', 'Dibao'],
    DISABILITY_CERTIFICATES: ['残疾证', 'Disability certificates'],
    EXTREME_POVERTY_SUPPORT: ['特困供养', 'Extreme-poverty support'],
    HOUSING_SAFETY: ['住房安全鉴定', 'Housing safety'],
    MEDICAL_EXPENSES: ['医疗费用', 'Medical expenses'],
    MOVES: ['户籍迁移', 'Household moves'],
    SCHOOL_ENROLMENT: ['学籍', 'School enrolment'],
  },
  ImportStatus: { PROCESSING: ['处理中', 'Processing'], COMPLETED: ['已完成', 'Completed'], REJECTED: ['已拒收', 'Rejected'] },
  MeasureKind: {
    BENEFIT_LINKAGE: ['产业/利益联结', 'Benefit linkage'],
    EDUCATION: ['教育资助', 'Education'],
    EMPLOYMENT: ['就业帮扶', 'Employment'],
    HOUSING: ['住房保障', 'Housing'],
    MEDICAL: ['健康帮扶', 'Medical'],
    POLICY: ['其他政策', 'Other policy'],
    SAFETY_NET: ['兜底保障', 'Safety net'],
  },
  MeasureStatus: {
    PLANNED: ['计划中', 'Planned'],
    IN_PROGRESS: ['落实中', 'In progress'],
    DONE: ['已落实', 'Done'],
    CANCELLED: ['已取消', 'Cancelled'],
  },
} as const satisfies Record<string, Labels>;

export type EnumName = keyof typeof ENUM_LABELS;
export type EnumValue<N extends EnumName> = keyof (typeof ENUM_LABELS)[N] & string;
export type Language = 'zh' | 'en';

export const enumValues = <N extends EnumName>(name: N): EnumValue<N>[] => Object.keys(ENUM_LABELS[name]) as EnumValue<N>[];

/** The label of one value; the value itself when it has none (a newer API than this table). */
export function enumLabel(name: EnumName, value: string, lang: Language = 'zh'): string {
  const labels = (ENUM_LABELS[name] as Labels)[value];
  return labels ? labels[lang === 'zh' ? 0 : 1] : value;
}

/** `{ VALUE: label }` of one enum in one language. */
export function enumLabels<N extends EnumName>(name: N, lang: Language = 'zh'): Record<EnumValue<N>, string> {
  return Object.fromEntries(enumValues(name).map((value) => [value, enumLabel(name, value, lang)])) as Record<EnumValue<N>, string>;
}
