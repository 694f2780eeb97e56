import { useEffect, useState } from 'react';
import { Card, CardContent, CardHeader, Grid, Typography } from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';
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
import { OverdueReportsCard } from './OverdueReportsCard';
import { IndicatorsCard } from './IndicatorsCard';

interface Row {
  key: string | null;
  count: number;
  sumYuan: string | null;
}

interface Data {
  households: { totalCount: number };
  people: { totalCount: number };
  relocationSites: { nodes: { name: string; relocatedHouseholds: number; relocatedPeople: number }[] };
  byType: Row[];
  byStatus: Row[];
  assets: Row[];
}

const QUERY = `{
  households { totalCount }
  people: householdMembers { totalCount }
  relocationSites { nodes { name relocatedHouseholds relocatedPeople } }
  byType: assistanceMeasureStatistics(groupBy: TYPE) { key count sumYuan }
  byStatus: assistanceMeasureStatistics(groupBy: STATUS) { key count sumYuan }
  assets: assetStatistics(groupBy: ASSET_CLASS) { key count sumYuan }
}`;

const COLORS = ['#1976d2', '#2e7d32', '#ed6c02', '#9c27b0', '#d32f2f', '#0288d1'];
const yuan = (v: string | number) => `¥${Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 0 })}`;

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Card>
      <CardContent>
        <Typography color="text.secondary" variant="body2">
          {label}
        </Typography>
        <Typography variant="h5">
          {typeof value === 'number' ? value.toLocaleString('zh-CN') : value}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** The figures that matter, and two charts, from the statistics queries of the API. */
export function Dashboard() {
  const { permissions: me } = usePermissions<Me>();
  if (me && !canRead(me, 'households')) return <Navigate to="/auditEvents" replace />;
  return <DashboardFigures />;
}

/** The figures and charts of the register (roles that read it). */
function DashboardFigures() {
  const t = useTranslate();
  const [data, setData] = useState<Data | null>(null);
  useEffect(() => {
    gql<Data>(QUERY).then(setData, () => setData(null));
  }, []);
  if (!data) return <Title title="app.dashboard.title" />;
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
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Title title="app.dashboard.title" />
      <OverdueReportsCard />
      <Grid size={{ xs: 12, md: 3 }}>
        <Figure label={t('app.dashboard.households')} value={data.households.totalCount} />
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <Figure label={t('app.dashboard.people')} value={data.people.totalCount} />
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <Figure
          label={t('app.dashboard.relocated')}
          value={`${relocated[0].toLocaleString('zh-CN')} / ${relocated[1].toLocaleString('zh-CN')}`}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <Figure
          label={t('app.dashboard.assetValue')}
          value={yuan(data.assets.reduce((s, r) => s + Number(r.sumYuan), 0))}
        />
      </Grid>
      {data.relocationSites.nodes.map((s) => (
        <Grid key={s.name} size={{ xs: 12, md: 3 }}>
          <Figure
            label={s.name}
            value={`${s.relocatedHouseholds} ${t('app.dashboard.householdsUnit')} / ${s.relocatedPeople} ${t('app.dashboard.peopleUnit')}`}
          />
        </Grid>
      ))}
      {data.byStatus.map((r) => (
        <Grid key={r.key} size={{ xs: 6, md: 1.5 }}>
          <Figure label={t(`enums.MeasureStatus.${r.key}`)} value={r.count} />
        </Grid>
      ))}
      <Grid size={{ xs: 12 }}>
        <IndicatorsCard />
      </Grid>
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
          <CardContent sx={{ height: 320 }}>
            <ResponsiveContainer>
              <PieChart margin={{ top: 24, bottom: 8 }}>
                <Pie
                  data={assets}
                  dataKey="value"
                  nameKey="name"
                  outerRadius={100}
                  label={(e: any) => e.name}
                >
                  {assets.map((_, i) => (
                    <Cell key={i} fill={COLORS[i % COLORS.length]} />
                  ))}
                </Pie>
                <Tooltip formatter={(v: any) => yuan(v)} />
                <Legend />
              </PieChart>
            </ResponsiveContainer>
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}
