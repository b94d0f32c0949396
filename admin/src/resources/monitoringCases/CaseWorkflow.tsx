// A case's history (who, when, why — stage names in Chinese) and the step the
// current user may take next. The API says which steps the user may take
// (availableActions) and which forward step the case waits for (nextStep):
// only that step is offered, plus rejection when the same user may reject.
// Reject and risk elimination need a reason; other steps take an optional opinion.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useSaveErrorHandler } from '../../common/conflict.tsx';
import type { ConsoleDataProvider } from '../../data/index.ts';
import { DECISION_MUTATIONS, caseStepDocument } from '../../data/specs/monitoring.ts';
import type { CaseStep } from '../../generated/schema.ts';

interface Transition {
  fromStage: string | null;
  toStage: string;
  reason: string | null;
  at: string;
  actor: { username: string; displayName: string; role: string };
}

const formatTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

export function CaseTimeline() {
  const record = useRecordContext();
  const translate = useTranslate();
  const transitions = (record?.transitions ?? []) as Transition[];
  const stage = (s: string | null) => (s ? translate(`enums.CaseStage.${s}`, { _: s }) : '');
  return (
    <Box data-testid="case-timeline">
      <Typography variant="h6">{translate('monitoring.timeline')}</Typography>
      <List dense>
        {transitions.map((t, i) => (
          <ListItem key={`${t.toStage}-${i}`} divider data-stage={t.toStage}>
            <ListItemText
              primary={t.fromStage ? translate('monitoring.from_to', { from: stage(t.fromStage), to: stage(t.toStage) }) : stage(t.toStage)}
              secondary={
                <>
                  <span>{`${t.actor.displayName}（${t.actor.username}，${translate(`enums.Role.${t.actor.role}`, { _: t.actor.role })}）`}</span>
                  {' · '}
                  <span>{formatTime(t.at)}</span>
                  {t.reason ? (
                    <>
                      <br />
                      <span>{`${translate('monitoring.reason')}：${t.reason}`}</span>
                    </>
                  ) : null}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

function StepDialog({ step, onClose }: { step: CaseStep; onClose: () => void }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useSaveErrorHandler();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const needsReason = (DECISION_MUTATIONS as readonly string[]).includes(step.mutation);
  const label = translate(`enums.CaseAction.${step.action}`, { _: step.label });
  const missing = needsReason && reason.trim() === '';

  const submit = async () => {
    if (!record || missing) return;
    setBusy(true);
    try {
      await dataProvider.graphql(caseStepDocument(step.mutation), {
        input: { id: record.id, version: record.version, reason: reason.trim() === '' ? null : reason.trim() },
      });
      notify(translate('monitoring.done', { step: label }), { type: 'success' });
      onClose();
      refresh();
    } catch (error) {
      onError(error);
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="case-step-dialog">
      <DialogTitle>{label}</DialogTitle>
      <DialogContent>
        <TextField
          name="reason"
          label={translate(needsReason ? 'monitoring.reason' : 'monitoring.opinion')}
          required={needsReason}
          error={missing && reason !== ''}
          helperText={needsReason ? translate('monitoring.reason_required') : ' '}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          fullWidth
          multiline
          minRows={2}
          margin="dense"
          autoFocus
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy || missing} data-testid="case-step-confirm">
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The next step the user may take (and rejection), or what the case waits for. */
export function CaseActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState<CaseStep | null>(null);
  if (!record) return null;
  const available = (record.availableActions ?? []) as CaseStep[];
  const next = record.nextStep as CaseStep | null;
  const primary = next ? available.find((a) => a.action === next.action) : undefined;
  const reject = available.find((a) => a.action === 'REJECT');
  const offered = [primary, reject].filter((s): s is CaseStep => !!s);

  return (
    <Box data-testid="case-actions" sx={{ my: 1 }}>
      {offered.length > 0 ? (
        <Stack direction="row" spacing={1}>
          {offered.map((step) => (
            <Button
              key={step.action}
              variant={step.action === 'REJECT' ? 'outlined' : 'contained'}
              color={step.action === 'REJECT' ? 'error' : 'primary'}
              data-action={step.action}
              onClick={() => setOpen(step)}
            >
              {translate(`enums.CaseAction.${step.action}`, { _: step.label })}
            </Button>
          ))}
        </Stack>
      ) : (
        <Alert severity="info" data-testid="case-no-action">
          {next
            ? `${translate('monitoring.no_action')}。${translate('monitoring.waiting_for', { step: translate(`enums.CaseAction.${next.action}`, { _: next.label }), role: translate(`enums.Role.${next.role}`, { _: next.role }) })}`
            : translate('monitoring.closed')}
        </Alert>
      )}
      {open && <StepDialog step={open} onClose={() => setOpen(null)} />}
    </Box>
  );
}
