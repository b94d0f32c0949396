// 帮扶方案: one plan per monitored household; its measures grouped by family
// member (or the whole household), each with its status changed in place
// (version-checked: a stale one shows the conflict notice), and new measures.
import { useState } from 'react';
import HandshakeIcon from '@mui/icons-material/Handshake';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
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
  AutocompleteInput,
  Datagrid,
  DateField,
  ReferenceField,
  ReferenceInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  usePermissions,
} from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { AppCreate, AppForm, AppList } from '../../common/crud.tsx';
import { useEnumChoices } from '../../common/enums.tsx';
import { regionFilters } from '../../common/regions.tsx';
import { useSaveErrorHandler } from '../../common/conflict.tsx';
import { can, type Viewer } from '../../auth/session.ts';
import type { ConsoleDataProvider } from '../../data/index.ts';
import { ADD_MEASURE, HOUSEHOLD_MEMBERS, UPDATE_MEASURE } from '../../data/specs/monitoring.ts';

interface Measure {
  id: string;
  kind: string;
  description: string;
  status: string;
  version: number;
  person: { id: string; name: string } | null;
}

function PlanList() {
  const { permissions } = usePermissions<Viewer>();
  return (
    <AppList filters={regionFilters} sort={{ field: 'createdAt', order: 'DESC' }} canCreate={can.writeHouseholds(permissions)}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="householdNumber" sortable={false} />
        <TextField source="headName" sortable={false} />
        <TextField source="townshipName" sortable={false} />
        <TextField source="villageName" sortable={false} />
        <TextField source="summary" sortable={false} />
        <DateField source="createdAt" />
      </Datagrid>
    </AppList>
  );
}

function useMembers(householdId: string | undefined) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: ['householdMembers', householdId],
    enabled: !!householdId,
    queryFn: async () =>
      (await dataProvider.graphql<{ node: { members?: { id: string; name: string }[] } | null }>(HOUSEHOLD_MEMBERS, { id: householdId }))
        .node?.members ?? [],
  });
}

function StatusSelect({ measure, disabled }: { measure: Measure; disabled: boolean }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const statuses = useEnumChoices('MeasureStatus');
  const refresh = useRefresh();
  const notify = useNotify();
  const onError = useSaveErrorHandler();
  const change = async (status: string) => {
    try {
      await dataProvider.graphql(UPDATE_MEASURE, { input: { id: measure.id, version: measure.version, status } });
      notify('monitoring.plan.saved', { type: 'success' });
    } catch (error) {
      onError(error);
    }
    refresh();
  };
  return (
    <MuiTextField
      select
      size="small"
      value={measure.status}
      disabled={disabled}
      onChange={(e) => void change(e.target.value)}
      slotProps={{ htmlInput: { 'data-measure': measure.id } }}
    >
      {statuses.map((s) => (
        <MenuItem key={s.id} value={s.id}>
          {s.name}
        </MenuItem>
      ))}
    </MuiTextField>
  );
}

function AddMeasureDialog({ planId, members, onClose }: { planId: string; members: { id: string; name: string }[]; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const kinds = useEnumChoices('MeasureKind');
  const refresh = useRefresh();
  const onError = useSaveErrorHandler();
  const [kind, setKind] = useState('');
  const [personId, setPersonId] = useState('');
  const [description, setDescription] = useState('');
  const submit = async () => {
    try {
      await dataProvider.graphql(ADD_MEASURE, { input: { planId, kind, personId: personId || null, description: description.trim() } });
      refresh();
    } catch (error) {
      onError(error);
    }
    onClose();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('monitoring.plan.add_measure')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <MuiTextField
            select
            name="kind"
            label={translate('monitoring.plan.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            required
          >
            {kinds.map((k) => (
              <MenuItem key={k.id} value={k.id}>
                {k.name}
              </MenuItem>
            ))}
          </MuiTextField>
          <MuiTextField
            select
            name="personId"
            label={translate('monitoring.plan.person')}
            value={personId}
            onChange={(e) => setPersonId(e.target.value)}
          >
            <MenuItem value="">{translate('monitoring.plan.whole_household')}</MenuItem>
            {members.map((m) => (
              <MenuItem key={m.id} value={m.id}>
                {m.name}
              </MenuItem>
            ))}
          </MuiTextField>
          <MuiTextField
            name="description"
            label={translate('monitoring.plan.description')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            required
            multiline
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!kind || !description.trim()} onClick={() => void submit()}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Measures per person: the whole household's first, then each member's. */
function MeasuresByPerson() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<Viewer>();
  const { data: members = [] } = useMembers(record?.householdId as string | undefined);
  const [adding, setAdding] = useState(false);
  if (!record) return null;
  const measures = (record.measures ?? []) as Measure[];
  const groups = new Map<string, { name: string; measures: Measure[] }>();
  for (const m of measures) {
    const key = m.person?.id ?? '';
    const group = groups.get(key) ?? { name: m.person?.name ?? translate('monitoring.plan.whole_household'), measures: [] };
    group.measures.push(m);
    groups.set(key, group);
  }
  const writable = can.writeHouseholds(permissions);
  return (
    <Box data-testid="plan-measures">
      <Stack direction="row" justifyContent="space-between" alignItems="center">
        <Typography variant="h6">{translate('resources.assistancePlans.fields.measures')}</Typography>
        {writable && <Button onClick={() => setAdding(true)}>{translate('monitoring.plan.add_measure')}</Button>}
      </Stack>
      {[...groups.entries()]
        .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0))
        .map(([key, group]) => (
          <Box key={key || 'household'} sx={{ mb: 2 }}>
            <Typography variant="subtitle1">{group.name}</Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('monitoring.plan.kind')}</TableCell>
                  <TableCell>{translate('monitoring.plan.description')}</TableCell>
                  <TableCell>{translate('monitoring.plan.status')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {group.measures.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>{translate(`enums.MeasureKind.${m.kind}`)}</TableCell>
                    <TableCell>{m.description}</TableCell>
                    <TableCell>
                      <StatusSelect measure={m} disabled={!writable} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        ))}
      {adding && <AddMeasureDialog planId={String(record.id)} members={members} onClose={() => setAdding(false)} />}
    </Box>
  );
}

const PlanShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="householdId" reference="households" link="show" />
      <TextField source="headName" />
      <TextField source="villageName" />
      <TextField source="summary" />
      <DateField source="createdAt" showTime />
      <MeasuresByPerson />
    </SimpleShowLayout>
  </Show>
);

const householdText = (r: { householdNumber?: string; headName?: string | null }) =>
  `${r.householdNumber ?? ''} ${r.headName ?? ''}`.trim();

const PlanCreate = () => (
  <AppCreate>
    <AppForm>
      <ReferenceInput source="householdId" reference="households">
        <AutocompleteInput optionText={householdText} filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 320 }} />
      </ReferenceInput>
      <TextInput source="summary" multiline minRows={3} fullWidth validate={required()} />
    </AppForm>
  </AppCreate>
);

export default { list: PlanList, show: PlanShow, create: PlanCreate, icon: HandshakeIcon, recordRepresentation: 'householdNumber' };
