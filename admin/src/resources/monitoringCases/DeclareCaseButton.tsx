// "申报监测" on a household's page: the declaration form with the household filled in.
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import { Button, useCreatePath, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';

export function DeclareCaseButton() {
  const household = useRecordContext();
  const createPath = useCreatePath();
  if (!household) return null;
  return (
    <Button
      component={Link}
      to={createPath({ resource: 'monitoringCases', type: 'create' })}
      state={{ record: { householdId: household.id, source: 'SELF_DECLARATION', riskTypes: household.riskTypes ?? [] } }}
      label="monitoring.declare"
      data-testid="declare-case"
    >
      <PersonSearchIcon />
    </Button>
  );
}
