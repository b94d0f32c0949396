// The management console: react-admin 5 over the platform's Relay API and Cube.
// Resources are registered per role: statisticians get no personal-data
// resources; the API scopes every list to the user's region anyway.
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { createAuthProvider } from './auth/authProvider.ts';
import { can, type Viewer } from './auth/session.ts';
import { dataProvider, graphqlRequest } from './data/index.ts';
import { i18nProvider } from './i18n/index.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { LoginPage } from './layout/LoginPage.tsx';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { ReportPage } from './reports/ReportPage.tsx';
import townships from './resources/townships/index.tsx';
import villages from './resources/villages/index.tsx';
import households from './resources/households/index.tsx';
import persons from './resources/persons/index.tsx';
import industries from './resources/industries/index.tsx';
import { cooperatives, familyFarms, leadingEnterprises, parkBases, workshops } from './resources/entities/index.tsx';
import contracts from './resources/contracts/index.tsx';
import collectiveIncomes from './resources/collectiveIncomes/index.tsx';
import employments from './resources/employments/index.tsx';
import employmentChannels from './resources/employmentChannels/index.tsx';
import users from './resources/users/index.tsx';
import monitoringCases from './resources/monitoringCases/index.tsx';
import warnings from './resources/warnings/index.tsx';
import visits from './resources/visits/index.tsx';
import alerts from './resources/alerts/index.tsx';
import departmentImports from './resources/departmentImports/index.tsx';
import assistancePlans from './resources/assistancePlans/index.tsx';

const authProvider = createAuthProvider(graphqlRequest);

/** Only what a role may use gets a route and a menu entry (the API enforces the same). */
function resourcesFor(viewer: Viewer | null) {
  const personal = can.readPersonal(viewer);
  const write = can.writeEntities(viewer);
  const writeHouseholds = can.writeHouseholds(viewer);
  const entity = (name: string, r: typeof cooperatives) => (
    <Resource key={name} name={name} {...r} create={write ? r.create : undefined} edit={write ? r.edit : undefined} />
  );
  return [
    <Resource key="townships" name="townships" {...townships} />,
    <Resource key="villages" name="villages" {...villages} />,
    personal && <Resource key="households" name="households" {...households} edit={writeHouseholds ? households.edit : undefined} />,
    personal && (
      <Resource
        key="persons"
        name="persons"
        {...persons}
        edit={writeHouseholds ? persons.edit : undefined}
        create={writeHouseholds ? persons.create : undefined}
      />
    ),
    <Resource
      key="industries"
      name="industries"
      {...industries}
      edit={can.writeIndustries(viewer) ? industries.edit : undefined}
      create={can.writeIndustries(viewer) ? industries.create : undefined}
    />,
    entity('cooperatives', cooperatives),
    entity('leadingEnterprises', leadingEnterprises),
    entity('familyFarms', familyFarms),
    entity('workshops', workshops),
    entity('parkBases', parkBases),
    <Resource key="businessEntities" name="businessEntities" recordRepresentation="name" />,
    personal && (
      <Resource
        key="contracts"
        name="contracts"
        {...contracts}
        edit={write ? contracts.edit : undefined}
        create={write ? contracts.create : undefined}
      />
    ),
    <Resource
      key="collectiveIncomes"
      name="collectiveIncomes"
      {...collectiveIncomes}
      edit={writeHouseholds ? collectiveIncomes.edit : undefined}
      create={writeHouseholds ? collectiveIncomes.create : undefined}
    />,
    personal && (
      <Resource
        key="employments"
        name="employments"
        {...employments}
        edit={writeHouseholds ? employments.edit : undefined}
        create={writeHouseholds ? employments.create : undefined}
      />
    ),
    <Resource key="employmentChannels" name="employmentChannels" {...employmentChannels} />,
    // Monitoring (personal data): writes for county/township/village staff; imports for the county and departments.
    personal && (
      <Resource
        key="monitoringCases"
        name="monitoringCases"
        {...monitoringCases}
        create={writeHouseholds ? monitoringCases.create : undefined}
      />
    ),
    personal && <Resource key="warnings" name="warnings" {...warnings} />,
    personal && <Resource key="visits" name="visits" {...visits} create={writeHouseholds ? visits.create : undefined} />,
    personal && <Resource key="alerts" name="alerts" {...alerts} />,
    can.readImports(viewer) && <Resource key="departmentImports" name="departmentImports" {...departmentImports} />,
    personal && (
      <Resource
        key="assistancePlans"
        name="assistancePlans"
        {...assistancePlans}
        create={writeHouseholds ? assistancePlans.create : undefined}
      />
    ),
    can.manageUsers(viewer) && <Resource key="users" name="users" {...users} />,
    can.reports(viewer) && (
      <CustomRoutes key="reports">
        <Route path="/reports" element={<ReportPage />} />
      </CustomRoutes>
    ),
  ].filter(Boolean);
}

export const App = () => (
  <Admin
    disableTelemetry
    requireAuth
    title="app.title"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={AppLayout}
    loginPage={LoginPage}
  >
    {(permissions: Viewer | null) => resourcesFor(permissions)}
  </Admin>
);
