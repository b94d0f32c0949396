// User administration (用户管理): county administrators only, and only for users
// whose region lies inside their own. The password hash never leaves the
// database: not a field here, and mutations.ts strips it from audit snapshots.
import { z } from 'zod';
import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder, requireIntId } from '../graphql/connections.ts';
import { viewerOf, type Context } from '../graphql/context.ts';
import { CodedError, badInput, forbidden } from '../graphql/errors.ts';
import { createAudited, inTransaction, updateVersioned, type Target } from '../graphql/mutations.ts';
import { payloadType } from '../graphql/payloads.ts';
import type { Prisma, PrismaClient } from '../db.ts';
import { validateDivisionCode } from '../../kernel/identifiers/index.ts';
import { effectiveRegion, within } from './scope.ts';
import { DepartmentEnum, RoleEnum } from './login.ts';
import { hashPassword } from '../../kernel/password.ts';
import { DEFAULT_DEMO_PASSWORD } from './demoUsers.ts';
import type { Department, Role } from '../../prisma/generated/client/enums.ts';

type Db = PrismaClient | Prisma.TransactionClient;
type UserRow = {
  id: number;
  version: number;
  role: Role;
  regionCode: string;
  department: Department | null;
  canReadPersonalData: boolean;
  active: boolean;
};

/** Users whose region lies inside `region` (null: none). */
const usersIn = (region: string | null): Prisma.UserWhereInput => (region === null ? { id: -1 } : { regionCode: { startsWith: region } });

// `variant`: crosscheck/alert.ts already owns the model's default type (CrosscheckUser).
export const UserRef = builder.prismaNode('User', {
  variant: 'User',
  description: '系统用户（仅县级管理员可见；不含密码）',
  id: { field: 'id' },
  nullable: true,
  authScopes: { permission: 'ADMINISTER_USERS' },
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    username: t.exposeString('username', { description: '用户名' }),
    displayName: t.exposeString('displayName', { description: '姓名' }),
    role: t.expose('role', { type: RoleEnum }),
    regionCode: t.exposeString('regionCode', { description: '数据范围：行政区划代码（6、9 或 12 位）' }),
    department: t.expose('department', { type: DepartmentEnum, nullable: true, description: '部门（仅部门用户）' }),
    canReadPersonalData: t.exposeBoolean('canReadPersonalData', { description: '可查看未脱敏的身份证号和电话' }),
    active: t.exposeBoolean('active', { description: '启用' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: '创建时间' }),
    version: t.exposeInt('version', { description: '版本号（乐观锁）' }),
  }),
});

const UserFilter = builder.inputType('UserFilter', {
  fields: (t) => ({
    regionCode: t.string({ description: '行政区划代码前缀' }),
    role: t.field({ type: RoleEnum }),
    active: t.boolean(),
    search: t.string({ description: '用户名或姓名（包含）' }),
  }),
});
const UserOrderBy = orderByInput('UserOrderBy', { username: '用户名', createdAt: '创建时间' });

function userWhere(
  ctx: Context,
  filter: { regionCode?: string | null; role?: Role | null; active?: boolean | null; search?: string | null } | null | undefined,
): Prisma.UserWhereInput {
  const search = filter?.search?.trim();
  return {
    ...usersIn(effectiveRegion(ctx, filter?.regionCode)),
    ...(filter?.role ? { role: filter.role } : {}),
    ...(filter?.active != null ? { active: filter.active } : {}),
    ...(search ? { OR: [{ username: { contains: search, mode: 'insensitive' } }, { displayName: { contains: search } }] } : {}),
  };
}

