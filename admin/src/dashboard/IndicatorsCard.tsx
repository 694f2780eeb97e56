import { useEffect, useState } from 'react';
import { Box, Card, CardContent, CardHeader, Link, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import {
  COMPARISON_SIGNS,
  IndicatorValue,
  loadIndicators,
  Point,
  shortName,
  shown,
  Status,
  STATUS_COLORS,
  unitKey,
} from '../indicators/api';
import { Sparkline, StatusChip } from '../indicators/parts';

/** Dashboard card: how many indicators are met, and the ones that are not, with their sparklines. */
export function IndicatorsCard() {
  const t = useTranslate();
  const [data, setData] = useState<{ rows: IndicatorValue[]; history: Point[] } | null>(null);
  useEffect(() => {
    loadIndicators(null).then(
      (d) => setData({ rows: d.planIndicators, history: d.indicatorHistory }),
      () => setData(null),
    );
  }, []);
  if (!data) return null;
  const counts = (['MET', 'AT_RISK', 'MISSED', 'NO_DATA'] as Status[]).map((s) => ({
    s,
    n: data.rows.filter((r) => r.status === s).length,
  }));
  const attention = data.rows.filter((r) => r.status === 'MISSED' || r.status === 'AT_RISK');
  return (
    <Card data-testid="indicators-card">
      <CardHeader
        title={t('app.indicators.card')}
        action={
          <Link component={RouterLink} to="/indicators" sx={{ mr: 1 }}>
            {t('app.indicators.open')}
          </Link>
        }
      />
      <CardContent>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 1 }}>
          {counts.map(({ s, n }) => (
            <Box key={s} sx={{ borderLeft: `4px solid ${STATUS_COLORS[s]}`, pl: 1, minWidth: 80 }}>
              <Typography variant="caption" color="text.secondary">
                {t(`enums.IndicatorStatus.${s}`)}
              </Typography>
              <Typography variant="h6">{n}</Typography>
            </Box>
          ))}
        </Box>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 4 }}>
          {attention.map((r) => {
            const unit = t(unitKey(r.indicator.unit), { _: r.indicator.unit });
            return (
              <Box key={r.key} sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.5 }}>
                <StatusChip status={r.status} />
                <Typography variant="body2" sx={{ flexGrow: 1, minWidth: 0 }}>
                  {shortName(r.indicator.name)}：
                  {r.value === null ? '—' : `${shown(r.value, r.indicator.unit)} ${unit}`}
                  <Typography component="span" variant="caption" color="text.secondary">
                    {r.target === null
                      ? ''
                      : ` （${t('app.indicators.columns.target')} ${COMPARISON_SIGNS[r.indicator.comparison]} ${Number(r.target)} ${unit}）`}
                  </Typography>
                </Typography>
                <Sparkline points={data.history.filter((p) => p.key === r.key)} />
              </Box>
            );
          })}
        </Box>
      </CardContent>
    </Card>
  );
}
