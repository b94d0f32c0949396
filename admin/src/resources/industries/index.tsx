// 产业: the county-wide catalogue (everyone reads; the county administrator edits).
import CategoryIcon from '@mui/icons-material/Category';
import { Datagrid, EditButton, Show, SimpleShowLayout, TextField, TextInput, required, usePermissions } from 'react-admin';
import { AppCreate, AppEdit, AppForm, AppList } from '../../common/crud.tsx';
import { EnumField, EnumInput } from '../../common/enums.tsx';
import { can, type Viewer } from '../../auth/session.ts';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <EnumInput key="category" source="category" enumName="IndustryCategory" alwaysOn />,
];

function IndustryList() {
  const { permissions } = usePermissions<Viewer>();
  const admin = can.writeIndustries(permissions);
  return (
    <AppList filters={filters} canCreate={admin} sort={{ field: 'code', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
        <EnumField source="category" enumName="IndustryCategory" sortable={false} />
        {admin && <EditButton />}
      </Datagrid>
    </AppList>
  );
}

const IndustryShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <EnumField source="category" enumName="IndustryCategory" />
    </SimpleShowLayout>
  </Show>
);

const IndustryFields = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} />
    <EnumInput source="category" enumName="IndustryCategory" validate={required()} />
  </>
);

const IndustryEdit = () => (
  <AppEdit>
    <AppForm canDelete>
      <IndustryFields />
    </AppForm>
  </AppEdit>
);

const IndustryCreate = () => (
  <AppCreate>
    <AppForm>
      <IndustryFields />
    </AppForm>
  </AppCreate>
);

export default {
  list: IndustryList,
  show: IndustryShow,
  edit: IndustryEdit,
  create: IndustryCreate,
  icon: CategoryIcon,
  recordRepresentation: 'name',
};
