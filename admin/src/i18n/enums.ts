// The API's enum values and their labels, zh-CN (the API's own descriptions) and English.
import { MONITORING_ENUMS } from './monitoring.ts';

type Labels = Record<string, [zh: string, en: string]>;

export const ENUMS = {
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
    ILLNESS: ['因病', 'Illness'], DISABILITY: ['因残', 'Disability'], SCHOOLING: ['因学', 'Schooling'], DISASTER: ['因灾', 'Disaster'],
    ACCIDENT: ['因意外事故', 'Accident'], BUSINESS_FAILURE: ['因产业失败', 'Business failure'],
    UNSTABLE_EMPLOYMENT: ['因务工就业不稳', 'Unstable employment'], OTHER: ['其他', 'Other'],
  },
  Gender: { MALE: ['男', 'Male'], FEMALE: ['女', 'Female'] },
  HouseholdRelation: {
    HEAD: ['户主', 'Head'], SPOUSE: ['配偶', 'Spouse'], CHILD: ['子女', 'Child'], CHILD_IN_LAW: ['儿媳/女婿', 'Child-in-law'],
    GRANDCHILD: ['孙子女', 'Grandchild'], PARENT: ['父母', 'Parent'], SIBLING: ['兄弟姐妹', 'Sibling'], OTHER: ['其他', 'Other'],
  },
  LaborCapacity: {
    FULL: ['有劳动力', 'Full'], PARTIAL: ['弱劳动力', 'Partial'], NONE: ['无劳动力', 'None'], NOT_WORKING_AGE: ['非劳动年龄', 'Not of working age'],
  },
  HealthStatus: {
    HEALTHY: ['健康', 'Healthy'], CHRONIC_ILLNESS: ['长期慢性病', 'Chronic illness'], SERIOUS_ILLNESS: ['大病', 'Serious illness'],
    DISABLED: ['残疾', 'Disabled'],
  },
  SchoolingStage: {
    NOT_IN_SCHOOL: ['非在校生', 'Not in school'], PRESCHOOL: ['学前', 'Preschool'], PRIMARY: ['小学', 'Primary'],
    JUNIOR_SECONDARY: ['初中', 'Junior secondary'], SENIOR_SECONDARY: ['高中', 'Senior secondary'], VOCATIONAL: ['中职', 'Vocational'],
    TERTIARY: ['大专及以上', 'Tertiary'], DROPPED_OUT: ['辍学', 'Dropped out'],
  },
  IndustryCategory: {
    PLANTING: ['特色种植', 'Specialty planting'], BREEDING: ['特色养殖', 'Specialty breeding'], PROCESSING: ['农产品加工', 'Agricultural processing'],
    STRAW_UTILIZATION: ['秸秆综合利用', 'Straw utilization'], MACHINERY_SERVICE: ['农机服务', 'Machinery services'],
    LABOUR_SERVICE: ['劳务服务', 'Labour services'], RURAL_TOURISM: ['乡村旅游', 'Rural tourism'], E_COMMERCE: ['电子商务', 'E-commerce'],
    OTHER: ['其他', 'Other'],
  },
  BusinessEntityKind: {
    COOPERATIVE: ['合作社', 'Cooperative'], LEADING_ENTERPRISE: ['龙头企业', 'Leading enterprise'], FAMILY_FARM: ['家庭农场', 'Family farm'],
    POVERTY_ALLEVIATION_WORKSHOP: ['扶贫车间/工厂', 'Workshop / factory'], INDUSTRIAL_PARK_BASE: ['园区基地', 'Industrial-park base'],
  },
  LinkageMode: {
    SHARE_COOPERATION: ['股份合作', 'Share cooperation'], NEARBY_EMPLOYMENT: ['就近就业', 'Nearby employment'],
    ORDER_FARMING: ['订单生产', 'Order farming'], LAND_TRANSFER: ['土地流转', 'Land transfer'], ENTRUSTED_MANAGEMENT: ['托管', 'Entrusted management'],
  },
  ShareKind: { LAND: ['土地入股', 'Land'], FUNDS: ['资金入股', 'Funds'], ASSETS: ['资产入股', 'Assets'] },
  CollectiveIncomeSource: {
    MECHANIZATION_SERVICE: ['农机服务', 'Mechanization services'], STRAW_UTILIZATION: ['秸秆综合利用', 'Straw utilization'],
    LAND_TRANSFER_PLATFORM: ['土地流转平台', 'Land-transfer platform'], LABOUR_COMPANY: ['村劳务公司', 'Village labour company'],
    ASSET_LEASING: ['资产租赁', 'Asset leasing'], OTHER: ['其他', 'Other'],
  },
  EmploymentChannelCode: {
    INDUSTRIAL_PARK_BASE: ['园区基地', 'Industrial-park base'], POVERTY_ALLEVIATION_FACTORY: ['扶贫工厂', 'Poverty-alleviation factory'],
    COOPERATIVE: ['合作社', 'Cooperative'], PUBLIC_WELFARE_POST: ['公益性岗位', 'Public-welfare post'], HOME_BASED: ['居家就业', 'Home-based'],
  },
  EmploymentChannelKind: { INDIRECT: ['间接就业', 'Indirect'], DIRECT: ['直接就业', 'Direct'] },
  ...MONITORING_ENUMS,
} satisfies Record<string, Labels>;

export type EnumName = keyof typeof ENUMS;

export const enumValues = (name: EnumName): string[] => Object.keys(ENUMS[name]);

/** `{ enums: { PovertyStatus: { LIFTED: '已脱贫' } } }` for one language. */
export function enumMessages(lang: 0 | 1): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(ENUMS).map(([name, values]) => [
      name,
      Object.fromEntries(Object.entries(values as Labels).map(([value, labels]) => [value, labels[lang]])),
    ]),
  );
}

/** The Chinese label of a value (exports are always in Chinese). */
export const zhEnum = (name: EnumName, value: unknown): string =>
  value == null || value === '' ? '' : ((ENUMS[name] as Labels)[String(value)]?.[0] ?? String(value));
