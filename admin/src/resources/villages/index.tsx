// 行政村: list (by township, formerly poor, name) and show with its households,
// its collective income by year and source, and its indicators from Cube.
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import {
  BooleanField,
  BooleanInput,
  Datagrid,
  Pagination,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  TextInput,
  usePermissions,
} from 'react-admin';
import { AppList } from '../../common/crud.tsx';
import { EnumField } from '../../common/enums.tsx';
import { TownshipSelect } from '../../common/regions.tsx';
import { can, type Viewer } from '../../auth/session.ts';
import { CollectiveIncomeTable } from './CollectiveIncomeTable.tsx';
import { VillageIndicators } from './VillageIndicators.tsx';

const filters = [
  <TownshipSelect key="township" source="townshipCode" alwaysOn />,
  <TextInput key="q" source="q" alwaysOn />,
  <BooleanInput key="poor" source="formerlyPoor" />,
];

const VillageList = () => (
  <AppList filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={50}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="townshipName" sortable={false} />
      <EnumField source="kind" enumName="VillageKind" sortable={false} />
      <BooleanField source="formerlyPoor" sortable={false} />
      <TextField source="exitYear" sortable={false} />
    </Datagrid>
  </AppList>
);

function VillageShow() {
  const { permissions } = usePermissions<Viewer>();
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <TextField source="code" />
          <TextField source="name" />
          <TextField source="townshipName" />
          <EnumField source="kind" enumName="VillageKind" />
          <BooleanField source="formerlyPoor" />
          <TextField source="exitYear" />
          <TextField source="population2019" />
          <TextField source="population2020" />
        </TabbedShowLayout.Tab>
        {can.readPersonal(permissions) && (
          <TabbedShowLayout.Tab label="app.village.households" path="households">
            <ReferenceManyField
              reference="households"
              target="villageCode"
              source="code"
              perPage={25}
              pagination={<Pagination />}
              sort={{ field: 'householdNumber', order: 'ASC' }}
            >
              <Datagrid rowClick="show" bulkActionButtons={false}>
                <TextField source="householdNumber" />
                <TextField source="headName" sortable={false} />
                <EnumField source="status" enumName="PovertyStatus" sortable={false} />
                <TextField source="liftedYear" />
                <EnumField source="monitoringCategory" enumName="MonitoringCategory" sortable={false} />
              </Datagrid>
            </ReferenceManyField>
          </TabbedShowLayout.Tab>
        )}
        <TabbedShowLayout.Tab label="app.village.collective" path="collective">
          <CollectiveIncomeTable />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.village.indicators" path="indicators">
          <VillageIndicators />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}

export default {
  list: VillageList,
  show: VillageShow,
  icon: HomeWorkIcon,
  recordRepresentation: 'name',
};
