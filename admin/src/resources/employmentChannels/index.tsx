// 就业渠道: the five channels and how many persons are in work through each today
// (the API's count, limited to the viewer's region).
import AltRouteIcon from '@mui/icons-material/AltRoute';
import { Datagrid, NumberField, TextField } from 'react-admin';
import { AppList } from '../../common/crud.tsx';
import { EnumField } from '../../common/enums.tsx';

const ChannelList = () => (
  <AppList pagination={false} perPage={10}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <EnumField source="code" enumName="EmploymentChannelCode" sortable={false} />
      <TextField source="name" sortable={false} />
      <EnumField source="kind" enumName="EmploymentChannelKind" sortable={false} />
      <NumberField source="employedCount" sortable={false} />
    </Datagrid>
  </AppList>
);

export default { list: ChannelList, icon: AltRouteIcon, recordRepresentation: 'name' };
