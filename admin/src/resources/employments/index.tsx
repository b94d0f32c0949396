// 就业记录: a person, one of the five channels, the employer for the indirect ones.
import WorkIcon from '@mui/icons-material/Work';
import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Datagrid,
  DateInput,
  EditButton,
  Labeled,
  ReferenceInput,
  TextField,
  TextInput,
  required,
  usePermissions,
} from 'react-admin';
import { AppCreate, AppEdit, AppForm, AppList } from '../../common/crud.tsx';
import { EnumField, EnumInput } from '../../common/enums.tsx';
import { regionFilters } from '../../common/regions.tsx';
import { money } from '../../common/validators.ts';
import { can, type Viewer } from '../../auth/session.ts';

const filters = [
  ...regionFilters,
  <EnumInput key="channel" source="channel" enumName="EmploymentChannelCode" alwaysOn />,
  <BooleanInput key="active" source="active" />,
];

function EmploymentList() {
  const { permissions } = usePermissions<Viewer>();
  const write = can.writeHouseholds(permissions);
  return (
    <AppList filters={filters} canCreate={write} sort={{ field: 'startDate', order: 'DESC' }}>
      <Datagrid rowClick={write ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="personName" sortable={false} />
        <TextField source="householdNumber" sortable={false} />
        <EnumField source="channel" enumName="EmploymentChannelCode" sortable={false} />
        <TextField source="employerName" sortable={false} />
        <TextField source="postName" sortable={false} />
        <TextField source="startDate" />
        <TextField source="endDate" sortable={false} />
        <TextField source="monthlyWage" />
        <BooleanField source="active" sortable={false} />
        {write && <EditButton />}
      </Datagrid>
    </AppList>
  );
}

const JobFields = () => (
  <>
    <EnumInput source="channel" enumName="EmploymentChannelCode" validate={required()} />
    <ReferenceInput source="employerId" reference="businessEntities">
      <AutocompleteInput label="resources.employments.fields.employerId" filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>
    <TextInput source="postName" />
    <DateInput source="startDate" validate={required()} />
    <DateInput source="endDate" />
    <TextInput source="monthlyWage" validate={[required(), money]} />
  </>
);

const EmploymentEdit = () => (
  <AppEdit redirect="list">
    <AppForm canDelete>
      <Labeled source="personName">
        <TextField source="personName" />
      </Labeled>
      <JobFields />
    </AppForm>
  </AppEdit>
);

const EmploymentCreate = () => (
  <AppCreate redirect="list">
    <AppForm>
      <ReferenceInput source="personId" reference="persons">
        <AutocompleteInput label="resources.employments.fields.personId" validate={required()} filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
      <JobFields />
    </AppForm>
  </AppCreate>
);

export default {
  list: EmploymentList,
  edit: EmploymentEdit,
  create: EmploymentCreate,
  icon: WorkIcon,
  recordRepresentation: (r: Record<string, unknown>) => `${r.personName ?? ''}`,
};
