// 走访记录: cadres' household visits. The entry form has the nine aspects,
// each passed/failed with a note (a failed aspect becomes a risk point).
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  DateField,
  DateInput,
  FormDataConsumer,
  FunctionField,
  Labeled,
  ReferenceField,
  ReferenceInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxValue,
  required,
  useRecordContext,
  useTranslate,
  usePermissions,
} from 'react-admin';
import { Box, Stack, Typography } from '@mui/material';
import { AppCreate, AppForm, AppList } from '../../common/crud.tsx';
import { regionFilters } from '../../common/regions.tsx';
import { can, type Viewer } from '../../auth/session.ts';
import { VISIT_ASPECTS } from '../../data/specs/monitoring.ts';
import { todayInChinaIso } from '../../../../kernel/dates.ts';

const filters = [...regionFilters, <DateInput key="from" source="from" alwaysOn />, <DateInput key="to" source="to" alwaysOn />];

function VisitList() {
  const { permissions } = usePermissions<Viewer>();
  return (
    <AppList filters={filters} sort={{ field: 'visitedAt', order: 'DESC' }} canCreate={can.writeHouseholds(permissions)}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="householdNumber" sortable={false} />
        <TextField source="headName" sortable={false} />
        <TextField source="townshipName" sortable={false} />
        <TextField source="villageName" sortable={false} />
        <DateField source="visitedAt" />
        <TextField source="cadreName" sortable={false} />
        <TextField source="failedCount" sortable={false} />
        <TextField source="note" sortable={false} />
      </Datagrid>
    </AppList>
  );
}

function AspectTable() {
  const record = useRecordContext();
  const translate = useTranslate();
  const aspects = (record?.aspects ?? []) as { aspect: string; passed: boolean; note: string | null }[];
  return (
    <Labeled label="resources.visits.fields.aspects">
      <Table size="small" data-testid="visit-aspects">
        <TableHead>
          <TableRow>
            <TableCell>{translate('monitoring.visit.aspect')}</TableCell>
            <TableCell>{translate('monitoring.visit.passed')}</TableCell>
            <TableCell>{translate('monitoring.visit.note')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {aspects.map((a) => (
            <TableRow key={a.aspect}>
              <TableCell>{translate(`enums.VisitAspect.${a.aspect}`)}</TableCell>
              <TableCell sx={{ color: a.passed ? 'success.main' : 'error.main' }}>{a.passed ? '✓' : '✗'}</TableCell>
              <TableCell>{a.note ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

const VisitShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="householdId" reference="households" link="show" />
      <TextField source="headName" />
      <TextField source="villageName" />
      <DateField source="visitedAt" />
      <TextField source="cadreName" />
      <TextField source="note" />
      <AspectTable />
      <FunctionField
        source="riskPoints"
        render={(r: { riskPoints?: { id: string; description: string; resolvedAt: string | null }[] }) =>
          (r.riskPoints ?? []).map((p) => `${p.description}${p.resolvedAt ? `（${p.resolvedAt}）` : ''}`).join('；')
        }
      />
    </SimpleShowLayout>
  </Show>
);

/** One row per aspect: the aspect's name, passed (on by default) and a note required when it failed. */
function AspectInputs() {
  const translate = useTranslate();
  return (
    <Box data-testid="visit-aspect-inputs" sx={{ width: '100%' }}>
      <Typography variant="subtitle1">{translate('resources.visits.fields.aspects')}</Typography>
      {VISIT_ASPECTS.map((aspect, i) => (
        <Stack key={aspect} direction="row" spacing={2} alignItems="center" data-aspect={aspect}>
          <Typography sx={{ width: 120 }}>{translate(`enums.VisitAspect.${aspect}`)}</Typography>
          <BooleanInput source={`aspects.${i}.passed`} label="monitoring.visit.passed" helperText={false} />
          <FormDataConsumer>
            {({ formData }) =>
              formData.aspects?.[i]?.passed === false ? (
                <TextInput
                  source={`aspects.${i}.note`}
                  label="monitoring.visit.failed_note"
                  validate={required()}
                  helperText={false}
                  sx={{ minWidth: 360 }}
                />
              ) : null
            }
          </FormDataConsumer>
        </Stack>
      ))}
    </Box>
  );
}

// A cadre in Anhui after midnight China time is already on the next day, whatever the browser's zone.
const today = () => todayInChinaIso();
const householdText = (r: { householdNumber?: string; headName?: string | null }) =>
  `${r.householdNumber ?? ''} ${r.headName ?? ''}`.trim();

const VisitCreate = () => (
  <AppCreate>
    <AppForm defaultValues={{ visitedAt: today(), aspects: VISIT_ASPECTS.map((aspect) => ({ aspect, passed: true, note: '' })) }}>
      <ReferenceInput source="householdId" reference="households">
        <AutocompleteInput optionText={householdText} filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 320 }} />
      </ReferenceInput>
      <DateInput source="visitedAt" validate={[required(), maxValue(today())]} />
      <AspectInputs />
      <TextInput source="note" multiline fullWidth />
    </AppForm>
  </AppCreate>
);

export default {
  list: VisitList,
  show: VisitShow,
  create: VisitCreate,
  icon: PlaylistAddCheckIcon,
  recordRepresentation: 'householdNumber',
};
