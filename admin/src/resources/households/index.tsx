// 住户: list filtered by township, village, status, monitoring category and
// text; show with members, incomes, contracts and employment; edit.
import FamilyRestroomIcon from '@mui/icons-material/FamilyRestroom';
import {
  BooleanField,
  BooleanInput,
  Datagrid,
  DateInput,
  EditButton,
  NumberInput,
  Show,
  TabbedShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { AppEdit, AppForm, AppList } from '../../common/crud.tsx';
import { EnumArrayInput, EnumField, EnumInput } from '../../common/enums.tsx';
import { regionFilters } from '../../common/regions.tsx';
import { year } from '../../common/validators.ts';
import { can, type Viewer } from '../../auth/session.ts';
import { DeclareCaseButton } from '../monitoringCases/DeclareCaseButton.tsx';
import { HouseholdContracts, HouseholdEmployment, IncomeTable, MemberTable } from './details.tsx';

const filters = [
  ...regionFilters,
  <EnumInput key="status" source="status" enumName="PovertyStatus" alwaysOn />,
  <EnumInput key="category" source="monitoringCategory" enumName="MonitoringCategory" alwaysOn />,
  <TextInput key="q" source="q" alwaysOn />,
  <BooleanInput key="registered" source="registered" />,
  <NumberInput key="liftedYear" source="liftedYear" />,
];

function HouseholdList() {
  const { permissions } = usePermissions<Viewer>();
  return (
    <AppList filters={filters} sort={{ field: 'householdNumber', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="householdNumber" />
        <TextField source="townshipName" sortable={false} />
        <TextField source="villageName" sortable={false} />
        <TextField source="headName" sortable={false} />
        <BooleanField source="registered" sortable={false} />
        <EnumField source="status" enumName="PovertyStatus" sortable={false} />
        <TextField source="liftedYear" />
        <EnumField source="monitoringCategory" enumName="MonitoringCategory" sortable={false} />
        {can.writeHouseholds(permissions) && <EditButton />}
      </Datagrid>
    </AppList>
  );
}

function ShowActions() {
  const { permissions } = usePermissions<Viewer>();
  return (
    <TopToolbar>
      {can.writeHouseholds(permissions) && (
        <>
          <DeclareCaseButton />
          <EditButton />
        </>
      )}
    </TopToolbar>
  );
}

const HouseholdShow = () => (
  <Show actions={<ShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="ra.message.details">
        <TextField source="householdNumber" />
        <TextField source="townshipName" />
        <TextField source="villageName" />
        <TextField source="headName" />
        <TextField source="address" />
        <TextField source="phone" />
        <BooleanField source="registered" />
        <TextField source="registeredYear" />
        <EnumField source="status" enumName="PovertyStatus" />
        <TextField source="liftedYear" />
        <EnumField source="monitoringCategory" enumName="MonitoringCategory" />
        <TextField source="monitoringSince" />
        <TextField source="riskEliminatedAt" />
        <EnumField source="riskTypes" enumName="RiskType" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.household.members" path="members">
        <MemberTable />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.household.incomes" path="incomes">
        <IncomeTable />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.household.contracts" path="contracts">
        <HouseholdContracts />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.household.employment" path="employment">
        <HouseholdEmployment />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

const thisYear = new Date().getFullYear();

const HouseholdEdit = () => (
  <AppEdit>
    <AppForm>
      <TextInput source="householdNumber" disabled />
      <TextInput source="address" fullWidth />
      <TextInput source="phone" />
      <BooleanInput source="registered" />
      <NumberInput source="registeredYear" validate={year(2013, thisYear)} />
      <EnumInput source="status" enumName="PovertyStatus" emptyText=" " />
      <NumberInput source="liftedYear" validate={year(2013, thisYear)} />
      <EnumInput source="monitoringCategory" enumName="MonitoringCategory" emptyText=" " />
      <DateInput source="monitoringSince" />
      <DateInput source="riskEliminatedAt" />
      <EnumArrayInput source="riskTypes" enumName="RiskType" />
    </AppForm>
  </AppEdit>
);

export default {
  list: HouseholdList,
  show: HouseholdShow,
  edit: HouseholdEdit,
  icon: FamilyRestroomIcon,
  recordRepresentation: 'householdNumber',
};
