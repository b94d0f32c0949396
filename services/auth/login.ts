// Login, the viewer, and the session's life: login opens a server-side session,
// refreshSession extends it (the console calls it before its token expires),
// logout ends it. Anonymous callers may only log in.
import { permissionsOf } from '../../kernel/policy.ts';
import { PermissionEnum } from './permission.ts';
import { z } from 'zod';
import { builder } from '../graphql/builder.ts';
import { CodedError } from '../graphql/errors.ts';
import { viewerOf, type Context, type Viewer } from '../graphql/context.ts';
import { auditLogin } from '../audit/audit.ts';
import { dummyHash, verifyPasswordOrDummy } from '../../kernel/password.ts';
import { signToken, type SessionRef } from './token.ts';
import { createSession, extendSession, revokeSession, sweepSessions } from './session.ts';
import { countLoginAttempt, forgiveLoginAttempt, sweepLoginThrottle, throttleKeys } from './throttle.ts';
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
  // Made now, so the first unknown username does not take longer than the rest.
  void dummyHash();
}

/** Old sessions and throttle counts are swept after every this many logins (per process). */
const SWEEP_EVERY = 200;
let loginsSinceSweep = 0;

export const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description: '当前登录用户 (the user behind the token)',
  fields: (t) => ({
    id: t.exposeInt('id'),
    username: t.exposeString('username'),
    role: t.field({ type: RoleEnum, resolve: (v) => v.role }),
    regionCode: t.exposeString('regionCode', { description: '数据范围：行政区划代码前缀' }),
    canReadPersonalData: t.exposeBoolean('canReadPersonalData', { description: '可查看未脱敏的身份证号和电话' }),
    department: t.field({ type: DepartmentEnum, nullable: true, resolve: (v) => v.department }),
    permissions: t.field({
      type: [PermissionEnum],
      description: '当前用户拥有的权限（控制台据此显示菜单和按钮）',
      resolve: (v) => permissionsOf(v),
    }),
  }),
});

interface SessionPayload {
  token: string;
  expiresAt: Date;
  user: Viewer;
}

const LoginPayload = builder.objectRef<SessionPayload>('LoginPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'JWT，放在 Authorization: Bearer <token> 中' }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description: '令牌到期时间；到期前调用 refreshSession 续期 (renew before this with refreshSession)',
    }),
    user: t.field({ type: ViewerRef, resolve: (p) => p.user }),
  }),
});

async function payload(session: SessionRef, user: Viewer): Promise<SessionPayload> {
  if (!jwtSecret) throw new Error('configureLogin() was not called');
  return { token: await signToken(session, jwtSecret), expiresAt: session.expiresAt, user: { ...user, sessionId: session.id } };
}

const tooManyAttempts = (retryAfter: number) =>
  new CodedError('TOO_MANY_REQUESTS', `登录尝试过于频繁，请 ${retryAfter} 秒后重试 (too many login attempts; retry in ${retryAfter} s)`, {
    retryAfter,
    http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
  });

builder.queryField('viewer', (t) => t.field({ type: ViewerRef, description: '当前用户', resolve: (_root, _args, ctx) => viewerOf(ctx) }));

builder.mutationField('login', (t) =>
  t.field({
    type: LoginPayload,
    skipTypeScopes: true,
    description:
      '登录：打开一个服务器端会话。按用户名和客户端地址限制尝试次数，超出返回 TOO_MANY_REQUESTS（extensions.retryAfter 秒，HTTP 429）',
    args: {
      username: t.arg.string({ required: true, validate: z.string().trim().min(1, '请输入用户名').max(40) }),
      password: t.arg.string({ required: true, validate: z.string().min(1, '请输入密码').max(200) }),
    },
    resolve: async (_root, { username, password }, ctx: Context) => {
      if (++loginsSinceSweep >= SWEEP_EVERY) {
        loginsSinceSweep = 0;
        await Promise.all([sweepSessions(ctx.system), sweepLoginThrottle(ctx.system)]);
      }
      const keys = throttleKeys(username, ctx.clientAddress);
      const retryAfter = await countLoginAttempt(ctx.system, keys);
      if (retryAfter !== null) throw tooManyAttempts(retryAfter);
      // Unknown, inactive and locked users go through the same statements and
      // one scrypt each, and get the same answer: no user enumeration by content or time.
      const user = await ctx.system.user.findUnique({ where: { username: username.trim() } });
      const matches = await verifyPasswordOrDummy(password, user?.passwordHash ?? null);
      if (!user || !user.active || !matches) throw new CodedError('UNAUTHENTICATED', '用户名或密码错误 (wrong username or password)');
      await forgiveLoginAttempt(ctx.system, keys);
      const session = await createSession(ctx.system, user);
      await auditLogin(ctx.system, user.id);
      const { id, role, regionCode, canReadPersonalData, cadreId, department } = user;
      return payload(session, { id, username: user.username, role, regionCode, canReadPersonalData, cadreId, department });
    },
  }),
);

builder.mutationField('refreshSession', (t) =>
  t.field({
    type: LoginPayload,
    description: '续期：为当前会话签发新令牌（有效期一小时，自登录起最多 12 小时）；会话已结束返回 UNAUTHENTICATED',
    resolve: async (_root, _args, ctx) => {
      const viewer = viewerOf(ctx);
      const session = viewer.sessionId ? await extendSession(ctx.system, viewer.sessionId) : null;
      if (!session) throw new CodedError('UNAUTHENTICATED', '登录已失效，请重新登录 (the session has ended)', { http: { status: 401 } });
      return payload(session, viewer);
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: '退出登录：结束当前会话，其令牌随即失效',
    resolve: async (_root, _args, ctx) => {
      const { sessionId } = viewerOf(ctx);
      if (sessionId) await revokeSession(ctx.system, sessionId);
      return true;
    },
  }),
);
