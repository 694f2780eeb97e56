import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
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
 * 部门筛查预警: runs `runScreening(year)` over the whole register. The server does it in one set-based
 * statement, so progress is shown as elapsed time while it runs, then the counts it reports.
 */
export function Screening() {
  const t = useTranslate();
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [by, setBy] = useState(localStorage.getItem('baiyin.operator') ?? '');
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

  const run = async () => {
    setRunning(true);
    setResult(null);
    setError(null);
    started.current = Date.now();
    localStorage.setItem('baiyin.operator', by);
    try {
      const d = await gql(
        `mutation($year: Int!, $by: String!) { runScreening(year: $year, by: $by) {
          year checked skipped opened incomeRuleApplied byReason { reason label count } } }`,
        { year: Number(year), by },
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

  const valid = /^\d{4}$/.test(year) && by.trim() !== '';
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.screening.title" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('app.screening.help')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
          <TextField
            size="small"
            label={t('app.screening.year')}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            error={!/^\d{4}$/.test(year)}
          />
          <TextField
            size="small"
            label={t('app.monitoring.by')}
            value={by}
            onChange={(e) => setBy(e.target.value)}
          />
          <Button
            variant="contained"
            onClick={run}
            disabled={running || !valid}
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          >
            {t('app.screening.run')}
          </Button>
        </Box>
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
