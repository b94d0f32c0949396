// The household page's sections: members, incomes by year, contracts, employment.
import { useQuery } from '@tanstack/react-query';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  ArrayField,
  Datagrid,
  EditButton,
  Pagination,
  ReferenceManyField,
  TextField,
  useDataProvider,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../../common/enums.tsx';
import { MaskedIdField } from '../persons/MaskedIdField.tsx';
import { BirthField } from '../persons/BirthField.tsx';
import { can, type Viewer } from '../../auth/session.ts';
import type { ConsoleDataProvider } from '../../data/index.ts';
import { HOUSEHOLD_EMPLOYMENT } from '../../data/documents.ts';

export function MemberTable() {
  const { permissions } = usePermissions<Viewer>();
  return (
    <ArrayField source="members">
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" label="resources.persons.fields.name" />
        <MaskedIdField source="idNumber" label="resources.persons.fields.idNumber" />
        <EnumField source="gender" enumName="Gender" label="resources.persons.fields.gender" />
        <BirthField source="birthDate" label="resources.persons.fields.birthDate" />
        <EnumField source="relation" enumName="HouseholdRelation" label="resources.persons.fields.relation" />
        <EnumField source="laborCapacity" enumName="LaborCapacity" label="resources.persons.fields.laborCapacity" />
        <EnumField source="health" enumName="HealthStatus" label="resources.persons.fields.health" />
        <EnumField source="schooling" enumName="SchoolingStage" label="resources.persons.fields.schooling" />
        {can.writeHouseholds(permissions) && <EditButton resource="persons" />}
      </Datagrid>
    </ArrayField>
  );
}

const INCOME_COLUMNS = [
  'members_count',
  'wageIncome',
  'businessIncome',
  'propertyIncome',
  'transferIncome',
  'productionExpenses',
  'netIncome',
  'perCapitaNetIncome',
];

export function IncomeTable() {
  const record = useRecordContext();
  const translate = useTranslate();
  const rows = (record?.incomeRecords ?? []) as Record<string, unknown>[];
  if (rows.length === 0) return <Typography>{translate('app.dashboard.no_data')}</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.household.year')}</TableCell>
          {INCOME_COLUMNS.map((c) => (
            <TableCell key={c} align="right">
              {translate(`app.household.${c}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={String(r.id)}>
            <TableCell>{String(r.year)}</TableCell>
            {INCOME_COLUMNS.map((c) => (
              <TableCell key={c} align="right">
                {String(r[c === 'members_count' ? 'members' : c] ?? '')}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export const HouseholdContracts = () => (
  <ReferenceManyField reference="contracts" target="householdId" perPage={25} pagination={<Pagination />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="contractNumber" />
      <TextField source="entityName" sortable={false} />
      <EnumField source="mode" enumName="LinkageMode" sortable={false} />
      <TextField source="startDate" />
      <TextField source="endDate" sortable={false} />
      <TextField source="annualBenefit" />
    </Datagrid>
  </ReferenceManyField>
);

interface MemberEmployment {
  id: string;
  name: string;
  employments: {
    id: string;
    channelCode: string;
    postName: string | null;
    startDate: string;
    endDate: string | null;
    monthlyWage: string;
    active: boolean;
    employer: { name: string } | null;
  }[];
}

/** Employment hangs off each member (Person.employments): one query for the household. */
export function HouseholdEmployment() {
  const record = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { data, error, isPending } = useQuery({
    queryKey: ['householdEmployment', record?.id],
    enabled: !!record?.id,
    queryFn: () => dataProvider.graphql<{ node: { members: MemberEmployment[] } | null }>(HOUSEHOLD_EMPLOYMENT, { id: record!.id }),
  });
  if (isPending) return null;
  if (error) return <Typography color="error">{translate('app.unavailable', { message: (error as Error).message })}</Typography>;
  const rows = (data?.node?.members ?? []).flatMap((m) => m.employments.map((e) => ({ ...e, personName: m.name })));
  if (rows.length === 0) return <Typography>{translate('app.dashboard.no_data')}</Typography>;
  const f = (key: string) => translate(`resources.employments.fields.${key}`);
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {['personName', 'channel', 'employerName', 'postName', 'startDate', 'endDate', 'monthlyWage', 'active'].map((k) => (
            <TableCell key={k}>{f(k)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((e) => (
          <TableRow key={e.id}>
            <TableCell>{e.personName}</TableCell>
            <TableCell>{translate(`enums.EmploymentChannelCode.${e.channelCode}`)}</TableCell>
            <TableCell>{e.employer?.name ?? ''}</TableCell>
            <TableCell>{e.postName ?? ''}</TableCell>
            <TableCell>{e.startDate}</TableCell>
            <TableCell>{e.endDate ?? ''}</TableCell>
            <TableCell>{e.monthlyWage}</TableCell>
            <TableCell>{translate(e.active ? 'ra.boolean.true' : 'ra.boolean.false')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
