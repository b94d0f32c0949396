// The one table of who may do what. The API (Pothos scope `permission`), Cube
// (checkAuth) and the console (it reads `viewer { permissions }` from the API)
// all ask this table; nothing else keeps a role list. Region scope is separate:
// a permission says what kind of act, the viewer's region code says where
// (enforced by PostgreSQL row-level security, see prisma/migrations/*_row_level_security).

export const ROLES = ['COUNTY_ADMIN', 'TOWNSHIP_OFFICER', 'VILLAGE_CADRE', 'STATISTICIAN', 'DEPARTMENT_USER'] as const;
export type Role = (typeof ROLES)[number];

/** Every permission, with the Chinese label the console shows. */
export const PERMISSIONS = {
  READ_PERSONS: '查看人员',
  /** Only together with the user's own flag `canReadPersonalData` (see `revealsPersonalData`). */
  READ_PERSONAL_DATA: '查看未脱敏个人信息',
  WRITE_HOUSEHOLDS: '维护住户与人员',
  WRITE_INDUSTRIES: '维护产业目录',
  WRITE_ENTITIES: '维护经营主体',
  WRITE_CONTRACTS: '维护利益联结合同',
  WRITE_COLLECTIVE_INCOME: '维护村集体收入',
  WRITE_EMPLOYMENT: '维护就业记录',
  RUN_SCREENING: '开展监测筛查',
  WRITE_SCREENING_RULES: '维护筛查规则',
  WRITE_RISK_POINTS: '处置风险点',
  WRITE_ASSISTANCE_PLANS: '维护帮扶方案',
  DECLARE_CASES: '申报监测对象',
  READ_ALERTS: '查看比对预警',
  REVIEW_ALERTS: '核查比对预警',
  READ_IMPORTS: '查看部门数据导入',
  UPLOAD_IMPORTS: '上传部门数据',
  ADMINISTER_USERS: '管理用户',
  READ_STATISTICS: '查看统计指标',
  BUILD_REPORTS: '自定义报表',
} as const;
export type Permission = keyof typeof PERMISSIONS;

// The steps of the monitoring workflow name their own role and level
// (services/monitoring/caseWorkflow.ts): a step is a place, not a permission.
const WRITE_LOCAL: Permission[] = [
  'WRITE_HOUSEHOLDS',
  'WRITE_CONTRACTS',
  'WRITE_COLLECTIVE_INCOME',
  'WRITE_EMPLOYMENT',
  'RUN_SCREENING',
  'WRITE_RISK_POINTS',
  'WRITE_ASSISTANCE_PLANS',
  'DECLARE_CASES',
  'READ_ALERTS',
  'REVIEW_ALERTS',
];

/** Role → permissions. Read this table to answer "who may…?". */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  COUNTY_ADMIN: Object.keys(PERMISSIONS) as Permission[],
  TOWNSHIP_OFFICER: ['READ_PERSONS', 'READ_PERSONAL_DATA', ...WRITE_LOCAL, 'WRITE_ENTITIES', 'READ_IMPORTS', 'READ_STATISTICS'],
  // Village cadres maintain the entities of their own village (cooperatives, family farms).
  VILLAGE_CADRE: ['READ_PERSONS', 'READ_PERSONAL_DATA', ...WRITE_LOCAL, 'WRITE_ENTITIES', 'READ_STATISTICS'],
  // Statisticians read indicators and household-level records, never persons.
  STATISTICIAN: ['READ_STATISTICS', 'BUILD_REPORTS'],
  DEPARTMENT_USER: ['READ_PERSONS', 'READ_PERSONAL_DATA', 'READ_ALERTS', 'READ_IMPORTS', 'UPLOAD_IMPORTS', 'READ_STATISTICS'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The permissions a viewer holds: the role's, less personal data unless the user's own flag allows it. */
export function permissionsOf(viewer: { role: Role; canReadPersonalData: boolean }): Permission[] {
  return ROLE_PERMISSIONS[viewer.role].filter((p) => p !== 'READ_PERSONAL_DATA' || viewer.canReadPersonalData);
}

export function can(viewer: { role: Role; canReadPersonalData: boolean } | null | undefined, permission: Permission): boolean {
  return viewer != null && permissionsOf(viewer).includes(permission);
}
