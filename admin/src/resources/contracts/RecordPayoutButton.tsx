// "Record a payout" on a contract: a small dialog and the API's payout mutation.
import { useState } from 'react';
import PaymentsIcon from '@mui/icons-material/Payments';
import { Dialog, DialogContent, DialogTitle } from '@mui/material';
import {
  Button,
  DateInput,
  Form,
  SaveButton,
  TextInput,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { money } from '../../common/validators.ts';
import type { ConsoleDataProvider } from '../../data/index.ts';
import { useSaveErrorHandler } from '../../common/conflict.tsx';
import { RECORD_PAYOUT } from '../../data/documents.ts';

export function RecordPayoutButton() {
  const contract = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useSaveErrorHandler();
  const [open, setOpen] = useState(false);
  if (!contract) return null;

  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.graphql(RECORD_PAYOUT, {
        input: { contractId: contract.id, paidAt: values.paidAt, amount: String(values.amount).trim(), note: values.note || null },
      });
      notify('app.payout.saved', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      onError(error);
      return (error as { body?: { errors?: Record<string, string> } }).body?.errors;
    }
  };

  return (
    <>
      <Button label={translate('app.payout.record')} onClick={() => setOpen(true)}>
        <PaymentsIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('app.payout.title')}</DialogTitle>
        <DialogContent>
          <Form onSubmit={submit} mode="onChange">
            <DateInput source="paidAt" label="resources.contracts.fields.paidAt" validate={required()} />
            <TextInput source="amount" label="resources.contracts.fields.amount" validate={[required(), money]} />
            <TextInput source="note" label="resources.contracts.fields.note" fullWidth />
            <SaveButton />
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
}
