// 村集体经济收入: one row per village, year and source.
import SavingsIcon from '@mui/icons-material/Savings';
import { Datagrid, EditButton, Labeled, NumberInput, TextField, TextInput, required, usePermissions } from 'react-admin';
import { AppCreate, AppEdit, AppForm, AppList } from '../../common/crud.tsx';
import { EnumField, EnumInput } from '../../common/enums.tsx';
import { TownshipSelect, VillageSelect, regionFilters } from '../../common/regions.tsx';
import { money, year } from '../../common/validators.ts';
import { can, type Viewer } from '../../auth/session.ts';

const thisYear = new Date().getFullYear();
const filters = [
  ...regionFilters,
  <NumberInput key="year" source="year" alwaysOn />,
  <EnumInput key="source" source="source" enumName="CollectiveIncomeSource" alwaysOn />,
];

function CollectiveIncomeList() {
  const { permissions } = usePermissions<Viewer>();
  const write = can.writeHouseholds(permissions);
  return (
    <AppList filters={filters} canCreate={write} sort={{ field: 'year', order: 'DESC' }}>
      <Datagrid rowClick={write ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="villageName" sortable={false} />
        <TextField source="villageCode" />
        <TextField source="year" />
        <EnumField source="source" enumName="CollectiveIncomeSource" sortable={false} />
        <TextField source="amount" />
        {write && <EditButton />}
      </Datagrid>
    </AppList>
  );
}

const CollectiveIncomeEdit = () => (
  <AppEdit redirect="list">
    <AppForm canDelete>
      <Labeled source="villageName">
        <TextField source="villageName" />
      </Labeled>
      <NumberInput source="year" validate={[required(), year(2000, thisYear)]} />
      <EnumInput source="source" enumName="CollectiveIncomeSource" validate={required()} />
      <TextInput source="amount" validate={[required(), money]} />
    </AppForm>
  </AppEdit>
);

const CollectiveIncomeCreate = () => (
  <AppCreate redirect="list">
    <AppForm defaultValues={{ year: thisYear - 1 }}>
      <TownshipSelect source="townshipCode" validate={required()} />
      <VillageSelect source="villageCode" validate={required()} />
      <NumberInput source="year" validate={[required(), year(2000, thisYear)]} />
      <EnumInput source="source" enumName="CollectiveIncomeSource" validate={required()} />
      <TextInput source="amount" validate={[required(), money]} />
    </AppForm>
  </AppCreate>
);

export default {
  list: CollectiveIncomeList,
  edit: CollectiveIncomeEdit,
  create: CollectiveIncomeCreate,
  icon: SavingsIcon,
  recordRepresentation: (r: Record<string, unknown>) => `${r.villageName ?? ''} ${r.year ?? ''}`,
};
