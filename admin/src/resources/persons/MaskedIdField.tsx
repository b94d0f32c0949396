// An ID number as the viewer may see it: the API masks it already for users
// without the personal-data permission; masking again here costs nothing and
// keeps a cached unmasked value from showing after a switch of user.
import { useRecordContext, usePermissions, useTranslate } from 'react-admin';
import { Tooltip } from '@mui/material';
import { maskResidentId } from '../../../../kernel/identifiers/residentId.ts';
import { can, type Viewer } from '../../auth/session.ts';

export function MaskedIdField({ source = 'idNumber' }: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const { permissions } = usePermissions<Viewer>();
  const translate = useTranslate();
  const value = record?.[source] as string | undefined;
  if (!value) return null;
  if (can.revealPersonalData(permissions) && !value.includes('*')) return <span>{value}</span>;
  return (
    <Tooltip title={translate('app.masked')}>
      <span data-masked="true">{value.includes('*') ? value : maskResidentId(value)}</span>
    </Tooltip>
  );
}
