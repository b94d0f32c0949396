// Generated from schema.graphql by `npm run admin:types`. Do not edit.

export interface AddAssistanceMeasureInput {
  /** 就业渠道（仅就业帮扶） */
  channelCode?: EmploymentChannelCode | null;
  /** 利益联结合同（仅产业/利益联结；须为该户的合同） */
  contractId?: string | null;
  /** 措施内容 */
  description: string;
  kind: MeasureKind;
  /** 家庭成员（须属于该户；不填为全户措施） */
  personId?: string | null;
  planId: string;
  /** 默认 PLANNED */
  status?: MeasureStatus | null;
}

/** 部门比对预警（大数据比对发现的不一致，待核实） */
export interface Alert {
  createdAt: string;
  /** 来源数据集 */
  datasetKind: DatasetKind | null;
  /** 来源部门 */
  department: Department | null;
  /** 不一致的说明 */
  detail: string;
  /** 部门记录中的日期（死亡、迁出、起始或发证日期） */
  eventDate: string | null;
  /** 比对到的住户 */
  household: Household | null;
  id: string;
  kind: AlertKind;
  /** 比对到的人员（身份证号按权限脱敏） */
  person: Person | null;
  /** 审核意见 */
  reviewNote: string | null;
  reviewedAt: string | null;
  /** 审核人 */
  reviewedBy: CrosscheckUser | null;
  status: AlertStatus;
  townshipCode: string | null;
  /** 版本号（乐观锁） */
  version: number;
  villageCode: string | null;
}

/** 核实结论 */
export const AlertDecisionValues = ['CONFIRM', 'DISMISS'] as const;
export type AlertDecision = (typeof AlertDecisionValues)[number];

export interface AlertFilter {
  kind?: AlertKind | null;
  /** 行政区划代码前缀（县 6 位、乡镇 9 位、村 12 位） */
  regionCode?: string | null;
  status?: AlertStatus | null;
}

/** 部门比对预警类型 */
export const AlertKindValues = ['DECEASED_MEMBER_COUNTED', 'DIBAO_NOT_REGISTERED', 'EXTREME_POVERTY_NOT_REGISTERED', 'HIGH_MEDICAL_EXPENSES', 'MEMBER_MOVED_AWAY', 'NEW_DISABILITY_CERTIFICATE', 'SCHOOL_DROPOUT', 'UNSAFE_HOUSING'] as const;
export type AlertKind = (typeof AlertKindValues)[number];

export interface AlertOrderBy {
  direction: OrderDirection;
  field: AlertOrderByField;
}

export const AlertOrderByFieldValues = ['createdAt', 'id', 'kind'] as const;
export type AlertOrderByField = (typeof AlertOrderByFieldValues)[number];

/** 预警处理状态 */
export const AlertStatusValues = ['CONFIRMED', 'DISMISSED', 'OPEN'] as const;
export type AlertStatus = (typeof AlertStatusValues)[number];

/** 帮扶措施（一人一措施；未指定成员时针对全户） */
export interface AssistanceMeasure {
  /** 就业渠道（就业帮扶） */
  channelCode: EmploymentChannelCode | null;
  /** 利益联结合同的全局 ID（产业/利益联结） */
  contractId: string | null;
  /** 措施内容 */
  description: string;
  id: string;
  kind: MeasureKind;
  /** 针对的家庭成员（全户措施为空） */
  person: Person | null;
  status: MeasureStatus;
  /** 版本号（乐观锁） */
  version: number;
}

export interface AssistanceMeasurePayload {
  assistanceMeasure: AssistanceMeasure;
}

/** 帮扶方案（一户一方案） */
export interface AssistancePlan {
  createdAt: string;
  /** 住户 */
  household: Household;
  id: string;
  /** 措施（按登记顺序） */
  measures: Array<AssistanceMeasure>;
  /** 方案概述 */
  summary: string;
  /** 版本号（乐观锁） */
  version: number;
}

export interface AssistancePlanFilter {
  /** 住户 */
  householdId?: string | null;
  /** 住户所在区域的行政区划代码前缀 */
  regionCode?: string | null;
}

export interface AssistancePlanOrderBy {
  direction: OrderDirection;
  field: AssistancePlanOrderByField;
}

export const AssistancePlanOrderByFieldValues = ['createdAt', 'id'] as const;
export type AssistancePlanOrderByField = (typeof AssistancePlanOrderByFieldValues)[number];

export interface AssistancePlanPayload {
  assistancePlan: AssistancePlan;
}

/** 利益联结合同（经营主体与住户之间；按住户所在区域可见） */
export interface BenefitLinkageContract {
  /** 今天是否在合同期内（起始日期 ≤ 今天 ≤ 终止日期，或无终止日期） */
  active: boolean;
  /** 约定年收益（元） */
  annualBenefit: string;
  /** 合同编号 */
  contractNumber: string;
  /** 终止日期（长期合同为空） */
  endDate: string | null;
  /** 经营主体；主体不在您的管辖区域内时为空（合同本身按住户所在区域可见） */
  entity: BusinessEntity | null;
  /** 住户 */
  household: Household;
  id: string;
  mode: LinkageMode;
  /** 实际兑现记录（按日期） */
  payouts: Array<ContractPayout>;
  /** 入股方式（仅股份合作，其他方式为空） */
  shareKind: ShareKind | null;
  /** 起始日期 */
  startDate: string;
  /** 累计兑现金额（元）= 各次兑现之和 */
  totalPaid: string;
  /** 版本号（乐观锁） */
  version: number;
}

export interface BenefitLinkageContractFilter {
  /** true：今天在合同期内；false：未开始或已到期 */
  active?: boolean | null;
  /** 经营主体 */
  entityId?: string | null;
  /** 住户 */
  householdId?: string | null;
  mode?: LinkageMode | null;
  /** 住户所在区域的行政区划代码前缀 */
  regionCode?: string | null;
}

export interface BenefitLinkageContractOrderBy {
  direction: OrderDirection;
  field: BenefitLinkageContractOrderByField;
}

export const BenefitLinkageContractOrderByFieldValues = ['annualBenefit', 'id', 'startDate'] as const;
export type BenefitLinkageContractOrderByField = (typeof BenefitLinkageContractOrderByFieldValues)[number];

export interface BenefitLinkageContractPayload {
  benefitLinkageContract: BenefitLinkageContract;
}

/** 新型农业经营主体（合作社、龙头企业、家庭农场、扶贫车间/工厂、园区基地） */
export interface BusinessEntity {
  /** 地址 */
  address: string;
  /** 利益联结合同（仅限您管辖区域内的住户） */
  benefitLinkageContracts: BusinessEntityBenefitLinkageContractsConnection;
  /** 统一社会信用代码（18 位） */
  creditCode: string;
  /** 在本主体就业的人员记录（仅限您管辖区域内的住户） */
  employments: BusinessEntityEmploymentsConnection;
  /** 成立日期 */
  establishedAt: string;
  id: string;
  /** 所属产业 */
  industries: Array<Industry>;
  kind: BusinessEntityKind;
  /** 法定代表人 */
  legalRepresentative: string;
  /** 成员（社员、员工）人数 */
  memberCount: number;
  /** 名称 */
  name: string;
  /** 联系电话（无个人信息权限时脱敏） */
  phone: string | null;
  /** 注册资本（元） */
  registeredCapital: string;
  /** 所在乡镇 */
  township: Township;
  /** 乡镇区划代码（9 位） */
  townshipCode: string;
  /** 版本号（乐观锁） */
  version: number;
  /** 所在村（乡镇级主体为空） */
  village: Village | null;
  /** 村区划代码（12 位；乡镇级主体为空） */
  villageCode: string | null;
}

