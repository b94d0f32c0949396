// The shape every mutation shares: one transaction, scope checked on the row as
// it is, optimistic locking on `version`, an audit entry with before and after,
// and database refusals translated into coded errors (nothing half-written).
import type { Prisma } from '../db.ts';
import type { Context } from './context.ts';
import { auditChange } from '../audit/audit.ts';
import { CodedError, conflict, forbidden, notFound } from './errors.ts';

type Tx = Prisma.TransactionClient;
type Row = { id: number; version?: number };

/** The slice of a Prisma model delegate these helpers use. */
interface Delegate {
  findFirst(args: { where: object }): Promise<Row | null>;
  findUniqueOrThrow(args: { where: { id: number } }): Promise<Row>;
  create(args: { data: object }): Promise<Row>;
  updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
  delete(args: { where: { id: number } }): Promise<Row>;
}

export type VersionedModel =
  'household' | 'person' | 'industry' | 'businessEntity' | 'benefitLinkageContract' | 'villageCollectiveIncome' | 'employment' | 'user';

/** Columns never written to the audit log (secrets): the snapshot is a projection without them. */
const AUDIT_OMIT: Partial<Record<VersionedModel, readonly string[]>> = { user: ['passwordHash'] };

function auditable(model: VersionedModel, row: Row | null): object | null {
  const omit = AUDIT_OMIT[model];
  if (!row || !omit) return row;
  return Object.fromEntries(Object.entries(row).filter(([key]) => !omit.includes(key)));
}

const delegate = (tx: Tx, model: VersionedModel) => tx[model] as unknown as Delegate;

export interface Target {
  model: VersionedModel;
  /** Audit entity name, e.g. 'BusinessEntity'. */
  entity: string;
  /** Chinese noun for messages, e.g. '经营主体'. */
  label: string;
  id: number;
}

/** Runs `work` in a transaction and turns database refusals into coded errors. */
export async function inTransaction<T>(ctx: Context, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    // Prisma's 5 s default is too tight for a busy 2-core machine; a stuck
    // transaction still ends, and its locks with it.
    return await ctx.prisma.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
  } catch (error) {
    throw translateDbError(error);
  }
}

export async function createAudited<T extends Row>(ctx: Context, tx: Tx, model: VersionedModel, entity: string, data: object): Promise<T> {
  const row = (await delegate(tx, model).create({ data })) as T;
  await auditChange(tx, ctx, 'CREATE', entity, row.id, null, auditable(model, row));
  return row;
}

/** Loads the row the viewer may see (row-level security), or NOT_FOUND: out of scope looks the same as absent. */
export async function loadVisible<T extends Row>(tx: Tx, target: Target): Promise<T> {
  const row = await delegate(tx, target.model).findFirst({ where: { id: target.id } });
  if (!row) throw notFound(target.label, String(target.id));
  return row as T;
}

/** Updates when `version` still matches; CONFLICT otherwise. `check` sees the row before the change. */
export async function updateVersioned<T extends Row>(
  ctx: Context,
  target: Target,
  version: number,
  data: object,
  check?: (before: T, tx: Tx) => void | Promise<void>,
): Promise<T> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadVisible<T>(tx, target);
    await check?.(before, tx);
    const { count } = await delegate(tx, target.model).updateMany({
      where: { id: target.id, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw conflict(target.label);
    const after = (await delegate(tx, target.model).findUniqueOrThrow({ where: { id: target.id } })) as T;
    await auditChange(tx, ctx, 'UPDATE', target.entity, target.id, auditable(target.model, before), auditable(target.model, after));
    return after;
  });
}

export async function deleteVersioned<T extends Row>(
  ctx: Context,
  target: Target,
  version: number,
  check?: (before: T, tx: Tx) => void | Promise<void>,
): Promise<T> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadVisible<T>(tx, target);
    await check?.(before, tx);
    if (before.version !== version) throw conflict(target.label);
    await delegate(tx, target.model).delete({ where: { id: target.id } });
    await auditChange(tx, ctx, 'DELETE', target.entity, target.id, auditable(target.model, before), null);
    return before;
  });
}

/** Postgres refusals (unique, foreign key, check) as coded errors; anything else passes through. */
export function translateDbError(error: unknown): unknown {
  if (error instanceof CodedError) return error;
  const e = error as { code?: string; meta?: Record<string, unknown> };
  const cause = (e.meta?.driverAdapterError as { cause?: { originalCode?: string; kind?: string; constraint?: unknown } })?.cause;
  const pgCode = cause?.originalCode;
  if (e.code === 'P2002' || pgCode === '23505') {
    return new CodedError('CONFLICT', `记录已存在（唯一性冲突）(a record with the same unique value already exists)`, {
      constraint: describeConstraint(e.meta?.target ?? cause?.constraint),
    });
  }
  if (e.code === 'P2003' || pgCode === '23503') {
    return new CodedError('CONFLICT', `该记录仍被其他记录引用，或引用的记录不存在 (a related record prevents this change)`);
  }
  // Row-level security refused the row (region scope): the write would land outside the viewer's region.
  if (pgCode === '42501') return forbidden('写入该区域的数据');
  if (pgCode === '23514' || e.code === 'P2004') {
    return new CodedError('BAD_USER_INPUT', `数据不满足约束条件 (the values break a database rule)`, {
      constraint: describeConstraint(cause?.constraint),
    });
  }
  return error;
}

function describeConstraint(target: unknown): string | undefined {
  if (target == null) return undefined;
  if (typeof target === 'string') return target;
  return JSON.stringify(target);
}
