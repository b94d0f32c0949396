// A village's indicators from Cube (poverty incidence and dual income by year),
// shown as Cube returns them for the logged-in user.
import { Alert, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { YEARS_2014_2020, shown } from '../../cube/cube.ts';
import { regionFilter } from '../../cube/members.ts';
import { useCubeLoad, useCubeMeta } from '../../cube/useCube.ts';

const POVERTY = ['poverty.poverty_incidence', 'poverty.poor_persons', 'poverty.rural_population', 'poverty.lifted_households'];
const DUAL = [
  'dual_income.collective_income',
  'dual_income.collective_income_growth',
  'dual_income.farmer_income_per_capita',
  'dual_income.farmer_income_growth',
];

export function VillageIndicators() {
  const village = useRecordContext();
  const translate = useTranslate();
  const meta = useCubeMeta();
  const ready = !!village && !meta.isPending;
  const region = { code: String(village?.code ?? ''), name: String(village?.name ?? '') };
  const poverty = useCubeLoad(
    ready
      ? {
          measures: POVERTY,
          dimensions: ['poverty.year'],
          filters: [
            regionFilter(meta.data, 'poverty', 'village', region),
            { member: 'poverty.year', operator: 'equals', values: YEARS_2014_2020 },
          ],
          order: { 'poverty.year': 'asc' },
        }
      : null,
  );
  const dual = useCubeLoad(
    ready
      ? {
          measures: DUAL,
          dimensions: ['dual_income.year'],
          filters: [regionFilter(meta.data, 'dual_income', 'village', region)],
          order: { 'dual_income.year': 'asc' },
        }
      : null,
  );
  const error = poverty.error ?? dual.error;
  if (error) return <Alert severity="warning">{translate('app.dashboard.cube_error', { message: (error as Error).message })}</Alert>;
  const title = (member: string) => meta.data?.flatMap((v) => v.measures).find((m) => m.name === member)?.shortTitle ?? member;
  const table = (rows: Record<string, unknown>[] | undefined, yearMember: string, members: string[]) => (
    <Table size="small" sx={{ mb: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.dashboard.year')}</TableCell>
          {members.map((m) => (
            <TableCell key={m} align="right">
              {title(m)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {(rows ?? []).map((row) => (
          <TableRow key={String(row[yearMember])}>
            <TableCell>{String(row[yearMember])}</TableCell>
            {members.map((m) => (
              <TableCell key={m} align="right" data-member={m} data-value={String(row[m] ?? '')} title={String(row[m] ?? '')}>
                {shown(row[m])}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  return (
    <>
      {table(poverty.data, 'poverty.year', POVERTY)}
      {table(dual.data, 'dual_income.year', DUAL)}
    </>
  );
}
