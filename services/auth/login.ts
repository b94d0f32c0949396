// Login and the viewer: the only things an anonymous caller may do is log in.
import { z } from 'zod';
import { builder } from '../graphql/builder.ts';
import { CodedError } from '../graphql/errors.ts';
import { viewerOf, type Viewer } from '../graphql/context.ts';
import { auditLogin } from '../audit/audit.ts';
import { verifyPassword } from './password.ts';
import { signToken } from './token.ts';
import { Role, Department } from '../../prisma/generated/client/enums.ts';

export const RoleEnum = builder.enumType(Role, {
  name: 'Role',
  description: '角色：县级管理员、乡镇工作人员、村干部、统计人员、部门用户',
});
export const DepartmentEnum = builder.enumType(Department, { name: 'Department', description: '部门' });

/** Set by the server at start: the HS256 secret shared with Cube. */
let jwtSecret: string | null = null;
export function configureLogin(secret: string): void {
  jwtSecret = secret;
}

export const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description: '当前登录用户 (the user behind the token)',
  fields: (t) => ({
    id: t.exposeInt('id'),
    username: t.exposeString('username'),
    role: t.field({ type: RoleEnum, resolve: (v) => v.role }),
    regionCode: t.exposeString('regionCode', { description: '数据范围：行政区划代码前缀' }),
    canReadPersonalData: t.exposeBoolean('canReadPersonalData', { description: '可查看未脱敏的身份证号和电话' }),
    department: t.field({ type: DepartmentEnum, nullable: true, resolve: (v) => v.department }),
  }),
});

const LoginPayload = builder.objectRef<{ token: string; user: Viewer }>('LoginPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'JWT，放在 Authorization: Bearer <token> 中' }),
    user: t.field({ type: ViewerRef, resolve: (p) => p.user }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({ type: ViewerRef, description: '当前用户', resolve: (_root, _args, ctx) => viewerOf(ctx) }),
);

builder.mutationField('login', (t) =>
  t.field({
    type: LoginPayload,
    skipTypeScopes: true,
    args: {
      username: t.arg.string({ required: true, validate: z.string().trim().min(1, '请输入用户名').max(40) }),
      password: t.arg.string({ required: true, validate: z.string().min(1, '请输入密码').max(200) }),
    },
    resolve: async (_root, { username, password }, ctx) => {
      if (!jwtSecret) throw new Error('configureLogin() was not called');
      const user = await ctx.prisma.user.findUnique({ where: { username: username.trim() } });
      // The same answer for an unknown user and a wrong password: no user enumeration.
      if (!user || !user.active || !(await verifyPassword(password, user.passwordHash))) {
        throw new CodedError('UNAUTHENTICATED', '用户名或密码错误 (wrong username or password)');
      }
      const viewer: Viewer = {
        id: user.id,
        username: user.username,
        role: user.role,
        regionCode: user.regionCode,
        canReadPersonalData: user.canReadPersonalData,
        cadreId: user.cadreId,
        department: user.department,
      };
      await auditLogin(ctx.prisma, user.id);
      return { token: await signToken(viewer, jwtSecret), user: viewer };
    },
  }),
);
