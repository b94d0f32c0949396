// Login sessions (user_session): created by login, extended by refreshSession,
// revoked by logout. Tokens are signed for a session's current expiry.
import type { PrismaClient } from '../db.ts';
import { SESSION_MAX_SECONDS, TOKEN_TTL_SECONDS, type SessionRef } from './token.ts';

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000);

export async function createSession(prisma: PrismaClient, user: { id: number; securityStamp: number }): Promise<SessionRef> {
  const session = await prisma.userSession.create({
    data: { userId: user.id, expiresAt: inSeconds(TOKEN_TTL_SECONDS) },
    select: { id: true, expiresAt: true },
  });
  return { id: session.id, userId: user.id, securityStamp: user.securityStamp, expiresAt: session.expiresAt };
}

/**
 * Moves a live session's expiry to one token lifetime from now, but never past
 * SESSION_MAX_SECONDS after login. Null when the session or its user is no
 * longer valid (the request's token was checked a moment ago, so this is a race).
 */
export async function extendSession(prisma: PrismaClient, sessionId: string): Promise<SessionRef | null> {
  const rows = await prisma.$queryRaw<{ user_id: number; security_stamp: number; expires_at: Date }[]>`
    UPDATE user_session s
       SET expires_at = least(s.created_at + make_interval(secs => ${SESSION_MAX_SECONDS}), ${inSeconds(TOKEN_TTL_SECONDS)}::timestamptz)
      FROM app_user u
     WHERE s.id = ${sessionId}::uuid AND u.id = s.user_id AND u.active AND s.revoked_at IS NULL AND s.expires_at > now()
    RETURNING s.user_id, u.security_stamp, s.expires_at`;
  const row = rows[0];
  return row ? { id: sessionId, userId: row.user_id, securityStamp: row.security_stamp, expiresAt: row.expires_at } : null;
}

/** Ends a session: every token naming it is refused from now on. */
export async function revokeSession(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Drops sessions that ended more than a day ago (kept that long for inspection). */
export async function sweepSessions(prisma: PrismaClient): Promise<void> {
  await prisma.userSession.deleteMany({ where: { expiresAt: { lt: inSeconds(-24 * 60 * 60) } } });
}
