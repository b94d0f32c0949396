// 新型农业经营主体: one resource per kind (cooperatives, leading enterprises,
// family farms, workshops/factories, park bases), all on the BusinessEntity
// type. The credit code is checked as you type (GB 32100, kernel/identifiers).
import AgricultureIcon from '@mui/icons-material/Agriculture';
import BusinessIcon from '@mui/icons-material/Business';
import FactoryIcon from '@mui/icons-material/Factory';
import GroupsIcon from '@mui/icons-material/Groups';
import ParkIcon from '@mui/icons-material/Park';
import type { ComponentType } from 'react';
import {
  Datagrid,
  DateInput,
  EditButton,
  NumberInput,
  ReferenceArrayField,
  ReferenceArrayInput,
  SelectArrayInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  required,
  usePermissions,
} from 'react-admin';
import { AppCreate, AppDeleteButton, AppEdit, AppForm, AppList } from '../../common/crud.tsx';
import { EnumField } from '../../common/enums.tsx';
import { TownshipSelect, VillageSelect, regionFilters } from '../../common/regions.tsx';
import { creditCode, money } from '../../common/validators.ts';
import { can, type Viewer } from '../../auth/session.ts';

const filters = [...regionFilters, <TextInput key="q" source="q" alwaysOn />];

function EntityList() {
  const { permissions } = usePermissions<Viewer>();
  const write = can.writeEntities(permissions);
  return (
    <AppList filters={filters} canCreate={write} sort={{ field: 'id', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="creditCode" sortable={false} />
        <TextField source="legalRepresentative" sortable={false} />
        <TextField source="townshipName" sortable={false} />
        <TextField source="villageName" sortable={false} />
        <TextField source="registeredCapital" />
        <TextField source="establishedAt" />
        {write && <EditButton />}
      </Datagrid>
    </AppList>
  );
}

function ShowActions() {
  const { permissions } = usePermissions<Viewer>();
  if (!can.writeEntities(permissions)) return null;
  return (
    <TopToolbar>
      <EditButton />
      <AppDeleteButton />
    </TopToolbar>
  );
}

const EntityShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <EnumField source="kind" enumName="BusinessEntityKind" />
      <TextField source="name" />
      <TextField source="creditCode" />
      <TextField source="legalRepresentative" />
      <TextField source="phone" />
      <TextField source="townshipName" />
      <TextField source="villageName" />
      <TextField source="address" />
      <TextField source="registeredCapital" />
      <TextField source="memberCount" />
      <TextField source="establishedAt" />
      <ReferenceArrayField source="industryIds" reference="industries" />
    </SimpleShowLayout>
  </Show>
);

const EntityFields = () => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="creditCode" validate={[required(), creditCode]} inputProps={{ maxLength: 18, 'data-testid': 'credit-code' }} />
    <TextInput source="legalRepresentative" validate={required()} />
    <TextInput source="phone" />
    <TownshipSelect source="townshipCode" validate={required()} />
    <VillageSelect source="villageCode" emptyText=" " />
    <TextInput source="address" validate={required()} fullWidth />
    <TextInput source="registeredCapital" validate={[required(), money]} />
    <NumberInput source="memberCount" min={0} step={1} />
    <DateInput source="establishedAt" validate={required()} />
    <ReferenceArrayInput source="industryIds" reference="industries" perPage={100} sort={{ field: 'code', order: 'ASC' }}>
      <SelectArrayInput optionText="name" label="resources.businessEntities.fields.industryIds" validate={required()} />
    </ReferenceArrayInput>
  </>
);

const EntityEdit = () => (
  <AppEdit>
    <AppForm canDelete>
      <EntityFields />
    </AppForm>
  </AppEdit>
);

const EntityCreate = () => (
  <AppCreate>
    <AppForm defaultValues={{ memberCount: 0 }}>
      <EntityFields />
    </AppForm>
  </AppCreate>
);

const resource = (icon: ComponentType) => ({
  list: EntityList,
  show: EntityShow,
  edit: EntityEdit,
  create: EntityCreate,
  icon,
  recordRepresentation: 'name',
});

export const cooperatives = resource(GroupsIcon);
export const leadingEnterprises = resource(BusinessIcon);
export const familyFarms = resource(AgricultureIcon);
export const workshops = resource(FactoryIcon);
export const parkBases = resource(ParkIcon);
