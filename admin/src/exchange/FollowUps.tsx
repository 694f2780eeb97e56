import { useEffect, useState } from 'react';
import {
  Alert,
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link, Title, useTranslate } from 'react-admin';
import { gql } from '../providers/graphql';

interface Due {
  monitoringCase: { id: string; household: { householdNumber: string } | null };
  riskEliminatedAt: string;
  lastFollowUpOn: string | null;
  dueOn: string;
  daysOverdue: number;
}

/** 事后回访: closed cases whose follow-up visit is due, most overdue first. */
export function FollowUps() {
  const t = useTranslate();
  const [rows, setRows] = useState<Due[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql<{ followUpsDue: Due[] }>(
      `{ followUpsDue(first: 200) { monitoringCase { id household { householdNumber } } riskEliminatedAt lastFollowUpOn dueOn daysOverdue } }`,
    )
      .then((d) => setRows(d.followUpsDue))
      .catch((e) => setError(e.message));
  }, []);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.exchange.followUps.title" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('app.exchange.followUps.help')}
        </Typography>
        {error && <Alert severity="error">{t(error, { _: error })}</Alert>}
        {rows && rows.length === 0 && <Alert severity="success">{t('app.worklists.empty')}</Alert>}
        {rows && rows.length > 0 && (
          <Table size="small" data-testid="follow-ups">
            <TableHead>
              <TableRow>
                <TableCell>{t('app.worklists.columns.householdNumber')}</TableCell>
                <TableCell>{t('app.exchange.followUps.eliminated')}</TableCell>
                <TableCell>{t('app.exchange.followUps.last')}</TableCell>
                <TableCell>{t('app.exchange.followUps.due')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.monitoringCase.id}>
                  <TableCell>
                    <Link to={`/monitoringCases/${r.monitoringCase.id}/show`}>
                      {r.monitoringCase.household?.householdNumber ?? r.monitoringCase.id}
                    </Link>
                  </TableCell>
                  <TableCell>{r.riskEliminatedAt}</TableCell>
                  <TableCell>{r.lastFollowUpOn ?? '—'}</TableCell>
                  <TableCell>
                    {r.dueOn}
                    {r.daysOverdue > 0 &&
                      ` (${t('app.exchange.followUps.overdue', { days: r.daysOverdue })})`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
