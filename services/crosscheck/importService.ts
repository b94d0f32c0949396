// One department upload, start to end. The import row is first committed as
// PROCESSING (so the console can list it and poll its progress); then every
// record, every alert and the final counts are written in ONE transaction. If
// anything fails the transaction rolls back and the PROCESSING row is removed:
// nothing of the import remains. The same file (sha256, per data set kind)
// answers with the first import's report; a file that cannot be read or lacks
// a required column is kept only as a REJECTED import row with the reason.
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '../db.ts';
import type { DatasetKind, Department } from '../../prisma/generated/client/enums.ts';
import type { Viewer } from '../graphql/context.ts';
import { detectFormat, readTable, RejectedFile } from './parse.ts';
import { DATASETS, MAX_REPORTED_PROBLEMS, validateTable, type BadRow, type GoodRow, type ValidatedTable } from './validate.ts';
import { matchChunk } from './match.ts';
import { writeAudit } from '../audit/audit.ts';

export interface ImportReport {
  /** Why the whole file was refused (status REJECTED), else null. */
  rejected: string | null;
  /** The first MAX_REPORTED_PROBLEMS bad rows (the import's badRowCount is the total). */
  badRows: BadRow[];
  badRowsTruncated: boolean;
  /** Lines repeating an earlier line of the same file: the first MAX_REPORTED_PROBLEMS of them. */
  duplicateLines: number[];
  duplicateLineCount: number;
  /** Rows whose fact an earlier import already holds (same row_key). */
  alreadyImported: number;
  matched: number;
  unmatched: number;
  alertCount: number;
}

export interface ImportResult {
  id: number;
  department: Department;
  kind: DatasetKind;
  fileName: string;
  status: 'PROCESSING' | 'COMPLETED' | 'REJECTED';
  rowCount: number;
  badRowCount: number;
  importedAt: Date;
  report: ImportReport;
  /** Set when this file was imported before: the id of that import. */
  duplicateOf: number | null;
}

export interface ImportHooks {
  /** Rows per chunk (progress granularity); default 500. */
  chunkSize?: number;
  /** Test hook: runs inside the transaction after each chunk; throwing aborts the import. */
  afterChunk?: (importId: number, processed: number) => void | Promise<void>;
}

export interface Progress {
  processed: number;
  total: number;
}

// Progress of running imports, by import id. In memory: an import runs in the
// process that received the upload, and polling goes through the same server.
const progress = new Map<number, Progress>();
export const progressOf = (importId: number): Progress | undefined => progress.get(importId);

const emptyReport = (): ImportReport => ({
  rejected: null,
  badRows: [],
  badRowsTruncated: false,
  duplicateLines: [],
  duplicateLineCount: 0,
  alreadyImported: 0,
  matched: 0,
  unmatched: 0,
  alertCount: 0,
});

/** The stored report (the seed stores `[]`: older rows have no details). */
export function reportOf(json: unknown): ImportReport {
  const stored: Partial<ImportReport> =
    json && typeof json === 'object' && !Array.isArray(json) ? json : { badRows: Array.isArray(json) ? (json as BadRow[]) : [] };
  const report = { ...emptyReport(), ...stored };
  // Reports stored before the lists were capped at MAX_REPORTED_PROBLEMS: capped when read.
  return {
    ...report,
    badRows: report.badRows.slice(0, MAX_REPORTED_PROBLEMS),
    badRowsTruncated: report.badRowsTruncated || report.badRows.length > MAX_REPORTED_PROBLEMS,
    duplicateLines: report.duplicateLines.slice(0, MAX_REPORTED_PROBLEMS),
    duplicateLineCount: stored.duplicateLineCount ?? report.duplicateLines.length,
  };
}

type ImportRow = {
  id: number;
  department: Department;
  kind: DatasetKind;
  fileName: string;
  status: ImportResult['status'];
  rowCount: number;
  badRowCount: number;
  importedAt: Date;
  report: unknown;
};
const resultOf = (row: ImportRow, duplicateOf: number | null = null): ImportResult => ({
  id: row.id,
  department: row.department,
  kind: row.kind,
  fileName: row.fileName,
  status: row.status,
  rowCount: row.rowCount,
  badRowCount: row.badRowCount,
  importedAt: row.importedAt,
  report: reportOf(row.report),
  duplicateOf,
});

export interface UploadInput {
  department: Department;
  kind: DatasetKind;
  fileName: string;
  contentType: string | undefined;
  body: Buffer;
}

