// Tokens for users a test makes up (a role in a region), issued through the
// real session machinery: the servers accept them exactly like a login's.
import type { PrismaClient } from '../../services/db.ts';
import type { Viewer } from '../../services/graphql/context.ts';
import { createSession } from '../../services/auth/session.ts';
import { signToken } from '../../services/auth/token.ts';
import { DEV_JWT_SECRET } from '../../services/platform/config.ts';

const prefix = `tok_${process.pid}_`;
let made = 0;

export interface TokenUser {
  role: Viewer['role'];
  regionCode: string;
  canReadPersonalData?: boolean;
  department?: Viewer['department'];
}

/** A new user (no password: it cannot log in) with a live session; `expired` signs a token that expired a minute ago. */
export async function tokenForNewUser(
  prisma: PrismaClient,
  user: TokenUser,
  options: { secret?: string; expired?: boolean } = {},
): Promise<string> {
  const row = await prisma.user.create({
    data: {
      username: `${prefix}${++made}`,
      displayName: '测试令牌用户',
      passwordHash: '!',
      role: user.role,
      regionCode: user.regionCode,
      canReadPersonalData: user.canReadPersonalData ?? false,
      department: user.department ?? null,
    },
  });
  const session = await createSession(prisma, row);
  return signToken(options.expired ? { ...session, expiresAt: new Date(Date.now() - 60_000) } : session, options.secret ?? DEV_JWT_SECRET);
}

/** Removes the users (and, by cascade, the sessions) this process made. */
export async function deleteTokenUsers(prisma: PrismaClient): Promise<void> {
  await prisma.user.deleteMany({ where: { username: { startsWith: prefix } } });
}
