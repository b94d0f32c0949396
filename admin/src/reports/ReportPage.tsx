// Indicator reports for statisticians: a view, measures, dimensions, a region
// and years → Cube → table and chart, exported to .xlsx or CSV.
import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControl,
  InputLabel,
  ListItemText,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Title, useGetList, useNotify, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { YEARS_2014_2020, num, shown, type CubeFilter, type CubeQuery } from '../cube/cube.ts';
import { hasMember, regionFilter } from '../cube/members.ts';
import { useCubeLoad, useCubeMeta } from '../cube/useCube.ts';
import { download } from '../export/download.ts';
import { csvBlob, stamp, xlsxBlob } from '../export/xlsx.ts';
import type { Column } from '../export/columns.ts';
import { FALLBACK_VIEWS, memberLabel } from './views.ts';

const COLORS = ['#1565c0', '#c62828', '#2e7d32', '#f9a825', '#6a1b9a', '#00838f'];
const YEARS = ['2013', ...YEARS_2014_2020, '2021', '2022', '2023', '2024', '2025'];

function Multi({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string[];
  options: { id: string; name: string }[];
  onChange: (v: string[]) => void;
  testId: string;
}) {
  return (
    <FormControl size="small" sx={{ minWidth: 220 }}>
      <InputLabel>{label}</InputLabel>
      <Select
        multiple
        label={label}
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value as string[])}
        renderValue={(v) => (v as string[]).map((id) => options.find((o) => o.id === id)?.name ?? id).join('、')}
      >
        {options.map((o) => (
          <MenuItem key={o.id} value={o.id}>
            <Checkbox size="small" checked={value.includes(o.id)} />
            <ListItemText primary={o.name} />
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

export function ReportPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const meta = useCubeMeta();
  const views = meta.data?.length ? meta.data : FALLBACK_VIEWS;
  const townships = useGetList('townships', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } });
  const [viewName, setViewName] = useState('poverty');
  const view = views.find((v) => v.name === viewName) ?? views[0]!;
  const [measures, setMeasures] = useState<string[]>(['poverty.poverty_incidence']);
  const [dimensions, setDimensions] = useState<string[]>(['poverty.year']);
  const [township, setTownship] = useState('');
  const [years, setYears] = useState<string[]>(YEARS_2014_2020);
  const [query, setQuery] = useState<CubeQuery | null>(null);
  const result = useCubeLoad(query);

  const pickView = (name: string) => {
    const next = views.find((v) => v.name === name)!;
    setViewName(name);
    setMeasures(next.measures.slice(0, 1).map((x) => x.name));
    setDimensions(
      next.dimensions
        .filter((d) => d.name.endsWith('.year'))
        .map((d) => d.name)
        .slice(0, 1),
    );
  };

  const run = () => {
    const filters: CubeFilter[] = [];
    const t = townships.data?.find((x) => x.code === township);
    if (t) filters.push(regionFilter(meta.data, view.name, 'township', { code: t.code, name: t.name }));
    const yearMember = `${view.name}.year`;
    if (years.length > 0 && (hasMember(meta.data, yearMember) || view.dimensions.some((d) => d.name === yearMember))) {
      filters.push({ member: yearMember, operator: 'equals', values: years });
    }
    setQuery({ measures, dimensions, filters, ...(dimensions[0] ? { order: { [dimensions[0]]: 'asc' } } : {}), limit: 5000 });
  };

  const columns: Column[] = useMemo(
    () =>
      [...dimensions, ...measures].map((member) => {
        const m = [...view.dimensions, ...view.measures].find((x) => x.name === member);
        return { key: member, header: m?.shortTitle ?? m?.title ?? member, value: (r) => r[member] ?? '' };
      }),
    [dimensions, measures, view],
  );
  const rows = result.data ?? [];
  const chartData = rows.map((r) => ({
    x: dimensions.map((d) => String(r[d] ?? '')).join(' / '),
    ...Object.fromEntries(measures.map((m) => [m, num(r[m])])),
  }));
  // The spreadsheet library loads on demand: a failed load is shown, not left as an unhandled rejection.
  const exportAs = (kind: 'xlsx' | 'csv') => {
    const name = `指标报表-${view.name}-${stamp()}`;
    (kind === 'xlsx' ? xlsxBlob(view.name, columns, rows) : Promise.resolve(csvBlob(columns, rows)))
      .then((blob) => download(blob, `${name}.${kind}`))
      .catch((error: unknown) => notify((error as Error).message, { type: 'error' }));
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.report.title" />
      <CardContent>
        <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap sx={{ mb: 2 }}>
          <FormControl size="small" sx={{ minWidth: 180 }}>
            <InputLabel>{translate('app.report.view')}</InputLabel>
            <Select
              label={translate('app.report.view')}
              value={view.name}
              data-testid="report-view"
              onChange={(e) => pickView(e.target.value)}
            >
              {views.map((v) => (
                <MenuItem key={v.name} value={v.name}>
                  {v.title ? `${v.title} (${v.name})` : v.name}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <Multi
            label={translate('app.report.measures')}
            value={measures}
            onChange={setMeasures}
            testId="report-measures"
            options={view.measures.map((x) => ({ id: x.name, name: memberLabel(x) }))}
          />
          <Multi
            label={translate('app.report.dimensions')}
            value={dimensions}
            onChange={setDimensions}
            testId="report-dimensions"
            options={view.dimensions.map((x) => ({ id: x.name, name: memberLabel(x) }))}
          />
          <FormControl size="small" sx={{ minWidth: 180 }}>
            <InputLabel>{translate('app.report.region')}</InputLabel>
            <Select label={translate('app.report.region')} value={township} onChange={(e) => setTownship(e.target.value)}>
              <MenuItem value="">{translate('app.report.all_regions')}</MenuItem>
              {(townships.data ?? []).map((t) => (
                <MenuItem key={t.code} value={t.code}>
                  {t.name}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <Multi
            label={translate('app.report.years')}
            value={years}
            onChange={setYears}
            testId="report-years"
            options={YEARS.map((y) => ({ id: y, name: y }))}
          />
          <Button variant="contained" onClick={run} disabled={measures.length === 0} data-testid="report-run">
            {translate('app.report.run')}
          </Button>
          <Button onClick={() => exportAs('xlsx')} disabled={rows.length === 0}>
            {translate('app.report.xlsx')}
          </Button>
          <Button onClick={() => exportAs('csv')} disabled={rows.length === 0}>
            {translate('app.report.csv')}
          </Button>
        </Stack>
        {result.error && (
          <Alert severity="warning">{translate('app.dashboard.cube_error', { message: (result.error as Error).message })}</Alert>
        )}
        {rows.length > 0 && (
          <>
            <Box sx={{ height: 320, mb: 2 }}>
              <ResponsiveContainer>
                <BarChart data={chartData}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="x" />
                  <YAxis />
                  <Tooltip />
                  <Legend />
                  {measures.map((m, i) => (
                    <Bar
                      key={m}
                      dataKey={m}
                      name={columns.find((c) => c.key === m)?.header}
                      fill={COLORS[i % COLORS.length]}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </Box>
            <Typography variant="caption">{translate('app.report.rows', { count: rows.length })}</Typography>
            <Table size="small" data-testid="report-table">
              <TableHead>
                <TableRow>
                  {columns.map((c) => (
                    <TableCell key={c.key}>{c.header}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((r, i) => (
                  <TableRow key={i}>
                    {columns.map((c) =>
                      measures.includes(c.key) ? (
                        <TableCell key={c.key} align="right" title={String(c.value(r))} data-value={String(c.value(r))}>
                          {shown(c.value(r))}
                        </TableCell>
                      ) : (
                        <TableCell key={c.key}>{String(c.value(r))}</TableCell>
                      ),
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}
