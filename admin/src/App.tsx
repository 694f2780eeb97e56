import { Route } from 'react-router-dom';
import {
  Admin,
  AppBar,
  CustomRoutes,
  Layout,
  Menu,
  Resource,
  usePermissions,
  useTranslate,
} from 'react-admin';
import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import RadarIcon from '@mui/icons-material/Radar';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Ledger } from './ledger/Ledger';
import { AssetImport } from './ledger/Import';
import { FeedImport } from './exchange/FeedImport';
import { FollowUps } from './exchange/FollowUps';
import SyncAltIcon from '@mui/icons-material/SyncAlt';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './i18n';
import { resources } from './resources/config';
import { ResourceCreate, ResourceEdit, ResourceList, ResourceShow } from './resources/views';
import { ReportRiskCreate } from './monitoring/steps';
import { Worklists } from './monitoring/Worklists';
import { Screening } from './monitoring/Screening';
import { authProvider, Me } from './auth/authProvider';
import { canRead, canScreen, canWrite } from './auth/can';
import { ApiKeyCreate, AppUserMenu, ChangePasswordForm, PasswordGate, UserCreate } from './auth/screens';

/** The console's name in the user's language (shown where a page sets no title of its own). */
function AppTitle() {
  const t = useTranslate();
  return <>{t('app.title')}</>;
}

/**
 * The menu: overview, the monitoring desk, screening, the asset ledger and its import (by role), then
 * the resources the role reads.
 */
function AppMenu() {
  const { permissions: me } = usePermissions<Me>();
  const registerReader = canRead(me, 'households');
  return (
    <Menu>
      {registerReader && <Menu.DashboardItem />}
      {registerReader && (
        <Menu.Item to="/worklists" primaryText="app.worklists.title" leftIcon={<AssignmentLateIcon />} />
      )}
      {canScreen(me) && (
        <Menu.Item to="/screening" primaryText="app.screening.title" leftIcon={<RadarIcon />} />
      )}
      {registerReader && (
        <Menu.Item to="/ledger" primaryText="app.ledger.title" leftIcon={<AccountBalanceIcon />} />
      )}
      {canWrite(me, 'assets') && (
        <Menu.Item to="/asset-import" primaryText="app.import.title" leftIcon={<UploadFileIcon />} />
      )}
      {registerReader && (
        <Menu.Item
          to="/follow-ups"
          primaryText="app.exchange.followUps.title"
          leftIcon={<EventRepeatIcon />}
        />
      )}
      {(canScreen(me) || me?.role === 'DEPARTMENT_OFFICER') && (
        <Menu.Item to="/feed-import" primaryText="app.exchange.feeds.title" leftIcon={<SyncAltIcon />} />
      )}
      <Menu.ResourceItems />
    </Menu>
  );
}

function Forbidden() {
  const t = useTranslate();
  return <p style={{ padding: 24 }}>{t('app.auth.forbidden')}</p>;
}

const AppBarWithUser = () => <AppBar userMenu={<AppUserMenu />} />;

const AppLayout = ({ children }: { children: React.ReactNode }) => (
  <Layout menu={AppMenu} appBar={AppBarWithUser}>
    <PasswordGate>{children}</PasswordGate>
  </Layout>
);

const CREATE_PAGES: Record<string, React.ComponentType> = {
  monitoringCases: ReportRiskCreate,
  users: UserCreate,
  apiKeys: ApiKeyCreate,
};

/**
 * The console: sign-in first (the server sets an HttpOnly session cookie), then the resources the
 * role may read, with create and edit only where it may write. The server enforces all of it.
 */
export function App() {
  return (
    <Admin
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={AppLayout}
      requireAuth
      disableTelemetry
      title={<AppTitle />}
    >
      {(me: Me | null) => [
        ...resources
          .filter((r) => canRead(me, r.name))
          .map((r) => {
            const writable = !r.readOnly && canWrite(me, r.name);
            return (
              <Resource
                key={r.name}
                name={r.name}
                recordRepresentation={r.title}
                list={r.hidden ? undefined : () => <ResourceList r={r} />}
                show={() => <ResourceShow r={r} />}
                edit={writable && r.name !== 'apiKeys' ? () => <ResourceEdit r={r} /> : undefined}
                create={
                  canWrite(me, r.name)
                    ? (CREATE_PAGES[r.name] ?? (() => <ResourceCreate r={r} />))
                    : undefined
                }
              />
            );
          }),
        <CustomRoutes key="routes">
          <Route path="/worklists" element={<Worklists />} />
          <Route path="/screening" element={canScreen(me) ? <Screening /> : <Forbidden />} />
          <Route path="/change-password" element={<ChangePasswordForm />} />
          <Route path="/ledger" element={<Ledger />} />
          <Route path="/asset-import" element={<AssetImport />} />
          <Route path="/feed-import" element={<FeedImport />} />
          <Route path="/follow-ups" element={<FollowUps />} />
        </CustomRoutes>,
      ]}
    </Admin>
  );
}