builder.queryField('users', (t) =>
  t.prismaConnection({
    type: UserRef,
    cursor: 'id',
    description: '用户列表（仅县级管理员，限本辖区）',
    authScopes: { permission: 'ADMINISTER_USERS' },
    args: { filter: t.arg({ type: UserFilter }), orderBy: t.arg({ type: UserOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.user.count({ where: userWhere(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.user.findMany({
        ...query,
        where: userWhere(ctx, args.filter),
        orderBy: prismaOrder(args.orderBy, 'id', [{ username: 'asc' }]),
      }),
  }),
);

// ───────────── Mutations ─────────────

const USERNAME = z
  .string()
  .trim()
  .regex(/^[a-z0-9_.-]{3,40}$/, '用户名应为 3–40 位小写字母、数字或 _ . - (3–40 chars of a-z 0-9 _ . -)');
const DISPLAY_NAME = z.string().trim().min(1, '姓名不能为空').max(40, '姓名最多 40 字');

function checkPassword(password: string): void {
  if (password.length < 10) throw badInput('password', '密码至少 10 位 (at least 10 characters)');
  if (password.length > 200) throw badInput('password', '密码最多 200 位 (at most 200 characters)');
  if (password === DEFAULT_DEMO_PASSWORD) throw badInput('password', '不能使用演示默认密码 (the demo default password is not allowed)');
}

/** A valid division code that exists and lies inside the admin's region. */
async function checkRegion(ctx: Context, db: Db, code: string): Promise<string> {
  const r = validateDivisionCode(code);
  if (!r.ok) throw badInput('regionCode', r.reason);
  const exists =
    r.level === 'VILLAGE'
      ? await db.village.findUnique({ where: { code: r.value }, select: { code: true } })
      : await db.township.findFirst({
          where: r.level === 'TOWNSHIP' ? { code: r.value } : { countyCode: r.value },
          select: { code: true },
        });
  if (!exists) throw badInput('regionCode', `行政区划不存在 (no such division): ${r.value}`);
  if (!within(r.value, viewerOf(ctx).regionCode)) throw forbidden('在管辖区域外设置用户');
  return r.value;
}

/** Role, department and personal-data permission must agree (checked on the values after the change). */
function checkRoleRules(v: { role: Role; department: Department | null; canReadPersonalData: boolean }): void {
  if (v.role === 'DEPARTMENT_USER' && !v.department)
    throw badInput('department', '部门用户必须指定部门 (a department user needs a department)');
  if (v.role !== 'DEPARTMENT_USER' && v.department)
    throw badInput('department', '只有部门用户可以指定部门 (only department users have a department)');
  if (v.role === 'STATISTICIAN' && v.canReadPersonalData) {
    throw badInput('canReadPersonalData', '统计人员不能查看个人信息 (statisticians never read personal data)');
  }
}

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({ required: true, validate: USERNAME }),
    displayName: t.string({ required: true, validate: DISPLAY_NAME }),
    password: t.string({ required: true, description: '至少 10 位，不能是演示默认密码' }),
    role: t.field({ type: RoleEnum, required: true }),
    regionCode: t.string({ required: true, description: '数据范围（须在您的管辖区域内）' }),
    department: t.field({ type: DepartmentEnum, description: '部门（仅部门用户，且必填）' }),
    canReadPersonalData: t.boolean({ required: true, description: '统计人员不可为 true' }),
  }),
});
const UpdateUserInput = builder.inputType('UpdateUserInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: UserRef }),
    version: t.int({ required: true }),
    displayName: t.string({ validate: DISPLAY_NAME }),
    role: t.field({ type: RoleEnum }),
    regionCode: t.string(),
    department: t.field({ type: DepartmentEnum, description: '传 null 清除' }),
    canReadPersonalData: t.boolean(),
    active: t.boolean(),
  }),
});
const ResetUserPasswordInput = builder.inputType('ResetUserPasswordInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: UserRef }),
    version: t.int({ required: true }),
    password: t.string({ required: true, description: '至少 10 位，不能是演示默认密码' }),
  }),
});

const UserPayload = payloadType('UserPayload', 'user', UserRef);

const userTarget = (ctx: Context, id: number): Target => ({ model: 'user', entity: 'User', label: '用户', id });

builder.mutationField('createUser', (t) =>
  t.field({
    type: UserPayload,
    description: '新建用户（县级管理员）：校验失败 BAD_USER_INPUT，区域外 FORBIDDEN，用户名重复 CONFLICT',
    authScopes: { permission: 'ADMINISTER_USERS' },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      checkPassword(input.password);
      const department = input.department ?? null;
      checkRoleRules({ role: input.role, department, canReadPersonalData: input.canReadPersonalData });
      const regionCode = await checkRegion(ctx, ctx.prisma, input.regionCode);
      const passwordHash = await hashPassword(input.password);
      const user = await inTransaction(ctx, async (tx) => {
        if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
          throw new CodedError('CONFLICT', `用户名已存在 (username already taken): ${input.username}`, { field: 'username' });
        }
        return createAudited(ctx, tx, 'user', 'User', {
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          regionCode,
          department,
          canReadPersonalData: input.canReadPersonalData,
        });
      });
      return { user };
    },
  }),
);

builder.mutationField('updateUser', (t) =>
  t.field({
    type: UserPayload,
    description: '修改用户（县级管理员）；不能停用或降级自己；version 过期返回 CONFLICT',
    authScopes: { permission: 'ADMINISTER_USERS' },
    args: { input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const userId = requireIntId(String(input.id.id), 'id');
      for (const key of ['displayName', 'role', 'regionCode', 'canReadPersonalData', 'active'] as const) {
        if (input[key] === null) throw badInput(key, '不能为空 (must not be null)');
      }
      const data: Record<string, unknown> = {};
      for (const key of ['displayName', 'role', 'department', 'canReadPersonalData', 'active'] as const) {
        if (input[key] !== undefined) data[key] = input[key];
      }
      if (input.regionCode != null) data.regionCode = await checkRegion(ctx, ctx.prisma, input.regionCode);
      const self = viewerOf(ctx).id === userId;
      if (self && input.active === false) throw badInput('active', '不能停用自己的账号 (you cannot deactivate yourself)');
      if (self && input.role != null && input.role !== 'COUNTY_ADMIN')
        throw badInput('role', '不能降低自己的角色 (you cannot demote yourself)');
      if (self && data.regionCode !== undefined && data.regionCode !== viewerOf(ctx).regionCode) {
        throw badInput('regionCode', '不能缩小自己的管辖区域 (you cannot change your own region)');
      }
      const user = await updateVersioned<UserRow>(ctx, userTarget(ctx, userId), input.version, data, (before) => {
        checkRoleRules({ ...before, ...(data as Partial<UserRow>) });
      });
      return { user };
    },
  }),
);

builder.mutationField('resetUserPassword', (t) =>
  t.field({
    type: UserPayload,
    description: '重置用户密码（县级管理员）；version 过期返回 CONFLICT',
    authScopes: { permission: 'ADMINISTER_USERS' },
    args: { input: t.arg({ type: ResetUserPasswordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const userId = requireIntId(String(input.id.id), 'id');
      checkPassword(input.password);
      const passwordHash = await hashPassword(input.password);
      const user = await updateVersioned<UserRow>(ctx, userTarget(ctx, userId), input.version, { passwordHash });
      return { user };
    },
  }),
);
