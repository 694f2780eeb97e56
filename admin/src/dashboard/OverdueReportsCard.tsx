import { useEffect, useState } from 'react';
import { Button, Card, CardContent, CardHeader, Chip, Grid, Typography } from '@mui/material';
import { usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { Me } from '../auth/authProvider';
import { currentMonth, Rates, rates } from '../reports/api';
import { canReadReports } from '../reports/can';

/** 本月未报送单位: units that have not yet submitted this month's progress report (due on the 20th). */
export function OverdueReportsCard() {
  const t = useTranslate();
  const { permissions: me } = usePermissions<Me>();
  const [data, setData] = useState<Rates | null>(null);
  const month = currentMonth();
  useEffect(() => {
    if (canReadReports(me)) rates(month).then(setData, () => setData(null));
  }, [me, month]);
  if (!data) return null;
  const waiting = data.units.filter((u) => u.timeliness === 'MISSING' || u.timeliness === 'NOT_DUE');
  const shown = waiting.slice(0, 12);
  return (
    <Grid size={{ xs: 12 }}>
      <Card data-card="overdue-reports">
        <CardHeader
          title={t('app.reports.card.title')}
          subheader={`${month} · ${t('app.reports.card.count', { n: waiting.length, expected: data.expected })}`}
          action={
            <Button component={Link} to={`/reports?month=${month}`}>
              {t('app.reports.open')}
            </Button>
          }
        />
        <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, pt: 0 }}>
          {waiting.length === 0 && <Typography>{t('app.reports.card.all')}</Typography>}
          {shown.map((u) => (
            <Chip
              key={u.unit.id}
              size="small"
              color={u.timeliness === 'MISSING' ? 'error' : 'default'}
              variant="outlined"
              label={u.unit.name}
              component={Link}
              to={`/reports/${u.unit.id}/${month}`}
              clickable
            />
          ))}
          {waiting.length > shown.length && (
            <Typography variant="body2">
              {t('app.reports.card.more', { n: waiting.length - shown.length })}
            </Typography>
          )}
        </CardContent>
      </Card>
    </Grid>
  );
}