export async function runImport(prisma: PrismaClient, viewer: Viewer, input: UploadInput, hooks: ImportHooks = {}): Promise<ImportResult> {
  const spec = DATASETS[input.kind];
  if (!spec || spec.department !== input.department) throw new Error(`unsupported data set ${input.department}/${input.kind}`);
  const sha256 = createHash('sha256').update(input.body).digest('hex');
  const previous = await prisma.departmentImport.findUnique({ where: { kind_fileSha256: { kind: input.kind, fileSha256: sha256 } } });
  if (previous && (await isAbandoned(prisma, previous))) {
    // A server stopped mid-import: its transaction never committed, only the PROCESSING row remains.
    await prisma.departmentImport.deleteMany({ where: { id: previous.id, status: 'PROCESSING' } });
  } else if (previous) {
    return resultOf(previous as ImportRow, previous.id);
  }

  const base = {
    department: input.department,
    kind: input.kind,
    fileName: input.fileName.slice(0, 200),
    fileSha256: sha256,
    importedById: viewer.id,
  };
  let rows: ValidatedTable;
  try {
    const table = await readTable(input.body, detectFormat(input.contentType, input.fileName, input.body));
    rows = await validateTable(input.kind, spec, table);
  } catch (error) {
    if (!(error instanceof RejectedFile)) throw error;
    const report = { ...emptyReport(), rejected: error.message.slice(0, 1000) };
    return create(prisma, { ...base, status: 'REJECTED', report: report as never });
  }

  const created = await create(prisma, { ...base, status: 'PROCESSING' });
  if (created.duplicateOf !== null) return created;
  const importId = created.id;
  progress.set(importId, { processed: 0, total: rows.total });
  try {
    const row = await prisma.$transaction(async (tx) => finish(tx, importId, input.kind, rows, hooks, viewer), {
      timeout: 30 * 60_000,
      maxWait: 30_000,
    });
    return resultOf(row as ImportRow);
  } catch (error) {
    await prisma.departmentImport.deleteMany({ where: { id: importId, status: 'PROCESSING' } }).catch(() => {});
    throw error;
  } finally {
    progress.delete(importId);
  }
}

/** Namespace of the advisory lock an import's transaction holds until it commits or rolls back. */
const IMPORT_LOCK = 7301;

/**
 * A PROCESSING row whose lock nobody holds belongs to a server that stopped
 * mid-import (on any replica): its transaction is gone, only the row remains.
 */
async function isAbandoned(prisma: PrismaClient, row: { id: number; status: string }): Promise<boolean> {
  if (row.status !== 'PROCESSING' || progress.has(row.id)) return false;
  const [lock] = await prisma.$queryRaw<{ free: boolean }[]>`SELECT pg_try_advisory_xact_lock(${IMPORT_LOCK}::int, ${row.id}::int) AS free`;
  return lock?.free === true;
}

/** Inserts the import row; a concurrent upload of the same file loses the race and answers as a duplicate. */
async function create(prisma: PrismaClient, data: Prisma.DepartmentImportUncheckedCreateInput): Promise<ImportResult> {
  try {
    return resultOf((await prisma.departmentImport.create({ data })) as ImportRow);
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
    const first = await prisma.departmentImport.findUniqueOrThrow({
      where: { kind_fileSha256: { kind: data.kind, fileSha256: data.fileSha256 } },
    });
    return resultOf(first as ImportRow, first.id);
  }
}

async function finish(
  tx: Prisma.TransactionClient,
  importId: number,
  kind: DatasetKind,
  rows: ValidatedTable,
  hooks: ImportHooks,
  viewer: Viewer,
) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK}::int, ${importId}::int)`;
  const report = emptyReport();
  report.badRows = rows.bad;
  report.badRowsTruncated = rows.badCount > rows.bad.length;
  // The same fact twice in one file: the first line counts, later ones are listed.
  const firstLine = new Map<string, number>();
  const unique: GoodRow[] = [];
  for (const row of rows.good) {
    if (!firstLine.has(row.rowKey)) {
      firstLine.set(row.rowKey, row.line);
      unique.push(row);
    } else if (++report.duplicateLineCount <= MAX_REPORTED_PROBLEMS) report.duplicateLines.push(row.line);
  }
  const chunkSize = Math.max(1, hooks.chunkSize ?? 500);
  const seen = new Set<string>();
  let processed = rows.badCount + report.duplicateLineCount;
  progress.set(importId, { processed, total: rows.total });
  for (let i = 0; i < unique.length; i += chunkSize) {
    const chunk = unique.slice(i, i + chunkSize);
    const result = await matchChunk(tx, importId, kind, chunk, seen);
    report.alreadyImported += result.alreadyImported;
    report.matched += result.matched;
    report.unmatched += result.unmatched;
    report.alertCount += result.alerts;
    processed += chunk.length;
    progress.set(importId, { processed, total: rows.total });
    await hooks.afterChunk?.(importId, processed);
  }
  const row = await tx.departmentImport.update({
    where: { id: importId },
    data: { status: 'COMPLETED', rowCount: rows.total, badRowCount: rows.badCount, report: report as never },
  });
  await writeAudit(tx, {
    userId: viewer.id,
    action: 'CREATE',
    entity: 'DepartmentImport',
    entityId: String(importId),
    after: { kind, fileName: row.fileName, rowCount: rows.total, badRowCount: rows.badCount, alertCount: report.alertCount },
  });
  return row;
}
