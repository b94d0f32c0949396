// What every resolver gets: the database, who is asking, and the request's
// bookkeeping (personal-data reads to audit once, at the end of the request).
import type { PrismaClient } from '../db.ts';
import { scopedPrisma } from '../scopedDb.ts';
import type { Viewer } from '../../kernel/viewer.ts';

// The viewer is the kernel's, so auditing and the domain rules need nothing of GraphQL.
export { viewerOf, type Viewer } from '../../kernel/viewer.ts';

export interface Context {
  /** The viewer's database: every statement runs under row-level security (region scope). */
  prisma: PrismaClient;
  /**
   * The unscoped database, for authentication only (login, sessions, throttling):
   * it sees every row. Nothing a viewer reads may come from it.
   */
  system: PrismaClient;
  viewer: Viewer | null;
  /** `Entity:id` of each record whose ID number or phone this request returned unmasked. */
  personalDataReads: Set<string>;
  /** The client's address as express sees it (`trust proxy`): login throttling counts by it. */
  clientAddress?: string;
}

export function createContext(prisma: PrismaClient, viewer: Viewer | null): Context {
  return { prisma: scopedPrisma(prisma, viewer), system: prisma, viewer, personalDataReads: new Set() };
}
