// The audit log: who changed what (before and after, in the mutation's own
// transaction) and who read personal data unmasked (one row per record read).
import type { Prisma, PrismaClient } from '../db.ts';
import { viewerOf, type Viewer } from '../../kernel/viewer.ts';
import { currentRequestId, logger } from '../platform/log.ts';

type Tx = Prisma.TransactionClient | PrismaClient;
type Action = 'CREATE' | 'UPDATE' | 'DELETE';

/** What auditing needs of a request; the GraphQL context (services/graphql/context.ts) has it. */
export interface AuditedRequest {
  prisma: PrismaClient;
  viewer: Viewer | null;
  /** `Entity:id` of each record whose personal data the request returned unmasked. */
  personalDataReads: Set<string>;
}

const log = logger.child({ component: 'audit' });

/**
 * Writes one audit row stamped with the current request's id, and logs it
 * (the log line carries the same id): the one way rows enter audit_log.
 * Inside a transaction a rollback takes back the row, not the line.
 */
export async function writeAudit(tx: Tx, data: Prisma.AuditLogUncheckedCreateInput): Promise<void> {
  const requestId = currentRequestId();
  await tx.auditLog.create({ data: requestId ? { ...data, requestId } : data });
  log.info({ action: data.action, entity: data.entity, entityId: data.entityId, userId: data.userId }, 'audit');
}

/** JSON-safe copy of a row: Decimals and Dates as strings, BigInts as strings. */
function snapshot(row: unknown): Prisma.InputJsonValue | undefined {
  if (row == null) return undefined;
  return JSON.parse(JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)));
}

export async function auditChange(
  tx: Tx,
  ctx: Pick<AuditedRequest, 'viewer'>,
  action: Action,
  entity: string,
  entityId: string | number,
  before: unknown,
  after: unknown,
): Promise<void> {
  const data: Prisma.AuditLogUncheckedCreateInput = {
    userId: viewerOf(ctx).id,
    action,
    entity,
    entityId: String(entityId),
  };
  const beforeJson = snapshot(before);
  const afterJson = snapshot(after);
  if (beforeJson !== undefined) data.before = beforeJson;
  if (afterJson !== undefined) data.after = afterJson;
  await writeAudit(tx, data);
}

export async function auditLogin(prisma: PrismaClient, userId: number): Promise<void> {
  await writeAudit(prisma, { userId, action: 'LOGIN', entity: 'User', entityId: String(userId) });
}

/** Writes the request's unmasked personal-data reads in one statement. */
export async function flushPersonalDataReads(ctx: AuditedRequest): Promise<void> {
  if (ctx.personalDataReads.size === 0 || !ctx.viewer) return;
  const userId = ctx.viewer.id;
  const keys = [...ctx.personalDataReads];
  ctx.personalDataReads.clear();
  const requestId = currentRequestId() ?? null;
  await ctx.prisma.auditLog.createMany({
    data: keys.map((key) => {
      const [entity, entityId] = key.split(':') as [string, string];
      return { userId, action: 'READ_PERSONAL_DATA' as const, entity, entityId, requestId };
    }),
  });
  log.info({ action: 'READ_PERSONAL_DATA', userId, records: keys.length }, 'audit');
}
