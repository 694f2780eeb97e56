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
import SummarizeIcon from '@mui/icons-material/Summarize';
import InsightsIcon from '@mui/icons-material/Insights';
import { IndicatorsPage } from './indicators/IndicatorsPage';
import { Ledger } from './ledger/Ledger';
import { AssetImport } from './ledger/Import';
import { FeedImport } from './exchange/FeedImport';
import { FollowUps } from './exchange/FollowUps';
import SyncAltIcon from '@mui/icons-material/SyncAlt';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { ReportsMonth } from './reports/ReportsMonth';
import { ReportEditor } from './reports/ReportEditor';
import { canReadReports } from './reports/can';
import { Dashboard } from './dashboard/Dashboard';
import { theme } from './theme';
import { LoginPage } from './auth/LoginPage';
import { RESOURCE_ICONS } from './resources/icons';
import { PendingVisitsBanner, VisitForm } from './visits/VisitForm';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './i18n';
import { representation, resources } from './resources/config';
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
  // A department's clerk works on the asset ledger: it comes first for that role.
  if (me?.role === 'DEPARTMENT_OFFICER')
    return (
      <Menu>
        <Menu.Item to="/ledger" primaryText="app.ledger.title" leftIcon={<AccountBalanceIcon />} />
        <Menu.Item to="/asset-import" primaryText="app.import.title" leftIcon={<UploadFileIcon />} />
        {/* Its monthly report, the indicators it owns and its department's feeds: the month's duties. */}
        <Menu.Item to="/reports" primaryText="app.reports.title" leftIcon={<SummarizeIcon />} />
        <Menu.Item to="/indicators" primaryText="app.indicators.title" leftIcon={<InsightsIcon />} />
        <Menu.Item to="/feed-import" primaryText="app.exchange.feeds.title" leftIcon={<SyncAltIcon />} />
        <Menu.ResourceItem name="assets" />
        <Menu.ResourceItem name="assetDisposals" />
        <Menu.ResourceItem name="assistanceMeasures" />
        <Menu.DashboardItem />
        <Menu.Item to="/worklists" primaryText="app.worklists.title" leftIcon={<AssignmentLateIcon />} />
        {resources
          .filter((r) => !r.hidden && canRead(me, r.name))
          .filter((r) => !['assets', 'assetDisposals', 'assistanceMeasures'].includes(r.name))
          .map((r) => (
            <Menu.ResourceItem key={r.name} name={r.name} />
          ))}
      </Menu>
    );
  return (
    <Menu>
      {registerReader && <Menu.DashboardItem />}
      {registerReader && (
        <Menu.Item to="/worklists" primaryText="app.worklists.title" leftIcon={<AssignmentLateIcon />} />
      )}
      {registerReader && (
        <Menu.Item to="/indicators" primaryText="app.indicators.title" leftIcon={<InsightsIcon />} />
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
      {canScreen(me) && (
        <Menu.Item to="/feed-import" primaryText="app.exchange.feeds.title" leftIcon={<SyncAltIcon />} />
      )}
      {canReadReports(me) && (
        <Menu.Item to="/reports" primaryText="app.reports.title" leftIcon={<SummarizeIcon />} />
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
    <PasswordGate>
      <PendingVisitsBanner />
      {children}
    </PasswordGate>
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
      theme={theme}
      loginPage={LoginPage}
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
                recordRepresentation={representation(r)}
                icon={RESOURCE_ICONS[r.name]}
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
          <Route path="/indicators" element={<IndicatorsPage />} />
          <Route path="/asset-import" element={<AssetImport />} />
          <Route path="/feed-import" element={<FeedImport />} />
          <Route path="/follow-ups" element={<FollowUps />} />
          <Route path="/reports" element={canReadReports(me) ? <ReportsMonth /> : <Forbidden />} />
          <Route
            path="/reports/:unit/:month"
            element={canReadReports(me) ? <ReportEditor /> : <Forbidden />}
          />
          <Route path="/households/:id/visit" element={<VisitForm />} />
        </CustomRoutes>,
      ]}
    </Admin>
  );
}
