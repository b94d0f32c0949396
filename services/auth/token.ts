// JSON Web Tokens (HS256) carry the viewer: the API and Cube both trust them,
// so a user's role and region travel with every request without a lookup.
import { SignJWT, jwtVerify, errors } from 'jose';
import type { Viewer } from '../graphql/context.ts';

export const TOKEN_TTL_SECONDS = 8 * 60 * 60; // one working day

export interface TokenClaims {
  sub: string;
  username: string;
  role: Viewer['role'];
  regionCode: string;
  personalData: boolean;
  cadreId: number | null;
  department: Viewer['department'];
}

const key = (secret: string) => new TextEncoder().encode(secret);

export async function signToken(viewer: Viewer, secret: string, ttlSeconds = TOKEN_TTL_SECONDS): Promise<string> {
  const claims: Omit<TokenClaims, 'sub'> = {
    username: viewer.username,
    role: viewer.role,
    regionCode: viewer.regionCode,
    personalData: viewer.canReadPersonalData,
    cadreId: viewer.cadreId,
    department: viewer.department,
  };
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(viewer.id))
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key(secret));
}

export type TokenResult = { ok: true; viewer: Viewer } | { ok: false; reason: 'expired' | 'invalid' };

export async function verifyToken(token: string, secret: string): Promise<TokenResult> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'] });
    const claims = payload as unknown as TokenClaims;
    if (typeof claims.regionCode !== 'string' || typeof claims.role !== 'string') return { ok: false, reason: 'invalid' };
    return {
      ok: true,
      viewer: {
        id: Number(claims.sub),
        username: claims.username,
        role: claims.role,
        regionCode: claims.regionCode,
        canReadPersonalData: claims.personalData === true,
        cadreId: claims.cadreId ?? null,
        department: claims.department ?? null,
      },
    };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}

/** The token of an `Authorization: Bearer …` header (Cube also accepts the bare token). */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match ? match[1]!.trim() : header.trim() || null;
}
