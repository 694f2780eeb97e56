import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Layout, Menu, Resource } from 'react-admin';
import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import RadarIcon from '@mui/icons-material/Radar';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './i18n';
import { resources } from './resources/config';
import { ResourceCreate, ResourceEdit, ResourceList, ResourceShow } from './resources/views';
import { ReportRiskCreate } from './monitoring/steps';
import { Worklists } from './monitoring/Worklists';
import { Screening } from './monitoring/Screening';

/** The menu: overview, the monitoring desk, then every resource. */
function AppMenu() {
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.Item to="/worklists" primaryText="app.worklists.title" leftIcon={<AssignmentLateIcon />} />
      <Menu.Item to="/screening" primaryText="app.screening.title" leftIcon={<RadarIcon />} />
      <Menu.ResourceItems />
    </Menu>
  );
}

const AppLayout = ({ children }: { children: React.ReactNode }) => <Layout menu={AppMenu}>{children}</Layout>;

/** The console: every resource of the registry, through the public GraphQL API. Login comes with access control. */
export function App() {
  return (
    <Admin
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={AppLayout}
      disableTelemetry
      title="app.title"
    >
      {resources.map((r) => (
        <Resource
          key={r.name}
          name={r.name}
          recordRepresentation={r.title}
          list={r.hidden ? undefined : () => <ResourceList r={r} />}
          show={() => <ResourceShow r={r} />}
          edit={r.readOnly ? undefined : () => <ResourceEdit r={r} />}
          create={
            r.name === 'monitoringCases'
              ? ReportRiskCreate
              : r.readOnly
                ? undefined
                : () => <ResourceCreate r={r} />
          }
        />
      ))}
      <CustomRoutes>
        <Route path="/worklists" element={<Worklists />} />
        <Route path="/screening" element={<Screening />} />
      </CustomRoutes>
    </Admin>
  );
}
