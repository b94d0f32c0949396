// Layout with a role-aware menu: react-admin lists the registered resources
// (App.tsx registers only those the role may use); reports are added for the
// roles that build them.
import AssessmentIcon from '@mui/icons-material/Assessment';
import type { ReactNode } from 'react';
import { Layout, Menu, usePermissions } from 'react-admin';
import { can, type Viewer } from '../auth/session.ts';

function AppMenu() {
  const { permissions } = usePermissions<Viewer>();
  return (
    <Menu>
      <Menu.DashboardItem />
      {can.reports(permissions) && <Menu.Item to="/reports" primaryText="app.menu.reports" leftIcon={<AssessmentIcon />} />}
      <Menu.ResourceItems />
    </Menu>
  );
}

export const AppLayout = ({ children }: { children: ReactNode }) => <Layout menu={AppMenu}>{children}</Layout>;
