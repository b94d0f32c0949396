// Who is asking: the signed-in user as every layer sees them. Built once per
// request from the database (services/auth/token.ts), never from token claims;
// what they may do is kernel/policy.ts, where is their `regionCode`.
import type { EnumValue } from './labels.ts';
import type { Role } from './policy.ts';

export interface Viewer {
  id: number;
  username: string;
  role: Role;
  /** Data scope: a division code of 6, 9 or 12 digits. */
  regionCode: string;
  canReadPersonalData: boolean;
  cadreId: number | null;
  department: EnumValue<'Department'> | null;
  /** The login session the request's token names (logout and refreshSession act on it). */
  sessionId?: string;
}

/** The viewer of an authenticated request (callers have already refused anonymous ones). */
export function viewerOf(request: { viewer: Viewer | null }): Viewer {
  if (!request.viewer) throw new Error('viewerOf() called on an anonymous request');
  return request.viewer;
}
