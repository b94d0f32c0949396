// 监测对象申报: cases listed by stage, category, source and township; a case
// page with its history and the user's next step; declaring a case for a
// household (the household page's "申报监测" button opens this form prefilled).
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import {
  AutocompleteInput,
  DateField,
  Datagrid,
  FormDataConsumer,
  ReferenceField,
  ReferenceInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  usePermissions,
} from 'react-admin';
import { AppCreate, AppForm, AppList } from '../../common/crud.tsx';
import { EnumArrayInput, EnumField, EnumInput } from '../../common/enums.tsx';
import { TownshipSelect } from '../../common/regions.tsx';
import { can, type Viewer } from '../../auth/session.ts';
import { CaseActions, CaseTimeline } from './CaseWorkflow.tsx';

const filters = [
  <EnumInput key="stage" source="stage" enumName="CaseStage" alwaysOn />,
  <EnumInput key="category" source="category" enumName="MonitoringCategory" alwaysOn />,
  <EnumInput key="source" source="source" enumName="CaseSource" alwaysOn />,
  <TownshipSelect key="township" source="townshipCode" alwaysOn />,
];

function CaseList() {
  const { permissions } = usePermissions<Viewer>();
  return (
    <AppList filters={filters} sort={{ field: 'declaredAt', order: 'DESC' }} canCreate={can.writeHouseholds(permissions)}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="householdNumber" sortable={false} />
        <TextField source="headName" sortable={false} />
        <TextField source="townshipName" sortable={false} />
        <TextField source="villageName" sortable={false} />
        <EnumField source="category" enumName="MonitoringCategory" sortable={false} />
        <EnumField source="stage" enumName="CaseStage" sortable={false} />
        <EnumField source="source" enumName="CaseSource" sortable={false} />
        <DateField source="declaredAt" showTime />
      </Datagrid>
    </AppList>
  );
}

const CaseShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="householdId" reference="households" link="show" />
      <TextField source="headName" />
      <TextField source="townshipName" />
      <TextField source="villageName" />
      <EnumField source="stage" enumName="CaseStage" />
      <EnumField source="category" enumName="MonitoringCategory" />
      <EnumField source="source" enumName="CaseSource" />
      <EnumField source="riskTypes" enumName="RiskType" />
      <TextField source="reason" />
      <DateField source="declaredAt" showTime />
      <CaseActions />
      <CaseTimeline />
    </SimpleShowLayout>
  </Show>
);

const householdText = (r: { householdNumber?: string; headName?: string | null }) =>
  `${r.householdNumber ?? ''} ${r.headName ?? ''}`.trim();

/** The source's record id (warning, alert or visit) is asked only for that source. */
const SOURCE_ID: Record<string, string> = { SCREENING: 'warningId', DEPARTMENT_ALERT: 'alertId', VISIT: 'visitId' };

const CaseCreate = () => (
  <AppCreate>
    <AppForm defaultValues={{ source: 'SELF_DECLARATION', riskTypes: [] }}>
      <ReferenceInput source="householdId" reference="households">
        <AutocompleteInput optionText={householdText} filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 320 }} />
      </ReferenceInput>
      <EnumInput source="category" enumName="MonitoringCategory" validate={required()} />
      <EnumArrayInput source="riskTypes" enumName="RiskType" />
      <EnumInput source="source" enumName="CaseSource" validate={required()} />
      <FormDataConsumer>
        {({ formData }) => {
          const field = SOURCE_ID[formData.source as string];
          return field ? <TextInput source={field} validate={required()} /> : null;
        }}
      </FormDataConsumer>
      <TextInput source="reason" multiline minRows={3} fullWidth validate={required()} />
    </AppForm>
  </AppCreate>
);

export default {
  list: CaseList,
  show: CaseShow,
  create: CaseCreate,
  icon: PersonSearchIcon,
  recordRepresentation: (r: { householdNumber?: string; stage?: string }) => `${r.householdNumber ?? ''}`,
};
