import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardActionArea,
  CardContent,
  CardHeader,
  Grid,
  Typography,
} from '@mui/material';
import { Loading, Title, usePermissions, useTranslate } from 'react-admin';
import { Navigate } from 'react-router-dom';
import type { Me } from '../auth/authProvider';
import { canRead } from '../auth/can';
import {
  Bar,
  BarChart,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { gql } from '../providers/graphql';
import { CadreHome } from './CadreHome';
import { OverdueReportsCard } from './OverdueReportsCard';
import { IndicatorsCard } from './IndicatorsCard';
import { listLink } from '../common/links';

interface Row {
  key: string | null;
  count: number;
  sumYuan: string | null;
}

const CASE_STATUSES = ['CLUE', 'VERIFIED', 'PUBLICIZED', 'APPROVED', 'RISK_ELIMINATED', 'REJECTED'] as const;

interface Data {
  households: { totalCount: number };
  people: { totalCount: number };
  relocationSites: {
    nodes: { id: string; name: string; relocatedHouseholds: number; relocatedPeople: number }[];
  };
  byType: Row[];
  byStatus: Row[];
  assets: Row[];
  [caseStatus: string]: any;
}

// 资产原值 counts the ledger's assets: disposed ones have left it (国办函〔2021〕51号).
const QUERY = `{
  households { totalCount }
  people: householdMembers { totalCount }
  relocationSites { nodes { id name relocatedHouseholds relocatedPeople } }
  byType: assistanceMeasureStatistics(groupBy: TYPE) { key count sumYuan }
  byStatus: assistanceMeasureStatistics(groupBy: STATUS) { key count sumYuan }
  assets: assetStatistics(groupBy: ASSET_CLASS, filter: { status: { notIn: [SOLD, DONATED, SCRAPPED, DISPOSED] } }) { key count sumYuan }
  ${CASE_STATUSES.map((s) => `case_${s}: monitoringCases(filter: { status: { eq: ${s} } }) { totalCount }`).join('\n')}
}`;

const COLORS = ['#1976d2', '#2e7d32', '#ed6c02', '#9c27b0', '#d32f2f', '#0288d1'];
const yuan = (v: string | number) => `¥${Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 0 })}`;

/** A figure that says what it counts and opens the matching list. */
function Figure({ label, value, to }: { label: string; value: string | number; to?: string }) {
  const body = (
    <CardContent>
      <Typography color="text.secondary" variant="body2">
        {label}
      </Typography>
      <Typography variant="h5">
        {typeof value === 'number' ? value.toLocaleString('zh-CN') : value}
      </Typography>
    </CardContent>
  );
  return <Card>{to ? <CardActionArea href={to}>{body}</CardActionArea> : body}</Card>;
}

/** The figures that matter, and two charts, from the statistics queries of the API. */
export function Dashboard() {
  const { permissions: me } = usePermissions<Me>();
  if (me && !canRead(me, 'households')) return <Navigate to="/auditEvents" replace />;
  return (
    <>
      {me?.role === 'VILLAGE_CADRE' && <CadreHome me={me} />}
      <DashboardFigures />
    </>
  );
}

/** A request that failed for the network or the server: says so, with a retry (never "not found"). */
export function RetryAlert({ onRetry }: { onRetry: () => void }) {
  const t = useTranslate();
  return (
    <Alert
      severity="error"
      sx={{ mt: 2 }}
      action={
        <Button color="inherit" onClick={onRetry} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
          {t('app.retry')}
        </Button>
      }
    >
      {t('errors.NETWORK')}
    </Alert>
  );
}

/** The figures and charts of the register (roles that read it). */
function DashboardFigures() {
  const t = useTranslate();
  const [data, setData] = useState<Data | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    setFailed(false);
    gql<Data>(QUERY).then(setData, () => setFailed(true));
  }, []);
  useEffect(load, [load]);
  if (failed)
    return (
      <>
        <Title title="app.dashboard.title" />
        <RetryAlert onRetry={load} />
      </>
    );
  if (!data)
    return (
      <>
        <Title title="app.dashboard.title" />
        <Loading />
      </>
    );
  const measures = data.byType.map((r) => ({ name: t(`enums.MeasureType.${r.key}`), count: r.count }));
  const assets = data.assets.map((r) => ({
    name: t(`enums.AssetClass.${r.key}`),
    value: Number(r.sumYuan),
    count: r.count,
  }));
  const relocated = data.relocationSites.nodes.reduce(
    (s, n) => [s[0] + n.relocatedHouseholds, s[1] + n.relocatedPeople],
    [0, 0],
  );
  return (
    <Grid container spacing={2} sx={{ mt: 1 }} data-testid="dashboard">
      <Title title="app.dashboard.title" />
      <Grid size={{ xs: 6, md: 3 }}>
        <Figure
          label={t('app.dashboard.households')}
          value={data.households.totalCount}
          to={listLink('households')}
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Figure
          label={t('app.dashboard.people')}
          value={data.people.totalCount}
          to={listLink('householdMembers')}
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Figure
          label={t('app.dashboard.relocated')}
          value={`${relocated[0].toLocaleString('zh-CN')} / ${relocated[1].toLocaleString('zh-CN')}`}
          to={listLink('households', { relocationSiteId_set: true })}
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Figure
          label={t('app.dashboard.assetValue')}
          value={yuan(data.assets.reduce((s, r) => s + Number(r.sumYuan), 0))}
          to="#/ledger"
        />
      </Grid>
      {data.relocationSites.nodes.map((s) => (
        <Grid key={s.name} size={{ xs: 12, md: 3 }}>
          <Figure
            label={s.name}
            value={`${s.relocatedHouseholds} ${t('app.dashboard.householdsUnit')} / ${s.relocatedPeople} ${t('app.dashboard.peopleUnit')}`}
            to={listLink('households', { relocationSiteId: s.id })}
          />
        </Grid>
      ))}
      <OverdueReportsCard />
      <Grid size={{ xs: 12 }}>
        <IndicatorsCard />
      </Grid>
      <Grid size={12}>
        <Typography variant="subtitle1">{t('app.dashboard.casesByStatus')}</Typography>
      </Grid>
      {CASE_STATUSES.map((s) => (
        <Grid key={s} size={{ xs: 6, sm: 4, md: 2 }}>
          <Figure
            label={t(`enums.MonitoringStatus.${s}`)}
            value={data[`case_${s}`].totalCount}
            to={listLink('monitoringCases', { status: s })}
          />
        </Grid>
      ))}
      <Grid size={12}>
        <Typography variant="subtitle1">{t('app.dashboard.measuresByStatus')}</Typography>
      </Grid>
      {data.byStatus.map((r) => (
        <Grid key={r.key} size={{ xs: 6, sm: 3, md: 3 }}>
          <Figure
            label={t(`enums.MeasureStatus.${r.key}`)}
            value={r.count}
            to={listLink('assistanceMeasures', { status: r.key })}
          />
        </Grid>
      ))}
      <Grid size={{ xs: 12, md: 7 }}>
        <Card>
          <CardHeader title={t('app.dashboard.measuresByType')} />
          <CardContent sx={{ height: 320 }}>
            <ResponsiveContainer>
              <BarChart data={measures} margin={{ bottom: 60 }}>
                <XAxis dataKey="name" angle={-35} textAnchor="end" interval={0} fontSize={12} />
                <YAxis />
                <Tooltip />
                <Bar dataKey="count" name={t('app.dashboard.count')} fill="#1976d2" />
              </BarChart>
            </ResponsiveContainer>
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Card>
          <CardHeader title={t('app.dashboard.assetsByClass')} />
          <CardContent sx={{ height: 340 }}>
            <ResponsiveContainer>
              {/* No labels on the slices: the legend below names them with their values. */}
              <PieChart>
                <Pie data={assets} dataKey="value" nameKey="name" outerRadius="70%" label={false}>
                  {assets.map((_, i) => (
                    <Cell key={i} fill={COLORS[i % COLORS.length]} />
                  ))}
                </Pie>
                <Tooltip formatter={(v: any) => yuan(v)} />
                <Legend
                  verticalAlign="bottom"
                  formatter={(name: string, entry: any) => `${name} ${yuan(entry.payload.value)}`}
                />
              </PieChart>
            </ResponsiveContainer>
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}
