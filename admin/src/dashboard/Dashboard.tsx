// The dashboard: Cube's answers for the logged-in user (Cube scopes to the
// token's region), charted with recharts. Values are Cube's own; the cards
// show them as returned (data-value holds the raw string for checks).
import { Alert, Box, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { YEARS_2014_2020, num, shown, type CubeRow } from '../cube/cube.ts';
import { useCubeLoad } from '../cube/useCube.ts';
import { DASHBOARD_QUERIES } from './queries.ts';

function Panel({ title, error, children, testId }: { title: string; error?: unknown; children: React.ReactNode; testId: string }) {
  const translate = useTranslate();
  return (
    <Card data-testid={testId} sx={{ minWidth: 0 }}>
      <CardHeader title={title} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent sx={{ height: 300, display: 'flex', flexDirection: 'column' }}>
        {error ? (
          <Alert severity="warning">{translate('app.dashboard.cube_error', { message: (error as Error).message })}</Alert>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
}

const series = (rows: CubeRow[] | undefined, x: string, ys: string[]) =>
  (rows ?? []).map((row) => ({ x: String(row[x] ?? ''), ...Object.fromEntries(ys.map((y) => [y, num(row[y])])) }));

export function Dashboard() {
  const translate = useTranslate();
  const incidence = useCubeLoad(DASHBOARD_QUERIES.incidence);
  const lifted = useCubeLoad(DASHBOARD_QUERIES.lifted);
  const dual = useCubeLoad(DASHBOARD_QUERIES.dualIncome);
  const employment = useCubeLoad(DASHBOARD_QUERIES.employment);
  const coverage = useCubeLoad(DASHBOARD_QUERIES.coverage);
  const coverageRow = coverage.data?.[0];

  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, mt: 2 }}>
      <Title title="app.dashboard.title" />
      <Panel title={translate('app.dashboard.incidence')} error={incidence.error} testId="incidence">
        <ResponsiveContainer width="100%" height="100%" minHeight={200}>
          <LineChart data={series(incidence.data, 'poverty.year', ['poverty.poverty_incidence'])}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" ticks={YEARS_2014_2020} />
            <YAxis />
            <Tooltip />
            <Line
              type="monotone"
              dataKey="poverty.poverty_incidence"
              name={translate('app.dashboard.incidence')}
              stroke="#c62828"
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
        <ValueList rows={incidence.data} x="poverty.year" y="poverty.poverty_incidence" testId="incidence-values" />
      </Panel>
      <Panel title={translate('app.dashboard.lifted')} error={lifted.error} testId="lifted">
        <ResponsiveContainer width="100%" height="100%" minHeight={200}>
          <BarChart data={series(lifted.data, 'poverty.year', ['poverty.lifted_households'])}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" />
            <YAxis />
            <Tooltip />
            <Bar dataKey="poverty.lifted_households" name={translate('app.dashboard.lifted')} fill="#2e7d32" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Panel>
      <Panel title={translate('app.dashboard.dualIncome')} error={dual.error} testId="dual-income">
        <ResponsiveContainer width="100%" height="100%" minHeight={200}>
          <BarChart
            data={series(dual.data, 'dual_income.township', ['dual_income.collective_income_growth', 'dual_income.farmer_income_growth'])}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" interval={0} angle={-30} textAnchor="end" height={60} />
            <YAxis />
            <Tooltip />
            <Legend />
            <Bar
              dataKey="dual_income.collective_income_growth"
              name={translate('app.dashboard.collectiveGrowth')}
              fill="#1565c0"
              isAnimationActive={false}
            />
            <Bar
              dataKey="dual_income.farmer_income_growth"
              name={translate('app.dashboard.farmerGrowth')}
              fill="#f9a825"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </Panel>
      <Panel title={translate('app.dashboard.employment')} error={employment.error} testId="employment">
        <ResponsiveContainer width="100%" height="100%" minHeight={200}>
          <BarChart
            layout="vertical"
            data={(employment.data ?? []).map((r) => ({
              x: translate(`enums.EmploymentChannelCode.${r['employment.channel']}`, { _: String(r['employment.channel']) }),
              y: num(r['employment.employed_persons']),
            }))}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" />
            <YAxis type="category" dataKey="x" width={110} />
            <Tooltip />
            <Bar dataKey="y" name={translate('app.dashboard.employment')} fill="#6a1b9a" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Panel>
      <Panel title={translate('app.dashboard.coverage')} error={coverage.error} testId="coverage">
        <Typography
          variant="h3"
          data-testid="coverage-value"
          data-value={String(coverageRow?.['benefit_linkage.linkage_coverage'] ?? '')}
          title={String(coverageRow?.['benefit_linkage.linkage_coverage'] ?? '')}
        >
          {coverageRow ? `${shown(coverageRow['benefit_linkage.linkage_coverage'])} %` : '–'}
        </Typography>
        <Typography
          color="text.secondary"
          data-testid="linked-households"
          data-value={String(coverageRow?.['benefit_linkage.linked_households'] ?? '')}
        >
          {translate('app.dashboard.linked')}: {shown(coverageRow?.['benefit_linkage.linked_households'])}
          {' · '}
          {translate('app.dashboard.contracts')}: {shown(coverageRow?.['benefit_linkage.contract_count'])}
        </Typography>
      </Panel>
    </Box>
  );
}

/** The values under a chart (screen readers, tests, and anyone who wants the figure). */
function ValueList({ rows, x, y, testId }: { rows?: CubeRow[]; x: string; y: string; testId: string }) {
  return (
    <Box data-testid={testId} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, fontSize: 12, color: 'text.secondary' }}>
      {(rows ?? []).map((row) => (
        <span key={String(row[x])} data-key={String(row[x])} data-value={String(row[y] ?? '')} title={String(row[y] ?? '')}>
          {String(row[x])}: {shown(row[y])}
        </span>
      ))}
    </Box>
  );
}
