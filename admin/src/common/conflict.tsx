// Saving over someone else's change: the API answers CONFLICT (stale version).
// The notice says so and offers to reload the record (its new version); the
// form then resets to the fresh values.
import { Alert, Button } from '@mui/material';
import { useCloseNotification, useNotify, useRefresh, useResourceContext, useTranslate } from 'react-admin';
import { errorCode, isVersionConflict, type ApiErrorBody } from '../data/graphql.ts';

function ConflictNotice() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const close = useCloseNotification();
  return (
    <Alert
      severity="warning"
      variant="filled"
      role="alert"
      data-testid="conflict-notice"
      action={
        <Button
          color="inherit"
          size="small"
          onClick={() => {
            refresh();
            close();
          }}
        >
          {translate('app.conflict.reload')}
        </Button>
      }
    >
      {translate('app.conflict.message')}
    </Alert>
  );
}

/** onError for saves and deletes: the conflict notice, the API's message otherwise. */
export function useSaveErrorHandler() {
  const notify = useNotify();
  const translate = useTranslate();
  const resource = useResourceContext();
  return (error: unknown) => {
    if (isVersionConflict(error)) {
      notify(<ConflictNotice />, { type: 'warning', autoHideDuration: null });
      return;
    }
    const code = errorCode(error);
    const body = (error as { body?: ApiErrorBody } | null)?.body;
    let message =
      code === 'FORBIDDEN' ? translate('app.forbidden') : ((error as Error)?.message ?? translate('ra.notification.http_error'));
    // BAD_USER_INPUT naming a field: the form shows it under the field; the notice names the field by its label.
    if (body?.field && body.errors?.[body.field]) {
      message = `${translate(`resources.${resource}.fields.${body.field}`, { _: body.field })}：${body.errors[body.field]}`;
    }
    notify(message, { type: 'error', messageArgs: { _: message } });
  };
}
