// 用户 (county administrator only; App.tsx registers the resource for them alone):
// list, create, edit and "reset password". The API never returns a password.
import { isRole, roleCan } from '../../../../kernel/policy.ts';
import { useState } from 'react';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import LockResetIcon from '@mui/icons-material/LockReset';
import { Dialog, DialogContent, DialogTitle } from '@mui/material';
import {
  BooleanField,
  BooleanInput,
  Button,
  Datagrid,
  DateField,
  EditButton,
  Form,
  FormDataConsumer,
  NullableBooleanInput,
  PasswordInput,
  SaveButton,
  TextField,
  TextInput,
  maxLength,
  minLength,
  regex,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { AppCreate, AppEdit, AppForm, AppList } from '../../common/crud.tsx';
import { EnumField, EnumInput } from '../../common/enums.tsx';
import { useSaveErrorHandler } from '../../common/conflict.tsx';
import type { ConsoleDataProvider } from '../../data/index.ts';
import { RESET_USER_PASSWORD } from '../../data/specs/users.ts';

// The API's rules, checked here first for a quicker answer (the API decides).
const USERNAME = [required(), regex(/^[a-z0-9_.-]{3,40}$/, 'app.users.usernameRule')];
const PASSWORD = [required(), minLength(10, 'app.users.passwordRule'), maxLength(200)];
const REGION = [required(), regex(/^(\d{6}|\d{9}|\d{12})$/, 'app.users.regionRule')];
const notDemoPassword = (value: unknown) => (value === 'demo-password' ? 'app.users.demoPassword' : undefined);

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <EnumInput key="role" source="role" enumName="Role" alwaysOn />,
  <TextInput key="regionCode" source="regionCode" />,
  <NullableBooleanInput key="active" source="active" />,
];

const UserList = () => (
  <AppList filters={filters} canCreate sort={{ field: 'username', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="username" />
      <TextField source="displayName" sortable={false} />
      <EnumField source="role" enumName="Role" />
      <TextField source="regionCode" sortable={false} />
      <EnumField source="department" enumName="Department" />
      <BooleanField source="canReadPersonalData" sortable={false} />
      <BooleanField source="active" sortable={false} />
      <DateField source="createdAt" showTime />
      <EditButton />
      <ResetPasswordButton />
    </Datagrid>
  </AppList>
);

/** Role-dependent fields: a department only for department users; statisticians never read personal data. */
const RoleFields = () => (
  <>
    <EnumInput source="role" enumName="Role" validate={required()} />
    <TextInput source="regionCode" validate={REGION} helperText="app.users.regionHelp" />
    <FormDataConsumer>
      {({ formData }) => (
        <>
          {formData.role === 'DEPARTMENT_USER' && <EnumInput source="department" enumName="Department" validate={required()} />}
          {isRole(formData.role) && roleCan(formData.role, 'READ_PERSONAL_DATA') && <BooleanInput source="canReadPersonalData" />}
        </>
      )}
    </FormDataConsumer>
  </>
);

/** Clears what the role forbids, so the form never sends a combination the API refuses. */
const consistent = (data: Record<string, unknown>) => ({
  ...data,
  department: data.role === 'DEPARTMENT_USER' ? data.department : null,
  canReadPersonalData: isRole(data.role) && roleCan(data.role, 'READ_PERSONAL_DATA') && data.canReadPersonalData === true,
});

const UserCreate = () => (
  <AppCreate transform={consistent} redirect="list">
    <AppForm defaultValues={{ canReadPersonalData: false }}>
      <TextInput source="username" validate={USERNAME} />
      <TextInput source="displayName" validate={[required(), maxLength(40)]} />
      <PasswordInput source="password" validate={[...PASSWORD, notDemoPassword]} />
      <RoleFields />
    </AppForm>
  </AppCreate>
);

const UserEdit = () => (
  <AppEdit transform={consistent} redirect="list">
    <AppForm>
      <TextInput source="username" disabled />
      <TextInput source="displayName" validate={[required(), maxLength(40)]} />
      <RoleFields />
      <BooleanInput source="active" />
    </AppForm>
  </AppEdit>
);

/** 重置密码: a dialog asking for the new password; the version guards against concurrent edits. */
function ResetPasswordButton() {
  const user = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useSaveErrorHandler();
  const [open, setOpen] = useState(false);
  if (!user) return null;

  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.graphql(RESET_USER_PASSWORD, { input: { id: user.id, version: user.version, password: values.password } });
      notify('app.users.passwordReset', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      onError(error);
      return (error as { body?: { errors?: Record<string, string> } }).body?.errors;
    }
  };

  return (
    <>
      <Button
        label={translate('app.users.resetPassword')}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        <LockResetIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()}>
        <DialogTitle>{translate('app.users.resetPasswordTitle', { username: user.username })}</DialogTitle>
        <DialogContent>
          <Form onSubmit={submit} mode="onChange">
            <PasswordInput source="password" label="app.users.newPassword" validate={[...PASSWORD, notDemoPassword]} />
            <SaveButton />
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
}

export default { list: UserList, create: UserCreate, edit: UserEdit, icon: ManageAccountsIcon, recordRepresentation: 'username' };
