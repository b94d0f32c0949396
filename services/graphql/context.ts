// What every resolver gets: the database, who is asking, and the request's
// bookkeeping (personal-data reads to audit once, at the end of the request).
import type { PrismaClient } from '../db.ts';
import type { Viewer } from '../../kernel/viewer.ts';

// The viewer is the kernel's, so auditing and the domain rules need nothing of GraphQL.
export { viewerOf, type Viewer } from '../../kernel/viewer.ts';

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
