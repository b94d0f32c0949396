// A village's collective income as a year × source table (from the API).
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { enumValues } from '../../i18n/enums.ts';

export function CollectiveIncomeTable() {
  const village = useRecordContext();
  const translate = useTranslate();
  const { data, error, isPending } = useGetList(
    'collectiveIncomes',
    { filter: { villageCode: village?.code }, pagination: { page: 1, perPage: 100 }, sort: { field: 'year', order: 'DESC' } },
    { enabled: !!village?.code },
  );
  if (isPending) return null;
  if (error) return <Typography color="error">{translate('app.unavailable', { message: (error as Error).message })}</Typography>;
  const sources = enumValues('CollectiveIncomeSource');
  const years = [...new Set((data ?? []).map((r) => r.year as number))].sort((a, b) => b - a);
  const cell = (year: number, source: string) => data?.find((r) => r.year === year && r.source === source)?.amount ?? '';
  const total = (year: number) =>
    (data ?? []).filter((r) => r.year === year).reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0) / 100;
  if (years.length === 0) return <Typography>{translate('app.dashboard.no_data')}</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.collectiveIncomes.fields.year')}</TableCell>
          {sources.map((s) => (
            <TableCell key={s} align="right">
              {translate(`enums.CollectiveIncomeSource.${s}`)}
            </TableCell>
          ))}
          <TableCell align="right">Σ</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {years.map((year) => (
          <TableRow key={year}>
            <TableCell>{year}</TableCell>
            {sources.map((s) => (
              <TableCell key={s} align="right">
                {cell(year, s)}
              </TableCell>
            ))}
            <TableCell align="right">{total(year).toFixed(2)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
