// Household and person enums, with their Chinese labels.
import { labelledEnum } from '../graphql/enums.ts';
import {
  Gender, HealthStatus, HouseholdRelation, LaborCapacity, MonitoringCategory, PovertyStatus, RiskType, SchoolingStage,
} from '../../prisma/generated/client/enums.ts';

export const PovertyStatusEnum = labelledEnum('PovertyStatus', PovertyStatus, { NOT_LIFTED: '未脱贫', LIFTED: '已脱贫' }, '脱贫状态（仅建档立卡户）');
export const MonitoringCategoryEnum = labelledEnum(
  'MonitoringCategory', MonitoringCategory,
  { UNSTABLE_LIFTED: '脱贫不稳定户', EDGE: '边缘易致贫户', SUDDEN_HARDSHIP: '突发严重困难户' },
  '防返贫监测对象类别',
);
export const RiskTypeEnum = labelledEnum('RiskType', RiskType, {
  ILLNESS: '因病', DISABILITY: '因残', SCHOOLING: '因学', DISASTER: '因灾', ACCIDENT: '因意外事故',
  BUSINESS_FAILURE: '因产业失败', UNSTABLE_EMPLOYMENT: '因务工就业不稳', OTHER: '其他',
}, '致贫/返贫风险类型');
export const GenderEnum = labelledEnum('Gender', Gender, { MALE: '男', FEMALE: '女' });
export const HouseholdRelationEnum = labelledEnum('HouseholdRelation', HouseholdRelation, {
  HEAD: '户主', SPOUSE: '配偶', CHILD: '子女', CHILD_IN_LAW: '儿媳/女婿', GRANDCHILD: '孙子女', PARENT: '父母', SIBLING: '兄弟姐妹', OTHER: '其他',
}, '与户主关系');
export const LaborCapacityEnum = labelledEnum('LaborCapacity', LaborCapacity, {
  FULL: '有劳动力', PARTIAL: '弱劳动力', NONE: '无劳动力', NOT_WORKING_AGE: '非劳动年龄',
}, '劳动能力');
export const HealthStatusEnum = labelledEnum('HealthStatus', HealthStatus, {
  HEALTHY: '健康', CHRONIC_ILLNESS: '长期慢性病', SERIOUS_ILLNESS: '大病', DISABLED: '残疾',
}, '健康状况');
export const SchoolingStageEnum = labelledEnum('SchoolingStage', SchoolingStage, {
  NOT_IN_SCHOOL: '非在校生', PRESCHOOL: '学前', PRIMARY: '小学', JUNIOR_SECONDARY: '初中', SENIOR_SECONDARY: '高中',
  VOCATIONAL: '中职', TERTIARY: '大专及以上', DROPPED_OUT: '辍学',
}, '在校情况');
