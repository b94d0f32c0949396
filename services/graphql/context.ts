// What every resolver gets: the database, who is asking, and the request's
// bookkeeping (personal-data reads to audit once, at the end of the request).
import type { PrismaClient } from '../db.ts';
import type { Role, Department } from '../../prisma/generated/client/enums.ts';

export interface Viewer {
  id: number;
  username: string;
  role: Role;
  /** Data scope: a division code of 6, 9 or 12 digits. */
  regionCode: string;
  canReadPersonalData: boolean;
  cadreId: number | null;
  department: Department | null;
  /** The login session the request's token names (logout and refreshSession act on it). */
  sessionId?: string;
}

export interface Context {
  prisma: PrismaClient;
  viewer: Viewer | null;
  /** `Entity:id` of each record whose ID number or phone this request returned unmasked. */
  personalDataReads: Set<string>;
  /** The client's address as express sees it (`trust proxy`): login throttling counts by it. */
  clientAddress?: string;
}

export function createContext(prisma: PrismaClient, viewer: Viewer | null): Context {
  return { prisma, viewer, personalDataReads: new Set() };
}

/** The viewer of an authenticated field (scope-auth has already refused anonymous callers). */
export function viewerOf(ctx: Context): Viewer {
  if (!ctx.viewer) throw new Error('viewerOf() called on an anonymous request');
  return ctx.viewer;
}
