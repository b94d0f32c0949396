// REST endpoints for department uploads (a file is a raw body, not GraphQL):
//   POST /department-imports?department=…&kind=…&fileName=…  body: the CSV or xlsx file (≤ 20 MB)
//   GET  /department-imports/:id/progress                    { id, status, processed, total }
// Mounted by the platform with app.use('/api', departmentImportRouter({ prisma, jwtSecret })).
// Errors are JSON `{ code, message }` with the GraphQL API's codes.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { PrismaClient } from '../db.ts';
import { Department, DatasetKind } from '../../prisma/generated/client/enums.ts';
import { bearerToken, tokenRefusalMessage, viewerFromToken } from '../auth/token.ts';
import type { Viewer } from '../graphql/context.ts';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, serviceUnavailable } from '../dbErrors.ts';
import { parseIntId, requireIntId } from '../graphql/connections.ts';
import { decodeGlobalId, encodeGlobalId } from '../graphql/globalId.ts';
import { XLSX_MIME } from './parse.ts';
import { DATASETS } from './validate.ts';
import { progressOf, runImport, type ImportHooks, type ImportResult } from './importService.ts';
import { can } from '../../kernel/policy.ts';
import { scopedPrisma } from '../scopedDb.ts';
import { logger } from '../platform/log.ts';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const ACCEPTED_TYPES = [XLSX_MIME, 'text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];

export interface DepartmentImportRouterOptions {
  prisma: PrismaClient;
  jwtSecret: string;
  /** Tests only: chunk size and a failure injection point. */
  hooks?: ImportHooks;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const globalId = (id: number) => encodeGlobalId('DepartmentImport', id);

/** The import as the console sees it: ids as global ids (like GraphQL) plus the numeric id. */
export const importJson = (r: ImportResult) => ({
  id: globalId(r.id),
  importId: r.id,
  department: r.department,
  kind: r.kind,
  fileName: r.fileName,
  status: r.status,
  rowCount: r.rowCount,
  badRowCount: r.badRowCount,
  importedAt: r.importedAt.toISOString(),
  report: r.report,
  duplicateOf: r.duplicateOf === null ? null : globalId(r.duplicateOf),
});

function oneOf<T extends string>(values: Record<string, T>, raw: unknown, field: string): T {
  if (typeof raw === 'string' && raw in values) return values[raw]!;
  throw new HttpError(400, 'BAD_USER_INPUT', `${field}: 取值无效 (must be one of ${Object.keys(values).join(', ')})`, { field });
}

export function departmentImportRouter(options: DepartmentImportRouterOptions): Router {
  const { prisma, jwtSecret } = options;
  const router = express.Router();

  const authenticate = async (req: Request): Promise<Viewer> => {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new HttpError(401, 'UNAUTHENTICATED', '请先登录 (authentication required)');
    const result = await viewerFromToken(prisma, token, jwtSecret);
    if (!result.ok) throw new HttpError(401, 'UNAUTHENTICATED', tokenRefusalMessage(result.reason), { reason: result.reason });
    return result.viewer;
  };

  router.post(
    '/department-imports',
    // Authenticate before reading 20 MB from an anonymous caller.
    async (req, res, next) => {
      res.locals.viewer = await authenticate(req);
      next();
    },
    express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES }),
    async (req, res) => {
      const viewer = res.locals.viewer as Viewer;
      const department = oneOf(Department, req.query.department, 'department');
      const kind = oneOf(DatasetKind, req.query.kind, 'kind');
      const fileName = typeof req.query.fileName === 'string' ? req.query.fileName.trim() : '';
      if (!fileName || fileName.length > 200)
        throw new HttpError(400, 'BAD_USER_INPUT', 'fileName: 请提供文件名（最多 200 字）(file name required, at most 200 characters)', {
          field: 'fileName',
        });
      if (!can(viewer, 'UPLOAD_IMPORTS') || (viewer.role === 'DEPARTMENT_USER' && viewer.department !== department)) {
        throw new HttpError(
          403,
          'FORBIDDEN',
          '只能上传本部门的数据 (forbidden: only county administrators and the department itself may upload)',
        );
      }
      const spec = DATASETS[kind];
      if (!spec || spec.department !== department) {
        throw new HttpError(
          400,
          'BAD_USER_INPUT',
          `kind: 该部门不提供此类数据，或暂不支持 (${department} does not supply ${kind}, or it is not supported yet)`,
          { field: 'kind' },
        );
      }
      const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
      if (contentType && !ACCEPTED_TYPES.includes(contentType)) {
        throw new HttpError(415, 'BAD_USER_INPUT', `仅支持 CSV 或 xlsx 文件 (unsupported content type ${contentType})`, { field: 'body' });
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (body.length === 0) throw new HttpError(400, 'BAD_USER_INPUT', '文件为空 (empty body)', { field: 'body' });
      const result = await runImport(
        scopedPrisma(prisma, viewer),
        viewer,
        { department, kind, fileName, contentType, body },
        options.hooks,
      );
      const status = result.duplicateOf !== null ? 200 : result.status === 'REJECTED' ? 422 : 201;
      res.status(status).json(importJson(result));
    },
  );

  router.get('/department-imports/:id/progress', async (req, res) => {
    const viewer = await authenticate(req);
    // The numeric import id or its global id (the one decoder; another type is BAD_USER_INPUT).
    const raw = String(req.params.id);
    let id: number;
    try {
      id = /^\d+$/.test(raw) ? (parseIntId(raw) ?? -1) : requireIntId(decodeGlobalId(raw, 'id'), 'id', 'DepartmentImport');
    } catch (error) {
      throw new HttpError(400, 'BAD_USER_INPUT', (error as Error).message, { field: 'id' });
    }
    const row = await scopedPrisma(prisma, viewer).departmentImport.findFirst({
      where: { id },
      select: { id: true, status: true, rowCount: true },
    });
    if (!row) throw new HttpError(404, 'NOT_FOUND', '导入记录不存在或无权查看 (not found)');
    const live = progressOf(row.id);
    const p = row.status === 'PROCESSING' ? (live ?? { processed: 0, total: null }) : { processed: row.rowCount, total: row.rowCount };
    res.set('Cache-Control', 'no-store').json({ id: globalId(row.id), status: row.status, ...p });
  });

  router.use('/department-imports', (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = error as { status?: number; type?: string; message?: string };
    if (error instanceof HttpError) return void res.status(error.status).json({ code: error.code, message: error.message, ...error.extra });
    if (isDatabaseUnavailable(error)) {
      const { message, extensions } = serviceUnavailable();
      return void res
        .status(503)
        .set('Retry-After', String(RETRY_AFTER_SECONDS))
        .json({ message, ...extensions });
    }
    if (e.type === 'entity.too.large') {
      return void res.status(413).json({ code: 'BAD_USER_INPUT', message: '文件超过 20 MB (file larger than 20 MB)', limit: 'bodySize' });
    }
    logger.error({ err: error, component: 'crosscheck' }, 'department import failed');
    res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，导入未保存 (internal error; nothing was imported)' });
  });
  return router;
}
