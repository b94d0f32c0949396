// 部门比对预警: alerts raised by comparing department data with the household
// records; an open alert is confirmed or dismissed (dismissal needs a note).
// A stale version (someone reviewed it first) shows the conflict notice.
import { useState } from 'react';
import NotificationImportantIcon from '@mui/icons-material/NotificationImportant';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField as MuiTextField } from '@mui/material';
import {
  Datagrid,
  DateField,
  TextField,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  usePermissions,
} from 'react-admin';
import { AppList } from '../../common/crud.tsx';
import { EnumField, EnumInput } from '../../common/enums.tsx';
import { regionFilters } from '../../common/regions.tsx';
import { useSaveErrorHandler } from '../../common/conflict.tsx';
import { can, type Viewer } from '../../auth/session.ts';
import type { ConsoleDataProvider } from '../../data/index.ts';
import { REVIEW_ALERT } from '../../data/specs/monitoring.ts';

function ReviewDialog({ decision, onClose }: { decision: 'CONFIRM' | 'DISMISS'; onClose: () => void }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useSaveErrorHandler();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const missing = decision === 'DISMISS' && note.trim() === '';

  const submit = async () => {
    if (!record || missing) return;
    setBusy(true);
    try {
      await dataProvider.graphql(REVIEW_ALERT, { input: { id: record.id, version: record.version, decision, note: note.trim() || null } });
      notify('monitoring.alert.reviewed', { type: 'success' });
      refresh();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
      onClose();
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" onClick={(e) => e.stopPropagation()}>
      <DialogTitle>{translate(decision === 'CONFIRM' ? 'monitoring.alert.confirm' : 'monitoring.alert.dismiss')}</DialogTitle>
      <DialogContent>
        <MuiTextField
          name="note"
          label={translate('monitoring.alert.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          required={decision === 'DISMISS'}
          helperText={decision === 'DISMISS' ? translate('monitoring.alert.note_required') : ' '}
          fullWidth
          multiline
          minRows={2}
          margin="dense"
          slotProps={{ htmlInput: { maxLength: 500 } }}
          autoFocus
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || missing} onClick={() => void submit()} data-testid="alert-review-confirm">
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function ReviewButtons() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<Viewer>();
  const [decision, setDecision] = useState<'CONFIRM' | 'DISMISS' | null>(null);
  if (!record || record.status !== 'OPEN' || !can.reviewAlerts(permissions)) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ whiteSpace: 'nowrap' }}>
      <Button size="small" variant="outlined" onClick={() => setDecision('CONFIRM')} data-action="CONFIRM">
        {translate('monitoring.alert.confirm')}
      </Button>
      <Button size="small" color="warning" variant="outlined" onClick={() => setDecision('DISMISS')} data-action="DISMISS">
        {translate('monitoring.alert.dismiss')}
      </Button>
      {decision && <ReviewDialog decision={decision} onClose={() => setDecision(null)} />}
    </Stack>
  );
}

const filters = [
  ...regionFilters,
  <EnumInput key="status" source="status" enumName="AlertStatus" alwaysOn />,
  <EnumInput key="kind" source="kind" enumName="AlertKind" alwaysOn />,
];

const AlertList = () => (
  <AppList filters={filters} filterDefaultValues={{ status: 'OPEN' }} sort={{ field: 'createdAt', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <EnumField source="kind" enumName="AlertKind" />
      <TextField source="householdNumber" sortable={false} />
      <TextField source="personName" sortable={false} />
      <EnumField source="department" enumName="Department" sortable={false} />
      <TextField source="detail" sortable={false} />
      <DateField source="eventDate" sortable={false} />
      <DateField source="createdAt" />
      <EnumField source="status" enumName="AlertStatus" sortable={false} />
      <TextField source="reviewNote" sortable={false} />
      <TextField source="reviewerName" sortable={false} />
      <ReviewButtons />
    </Datagrid>
  </AppList>
);

export default { list: AlertList, icon: NotificationImportantIcon, recordRepresentation: 'detail' };
