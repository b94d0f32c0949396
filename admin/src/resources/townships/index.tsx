// 乡镇: list and show (with its villages). Read-only: regions come from the division codes.
import LocationCityIcon from '@mui/icons-material/LocationCity';
import { Datagrid, NumberField, ReferenceManyField, Show, SimpleShowLayout, TextField, BooleanField, Pagination } from 'react-admin';
import { AppList } from '../../common/crud.tsx';
import { EnumField } from '../../common/enums.tsx';

const TownshipList = () => (
  <AppList sort={{ field: 'code', order: 'ASC' }} perPage={50}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <EnumField source="kind" enumName="TownshipKind" sortable={false} />
    </Datagrid>
  </AppList>
);

const TownshipShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <EnumField source="kind" enumName="TownshipKind" />
      <NumberField source="villages.totalCount" label="resources.townships.fields.villages" />
      <ReferenceManyField
        reference="villages"
        target="townshipCode"
        source="code"
        label="app.township.villages"
        perPage={50}
        pagination={<Pagination />}
        sort={{ field: 'code', order: 'ASC' }}
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="code" />
          <TextField source="name" />
          <BooleanField source="formerlyPoor" />
          <TextField source="exitYear" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

export default {
  list: TownshipList,
  show: TownshipShow,
  icon: LocationCityIcon,
  recordRepresentation: 'name',
};
