// Department data set imports (大数据比对) in the API: the list, one import with
// its report, progress while it runs and the alerts it raised. Uploading is
// REST (routes.ts): a file is a raw body, not a GraphQL argument.
import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { labelledEnum } from '../graphql/enums.ts';
import { DepartmentEnum } from '../auth/login.ts';
import type { Prisma } from '../db.ts';
import { ImportStatus } from '../../prisma/generated/client/enums.ts';
import { AlertFilter, AlertOrderBy, alertWhere, CrosscheckUserRef, DatasetKindEnum } from './alert.ts';
import { progressOf, reportOf, type ImportReport, type Progress } from './importService.ts';

export const ImportStatusEnum = labelledEnum('ImportStatus', ImportStatus, '导入状态');

const BadRowRef = builder.objectRef<{ line: number; reason: string }>('ImportBadRow').implement({
  description: '未导入的行',
  fields: (t) => ({
    line: t.exposeInt('line', { description: '文件中的行号（表头为第 1 行）' }),
    reason: t.exposeString('reason', { description: '原因' }),
  }),
});

const ReportRef = builder.objectRef<ImportReport>('DepartmentImportReport').implement({
  description: '导入报告',
  fields: (t) => ({
    rejected: t.exposeString('rejected', { nullable: true, description: '整份文件被拒收的原因（状态为 REJECTED 时）' }),
    badRows: t.field({
      type: [BadRowRef],
      description: '未导入的行（行号与原因；最多列出前 100 行，总数见 badRowCount）',
      resolve: (r) => r.badRows,
    }),
    badRowsTruncated: t.exposeBoolean('badRowsTruncated', { description: '未导入的行超过 100 行，列表已截断' }),
    duplicateLines: t.exposeIntList('duplicateLines', { description: '与文件中前面某行重复的行号（最多列出前 100 个）' }),
    duplicateLineCount: t.exposeInt('duplicateLineCount', { description: '与文件中前面某行重复的行数（总数）' }),
    alreadyImported: t.exposeInt('alreadyImported', { description: '此前已导入过的记录数（未重复写入）' }),
    matched: t.exposeInt('matched', { description: '比对到人员的新记录数' }),
    unmatched: t.exposeInt('unmatched', { description: '未比对到人员的新记录数' }),
    alertCount: t.exposeInt('alertCount', { description: '产生的预警数' }),
  }),
});

const ProgressRef = builder.objectRef<{ processed: number; total: number | null }>('ImportProgress').implement({
  description: '导入进度（已处理行数 / 总行数）',
  fields: (t) => ({
    processed: t.exposeInt('processed'),
    total: t.exposeInt('total', { nullable: true, description: '总行数（未知时为空）' }),
  }),
});

export const DepartmentImportRef = builder.prismaNode('DepartmentImport', {
  description: '部门数据导入（大数据比对）',
  id: { field: 'id' },
  nullable: true,
  authScopes: { permission: 'READ_IMPORTS' },
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    department: t.expose('department', { type: DepartmentEnum }),
    kind: t.expose('kind', { type: DatasetKindEnum }),
    fileName: t.exposeString('fileName'),
    status: t.expose('status', { type: ImportStatusEnum }),
    rowCount: t.exposeInt('rowCount', { description: '数据行数（不含表头）' }),
    badRowCount: t.exposeInt('badRowCount', { description: '未导入的行数' }),
    report: t.field({ type: ReportRef, select: { report: true }, resolve: (i) => reportOf(i.report) }),
    progress: t.field({
      type: ProgressRef,
      description: '进度：处理中时为实时行数，完成后为总行数',
      select: { id: true, status: true, rowCount: true },
      resolve: (i): Progress | { processed: number; total: number | null } =>
        i.status === 'PROCESSING' ? (progressOf(i.id) ?? { processed: 0, total: null }) : { processed: i.rowCount, total: i.rowCount },
    }),
    importedBy: t.relation('importedBy', { type: CrosscheckUserRef }),
    importedAt: t.expose('importedAt', { type: 'DateTime' }),
    // One query per import: meant for an import's detail page (the list shows report.alertCount).
    alerts: t.prismaConnection({
      type: 'Alert',
      cursor: 'id',
      description: '本次导入产生的预警（按您的区域）',
      args: { filter: t.arg({ type: AlertFilter }), orderBy: t.arg({ type: AlertOrderBy }) },
      totalCount: (parent, args, ctx) =>
        ctx.prisma.alert.count({ where: { AND: [alertWhere(ctx, args.filter), { record: { importId: parent.id } }] } }),
      resolve: (query, parent, args, ctx) =>
        ctx.prisma.alert.findMany({
          ...query,
          where: { AND: [alertWhere(ctx, args.filter), { record: { importId: parent.id } }] },
          orderBy: prismaOrder(args.orderBy, 'id'),
        }),
    }),
  }),
});

const DepartmentImportFilter = builder.inputType('DepartmentImportFilter', {
  fields: (t) => ({
    department: t.field({ type: DepartmentEnum }),
    kind: t.field({ type: DatasetKindEnum }),
    status: t.field({ type: ImportStatusEnum }),
  }),
});
const DepartmentImportOrderBy = orderByInput('DepartmentImportOrderBy', { id: '创建顺序', importedAt: '导入时间' });

function importWhere(
  ctx: Context,
  filter: typeof DepartmentImportFilter.$inferInput | null | undefined,
): Prisma.DepartmentImportWhereInput {
  return {
    ...(filter?.department ? { department: filter.department } : {}),
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
  };
}

builder.queryField('departmentImports', (t) =>
  t.prismaConnection({
    type: 'DepartmentImport',
    cursor: 'id',
    description: '部门数据导入（县级管理员全部；部门用户本部门；乡镇工作人员为在本区域产生预警的导入）',
    authScopes: { permission: 'READ_IMPORTS' },
    args: { filter: t.arg({ type: DepartmentImportFilter }), orderBy: t.arg({ type: DepartmentImportOrderBy }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.departmentImport.count({ where: importWhere(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.departmentImport.findMany({
        ...query,
        where: importWhere(ctx, args.filter),
        orderBy: prismaOrder(args.orderBy, 'id', [{ importedAt: 'desc' }]),
      }),
  }),
);
