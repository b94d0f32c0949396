// 人员: list and edit (and add a member to a household). The ID number is shown
// masked unless the viewer may read personal data, and checked as you type with
// the GB 11643 rule the API uses (kernel/identifiers/residentId.ts).
import PersonIcon from '@mui/icons-material/Person';
import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  EditButton,
  Labeled,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  TextField,
  TextInput,
  required,
  usePermissions,
} from 'react-admin';
import { AppCreate, AppEdit, AppForm, AppList } from '../../common/crud.tsx';
import { EnumField, EnumInput } from '../../common/enums.tsx';
import { regionFilters } from '../../common/regions.tsx';
import { residentId } from '../../common/validators.ts';
import { can, type Viewer } from '../../auth/session.ts';
import { MaskedIdField } from './MaskedIdField.tsx';
import { BirthField } from './BirthField.tsx';

const filters = [
  ...regionFilters,
  <TextInput key="q" source="q" alwaysOn />,
  <EnumInput key="labor" source="laborCapacity" enumName="LaborCapacity" />,
  <EnumInput key="health" source="health" enumName="HealthStatus" />,
];

function PersonList() {
  const { permissions } = usePermissions<Viewer>();
  return (
    <AppList filters={filters} sort={{ field: 'id', order: 'ASC' }}>
      <Datagrid rowClick={can.writeHouseholds(permissions) ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="name" />
        <MaskedIdField source="idNumber" sortable={false} />
        <EnumField source="gender" enumName="Gender" sortable={false} />
        {/* Masked viewers may not order by birth date (it ranks the hidden digits): the API refuses it. */}
        <BirthField source="birthDate" sortable={can.revealPersonalData(permissions)} />
        <ReferenceField source="householdId" reference="households" link="show" sortable={false} />
        <EnumField source="relation" enumName="HouseholdRelation" sortable={false} />
        <EnumField source="laborCapacity" enumName="LaborCapacity" sortable={false} />
        <EnumField source="health" enumName="HealthStatus" sortable={false} />
        {can.writeHouseholds(permissions) && <EditButton />}
      </Datagrid>
    </AppList>
  );
}

function PersonFields() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <EnumInput source="relation" enumName="HouseholdRelation" validate={required()} />
      <TextInput source="phone" />
      <EnumInput source="laborCapacity" enumName="LaborCapacity" validate={required()} />
      <EnumInput source="health" enumName="HealthStatus" validate={required()} />
      <TextInput source="chronicIllnessCertificate" />
      <TextInput source="disabilityCertificate" />
      <NumberInput source="disabilityGrade" min={1} max={4} />
      <EnumInput source="schooling" enumName="SchoolingStage" />
      <BooleanInput source="basicMedicalInsurance" />
      <BooleanInput source="criticalIllnessInsurance" />
      <BooleanInput source="medicalAssistance" />
      <BooleanInput source="pensionInsurance" />
    </>
  );
}

/**
 * A viewer who may read personal data edits the ID itself; anyone else sees it
 * masked and may type a new one (`newIdNumber`): the masked value is never sent.
 */
function PersonEdit() {
  const { permissions } = usePermissions<Viewer>();
  const reveal = can.revealPersonalData(permissions);
  const transform = (data: Record<string, unknown>) => {
    const { newIdNumber, ...rest } = data;
    return newIdNumber ? { ...rest, idNumber: newIdNumber } : rest;
  };
  return (
    <AppEdit transform={transform}>
      <AppForm>
        <Labeled source="householdId">
          <ReferenceField source="householdId" reference="households" link="show" />
        </Labeled>
        {reveal ? (
          <TextInput source="idNumber" validate={[required(), residentId]} />
        ) : (
          <>
            <Labeled source="idNumber">
              <MaskedIdField source="idNumber" />
            </Labeled>
            <TextInput source="newIdNumber" label="resources.persons.fields.idNumber" validate={residentId} helperText="app.masked" />
          </>
        )}
        <Labeled source="gender">
          <EnumField source="gender" enumName="Gender" />
        </Labeled>
        <Labeled source="birthDate">
          <BirthField source="birthDate" />
        </Labeled>
        <PersonFields />
      </AppForm>
    </AppEdit>
  );
}

const PersonCreate = () => (
  <AppCreate>
    <AppForm defaultValues={{ schooling: 'NOT_IN_SCHOOL' }}>
      <ReferenceInput source="householdId" reference="households">
        <AutocompleteInput label="resources.persons.fields.householdId" validate={required()} filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
      <TextInput source="idNumber" validate={[required(), residentId]} />
      <PersonFields />
    </AppForm>
  </AppCreate>
);

export default {
  list: PersonList,
  edit: PersonEdit,
  create: PersonCreate,
  icon: PersonIcon,
  recordRepresentation: 'name',
};
