// When a person was born, as the viewer may see it: the full date for viewers
// with the personal-data permission, only the year for everyone else (the API
// sends birthDate null then: with the masked ID it would rebuild the number).
import { Tooltip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export function BirthField(_props: { source?: string; label?: string; sortable?: boolean; sortBy?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (record?.birthDate) return <span>{String(record.birthDate)}</span>;
  if (record?.birthYear == null) return null;
  return (
    <Tooltip title={translate('app.masked')}>
      <span data-masked="true">{String(record.birthYear)}</span>
    </Tooltip>
  );
}
