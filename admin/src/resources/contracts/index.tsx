// 利益联结合同: an entity and a household; payouts listed on the contract, with
// "record a payout". Contracts name households, so statisticians do not see them.
import HandshakeIcon from '@mui/icons-material/Handshake';
import {
  ArrayField,
  AutocompleteInput,
  Datagrid,
  DateInput,
  EditButton,
  ReferenceField,
  ReferenceInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  required,
  usePermissions,
} from 'react-admin';
import { AppCreate, AppDeleteButton, AppEdit, AppForm, AppList } from '../../common/crud.tsx';
import { EnumField, EnumInput } from '../../common/enums.tsx';
import { regionFilters } from '../../common/regions.tsx';
import { money } from '../../common/validators.ts';
import { can, type Viewer } from '../../auth/session.ts';
import { RecordPayoutButton } from './RecordPayoutButton.tsx';

const filters = [...regionFilters, <EnumInput key="mode" source="mode" enumName="LinkageMode" alwaysOn />];

function ContractList() {
  const { permissions } = usePermissions<Viewer>();
  const write = can.writeContracts(permissions);
  return (
    <AppList filters={filters} canCreate={write} sort={{ field: 'id', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="contractNumber" sortable={false} />
        <ReferenceField source="entityId" reference="businessEntities" link={false} sortable={false} />
        <ReferenceField source="householdId" reference="households" link="show" sortable={false} />
        <EnumField source="mode" enumName="LinkageMode" sortable={false} />
        <TextField source="startDate" />
        <TextField source="endDate" sortable={false} />
        <TextField source="annualBenefit" />
        {write && <EditButton />}
      </Datagrid>
    </AppList>
  );
}

function ShowActions() {
  const { permissions } = usePermissions<Viewer>();
  if (!can.writeContracts(permissions)) return null;
  return (
    <TopToolbar>
      <RecordPayoutButton />
      <EditButton />
      <AppDeleteButton />
    </TopToolbar>
  );
}

const ContractShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="contractNumber" />
      <TextField source="entityName" />
      <ReferenceField source="householdId" reference="households" link="show" />
      <EnumField source="mode" enumName="LinkageMode" />
      <EnumField source="shareKind" enumName="ShareKind" />
      <TextField source="startDate" />
      <TextField source="endDate" />
      <TextField source="annualBenefit" />
      <ArrayField source="payouts">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="paidAt" label="resources.contracts.fields.paidAt" />
          <TextField source="amount" label="resources.contracts.fields.amount" />
          <TextField source="note" label="resources.contracts.fields.note" />
        </Datagrid>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);

const TermFields = () => (
  <>
    <EnumInput source="mode" enumName="LinkageMode" validate={required()} />
    <EnumInput source="shareKind" enumName="ShareKind" emptyText=" " />
    <DateInput source="startDate" validate={required()} />
    <DateInput source="endDate" />
    <TextInput source="annualBenefit" validate={[required(), money]} />
  </>
);

const ContractEdit = () => (
  <AppEdit>
    <AppForm canDelete>
      <TextInput source="contractNumber" disabled />
      <TermFields />
    </AppForm>
  </AppEdit>
);

const ContractCreate = () => (
  <AppCreate>
    <AppForm>
      <TextInput source="contractNumber" validate={required()} />
      <ReferenceInput source="entityId" reference="businessEntities">
        <AutocompleteInput label="resources.contracts.fields.entityId" validate={required()} filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
      <ReferenceInput source="householdId" reference="households">
        <AutocompleteInput label="resources.contracts.fields.householdId" validate={required()} filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
      <TermFields />
    </AppForm>
  </AppCreate>
);

export default {
  list: ContractList,
  show: ContractShow,
  edit: ContractEdit,
  create: ContractCreate,
  icon: HandshakeIcon,
  recordRepresentation: 'contractNumber',
};
