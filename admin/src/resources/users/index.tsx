// 用户 (county administrator only). The API has no user administration yet: the
// list asks for a `users` connection and, while the API lacks it, says so and
// shows the logged-in user (what the API does offer: `viewer`).
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { Alert, Card, CardContent, Typography } from '@mui/material';
import { BooleanField, Datagrid, List, TextField, useListContext, usePermissions, useTranslate } from 'react-admin';
import { EnumField } from '../../common/enums.tsx';
import type { Viewer } from '../../auth/session.ts';

function UsersOrNotice() {
  const { error, isPending } = useListContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<Viewer>();
  if (isPending) return null;
  if (error) {
    return (
      <Card>
        <CardContent>
          <Alert severity="info" sx={{ mb: 2 }}>{translate('app.users.unavailable')}</Alert>
          <Typography>{translate('resources.users.fields.username')}: {permissions?.username}</Typography>
          <Typography>{translate('resources.users.fields.role')}: {permissions && translate(`enums.Role.${permissions.role}`)}</Typography>
          <Typography>{translate('resources.users.fields.regionCode')}: {permissions?.regionCode}</Typography>
          <Typography>
            {translate('resources.users.fields.canReadPersonalData')}: {translate(permissions?.canReadPersonalData ? 'ra.boolean.true' : 'ra.boolean.false')}
          </Typography>
        </CardContent>
      </Card>
    );
  }
  return (
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="username" />
      <TextField source="displayName" />
      <EnumField source="role" enumName="Role" />
      <TextField source="regionCode" />
      <BooleanField source="canReadPersonalData" />
      <BooleanField source="active" />
    </Datagrid>
  );
}

const UserList = () => (
  <List exporter={false} pagination={false} actions={false} queryOptions={{ retry: false, onError: () => undefined }}>
    <UsersOrNotice />
  </List>
);

export default { list: UserList, icon: ManageAccountsIcon, recordRepresentation: 'username' };
