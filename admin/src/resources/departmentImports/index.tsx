// 部门数据导入: a department's file (CSV or xlsx) is posted raw to
// /api/department-imports; while the server works, the newest PROCESSING
// import's progress is polled; then the report lists the rows not imported
// with their line numbers. The list and the import page show past imports.
import { useEffect, useRef, useState } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import {
  Datagrid,
  DateField,
  Labeled,
  Link,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  Title,
  useDataProvider,
  useRecordContext,
  useTranslate,
  usePermissions,
} from 'react-admin';
import { AppList } from '../../common/crud.tsx';
import { EnumField, EnumInput, useEnumChoices } from '../../common/enums.tsx';
import { can, getToken, type Viewer } from '../../auth/session.ts';
import type { ConsoleDataProvider } from '../../data/index.ts';
import { IMPORT_IN_PROGRESS } from '../../data/specs/monitoring.ts';

interface Report {
  alertCount: number;
  alreadyImported: number;
  matched: number;
  unmatched: number;
  rejected: string | null;
  duplicateLines: number[];
  badRowsTruncated: boolean;
  badRows: { line: number; reason: string }[];
}

/** The report of an import: counts, then every bad row with its line number. */
export function ImportReport({ report }: { report: Report }) {
  const translate = useTranslate();
  const counts = [
    ['matched', report.matched],
    ['unmatched', report.unmatched],
    ['already', report.alreadyImported],
    ['alerts', report.alertCount],
  ] as const;
  return (
    <Box data-testid="import-report">
      {report.rejected && <Alert severity="error">{translate('monitoring.import.rejected', { reason: report.rejected })}</Alert>}
      <Stack direction="row" spacing={3} sx={{ my: 1 }}>
        {counts.map(([key, value]) => (
          <Typography key={key} data-key={key}>{`${translate(`monitoring.import.${key}`)}：${value}`}</Typography>
        ))}
      </Stack>
      {report.duplicateLines.length > 0 && (
        <Typography>{`${translate('monitoring.import.duplicates')}：${report.duplicateLines.join('、')}`}</Typography>
      )}
      <Typography variant="subtitle1" sx={{ mt: 1 }}>
        {translate('monitoring.import.bad_rows')}
      </Typography>
      {report.badRows.length === 0 ? (
        <Typography color="text.secondary">{translate('monitoring.import.no_bad_rows')}</Typography>
      ) : (
        <Table size="small" data-testid="import-bad-rows">
          <TableHead>
            <TableRow>
              <TableCell>{translate('monitoring.import.line')}</TableCell>
              <TableCell>{translate('monitoring.import.reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.badRows.map((r) => (
              <TableRow key={r.line}>
                <TableCell>{r.line}</TableCell>
                <TableCell>{r.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {report.badRowsTruncated && <Alert severity="warning">{translate('monitoring.import.truncated')}</Alert>}
    </Box>
  );
}

function ReportField() {
  const record = useRecordContext();
  return record?.report ? (
    <Labeled label="monitoring.import.report">
      <ImportReport report={record.report as Report} />
    </Labeled>
  ) : null;
}

const filters = [
  <EnumInput key="department" source="department" enumName="Department" alwaysOn />,
  <EnumInput key="kind" source="kind" enumName="DatasetKind" alwaysOn />,
  <EnumInput key="status" source="status" enumName="ImportStatus" alwaysOn />,
];

function ImportList() {
  const { permissions } = usePermissions<Viewer>();
  return (
    <AppList filters={filters} sort={{ field: 'importedAt', order: 'DESC' }} canCreate={can.uploadImports(permissions)}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateField source="importedAt" showTime />
        <EnumField source="department" enumName="Department" sortable={false} />
        <EnumField source="kind" enumName="DatasetKind" sortable={false} />
        <TextField source="fileName" sortable={false} />
        <EnumField source="status" enumName="ImportStatus" sortable={false} />
        <NumberField source="rowCount" sortable={false} />
        <NumberField source="badRowCount" sortable={false} />
        <TextField source="importedByName" sortable={false} />
      </Datagrid>
    </AppList>
  );
}

const ImportShow = () => (
  <Show>
    <SimpleShowLayout>
      <DateField source="importedAt" showTime />
      <EnumField source="department" enumName="Department" />
      <EnumField source="kind" enumName="DatasetKind" />
      <TextField source="fileName" />
      <EnumField source="status" enumName="ImportStatus" />
      <NumberField source="rowCount" />
      <NumberField source="badRowCount" />
      <TextField source="importedByName" />
      <ReportField />
    </SimpleShowLayout>
  </Show>
);

interface UploadResult {
  id?: string;
  status?: string;
  report?: Report;
  message?: string;
  code?: string;
}

/** POST the raw file; the upload's own progress from XHR, the server's from polling. */
function postFile(url: string, file: File, onUpload: (fraction: number) => void): Promise<{ status: number; body: UploadResult }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = getToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onUpload(e.loaded / e.total);
    xhr.onload = () => {
      let body: UploadResult;
      try {
        body = JSON.parse(xhr.responseText) as UploadResult;
      } catch {
        body = { message: `HTTP ${xhr.status}` };
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('无法连接服务器 (cannot reach the server)'));
    xhr.send(file);
  });
}

function ImportUpload() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { permissions } = usePermissions<Viewer & { department?: string }>();
  const departments = useEnumChoices('Department');
  const kinds = useEnumChoices('DatasetKind');
  const [department, setDepartment] = useState('');
  const [kind, setKind] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [progress, setProgress] = useState<{ processed: number; total: number | null } | null>(null);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const polling = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(
    () => () => {
      if (polling.current) clearInterval(polling.current);
    },
    [],
  );
  useEffect(() => {
    if (permissions?.department && !department) setDepartment(permissions.department);
  }, [permissions, department]);

  const busy = uploaded !== null && result === null && error === null;
  const upload = async () => {
    if (!file || !department || !kind) return;
    setResult(null);
    setError(null);
    setProgress(null);
    setUploaded(0);
    polling.current = setInterval(() => {
      dataProvider
        .graphql<{ departmentImports: { edges: { node: { progress: { processed: number; total: number | null } } }[] } }>(
          IMPORT_IN_PROGRESS,
          { filter: { department, kind, status: 'PROCESSING' } },
        )
        .then((d) => {
          const node = d.departmentImports.edges[0]?.node;
          if (node) setProgress(node.progress);
        })
        .catch(() => {});
    }, 1000);
    try {
      const query = new URLSearchParams({ department, kind, fileName: file.name });
      const { status, body } = await postFile(`/api/department-imports?${query}`, file, setUploaded);
      if (status >= 400 && !body.report) setError(body.message ?? `HTTP ${status}`);
      else setResult(body);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      if (polling.current) clearInterval(polling.current);
      polling.current = null;
    }
  };

  return (
    <Card>
      <Title title="resources.departmentImports.name" />
      <CardContent>
        <Stack spacing={2} sx={{ maxWidth: 560 }}>
          <MuiTextField
            select
            name="department"
            label={translate('resources.departmentImports.fields.department')}
            value={department}
            onChange={(e) => setDepartment(e.target.value)}
            disabled={busy || !!permissions?.department}
          >
            {departments.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.name}
              </MenuItem>
            ))}
          </MuiTextField>
          <MuiTextField
            select
            name="kind"
            label={translate('resources.departmentImports.fields.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            disabled={busy}
          >
            {kinds.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.name}
              </MenuItem>
            ))}
          </MuiTextField>
          <Button variant="outlined" component="label" disabled={busy}>
            {file ? file.name : translate('monitoring.import.choose_file')}
            <input hidden type="file" name="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Button>
          <Button
            variant="contained"
            onClick={() => void upload()}
            disabled={busy || !file || !department || !kind}
            data-testid="import-upload"
          >
            {translate('monitoring.import.upload')}
          </Button>
          {busy && (
            <Box data-testid="import-progress">
              <Typography>
                {progress
                  ? translate('monitoring.import.processing', { processed: progress.processed, total: progress.total ?? '?' })
                  : translate('monitoring.import.uploading')}
              </Typography>
              <LinearProgress
                variant={progress?.total ? 'determinate' : uploaded !== null && uploaded < 1 ? 'determinate' : 'indeterminate'}
                value={progress?.total ? (100 * progress.processed) / progress.total : 100 * (uploaded ?? 0)}
              />
            </Box>
          )}
          {error && (
            <Alert severity="error" data-testid="import-error">
              {error}
            </Alert>
          )}
        </Stack>
        {result?.report && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="h6">{translate('monitoring.import.report')}</Typography>
            <ImportReport report={result.report} />
            {result.id && (
              <Link to={`/departmentImports/${encodeURIComponent(result.id)}/show`}>{translate('monitoring.import.open')}</Link>
            )}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

export default { list: ImportList, show: ImportShow, create: ImportUpload, icon: UploadFileIcon, recordRepresentation: 'fileName' };