export interface BusinessEntityBenefitLinkageContractsConnection {
  edges: Array<BusinessEntityBenefitLinkageContractsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface BusinessEntityBenefitLinkageContractsConnectionEdge {
  cursor: string;
  node: BenefitLinkageContract;
}

export interface BusinessEntityEmploymentsConnection {
  edges: Array<BusinessEntityEmploymentsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface BusinessEntityEmploymentsConnectionEdge {
  cursor: string;
  node: Employment;
}

export interface BusinessEntityFilter {
  /** 产业代码 */
  industryCode?: string | null;
  kind?: BusinessEntityKind | null;
  /** 行政区划代码前缀（县 6 位、乡镇 9 位、村 12 位） */
  regionCode?: string | null;
  /** 名称（包含）或统一社会信用代码（前缀） */
  search?: string | null;
}

/** 新型农业经营主体类型 */
export const BusinessEntityKindValues = ['COOPERATIVE', 'FAMILY_FARM', 'INDUSTRIAL_PARK_BASE', 'LEADING_ENTERPRISE', 'POVERTY_ALLEVIATION_WORKSHOP'] as const;
export type BusinessEntityKind = (typeof BusinessEntityKindValues)[number];

export interface BusinessEntityOfKindFilter {
  /** 产业代码 */
  industryCode?: string | null;
  /** 行政区划代码前缀（县 6 位、乡镇 9 位、村 12 位） */
  regionCode?: string | null;
  /** 名称（包含）或统一社会信用代码（前缀） */
  search?: string | null;
}

export interface BusinessEntityOrderBy {
  direction: OrderDirection;
  field: BusinessEntityOrderByField;
}

export const BusinessEntityOrderByFieldValues = ['establishedAt', 'id', 'name', 'registeredCapital'] as const;
export type BusinessEntityOrderByField = (typeof BusinessEntityOrderByFieldValues)[number];

export interface BusinessEntityPayload {
  businessEntity: BusinessEntity;
}

/** 帮扶干部 */
export interface Cadre {
  /** 姓名 */
  name: string;
  /** 工作单位 */
  workUnit: string;
}

/** 案件办理动作 */
export const CaseActionValues = ['APPROVE', 'ELIMINATE_RISK', 'REJECT', 'REVIEW_IN_TOWNSHIP', 'REVIEW_IN_VILLAGE', 'VERIFY'] as const;
export type CaseAction = (typeof CaseActionValues)[number];

/** 办理人 */
export interface CaseActor {
  /** 姓名 */
  displayName: string;
  role: Role;
  username: string;
}

/** 案件来源 */
export const CaseSourceValues = ['DEPARTMENT_ALERT', 'SCREENING', 'SELF_DECLARATION', 'VISIT'] as const;
export type CaseSource = (typeof CaseSourceValues)[number];

/** 监测案件阶段 */
export const CaseStageValues = ['APPROVED', 'DECLARED', 'REJECTED', 'RISK_ELIMINATED', 'TOWNSHIP_REVIEWED', 'VERIFIED', 'VILLAGE_REVIEWED'] as const;
export type CaseStage = (typeof CaseStageValues)[number];

/** 一个办理步骤：动作、名称、由哪个角色办理、对应的 mutation */
export interface CaseStep {
  action: CaseAction;
  /** 步骤名称 */
  label: string;
  /** mutation 名称 */
  mutation: string;
  /** 办理角色 */
  role: Role;
}

/** 案件流转记录：谁、何时、为何 */
export interface CaseTransition {
  /** 办理人 */
  actor: CaseActor;
  /** 办理时间 */
  at: string;
  /** 原阶段（申报时为空） */
  fromStage: CaseStage | null;
  /** 理由/意见 */
  reason: string | null;
  /** 新阶段 */
  toStage: CaseStage;
}

/** 村集体经济收入来源 */
export const CollectiveIncomeSourceValues = ['ASSET_LEASING', 'LABOUR_COMPANY', 'LAND_TRANSFER_PLATFORM', 'MECHANIZATION_SERVICE', 'OTHER', 'STRAW_UTILIZATION'] as const;
export type CollectiveIncomeSource = (typeof CollectiveIncomeSourceValues)[number];

/** 合同兑现记录 */
export interface ContractPayout {
  /** 兑现金额（元） */
  amount: string;
  /** 备注 */
  note: string | null;
  /** 兑现日期 */
  paidAt: string;
}

export interface CreateAssistancePlanInput {
  /** 住户（须在监测中或有已审定的监测案件） */
  householdId: string;
  /** 方案概述 */
  summary: string;
}

export interface CreateBenefitLinkageContractInput {
  /** 约定年收益（元，≥ 0） */
  annualBenefit: string;
  /** 合同编号（唯一） */
  contractNumber: string;
  /** 终止日期（≥ 起始日期；长期合同不填） */
  endDate?: string | null;
  /** 经营主体（须在您的管辖区域内） */
  entityId: string;
  /** 住户（须在您的管辖区域内） */
  householdId: string;
  mode: LinkageMode;
  /** 入股方式：仅股份合作可填 */
  shareKind?: ShareKind | null;
  /** 起始日期 */
  startDate: string;
}

export interface CreateBusinessEntityInput {
  address: string;
  /** 统一社会信用代码（18 位，含校验位） */
  creditCode: string;
  /** 成立日期（不晚于今天） */
  establishedAt: string;
  /** 所属产业（产业代码） */
  industryCodes?: Array<string> | null;
  /** 所属产业（全局 ID）；与 industryCodes 合并；修改时整体替换 */
  industryIds?: Array<string> | null;
  kind: BusinessEntityKind;
  legalRepresentative: string;
  memberCount?: number | null;
  name: string;
  phone?: string | null;
  /** 注册资本（元，≥ 0） */
  registeredCapital: string;
  /** 所在乡镇（须在您的管辖区域内） */
  townshipCode: string;
  /** 所在村（须属于该乡镇；乡镇级主体不填） */
  villageCode?: string | null;
}

export interface CreateEmploymentInput {
  channel: EmploymentChannelCode;
  /** 用工主体（经营主体）：间接就业渠道必填，且类型须与渠道相符；直接就业渠道不填 */
  employerId?: string | null;
  /** 结束日期（含），不早于开始日期 */
  endDate?: string | null;
  /** 月工资（元，≥ 0） */
  monthlyWage: string;
  /** 就业人员 */
  personId: string;
  postName?: string | null;
  startDate: string;
}

export interface CreateHouseholdInput {
  address: string;
  householdNumber: string;
  liftedYear?: number | null;
  monitoringCategory?: MonitoringCategory | null;
  monitoringSince?: string | null;
  phone?: string | null;
  registered: boolean;
  registeredYear?: number | null;
  riskTypes?: Array<RiskType> | null;
  status?: PovertyStatus | null;
  villageCode: string;
}

export interface CreateIndustryInput {
  category: IndustryCategory;
  code: string;
  name: string;
}

export interface CreatePersonInput {
  basicMedicalInsurance?: boolean | null;
  /** 可省略：由身份证号得出 */
  birthDate?: string | null;
  chronicIllnessCertificate?: string | null;
  criticalIllnessInsurance?: boolean | null;
  disabilityCertificate?: string | null;
  disabilityGrade?: number | null;
  /** 可省略：由身份证号第 17 位得出 */
  gender?: Gender | null;
  health: HealthStatus;
  householdId: string;
  idNumber: string;
  laborCapacity: LaborCapacity;
  medicalAssistance?: boolean | null;
  name: string;
  pensionInsurance?: boolean | null;
  phone?: string | null;
  relation: HouseholdRelation;
  schooling?: SchoolingStage | null;
}

export interface CreateScreeningRuleInput {
  grading: Array<GradingRuleInput>;
  monitoringLine: string;
  povertyLine: string;
  year: number;
}

export interface CreateUserInput {
  /** 统计人员不可为 true */
  canReadPersonalData: boolean;
  /** 部门（仅部门用户，且必填） */
  department?: Department | null;
  displayName: string;
  /** 至少 10 位，不能是演示默认密码 */
  password: string;
  /** 数据范围（须在您的管辖区域内） */
  regionCode: string;
  role: Role;
  username: string;
}

export interface CreateVillageCollectiveIncomeInput {
  /** 收入金额（元，≥ 0） */
  amount: string;
  source: CollectiveIncomeSource;
  /** 12 位村级行政区划代码 */
  villageCode: string;
  /** 年份（2000 至今年） */
  year: number;
}

/** 导入或审核的用户 */
export interface CrosscheckUser {
  displayName: string;
  username: string;
}

/** 部门数据集类型 */
export const DatasetKindValues = ['DEATHS', 'DIBAO', 'DISABILITY_CERTIFICATES', 'EXTREME_POVERTY_SUPPORT', 'HOUSING_SAFETY', 'MEDICAL_EXPENSES', 'MOVES', 'SCHOOL_ENROLMENT'] as const;
export type DatasetKind = (typeof DatasetKindValues)[number];

export interface DeclareMonitoringCaseInput {
  /** 部门预警（来源为 DEPARTMENT_ALERT 时必填；该户的预警） */
  alertId?: string | null;
  /** 拟纳入类别 */
  category: MonitoringCategory;
  /** 住户（须在您的管辖区域内） */
  householdId: string;
  /** 申报理由 */
  reason: string;
  /** 风险类型（至少一项） */
  riskTypes: Array<RiskType>;
  source: CaseSource;
  /** 走访记录（来源为 VISIT 时必填；该户的走访） */
  visitId?: string | null;
  /** 筛查预警（来源为 SCREENING 时必填；该户的未处理预警） */
  warningId?: string | null;
}

export interface DeleteBenefitLinkageContractInput {
  id: string;
  version: number;
}

export interface DeleteBusinessEntityInput {
  id: string;
  version: number;
}

export interface DeleteEmploymentInput {
  id: string;
  version: number;
}

export interface DeleteIndustryInput {
  id: string;
  version: number;
}

/** 删除结果 */
export interface DeletePayload {
  /** 被删除记录的全局 ID */
  deletedId: string;
}

export interface DeleteVillageCollectiveIncomeInput {
  id: string;
  version: number;
}

/** 部门 */
export const DepartmentValues = ['CIVIL_AFFAIRS', 'DISABLED_PERSONS_FEDERATION', 'EDUCATION', 'HEALTH', 'HOUSING', 'PUBLIC_SECURITY'] as const;
export type Department = (typeof DepartmentValues)[number];

/** 部门数据导入（大数据比对） */
export interface DepartmentImport {
  /** 本次导入产生的预警（按您的区域） */
  alerts: DepartmentImportAlertsConnection;
  /** 未导入的行数 */
  badRowCount: number;
  department: Department;
  fileName: string;
  id: string;
  importedAt: string;
  importedBy: CrosscheckUser;
  kind: DatasetKind;
  /** 进度：处理中时为实时行数，完成后为总行数 */
  progress: ImportProgress;
  report: DepartmentImportReport;
  /** 数据行数（不含表头） */
  rowCount: number;
  status: ImportStatus;
}

export interface DepartmentImportAlertsConnection {
  edges: Array<DepartmentImportAlertsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface DepartmentImportAlertsConnectionEdge {
  cursor: string;
  node: Alert;
}

export interface DepartmentImportFilter {
  department?: Department | null;
  kind?: DatasetKind | null;
  status?: ImportStatus | null;
}

export interface DepartmentImportOrderBy {
  direction: OrderDirection;
  field: DepartmentImportOrderByField;
}

export const DepartmentImportOrderByFieldValues = ['id', 'importedAt'] as const;
export type DepartmentImportOrderByField = (typeof DepartmentImportOrderByFieldValues)[number];

/** 导入报告 */
export interface DepartmentImportReport {
  /** 产生的预警数 */
  alertCount: number;
  /** 此前已导入过的记录数（未重复写入） */
  alreadyImported: number;
  /** 未导入的行（行号与原因；最多列出前 100 行，总数见 badRowCount） */
  badRows: Array<ImportBadRow>;
  /** 未导入的行超过 100 行，列表已截断 */
  badRowsTruncated: boolean;
  /** 与文件中前面某行重复的行数（总数） */
  duplicateLineCount: number;
  /** 与文件中前面某行重复的行号（最多列出前 100 个） */
  duplicateLines: Array<number>;
  /** 比对到人员的新记录数 */
  matched: number;
  /** 整份文件被拒收的原因（状态为 REJECTED 时） */
  rejected: string | null;
  /** 未比对到人员的新记录数 */
  unmatched: number;
}

/** 就业记录（人员、就业渠道、用工主体、起止日期、月工资） */
export interface Employment {
  /** 今天（北京时间）是否在岗：开始日期不晚于今天，且未结束或结束日期不早于今天 */
  active: boolean;
  /** 就业渠道 */
  channel: EmploymentChannel;
  /** 就业渠道代码 */
  channelCode: EmploymentChannelCode;
  /** 用工主体（经营主体）。直接就业渠道（公益性岗位、居家就业）为空；用工主体不在您的管辖区域内时也为空 */
  employer: BusinessEntity | null;
  /** 结束日期（含；在岗为空） */
  endDate: string | null;
  id: string;
  /** 月工资（元） */
  monthlyWage: string;
  /** 就业人员（个人信息：统计人员无权查看） */
  person: Person;
  /** 岗位名称（如公益性岗位的保洁员、护林员） */
  postName: string | null;
  /** 开始日期 */
  startDate: string;
  /** 版本号（乐观锁） */
  version: number;
}

/** 就业渠道（共五类）：园区基地、扶贫工厂、合作社为间接就业；公益性岗位、居家就业为直接就业 */
export interface EmploymentChannel {
  /** 渠道代码 */
  code: EmploymentChannelCode;
  /** 今天（北京时间）在岗的人数（按人去重），限您的管辖区域 */
  employedCount: number;
  /** 该渠道的就业记录（限您的管辖区域） */
  employments: EmploymentChannelEmploymentsConnection;
  id: string;
  /** 间接就业或直接就业 */
  kind: EmploymentChannelKind;
  /** 渠道名称 */
  name: string;
}

/** 就业渠道（共五类） */
export const EmploymentChannelCodeValues = ['COOPERATIVE', 'HOME_BASED', 'INDUSTRIAL_PARK_BASE', 'POVERTY_ALLEVIATION_FACTORY', 'PUBLIC_WELFARE_POST'] as const;
export type EmploymentChannelCode = (typeof EmploymentChannelCodeValues)[number];

export interface EmploymentChannelEmploymentsConnection {
  edges: Array<EmploymentChannelEmploymentsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface EmploymentChannelEmploymentsConnectionEdge {
  cursor: string;
  node: Employment;
}

/** 就业方式：间接就业（经营主体吸纳）或直接就业 */
export const EmploymentChannelKindValues = ['DIRECT', 'INDIRECT'] as const;
export type EmploymentChannelKind = (typeof EmploymentChannelKindValues)[number];

export interface EmploymentFilter {
  /** true：今天在岗；false：已结束或尚未开始 */
  active?: boolean | null;
  /** 就业渠道 */
  channel?: EmploymentChannelCode | null;
  /** 间接就业或直接就业 */
  channelKind?: EmploymentChannelKind | null;
  /** 用工主体（经营主体）的全局 ID */
  employerId?: string | null;
  /** 行政区划代码前缀（按人员所在户的区划） */
  regionCode?: string | null;
}

export interface EmploymentOrderBy {
  direction: OrderDirection;
  field: EmploymentOrderByField;
}

export const EmploymentOrderByFieldValues = ['id', 'monthlyWage', 'startDate'] as const;
export type EmploymentOrderByField = (typeof EmploymentOrderByFieldValues)[number];

export interface EmploymentPayload {
  employment: Employment;
}

export const GenderValues = ['FEMALE', 'MALE'] as const;
export type Gender = (typeof GenderValues)[number];

/** 预警分级规则（按顺序匹配第一条：人均纯收入 ≤ 收入倍数 × 贫困线 且 风险项数 ≥ 最少风险项数） */
export interface GradingRule {
  level: WarningLevel;
  /** 收入上限（元）= 贫困线 × 收入倍数 */
  maxIncome: string;
  /** 收入上限 = 贫困线 × 该倍数 */
  maxIncomeRatio: number;
  /** 最少风险项数（不同风险类型计数） */
  minRisks: number;
}

export interface GradingRuleInput {
  level: WarningLevel;
  /** 收入倍数（0 < x ≤ 10） */
  maxIncomeRatio: number;
  /** 最少风险项数（1–8） */
  minRisks: number;
}

/** 健康状况 */
export const HealthStatusValues = ['CHRONIC_ILLNESS', 'DISABLED', 'HEALTHY', 'SERIOUS_ILLNESS'] as const;
export type HealthStatus = (typeof HealthStatusValues)[number];

/** 住户（户） */
export interface Household {
  /** 住址 */
  address: string;
  /** 帮扶方案（一户一方案） */
  assistancePlan: AssistancePlan | null;
  /** 利益联结合同 */
  benefitLinkageContracts: HouseholdBenefitLinkageContractsConnection;
  /** 户主 */
  head: Person | null;
  /** 户编号 */
  householdNumber: string;
  id: string;
  /** 历年收入 */
  incomeRecords: Array<IncomeRecord>;
  /** 脱贫年份 */
  liftedYear: number | null;
  /** 家庭成员 */
  members: Array<Person>;
  /** 监测对象类别 */
  monitoringCategory: MonitoringCategory | null;
  /** 纳入监测日期 */
  monitoringSince: string | null;
  /** 该年人均纯收入（元）= 纯收入 ÷ 当年人口 */
  perCapitaNetIncome: string | null;
  /** 联系电话（无个人信息权限时脱敏） */
  phone: string | null;
  /** 是否建档立卡户 */
  registered: boolean;
  /** 建档立卡年份 */
  registeredYear: number | null;
  /** 风险消除日期 */
  riskEliminatedAt: string | null;
  /** 风险类型 */
  riskTypes: Array<RiskType>;
  /** 脱贫状态（非建档立卡户为空） */
  status: PovertyStatus | null;
  townshipCode: string;
  /** 版本号（乐观锁） */
  version: number;
  village: Village;
  villageCode: string;
}

export interface HouseholdBenefitLinkageContractsConnection {
  edges: Array<HouseholdBenefitLinkageContractsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface HouseholdBenefitLinkageContractsConnectionEdge {
  cursor: string;
  node: BenefitLinkageContract;
}

export interface HouseholdFilter {
  liftedYear?: number | null;
  monitoringCategory?: MonitoringCategory | null;
  /** 行政区划代码前缀（县 6 位、乡镇 9 位、村 12 位） */
  regionCode?: string | null;
  registered?: boolean | null;
  /** 户编号、户主姓名或住址 */
  search?: string | null;
  status?: PovertyStatus | null;
}

export interface HouseholdOrderBy {
  direction: OrderDirection;
  field: HouseholdOrderByField;
}

export const HouseholdOrderByFieldValues = ['householdNumber', 'id', 'liftedYear', 'registeredYear'] as const;
export type HouseholdOrderByField = (typeof HouseholdOrderByFieldValues)[number];

export interface HouseholdPayload {
  household: Household;
}

/** 与户主关系 */
export const HouseholdRelationValues = ['CHILD', 'CHILD_IN_LAW', 'GRANDCHILD', 'HEAD', 'OTHER', 'PARENT', 'SIBLING', 'SPOUSE'] as const;
export type HouseholdRelation = (typeof HouseholdRelationValues)[number];

/** 未导入的行 */
export interface ImportBadRow {
  /** 文件中的行号（表头为第 1 行） */
  line: number;
  /** 原因 */
  reason: string;
}

/** 导入进度（已处理行数 / 总行数） */
export interface ImportProgress {
  processed: number;
  /** 总行数（未知时为空） */
  total: number | null;
}

/** 导入状态 */
export const ImportStatusValues = ['COMPLETED', 'PROCESSING', 'REJECTED'] as const;
export type ImportStatus = (typeof ImportStatusValues)[number];

/** 家庭年度收入 */
export interface IncomeRecord {
  /** 生产经营性收入 */
  businessIncome: string;
  household: Household;
  id: string;
  /** 当年家庭人口 */
  members: number;
  /** 纯收入 = 四项收入 − 生产经营费用 */
  netIncome: string;
  /** 人均纯收入 = 纯收入 ÷ 当年人口 */
  perCapitaNetIncome: string;
  /** 生产经营费用支出 */
  productionExpenses: string;
  /** 财产性收入（含股份合作分红） */
  propertyIncome: string;
  /** 转移性收入（补贴、低保、养老金等） */
  transferIncome: string;
  version: number;
  /** 工资性收入 */
  wageIncome: string;
  year: number;
}

/** 产业（全县统一目录，所有登录用户可查看） */
export interface Industry {
  /** 从事该产业的经营主体（仅限您的管辖区域） */
  businessEntities: IndustryBusinessEntitiesConnection;
  category: IndustryCategory;
  /** 产业代码 */
  code: string;
  id: string;
  /** 产业名称 */
  name: string;
  /** 版本号（乐观锁） */
  version: number;
}

export interface IndustryBusinessEntitiesConnection {
  edges: Array<IndustryBusinessEntitiesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface IndustryBusinessEntitiesConnectionEdge {
  cursor: string;
  node: BusinessEntity;
}

/** 产业类别 */
export const IndustryCategoryValues = ['BREEDING', 'E_COMMERCE', 'LABOUR_SERVICE', 'MACHINERY_SERVICE', 'OTHER', 'PLANTING', 'PROCESSING', 'RURAL_TOURISM', 'STRAW_UTILIZATION'] as const;
export type IndustryCategory = (typeof IndustryCategoryValues)[number];

export interface IndustryFilter {
  category?: IndustryCategory | null;
  /** 名称（包含）或代码（前缀） */
  search?: string | null;
}

export interface IndustryOrderBy {
  direction: OrderDirection;
  field: IndustryOrderByField;
}

export const IndustryOrderByFieldValues = ['code', 'name'] as const;
export type IndustryOrderByField = (typeof IndustryOrderByFieldValues)[number];

export interface IndustryPayload {
  industry: Industry;
}

/** 劳动能力 */
export const LaborCapacityValues = ['FULL', 'NONE', 'NOT_WORKING_AGE', 'PARTIAL'] as const;
export type LaborCapacity = (typeof LaborCapacityValues)[number];

/** 利益联结方式 */
export const LinkageModeValues = ['ENTRUSTED_MANAGEMENT', 'LAND_TRANSFER', 'NEARBY_EMPLOYMENT', 'ORDER_FARMING', 'SHARE_COOPERATION'] as const;
export type LinkageMode = (typeof LinkageModeValues)[number];

export interface LoginPayload {
  /** 令牌到期时间；到期前调用 refreshSession 续期 (renew before this with refreshSession) */
  expiresAt: string;
  /** JWT，放在 Authorization: Bearer <token> 中 */
  token: string;
  user: Viewer;
}

/** 帮扶措施类别 */
export const MeasureKindValues = ['BENEFIT_LINKAGE', 'EDUCATION', 'EMPLOYMENT', 'HOUSING', 'MEDICAL', 'POLICY', 'SAFETY_NET'] as const;
export type MeasureKind = (typeof MeasureKindValues)[number];

/** 措施落实状态 */
export const MeasureStatusValues = ['CANCELLED', 'DONE', 'IN_PROGRESS', 'PLANNED'] as const;
export type MeasureStatus = (typeof MeasureStatusValues)[number];

/** 防返贫监测案件（申报 → 入户核实 → 村两委研究 → 乡镇审核 → 县级审定；任一步可不予纳入） */
export interface MonitoringCase {
  /** 来源部门预警的全局 ID */
  alertId: string | null;
  /** 当前用户现在可以办理的动作 */
  availableActions: Array<CaseStep>;
  /** 拟纳入的监测类别 */
  category: MonitoringCategory;
  /** 申报时间 */
  declaredAt: string;
  /** 住户 */
  household: Household;
  id: string;
  /** 下一步（审定后为风险消除；已办结为空） */
  nextStep: CaseStep | null;
  /** 申报理由 */
  reason: string | null;
  /** 风险类型 */
  riskTypes: Array<RiskType>;
  /** 来源 */
  source: CaseSource;
  /** 当前阶段 */
  stage: CaseStage;
  /** 流转记录（按时间） */
  transitions: Array<CaseTransition>;
  /** 版本号（乐观锁） */
  version: number;
  villageCode: string;
  /** 来源走访记录的全局 ID */
  visitId: string | null;
  /** 来源预警的全局 ID（筛查预警） */
  warningId: string | null;
}

/** 不予纳入或风险消除：理由必填 */
export interface MonitoringCaseDecisionInput {
  id: string;
  /** 理由（必填） */
  reason: string;
  version: number;
}

export interface MonitoringCaseFilter {
  category?: MonitoringCategory | null;
  /** 住户 */
  householdId?: string | null;
  /** 行政区划代码前缀 */
  regionCode?: string | null;
  source?: CaseSource | null;
  stage?: CaseStage | null;
}

export interface MonitoringCaseOrderBy {
  direction: OrderDirection;
  field: MonitoringCaseOrderByField;
}

export const MonitoringCaseOrderByFieldValues = ['declaredAt', 'id'] as const;
export type MonitoringCaseOrderByField = (typeof MonitoringCaseOrderByFieldValues)[number];

export interface MonitoringCasePayload {
  monitoringCase: MonitoringCase;
}

/** 办理一步：案件、版本号、意见（可选） */
export interface MonitoringCaseStepInput {
  id: string;
  /** 意见 */
  reason?: string | null;
  version: number;
}

/** 防返贫监测对象类别 */
export const MonitoringCategoryValues = ['EDGE', 'SUDDEN_HARDSHIP', 'UNSTABLE_LIFTED'] as const;
export type MonitoringCategory = (typeof MonitoringCategoryValues)[number];

export interface Mutation {
  /** 添加帮扶措施：成员须属于该户、合同须为该户的合同（BAD_USER_INPUT）；方案不可见 NOT_FOUND */
  addAssistanceMeasure: AssistanceMeasurePayload;
  /** 县级审定：县级管理员；住户纳入监测（类别、纳入日期、风险类型）；不能跳步或重复（CONFLICT，说明当前阶段），version 过期 CONFLICT，角色或区域不符 FORBIDDEN */
  approveMonitoringCase: MonitoringCasePayload;
  /** 制定帮扶方案：住户须在您的管辖区域内（FORBIDDEN）、在监测中或有已审定案件（BAD_USER_INPUT）；一户一方案（CONFLICT） */
  createAssistancePlan: AssistancePlanPayload;
  /** 签订利益联结合同：住户和经营主体须都在您的管辖区域内（否则 FORBIDDEN），合同编号重复 CONFLICT */
  createBenefitLinkageContract: BenefitLinkageContractPayload;
  /** 登记经营主体：信用代码无效返回 BAD_USER_INPUT（field=creditCode），区域外 FORBIDDEN，信用代码重复 CONFLICT */
  createBusinessEntity: BusinessEntityPayload;
  /** 登记就业（人员须在您的管辖区域内） */
  createEmployment: EmploymentPayload;
  createHousehold: HouseholdPayload;
  /** 新增产业（仅县级管理员）；代码或名称重复返回 CONFLICT */
  createIndustry: IndustryPayload;
  createPerson: PersonPayload;
  /** 新增年度筛查规则（仅县级管理员）；该年度已有规则返回 CONFLICT */
  createScreeningRule: ScreeningRulePayload;
  /** 新建用户（县级管理员）：校验失败 BAD_USER_INPUT，区域外 FORBIDDEN，用户名重复 CONFLICT */
  createUser: UserPayload;
  /** 登记村集体经济收入（同一村、年份、来源只能登记一次） */
  createVillageCollectiveIncome: VillageCollectiveIncomePayload;
  /** 申报监测案件：村干部（本村）、乡镇工作人员（本乡镇）或县级管理员；一户同时只能有一个未办结案件（CONFLICT）；脱贫不稳定户须为已脱贫户、边缘户须为非建档立卡户（BAD_USER_INPUT）；筛查来源的预警标记为已立案 */
  declareMonitoringCase: MonitoringCasePayload;
  /** 删除利益联结合同（连同其兑现记录）；双方须都在您的管辖区域内；version 过期返回 CONFLICT */
  deleteBenefitLinkageContract: DeletePayload;
  /** 删除经营主体；仍有利益联结合同或就业记录引用时返回 CONFLICT */
  deleteBusinessEntity: DeletePayload;
  /** 删除就业记录（须提供当前版本号） */
  deleteEmployment: DeletePayload;
  /** 删除产业（仅县级管理员）；仍有经营主体从事该产业时返回 CONFLICT */
  deleteIndustry: DeletePayload;
  /** 删除村集体经济收入（须提供当前版本号） */
  deleteVillageCollectiveIncome: DeletePayload;
  /** 风险消除：县级管理员或本区域乡镇工作人员，理由必填；记录住户风险消除日期；不能跳步或重复（CONFLICT，说明当前阶段），version 过期 CONFLICT，角色或区域不符 FORBIDDEN */
  eliminateMonitoringCaseRisk: MonitoringCasePayload;
  /** 登录：打开一个服务器端会话。按用户名和客户端地址限制尝试次数，超出返回 TOO_MANY_REQUESTS（extensions.retryAfter 秒，HTTP 429） */
  login: LoginPayload;
  /** 退出登录：结束当前会话，其令牌随即失效 */
  logout: boolean;
  /** 登记一次合同兑现；返回合同（含最新的 payouts 与 totalPaid） */
  recordContractPayout: RecordContractPayoutPayload;
  /** 登记走访：须为该户在走访日有效的帮扶干部（否则 FORBIDDEN）；未达标方面各生成一个风险点 */
  recordVisit: RecordVisitPayload;
  /** 续期：为当前会话签发新令牌（有效期一小时，自登录起最多 12 小时）；会话已结束返回 UNAUTHENTICATED */
  refreshSession: LoginPayload;
  /** 不予纳入：由下一步的办理人决定，理由必填（否则 BAD_USER_INPUT）；不能跳步或重复（CONFLICT，说明当前阶段），version 过期 CONFLICT，角色或区域不符 FORBIDDEN */
  rejectMonitoringCase: MonitoringCasePayload;
  /** 重置用户密码（县级管理员）；version 过期返回 CONFLICT */
  resetUserPassword: UserPayload;
  /** 标记风险点已解决（解决日期为今天）；风险点须在您的管辖区域内，已解决的返回 CONFLICT */
  resolveRiskPoint: RiskPointPayload;
  /** 核实部门比对预警：确认或排除（乡镇、村只能处理本区域的预警） */
  reviewAlert: ReviewAlertPayload;
  /** 乡镇审核：案件所在乡镇的乡镇工作人员；不能跳步或重复（CONFLICT，说明当前阶段），version 过期 CONFLICT，角色或区域不符 FORBIDDEN */
  reviewMonitoringCaseInTownship: MonitoringCasePayload;
  /** 村两委研究：案件所在村的村干部；不能跳步或重复（CONFLICT，说明当前阶段），version 过期 CONFLICT，角色或区域不符 FORBIDDEN */
  reviewMonitoringCaseInVillage: MonitoringCasePayload;
  /** 按年度筛查规则对管辖区域内全部住户进行返贫预警筛查（可重复运行，结果幂等） */
  runScreening: ScreeningReport;
  /** 更新措施落实状态（及内容）；version 过期 CONFLICT；不可见 NOT_FOUND */
  updateAssistanceMeasure: AssistanceMeasurePayload;
  /** 修改利益联结合同；改为非股份合作方式且未给出 shareKind 时清空入股方式；version 过期返回 CONFLICT */
  updateBenefitLinkageContract: BenefitLinkageContractPayload;
  /** 修改经营主体（给出 industryIds/industryCodes 时整体替换产业）；version 过期返回 CONFLICT */
  updateBusinessEntity: BusinessEntityPayload;
  /** 修改就业记录（须提供当前版本号；人员不可更改） */
  updateEmployment: EmploymentPayload;
  updateHousehold: HouseholdPayload;
  /** 修改产业（仅县级管理员）；version 过期返回 CONFLICT */
  updateIndustry: IndustryPayload;
  updatePerson: PersonPayload;
  /** 修改年度筛查规则（仅县级管理员）；version 过期返回 CONFLICT。修改后重新运行 runScreening 才会更新预警 */
  updateScreeningRule: ScreeningRulePayload;
  /** 修改用户（县级管理员）；不能停用或降级自己；version 过期返回 CONFLICT */
  updateUser: UserPayload;
  /** 修改村集体经济收入（须提供当前版本号） */
  updateVillageCollectiveIncome: VillageCollectiveIncomePayload;
  /** 入户核实：案件所在村的村干部；不能跳步或重复（CONFLICT，说明当前阶段），version 过期 CONFLICT，角色或区域不符 FORBIDDEN */
  verifyMonitoringCase: MonitoringCasePayload;
}

export interface Node {
  id: string;
}

export const OrderDirectionValues = ['ASC', 'DESC'] as const;
export type OrderDirection = (typeof OrderDirectionValues)[number];

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
}

/** 权限（由角色决定；查看未脱敏个人信息还需用户本人的授权） */
export const PermissionValues = ['ADMINISTER_USERS', 'BUILD_REPORTS', 'DECLARE_CASES', 'READ_ALERTS', 'READ_IMPORTS', 'READ_PERSONAL_DATA', 'READ_PERSONS', 'READ_STATISTICS', 'REVIEW_ALERTS', 'RUN_SCREENING', 'UPLOAD_IMPORTS', 'WRITE_ASSISTANCE_PLANS', 'WRITE_COLLECTIVE_INCOME', 'WRITE_CONTRACTS', 'WRITE_EMPLOYMENT', 'WRITE_ENTITIES', 'WRITE_HOUSEHOLDS', 'WRITE_INDUSTRIES', 'WRITE_RISK_POINTS', 'WRITE_SCREENING_RULES'] as const;
export type Permission = (typeof PermissionValues)[number];

/** 家庭成员（个人信息：身份证号、电话按权限脱敏，查看明文留痕） */
export interface Person {
  /** 周岁（按北京时间今天；无个人信息权限时为空：逐日观察可得出生日期） */
  age: number | null;
  /** 基本医疗保险 */
  basicMedicalInsurance: boolean;
  /** 出生日期（无个人信息权限时为空：与脱敏身份证号合起来即可还原号码） */
  birthDate: string | null;
  /** 出生年份 */
  birthYear: number;
  /** 慢性病证号 */
  chronicIllnessCertificate: string | null;
  /** 大病保险 */
  criticalIllnessInsurance: boolean;
  /** 死亡日期 */
  deceasedAt: string | null;
  /** 残疾证号（第二代证号含身份证号，无权限时同样脱敏） */
  disabilityCertificate: string | null;
  /** 残疾等级 1–4 */
  disabilityGrade: number | null;
  /** 就业记录 */
  employments: Array<Employment>;
  gender: Gender;
  health: HealthStatus;
  household: Household;
  id: string;
  /** 身份证号（无权限时脱敏，如 341324********123X） */
  idNumber: string;
  laborCapacity: LaborCapacity;
  /** 医疗救助 */
  medicalAssistance: boolean;
  /** 姓名 */
  name: string;
  /** 养老保险 */
  pensionInsurance: boolean;
  phone: string | null;
  relation: HouseholdRelation;
  schooling: SchoolingStage;
  version: number;
}

export interface PersonFilter {
  health?: HealthStatus | null;
  laborCapacity?: LaborCapacity | null;
  /** 行政区划代码前缀 */
  regionCode?: string | null;
  /** 姓名（包含）或完整身份证号（按身份证号查找须有个人信息权限） */
  search?: string | null;
}

export interface PersonOrderBy {
  direction: OrderDirection;
  field: PersonOrderByField;
}

export const PersonOrderByFieldValues = ['birthDate', 'id', 'name'] as const;
export type PersonOrderByField = (typeof PersonOrderByFieldValues)[number];

export interface PersonPayload {
  person: Person;
}

/** 脱贫状态（仅建档立卡户） */
export const PovertyStatusValues = ['LIFTED', 'NOT_LIFTED'] as const;
export type PovertyStatus = (typeof PovertyStatusValues)[number];

export interface Query {
  /** 部门比对预警（按住户所在区域；部门用户只见本部门数据产生的预警） */
  alerts: QueryAlertsConnection;
  /** 帮扶方案列表（按住户所在区域） */
  assistancePlans: QueryAssistancePlansConnection;
  /** 利益联结合同列表（按住户所在区域） */
  benefitLinkageContracts: QueryBenefitLinkageContractsConnection;
  /** 新型农业经营主体列表 */
  businessEntities: QueryBusinessEntitiesConnection;
  /** 农民专业合作社列表 */
  cooperatives: QueryCooperativesConnection;
  /** 部门数据导入（县级管理员全部；部门用户本部门；乡镇工作人员为在本区域产生预警的导入） */
  departmentImports: QueryDepartmentImportsConnection;
  /** 五类就业渠道（按规定顺序） */
  employmentChannels: Array<EmploymentChannel>;
  /** 就业记录列表（按人员所在户的区划限定在您的管辖范围内） */
  employments: QueryEmploymentsConnection;
  /** 龙头企业列表 */
  enterprises: QueryEnterprisesConnection;
  /** 住户列表 */
  households: QueryHouseholdsConnection;
  /** 产业目录 */
  industries: QueryIndustriesConnection;
  /** 监测案件列表（按区域、阶段、类别、来源、住户筛选） */
  monitoringCases: QueryMonitoringCasesConnection;
  node: Node | null;
  nodes: Array<Node | null>;
  /** 人员列表（统计人员不可查看） */
  persons: QueryPersonsConnection;
  /** 某年度的筛查规则 */
  screeningRule: ScreeningRule | null;
  /** 各年度筛查规则（按年度升序） */
  screeningRules: QueryScreeningRulesConnection;
  townships: QueryTownshipsConnection;
  /** 用户列表（仅县级管理员，限本辖区） */
  users: QueryUsersConnection;
  /** 当前用户 */
  viewer: Viewer;
  /** 村集体经济收入列表（仅限您的管辖范围） */
  villageCollectiveIncomes: QueryVillageCollectiveIncomesConnection;
  villages: QueryVillagesConnection;
  /** 走访记录：干部账号只见其帮扶住户的走访，其他账号按区域 */
  visits: QueryVisitsConnection;
  /** 返贫预警列表（按住户所在区域） */
  warnings: QueryWarningsConnection;
}

export interface QueryAlertsConnection {
  edges: Array<QueryAlertsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryAlertsConnectionEdge {
  cursor: string;
  node: Alert;
}

export interface QueryAssistancePlansConnection {
  edges: Array<QueryAssistancePlansConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryAssistancePlansConnectionEdge {
  cursor: string;
  node: AssistancePlan;
}

export interface QueryBenefitLinkageContractsConnection {
  edges: Array<QueryBenefitLinkageContractsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryBenefitLinkageContractsConnectionEdge {
  cursor: string;
  node: BenefitLinkageContract;
}

export interface QueryBusinessEntitiesConnection {
  edges: Array<QueryBusinessEntitiesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryBusinessEntitiesConnectionEdge {
  cursor: string;
  node: BusinessEntity;
}

export interface QueryCooperativesConnection {
  edges: Array<QueryCooperativesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryCooperativesConnectionEdge {
  cursor: string;
  node: BusinessEntity;
}

export interface QueryDepartmentImportsConnection {
  edges: Array<QueryDepartmentImportsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryDepartmentImportsConnectionEdge {
  cursor: string;
  node: DepartmentImport;
}

export interface QueryEmploymentsConnection {
  edges: Array<QueryEmploymentsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryEmploymentsConnectionEdge {
  cursor: string;
  node: Employment;
}

export interface QueryEnterprisesConnection {
  edges: Array<QueryEnterprisesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryEnterprisesConnectionEdge {
  cursor: string;
  node: BusinessEntity;
}

export interface QueryHouseholdsConnection {
  edges: Array<QueryHouseholdsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryHouseholdsConnectionEdge {
  cursor: string;
  node: Household;
}

export interface QueryIndustriesConnection {
  edges: Array<QueryIndustriesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryIndustriesConnectionEdge {
  cursor: string;
  node: Industry;
}

export interface QueryMonitoringCasesConnection {
  edges: Array<QueryMonitoringCasesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryMonitoringCasesConnectionEdge {
  cursor: string;
  node: MonitoringCase;
}

export interface QueryPersonsConnection {
  edges: Array<QueryPersonsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryPersonsConnectionEdge {
  cursor: string;
  node: Person;
}

export interface QueryScreeningRulesConnection {
  edges: Array<QueryScreeningRulesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryScreeningRulesConnectionEdge {
  cursor: string;
  node: ScreeningRule;
}

export interface QueryTownshipsConnection {
  edges: Array<QueryTownshipsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryTownshipsConnectionEdge {
  cursor: string;
  node: Township;
}

export interface QueryUsersConnection {
  edges: Array<QueryUsersConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryUsersConnectionEdge {
  cursor: string;
  node: User;
}

export interface QueryVillageCollectiveIncomesConnection {
  edges: Array<QueryVillageCollectiveIncomesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryVillageCollectiveIncomesConnectionEdge {
  cursor: string;
  node: VillageCollectiveIncome;
}

export interface QueryVillagesConnection {
  edges: Array<QueryVillagesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryVillagesConnectionEdge {
  cursor: string;
  node: Village;
}

export interface QueryVisitsConnection {
  edges: Array<QueryVisitsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryVisitsConnectionEdge {
  cursor: string;
  node: Visit;
}

export interface QueryWarningsConnection {
  edges: Array<QueryWarningsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface QueryWarningsConnectionEdge {
  cursor: string;
  node: Warning;
}

export interface RecordContractPayoutInput {
  /** 兑现金额（元，> 0） */
  amount: string;
  contractId: string;
  note?: string | null;
  /** 兑现日期（不早于合同起始日期，不晚于今天） */
  paidAt: string;
}

export interface RecordContractPayoutPayload {
  benefitLinkageContract: BenefitLinkageContract;
}

export interface RecordVisitInput {
  /** 九个方面各一条 */
  aspects: Array<VisitAspectInput>;
  householdId: string;
  note?: string | null;
  /** 走访日期（不晚于今天） */
  visitedAt: string;
}

export interface RecordVisitPayload {
  visit: Visit;
}

export interface ResetUserPasswordInput {
  id: string;
  /** 至少 10 位，不能是演示默认密码 */
  password: string;
  version: number;
}

export interface ResolveRiskPointInput {
  id: string;
  /** 解决情况（记入审计日志） */
  note?: string | null;
}

export interface ReviewAlertInput {
  decision: AlertDecision;
  id: string;
  /** 审核意见（排除时必填，最多 500 字） */
  note?: string | null;
  /** 读取时的版本号 */
  version: number;
}

export interface ReviewAlertPayload {
  alert: Alert;
}

/** 风险点（走访未达标项等）；未解决的风险点计入筛查风险 */
export interface RiskPoint {
  aspect: VisitAspect | null;
  description: string;
  household: Household;
  id: string;
  /** 发现日期（走访日期） */
  raisedAt: string;
  /** 解决日期；为空表示未解决 */
  resolvedAt: string | null;
  riskType: RiskType | null;
}

export interface RiskPointPayload {
  riskPoint: RiskPoint;
}

/** 致贫/返贫风险类型 */
export const RiskTypeValues = ['ACCIDENT', 'BUSINESS_FAILURE', 'DISABILITY', 'DISASTER', 'ILLNESS', 'OTHER', 'SCHOOLING', 'UNSTABLE_EMPLOYMENT'] as const;
export type RiskType = (typeof RiskTypeValues)[number];

/** 角色：县级管理员、乡镇工作人员、村干部、统计人员、部门用户 */
export const RoleValues = ['COUNTY_ADMIN', 'DEPARTMENT_USER', 'STATISTICIAN', 'TOWNSHIP_OFFICER', 'VILLAGE_CADRE'] as const;
export type Role = (typeof RoleValues)[number];

/** 在校情况 */
export const SchoolingStageValues = ['DROPPED_OUT', 'JUNIOR_SECONDARY', 'NOT_IN_SCHOOL', 'PRESCHOOL', 'PRIMARY', 'SENIOR_SECONDARY', 'TERTIARY', 'VOCATIONAL'] as const;
export type SchoolingStage = (typeof SchoolingStageValues)[number];

/** 筛查结果：candidates = raised + updated + unchanged + settled */
export interface ScreeningReport {
  /** 应预警住户按等级 */
  byLevel: Array<WarningLevelCount>;
  /** 应预警住户数（符合条件且匹配到分级规则） */
  candidates: number;
  /** 区域内评估的住户数 */
  evaluated: number;
  /** 新增预警 */
  raised: number;
  /** 筛查范围（调用者的管辖区域） */
  regionCode: string;
  /** 已转入申报流程或已不予纳入的预警（筛查不改动） */
  settled: number;
  /** 无需变化的待处理预警 */
  unchanged: number;
  /** 更新了等级/原因/收入的待处理预警 */
  updated: number;
  /** 不再符合条件而撤回（删除）的待处理预警 */
  withdrawn: number;
  year: number;
}

/** 年度筛查规则（配置，非代码）。grading 以 JSON 存储：[{"level":"RED","maxIncomeRatio":1.0,"minRisks":1}, …]，按顺序取第一条满足“人均纯收入 ≤ maxIncomeRatio × 贫困线 且 风险项数 ≥ minRisks”的规则定级 */
export interface ScreeningRule {
  /** 分级规则（按顺序匹配） */
  grading: Array<GradingRule>;
  id: string;
  /** 监测线（元/人·年）：非建档立卡户人均纯收入低于此线且有风险为边缘易致贫候选 */
  monitoringLine: string;
  /** 贫困线（元/人·年） */
  povertyLine: string;
  updatedAt: string;
  /** 版本号（乐观锁） */
  version: number;
  year: number;
}

export interface ScreeningRulePayload {
  screeningRule: ScreeningRule;
}

/** 入股方式（仅股份合作） */
export const ShareKindValues = ['ASSETS', 'FUNDS', 'LAND'] as const;
export type ShareKind = (typeof ShareKindValues)[number];

/** 乡镇（含开发区） */
export interface Township {
  /** 9 位行政区划代码 */
  code: string;
  id: string;
  kind: TownshipKind;
  name: string;
  /** 所辖行政村/社区（仅限您的管辖范围） */
  villages: TownshipVillagesConnection;
}

export interface TownshipFilter {
  /** 行政区划代码前缀 */
  regionCode?: string | null;
}

/** 乡镇类型：镇、乡、开发区 */
export const TownshipKindValues = ['DEVELOPMENT_ZONE', 'TOWN', 'TOWNSHIP'] as const;
export type TownshipKind = (typeof TownshipKindValues)[number];

export interface TownshipOrderBy {
  direction: OrderDirection;
  field: TownshipOrderByField;
}

export const TownshipOrderByFieldValues = ['code', 'name'] as const;
export type TownshipOrderByField = (typeof TownshipOrderByFieldValues)[number];

export interface TownshipVillagesConnection {
  edges: Array<TownshipVillagesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface TownshipVillagesConnectionEdge {
  cursor: string;
  node: Village;
}

export interface UpdateAssistanceMeasureInput {
  /** 措施内容（不填则不变） */
  description?: string | null;
  id: string;
  status: MeasureStatus;
  version: number;
}

export interface UpdateBenefitLinkageContractInput {
  /** 约定年收益（元，≥ 0） */
  annualBenefit?: string | null;
  /** 合同编号（唯一） */
  contractNumber?: string | null;
  /** 终止日期（≥ 起始日期；长期合同不填） */
  endDate?: string | null;
  /** 经营主体（须在您的管辖区域内） */
  entityId?: string | null;
  /** 住户（须在您的管辖区域内） */
  householdId?: string | null;
  id: string;
  mode?: LinkageMode | null;
  /** 入股方式：仅股份合作可填 */
  shareKind?: ShareKind | null;
  /** 起始日期 */
  startDate?: string | null;
  version: number;
}

export interface UpdateBusinessEntityInput {
  address?: string | null;
  /** 统一社会信用代码（18 位，含校验位） */
  creditCode?: string | null;
  /** 成立日期（不晚于今天） */
  establishedAt?: string | null;
  id: string;
  /** 所属产业（产业代码） */
  industryCodes?: Array<string> | null;
  /** 所属产业（全局 ID）；与 industryCodes 合并；修改时整体替换 */
  industryIds?: Array<string> | null;
  kind?: BusinessEntityKind | null;
  legalRepresentative?: string | null;
  memberCount?: number | null;
  name?: string | null;
  phone?: string | null;
  /** 注册资本（元，≥ 0） */
  registeredCapital?: string | null;
  /** 所在乡镇（须在您的管辖区域内） */
  townshipCode?: string | null;
  version: number;
  /** 所在村（须属于该乡镇；乡镇级主体不填） */
  villageCode?: string | null;
}

export interface UpdateEmploymentInput {
  channel?: EmploymentChannelCode | null;
  /** 用工主体；传 null 清除（改为直接就业渠道时） */
  employerId?: string | null;
  /** 传 null 表示仍在岗 */
  endDate?: string | null;
  id: string;
  /** 月工资（元，≥ 0） */
  monthlyWage?: string | null;
  postName?: string | null;
  startDate?: string | null;
  version: number;
}

export interface UpdateHouseholdInput {
  address?: string | null;
  id: string;
  liftedYear?: number | null;
  monitoringCategory?: MonitoringCategory | null;
  monitoringSince?: string | null;
  phone?: string | null;
  registered?: boolean | null;
  registeredYear?: number | null;
  riskEliminatedAt?: string | null;
  riskTypes?: Array<RiskType> | null;
  status?: PovertyStatus | null;
  version: number;
  /** 迁至本区域内的另一个村 */
  villageCode?: string | null;
}

export interface UpdateIndustryInput {
  category?: IndustryCategory | null;
  code?: string | null;
  id: string;
  name?: string | null;
  version: number;
}

export interface UpdatePersonInput {
  basicMedicalInsurance?: boolean | null;
  /** 可省略：由身份证号得出 */
  birthDate?: string | null;
  chronicIllnessCertificate?: string | null;
  criticalIllnessInsurance?: boolean | null;
  disabilityCertificate?: string | null;
  disabilityGrade?: number | null;
  /** 可省略：由身份证号第 17 位得出 */
  gender?: Gender | null;
  health?: HealthStatus | null;
  /** 迁入本区域内的另一户 */
  householdId?: string | null;
  id: string;
  idNumber?: string | null;
  laborCapacity?: LaborCapacity | null;
  medicalAssistance?: boolean | null;
  name?: string | null;
  pensionInsurance?: boolean | null;
  phone?: string | null;
  relation?: HouseholdRelation | null;
  schooling?: SchoolingStage | null;
  version: number;
}

export interface UpdateScreeningRuleInput {
  /** 整体替换分级规则 */
  grading?: Array<GradingRuleInput> | null;
  monitoringLine?: string | null;
  povertyLine?: string | null;
  version: number;
  year: number;
}

export interface UpdateUserInput {
  active?: boolean | null;
  canReadPersonalData?: boolean | null;
  /** 传 null 清除 */
  department?: Department | null;
  displayName?: string | null;
  id: string;
  regionCode?: string | null;
  role?: Role | null;
  version: number;
}

export interface UpdateVillageCollectiveIncomeInput {
  /** 收入金额（元，≥ 0） */
  amount?: string | null;
  id: string;
  source?: CollectiveIncomeSource | null;
  version: number;
  year?: number | null;
}

/** 系统用户（仅县级管理员可见；不含密码） */
export interface User {
  /** 启用 */
  active: boolean;
  /** 可查看未脱敏的身份证号和电话 */
  canReadPersonalData: boolean;
  /** 创建时间 */
  createdAt: string;
  /** 部门（仅部门用户） */
  department: Department | null;
  /** 姓名 */
  displayName: string;
  id: string;
  /** 数据范围：行政区划代码（6、9 或 12 位） */
  regionCode: string;
  role: Role;
  /** 用户名 */
  username: string;
  /** 版本号（乐观锁） */
  version: number;
}

export interface UserFilter {
  active?: boolean | null;
  /** 行政区划代码前缀 */
  regionCode?: string | null;
  role?: Role | null;
  /** 用户名或姓名（包含） */
  search?: string | null;
}

export interface UserOrderBy {
  direction: OrderDirection;
  field: UserOrderByField;
}

export const UserOrderByFieldValues = ['createdAt', 'username'] as const;
export type UserOrderByField = (typeof UserOrderByFieldValues)[number];

export interface UserPayload {
  user: User;
}

/** 当前登录用户 (the user behind the token) */
export interface Viewer {
  /** 可查看未脱敏的身份证号和电话 */
  canReadPersonalData: boolean;
  department: Department | null;
  id: number;
  /** 当前用户拥有的权限（控制台据此显示菜单和按钮） */
  permissions: Array<Permission>;
  /** 数据范围：行政区划代码前缀 */
  regionCode: string;
  role: Role;
  username: string;
}

/** 行政村/社区 */
export interface Village {
  /** 12 位行政区划代码 */
  code: string;
  /** 村集体经济收入（按年份、来源） */
  collectiveIncomes: VillageCollectiveIncomesConnection;
  /** 贫困村出列年份 */
  exitYear: number | null;
  /** 是否原贫困村 */
  formerlyPoor: boolean;
  /** 本村住户 */
  households: VillageHouseholdsConnection;
  id: string;
  kind: VillageKind;
  name: string;
  /** 该年农村户籍人口（贫困发生率的分母） */
  ruralPopulation: number | null;
  township: Township;
}

/** 村集体经济收入（某村某年某来源的收入） */
export interface VillageCollectiveIncome {
  /** 收入金额（元） */
  amount: string;
  id: string;
  /** 收入来源 */
  source: CollectiveIncomeSource;
  /** 9 位乡镇行政区划代码 */
  townshipCode: string;
  /** 版本号（乐观锁） */
  version: number;
  village: Village;
  /** 12 位村级行政区划代码 */
  villageCode: string;
  /** 年份 */
  year: number;
}

export interface VillageCollectiveIncomeFilter {
  /** 起始年份（含） */
  fromYear?: number | null;
  /** 行政区划代码前缀（县 6 位、乡镇 9 位、村 12 位） */
  regionCode?: string | null;
  /** 收入来源 */
  source?: CollectiveIncomeSource | null;
  /** 截止年份（含） */
  toYear?: number | null;
  /** 年份 */
  year?: number | null;
}

export interface VillageCollectiveIncomeOrderBy {
  direction: OrderDirection;
  field: VillageCollectiveIncomeOrderByField;
}

export const VillageCollectiveIncomeOrderByFieldValues = ['amount', 'villageCode', 'year'] as const;
export type VillageCollectiveIncomeOrderByField = (typeof VillageCollectiveIncomeOrderByFieldValues)[number];

export interface VillageCollectiveIncomePayload {
  villageCollectiveIncome: VillageCollectiveIncome;
}

export interface VillageCollectiveIncomesConnection {
  edges: Array<VillageCollectiveIncomesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface VillageCollectiveIncomesConnectionEdge {
  cursor: string;
  node: VillageCollectiveIncome;
}

export interface VillageFilter {
  /** 仅原贫困村 */
  formerlyPoor?: boolean | null;
  /** 行政区划代码前缀 */
  regionCode?: string | null;
  /** 按名称搜索 */
  search?: string | null;
}

export interface VillageHouseholdsConnection {
  edges: Array<VillageHouseholdsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface VillageHouseholdsConnectionEdge {
  cursor: string;
  node: Household;
}

/** 行政村或社区 */
export const VillageKindValues = ['COMMUNITY', 'VILLAGE'] as const;
export type VillageKind = (typeof VillageKindValues)[number];

export interface VillageOrderBy {
  direction: OrderDirection;
  field: VillageOrderByField;
}

export const VillageOrderByFieldValues = ['code', 'name'] as const;
export type VillageOrderByField = (typeof VillageOrderByFieldValues)[number];

/** 走访记录（九个方面） */
export interface Visit {
  /** 九个方面的结果 */
  aspects: Array<VisitAspectResult>;
  /** 走访干部 */
  cadre: Cadre;
  createdAt: string;
  household: Household;
  id: string;
  note: string | null;
  /** 本次走访发现的风险点 */
  riskPoints: Array<RiskPoint>;
  visitedAt: string;
}

/** 走访九个方面 */
export const VisitAspectValues = ['BASIC_MEDICAL', 'CLOTHING', 'COMPULSORY_EDUCATION', 'DRINKING_WATER', 'FOOD', 'HOUSEHOLD_ENVIRONMENT', 'HOUSING_SAFETY', 'POPULATION_CHANGE', 'SPECIALTY_FARMING'] as const;
export type VisitAspect = (typeof VisitAspectValues)[number];

export interface VisitAspectInput {
  aspect: VisitAspect;
  /** 未达标时作为风险点描述 */
  note?: string | null;
  passed: boolean;
}

/** 走访某一方面的结果 */
export interface VisitAspectResult {
  aspect: VisitAspect;
  note: string | null;
  /** 是否达标 */
  passed: boolean;
}

export interface VisitFilter {
  /** 走访日期不早于 */
  from?: string | null;
  householdId?: string | null;
  /** 住户所在区域的行政区划代码前缀 */
  regionCode?: string | null;
  /** 走访日期不晚于 */
  to?: string | null;
}

export interface VisitOrderBy {
  direction: OrderDirection;
  field: VisitOrderByField;
}

export const VisitOrderByFieldValues = ['id', 'visitedAt'] as const;
export type VisitOrderByField = (typeof VisitOrderByFieldValues)[number];

/** 返贫预警（筛查结果；每户每年一条） */
export interface Warning {
  /** 首次预警时间 */
  createdAt: string;
  /** 住户 */
  household: Household;
  id: string;
  kind: WarningKind;
  level: WarningLevel;
  /** 该年人均纯收入（元） */
  perCapitaNetIncome: string | null;
  /** 触发原因（中文，如“人均纯收入 3,512.40 元 ≤ 贫困线 × 1.0（3,747 元）”） */
  reasons: Array<string>;
  status: WarningStatus;
  /** 筛查年度（收入年度） */
  year: number;
}

export interface WarningFilter {
  kind?: WarningKind | null;
  level?: WarningLevel | null;
  /** 住户所在区域的行政区划代码前缀 */
  regionCode?: string | null;
  status?: WarningStatus | null;
  year?: number | null;
}

/** 预警类别 */
export const WarningKindValues = ['EDGE_CANDIDATE', 'RETURN_RISK'] as const;
export type WarningKind = (typeof WarningKindValues)[number];

/** 预警等级 */
export const WarningLevelValues = ['ORANGE', 'RED', 'YELLOW'] as const;
export type WarningLevel = (typeof WarningLevelValues)[number];

export interface WarningLevelCount {
  count: number;
  level: WarningLevel;
}

export interface WarningOrderBy {
  direction: OrderDirection;
  field: WarningOrderByField;
}

export const WarningOrderByFieldValues = ['id', 'level', 'year'] as const;
export type WarningOrderByField = (typeof WarningOrderByFieldValues)[number];

/** 预警状态 */
export const WarningStatusValues = ['CASE_OPENED', 'DISMISSED', 'OPEN'] as const;
export type WarningStatus = (typeof WarningStatusValues)[number];
