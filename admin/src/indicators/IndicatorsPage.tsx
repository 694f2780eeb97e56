import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';
import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Me } from '../auth/authProvider';
import { gql } from '../providers/graphql';
import {
  COMPARISON_SIGNS,
  DRILLABLE,
  DrillRow,
  IndicatorValue,
  loadBreakdown,
  loadDrill,
  loadIndicators,
  Point,
  shortName,
  shown,
  STATUS_COLORS,
  unitKey,
} from './api';
import { StatusChip, Sparkline } from './parts';
import { exportIndicators } from './export';

const AREA_ROLES = ['ADMIN', 'DISTRICT_OFFICER', 'TOWNSHIP_OFFICER', 'VILLAGE_CADRE'];

/**
 * 规划指标: every indicator of the plan with target, value, status colour, trend and a 12-month
 * sparkline; selecting one shows its township breakdown and the rows behind its shortfall.
 */
export function IndicatorsPage() {
  const t = useTranslate();
  const { permissions: me } = usePermissions<Me>();
  const [townshipId, setTownshipId] = useState<string>('');
  const [townships, setTownships] = useState<{ id: string; name: string }[]>([]);
  const [rows, setRows] = useState<IndicatorValue[] | null>(null);
  const [history, setHistory] = useState<Point[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const district = me && !me.townshipId && !me.villageId;
  useEffect(() => {
    if (district)
      gql<{ townships: { nodes: { id: string; name: string }[] } }>(
        '{ townships(first: 100, orderBy: [{ field: CODE }]) { nodes { id name } } }',
      ).then((d) => setTownships(d.townships.nodes));
  }, [district]);
  useEffect(() => {
    setRows(null);
    loadIndicators(townshipId || null).then(
      (d) => {
        setRows(d.planIndicators);
        setHistory(d.indicatorHistory);
      },
      () => setRows([]),
    );
  }, [townshipId]);
  const current = rows?.find((r) => r.key === selected) ?? null;
  const unit = (u: string) => t(unitKey(u), { _: u });
  return (
    // On a phone the table scrolls inside the page instead of widening it.
    <Box sx={{ mt: 1, minWidth: 0, maxWidth: { xs: 'calc(100vw - 16px)', md: '100%' } }}>
      <Title title="app.indicators.title" />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <Typography variant="h6" sx={{ flexGrow: 1 }}>
          {t('app.indicators.heading', { area: rows?.[0]?.areaName ?? '' })}
        </Typography>
        {district && (
          <TextField
            select
            size="small"
            label={t('app.indicators.area')}
            value={townshipId}
            onChange={(e) => setTownshipId(e.target.value)}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            sx={{ width: 200 }}
          >
            <MenuItem value="">{t('app.indicators.wholeDistrict')}</MenuItem>
            {townships.map((x) => (
              <MenuItem key={x.id} value={x.id}>
                {x.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Button variant="outlined" disabled={!rows?.length} onClick={() => rows && exportIndicators(rows, t)}>
          {t('app.indicators.export')}
        </Button>
      </Box>
      <TableContainer component={Card} sx={{ overflowX: 'auto', maxWidth: '100%' }}>
        <Table size="small" data-testid="indicator-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('app.indicators.columns.name')}</TableCell>
              <TableCell>{t('app.indicators.columns.status')}</TableCell>
              <TableCell>{t('app.indicators.columns.target')}</TableCell>
              <TableCell align="right">{t('app.indicators.columns.value')}</TableCell>
              <TableCell align="right">{t('app.indicators.columns.trend')}</TableCell>
              <TableCell>{t('app.indicators.columns.history')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(rows ?? []).map((r) => (
              <TableRow
                key={r.key}
                hover
                selected={r.key === selected}
                onClick={() => setSelected(r.key)}
                sx={{ cursor: 'pointer' }}
              >
                <TableCell sx={{ minWidth: { xs: 150, md: 220 } }}>
                  {shortName(r.indicator.name)}
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {t(`enums.IndicatorSource.${r.indicator.source}`)} · {t('app.indicators.clause')}{' '}
                    {t(`app.indicators.clauses.${r.indicator.planClause}`, { _: r.indicator.planClause })}
                  </Typography>
                </TableCell>
                <TableCell>
                  <StatusChip status={r.status} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {r.target === null
                    ? t('app.indicators.noTarget')
                    : `${COMPARISON_SIGNS[r.indicator.comparison]} ${Number(r.target)} ${unit(r.indicator.unit)}`}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {r.value === null ? '—' : `${shown(r.value, r.indicator.unit)} ${unit(r.indicator.unit)}`}
                  {r.denominator !== null && (
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {r.numerator} / {r.denominator}
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right">
                  {r.trend === null
                    ? '—'
                    : `${Number(r.trend) > 0 ? '▲ +' : Number(r.trend) < 0 ? '▼ ' : ''}${r.trend}`}
                </TableCell>
                <TableCell>
                  <Sparkline points={history.filter((p) => p.key === r.key)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {rows === null && <Typography sx={{ p: 2 }}>{t('ra.page.loading')}</Typography>}
      </TableContainer>
      {!current && rows?.length ? (
        <Typography sx={{ mt: 2 }} color="text.secondary">
          {t('app.indicators.pick')}
        </Typography>
      ) : null}
      {current && (
        <Detail
          key={`${current.key}:${townshipId}`}
          value={current}
          townshipId={townshipId || null}
          canDrill={Boolean(me && AREA_ROLES.includes(me.role))}
        />
      )}
    </Box>
  );
}

function Detail({
  value,
  townshipId,
  canDrill,
}: {
  value: IndicatorValue;
  townshipId: string | null;
  canDrill: boolean;
}) {
  const t = useTranslate();
  const [breakdown, setBreakdown] = useState<IndicatorValue[]>([]);
  const [drill, setDrill] = useState<{ totalCount: number; nodes: DrillRow[] } | null>(null);
  useEffect(() => {
    loadBreakdown(value.key).then(
      (d) => setBreakdown(d.indicatorBreakdown),
      () => setBreakdown([]),
    );
    if (canDrill && DRILLABLE.has(value.key))
      loadDrill(value.key, townshipId).then(
        (d) => setDrill(d.indicatorDrillDown),
        () => setDrill(null),
      );
  }, [value.key, townshipId, canDrill]);
  const chart = breakdown.map((b) => ({
    name: b.areaName,
    value: b.value === null ? 0 : Number(b.value),
    status: b.status,
  }));
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, mt: 2 }}>
      <Card>
        <CardHeader
          title={t('app.indicators.breakdown', { name: shortName(value.indicator.name) })}
          subheader={value.indicator.definition.split('. ')[0]}
          titleTypographyProps={{ variant: 'subtitle1' }}
          subheaderTypographyProps={{ variant: 'caption' }}
        />
        <CardContent sx={{ height: 300 }}>
          <ResponsiveContainer>
            <BarChart data={chart} margin={{ bottom: 50 }}>
              <XAxis dataKey="name" angle={-35} textAnchor="end" interval={0} fontSize={11} />
              <YAxis fontSize={11} allowDecimals={value.indicator.unit === 'percent'} />
              <Tooltip />
              <Bar dataKey="value" name={t('app.indicators.columns.value')}>
                {chart.map((c) => (
                  <Cell key={c.name} fill={STATUS_COLORS[c.status]} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </CardContent>
      </Card>
      <Card>
        <CardHeader
          title={t('app.indicators.drill', { count: drill?.totalCount ?? 0 })}
          titleTypographyProps={{ variant: 'subtitle1' }}
        />
        <CardContent sx={{ maxHeight: 300, overflow: 'auto' }}>
          {!DRILLABLE.has(value.key) ? (
            <Typography color="text.secondary">{t('app.indicators.notDrillable')}</Typography>
          ) : !canDrill ? (
            <Typography color="text.secondary">{t('app.indicators.drillForbidden')}</Typography>
          ) : (
            <Table size="small" data-testid="drill-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t('app.indicators.drillColumns.name')}</TableCell>
                  <TableCell>{t('app.indicators.drillColumns.place')}</TableCell>
                  <TableCell>{t('app.indicators.drillColumns.detail')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(drill?.nodes ?? []).map((d) => (
                  <TableRow key={d.id}>
                    <TableCell>
                      {d.name}
                      {d.householdNumber && d.householdNumber !== d.name && (
                        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                          {d.householdNumber}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      {d.townshipName} {d.villageName}
                    </TableCell>
                    <TableCell>{d.detail}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
