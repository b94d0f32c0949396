// Tokens (HS256 JWTs) name a session and carry nothing else the server trusts:
// the viewer is rebuilt from the database on every request, so a token stops
// working the moment its session is revoked (logout) or its user's security
// stamp moves on (deactivated, role, region, department, permissions or
// password changed; a trigger bumps the stamp, see the sessions migration).
// One function, `viewerFromToken`, is the only way from a token to a user:
// the GraphQL API, Cube and the upload route all call it.
import { SignJWT, jwtVerify, errors } from 'jose';
import type { PrismaClient } from '../db.ts';
import type { Viewer } from '../graphql/context.ts';

/** A token's lifetime; a signed-in console refreshes it before it ends (refreshSession). */
export const TOKEN_TTL_SECONDS = 60 * 60;
/** A session's longest life from login, refreshes included: one working day. */
export const SESSION_MAX_SECONDS = 12 * 60 * 60;

/** What a token says: the session, the user and the user's security stamp at sign-in. */
interface SessionClaims {
  sid: string;
  stamp: number;
}

const key = (secret: string) => new TextEncoder().encode(secret);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SessionRef {
  id: string;
  userId: number;
  securityStamp: number;
  expiresAt: Date;
}

/** A token for a session, valid until the session's current expiry. */
export async function signToken(session: SessionRef, secret: string): Promise<string> {
  return new SignJWT({ sid: session.id, stamp: session.securityStamp } satisfies SessionClaims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(session.userId))
    .setIssuedAt()
    .setExpirationTime(Math.floor(session.expiresAt.getTime() / 1000))
    .sign(key(secret));
}

export type TokenRefusal = 'expired' | 'invalid' | 'revoked';
export type TokenResult = { ok: true; viewer: Viewer } | { ok: false; reason: TokenRefusal };

/** The sentence every entry point answers a refused token with (UNAUTHENTICATED, HTTP 401). */
export function tokenRefusalMessage(reason: TokenRefusal): string {
  if (reason === 'expired') return '登录已过期，请重新登录 (token expired)';
  if (reason === 'revoked') return '登录已失效，请重新登录 (the session has ended: logged out, or the account was changed)';
  return '令牌无效 (invalid token)';
}

/**
 * The viewer behind a token, from the database rows (never from the claims):
 * one SQL statement over app_user with an EXISTS on its live session. A token
 * without `exp`, `sub`, `sid` or `stamp` is invalid, in every mode.
 */
export async function viewerFromToken(prisma: PrismaClient, token: string, secret: string): Promise<TokenResult> {
  let userId: number;
  let claims: SessionClaims;
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
    claims = payload as unknown as SessionClaims;
    userId = Number(payload.sub);
    if (
      !/^\d{1,9}$/.test(payload.sub!) ||
      typeof claims.sid !== 'string' ||
      !UUID.test(claims.sid) ||
      !Number.isSafeInteger(claims.stamp)
    ) {
      return { ok: false, reason: 'invalid' };
    }
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
  const user = await prisma.user.findFirst({
    where: {
      id: userId,
      active: true,
      securityStamp: claims.stamp,
      sessions: { some: { id: claims.sid, revokedAt: null, expiresAt: { gt: new Date() } } },
    },
    select: { id: true, username: true, role: true, regionCode: true, canReadPersonalData: true, cadreId: true, department: true },
  });
  if (!user) return { ok: false, reason: 'revoked' };
  return { ok: true, viewer: { ...user, sessionId: claims.sid } };
}

/** The token of an `Authorization: Bearer …` header (Cube also accepts the bare token). */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match ? match[1]!.trim() : header.trim() || null;
}
