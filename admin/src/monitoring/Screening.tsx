import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Link,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { gql } from '../providers/graphql';

interface Result {
  year: number;
  checked: number;
  skipped: number;
  opened: number;
  incomeRuleApplied: boolean;
  byReason: { reason: string; label: string; count: number }[];
}

/**
 * 部门筛查预警: runs `runScreening(year)` over the whole register, after a confirmation saying what it
 * will do (it opens clues for real households at once). The server does it in one set-based
 * statement, so progress is shown as elapsed time while it runs, then the counts it reports.
 */
export function Screening() {
  const t = useTranslate();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear - 1));
  const [confirming, setConfirming] = useState<{ line: string | null } | null>(null);
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(0);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setElapsed((Date.now() - started.current) / 1000), 100);
    return () => clearInterval(timer);
  }, [running]);

  const valid = /^\d{4}$/.test(year) && Number(year) >= 2013 && Number(year) <= thisYear;

  const ask = async () => {
    const d = await gql(
      'query($y: Int!) { monitoringThresholds(filter: { year: { eq: $y } }) { nodes { amountYuan } } }',
      { y: Number(year) },
    );
    setConfirming({ line: d.monitoringThresholds.nodes[0]?.amountYuan ?? null });
  };

  const run = async () => {
    setConfirming(null);
    setRunning(true);
    setResult(null);
    setError(null);
    started.current = Date.now();
    try {
      const d = await gql(
        `mutation($year: Int!) { runScreening(year: $year) {
          year checked skipped opened incomeRuleApplied byReason { reason label count } } }`,
        { year: Number(year) },
      );
      setResult(d.runScreening);
    } catch (e: any) {
      const field = e.body?.fields?.[0]?.reason;
      setError(t(field ? `errors.${field}` : e.message, { _: e.message }));
    } finally {
      setElapsed((Date.now() - started.current) / 1000);
      setRunning(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.screening.title" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('app.screening.help')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
          <TextField
            size="small"
            label={t('app.screening.year')}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            error={!valid}
            helperText={t('app.screening.yearHelp', { year: thisYear })}
          />
          <Button
            variant="contained"
            onClick={ask}
            disabled={running || !valid}
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          >
            {t('app.screening.run')}
          </Button>
        </Box>
        <Dialog open={confirming !== null} onClose={() => setConfirming(null)}>
          <DialogTitle>{t('app.screening.confirmTitle', { year })}</DialogTitle>
          <DialogContent>
            <Typography>{t('app.screening.confirm', { year })}</Typography>
            {confirming && confirming.line === null && (
              <Alert severity="warning" sx={{ mt: 1 }}>
                {t('app.screening.noLine', { year })}
              </Alert>
            )}
            {confirming?.line && (
              <Typography variant="body2" sx={{ mt: 1 }}>
                {t('app.screening.line', { year, amount: confirming.line })}
              </Typography>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirming(null)}>{t('ra.action.cancel')}</Button>
            <Button variant="contained" onClick={run}>
              {t('app.screening.run')}
            </Button>
          </DialogActions>
        </Dialog>
        {running && (
          <Box sx={{ mt: 2 }} role="progressbar">
            <LinearProgress />
            <Typography variant="body2">
              {t('app.screening.running', { seconds: elapsed.toFixed(1) })}
            </Typography>
          </Box>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
        {result && (
          <Box sx={{ mt: 2 }} data-testid="screening-result">
            <Alert severity="success">
              {t('app.screening.done', {
                year: result.year,
                checked: result.checked,
                skipped: result.skipped,
                opened: result.opened,
                seconds: elapsed.toFixed(1),
              })}
            </Alert>
            {!result.incomeRuleApplied && (
              <Alert severity="warning" sx={{ mt: 1 }}>
                {t('app.screening.noLine', { year: result.year })}
              </Alert>
            )}
            <Table size="small" sx={{ mt: 1, maxWidth: 600 }}>
              <TableBody>
                {result.byReason.map((r) => (
                  <TableRow key={r.reason}>
                    <TableCell>{t(`enums.ScreeningReason.${r.reason}`, { _: r.label })}</TableCell>
                    <TableCell align="right">{r.count}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Link href="#/worklists" sx={{ display: 'inline-block', mt: 1 }}>
              {t('app.screening.toWorklists')}
            </Link>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
