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
}

export interface Context {
  prisma: PrismaClient;
  viewer: Viewer | null;
  /** `Entity:id` of each record whose ID number or phone this request returned unmasked. */
  personalDataReads: Set<string>;
}

export function createContext(prisma: PrismaClient, viewer: Viewer | null): Context {
  return { prisma, viewer, personalDataReads: new Set() };
}

/** The viewer of an authenticated field (scope-auth has already refused anonymous callers). */
export function viewerOf(ctx: Context): Viewer {
  if (!ctx.viewer) throw new Error('viewerOf() called on an anonymous request');
  return ctx.viewer;
}
