// 筛查预警: the warnings of the annual screening, and "运行筛查" for a year
// (over the user's region), which shows the screening report and refreshes the list.
import { useState } from 'react';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import {
  Button as MuiButton,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField as MuiTextField,
} from '@mui/material';
import {
  Button,
  Datagrid,
  DateField,
  FilterButton,
  FunctionField,
  NumberField,
  NumberInput,
  TextField,
  TopToolbar,
  useDataProvider,
  useRefresh,
  useTranslate,
  usePermissions,
} from 'react-admin';
import { AppList } from '../../common/crud.tsx';
import { EnumField, EnumInput } from '../../common/enums.tsx';
import { regionFilters } from '../../common/regions.tsx';
import { ExportButton } from '../../export/ExportButton.tsx';
import { useSaveErrorHandler } from '../../common/conflict.tsx';
import { can, type Viewer } from '../../auth/session.ts';
import type { ConsoleDataProvider } from '../../data/index.ts';
import { RUN_SCREENING } from '../../data/specs/monitoring.ts';

interface ScreeningReport {
  year: number;
  regionCode: string;
  evaluated: number;
  candidates: number;
  raised: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  settled: number;
  byLevel: { level: string; count: number }[];
}

const REPORT_ROWS = ['evaluated', 'candidates', 'raised', 'updated', 'unchanged', 'withdrawn', 'settled'] as const;

function RunScreeningButton() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const refresh = useRefresh();
  const onError = useSaveErrorHandler();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ScreeningReport | null>(null);

  const run = async () => {
    setBusy(true);
    setReport(null);
    try {
      const data = await dataProvider.graphql<{ runScreening: ScreeningReport }>(RUN_SCREENING, { year: Number.parseInt(year, 10) });
      setReport(data.runScreening);
      refresh();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label={translate('monitoring.screening.run')}
        onClick={() => {
          setOpen(true);
          setReport(null);
        }}
        data-testid="run-screening"
      >
        <PlayArrowIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('monitoring.screening.run')}</DialogTitle>
        <DialogContent>
          <MuiTextField
            name="screeningYear"
            type="number"
            label={translate('monitoring.screening.year')}
            value={year}
            margin="dense"
            onChange={(e) => setYear(e.target.value)}
            disabled={busy}
          />
          {report && (
            <Table size="small" data-testid="screening-report">
              <TableBody>
                <TableRow>
                  <TableCell>{translate('monitoring.screening.region')}</TableCell>
                  <TableCell>{`${report.regionCode}（${report.year}）`}</TableCell>
                </TableRow>
                {REPORT_ROWS.map((key) => (
                  <TableRow key={key}>
                    <TableCell>{translate(`monitoring.screening.${key}`)}</TableCell>
                    <TableCell data-key={key}>{report[key]}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell>{translate('monitoring.screening.by_level')}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1}>
                      {report.byLevel.map((l) => (
                        <Chip key={l.level} size="small" label={`${translate(`enums.WarningLevel.${l.level}`)} ${l.count}`} />
                      ))}
                    </Stack>
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.close')}</MuiButton>
          <MuiButton variant="contained" disabled={busy || !/^\d{4}$/.test(year)} onClick={() => void run()}>
            {translate('monitoring.screening.run')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

const filters = [
  ...regionFilters,
  <NumberInput key="year" source="year" alwaysOn />,
  <EnumInput key="level" source="level" enumName="WarningLevel" alwaysOn />,
  <EnumInput key="status" source="status" enumName="WarningStatus" alwaysOn />,
  <EnumInput key="kind" source="kind" enumName="WarningKind" />,
];

function WarningActions() {
  const { permissions } = usePermissions<Viewer>();
  return (
    <TopToolbar>
      <FilterButton />
      {can.writeHouseholds(permissions) && <RunScreeningButton />}
      <ExportButton />
    </TopToolbar>
  );
}

const WarningList = () => (
  <AppList filters={filters} sort={{ field: 'level', order: 'ASC' }} actions={<WarningActions />}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="householdNumber" sortable={false} />
      <TextField source="headName" sortable={false} />
      <TextField source="townshipName" sortable={false} />
      <TextField source="villageName" sortable={false} />
      <TextField source="year" />
      <EnumField source="level" enumName="WarningLevel" />
      <EnumField source="kind" enumName="WarningKind" sortable={false} />
      <EnumField source="status" enumName="WarningStatus" sortable={false} />
      <NumberField source="perCapitaNetIncome" sortable={false} options={{ maximumFractionDigits: 2 }} />
      <FunctionField source="reasons" sortable={false} render={(r: { reasons?: string[] }) => (r.reasons ?? []).join('；')} />
      <DateField source="createdAt" sortable={false} />
    </Datagrid>
  </AppList>
);

export default { list: WarningList, icon: WarningAmberIcon, recordRepresentation: 'householdNumber' };
