// Household and person enums, with their Chinese labels.
import { labelledEnum } from '../graphql/enums.ts';
import {
  Gender,
  HealthStatus,
  HouseholdRelation,
  LaborCapacity,
  MonitoringCategory,
  PovertyStatus,
  RiskType,
  SchoolingStage,
} from '../../prisma/generated/client/enums.ts';

export const PovertyStatusEnum = labelledEnum('PovertyStatus', PovertyStatus, '脱贫状态（仅建档立卡户）');
export const MonitoringCategoryEnum = labelledEnum('MonitoringCategory', MonitoringCategory, '防返贫监测对象类别');
export const RiskTypeEnum = labelledEnum('RiskType', RiskType, '致贫/返贫风险类型');
export const GenderEnum = labelledEnum('Gender', Gender);
export const HouseholdRelationEnum = labelledEnum('HouseholdRelation', HouseholdRelation, '与户主关系');
export const LaborCapacityEnum = labelledEnum('LaborCapacity', LaborCapacity, '劳动能力');
export const HealthStatusEnum = labelledEnum('HealthStatus', HealthStatus, '健康状况');
export const SchoolingStageEnum = labelledEnum('SchoolingStage', SchoolingStage, '在校情况');
