import { useRef, useState } from 'react';
import { ImportProgress } from '../common/ImportProgress';
import { Alert, Box, Button, Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import DownloadIcon from '@mui/icons-material/Download';
import { Title, usePermissions, useTranslate } from 'react-admin';
import enums from '../generated/enums.json';
import type { Me } from '../auth/authProvider';
import { ProblemTable } from './ProblemTable';

/** The department (reference-data code) of each feed, as the server defines it (server/modules/exchange/feeds.ts). */
export const FEED_DEPARTMENTS: Record<string, string> = {
  CIVIL_AFFAIRS_ROLL: 'D11',
  MEDICAL_INSURANCE: 'D14',
  DISABILITY_CERTIFICATES: 'D18',
  PUPILS: 'D09',
  DANGEROUS_HOUSES: 'D06',
  DRINKING_WATER: 'D10',
  PENSION_INSURANCE: 'D04',
  FAMILY_DOCTOR: 'D05',
};

interface FeedReport {
  dryRun: boolean;
  encoding: string | null;
  rows: number;
  matched: number;
  valuesChanged: number;
  unchangedRows: number;
  unmatched: number;
  outOfDistrict: number;
  cluesOpened: number;
  alertsOnOpenCases: number;
  notices: { row: number; reason: string; message: string }[];
  alerts: { row: number; rule: string; reason: string; householdNumber: string; outcome: string }[];
  problems: { row: number; column: string; reason: string; message: string }[];
  runId: string | null;
  ms: number;
}

function send(
  feed: string,
  file: File,
  dryRun: boolean,
  onProgress: (p: number) => void,
): Promise<FeedReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/feeds/${feed}/import?dryRun=${dryRun}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-import-format', file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}');
      if (xhr.status >= 400) reject(new Error(body.errors?.[0]?.extensions?.reason ?? xhr.statusText));
      else resolve(body);
    };
    xhr.onerror = () => reject(new Error('ra.notification.http_error'));
    xhr.send(file);
  });
}

/**
 * 数据导入 · 部门比对数据: a department picks its feed, downloads the template, checks the file (dry
 * run: invalid cells, unmatched and out-of-district rows, the clues it would open) and applies it.
 */
export function FeedImport() {
  const t = useTranslate();
  const { permissions: me } = usePermissions<Me & { departmentCode?: string | null }>();
  const labels = (enums as any).FeedKind as Record<string, string>;
  const feeds = Object.keys(FEED_DEPARTMENTS);
  const [feed, setFeed] = useState(feeds[0]);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'processing'>('idle');
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<FeedReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setReport(null);
    setPhase('uploading');
    setProgress(0);
    try {
      setReport(
        await send(feed, file, dryRun, (p) => {
          setProgress(p);
          if (p >= 1) setPhase('processing');
        }),
      );
    } catch (e: any) {
      setError(t(`errors.${e.message}`, { _: e.message }));
    } finally {
      setPhase('idle');
    }
  };
  const checked = report?.dryRun && report.problems.length === 0;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.exchange.feeds.title" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('app.exchange.feeds.help')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            select
            size="small"
            label={t('app.exchange.feeds.feed')}
            value={feed}
            onChange={(e) => (setFeed(e.target.value), setReport(null))}
            sx={{ minWidth: 260 }}
            data-testid="feed-select"
          >
            {feeds.map((f) => (
              <MenuItem key={f} value={f}>
                {labels?.[f] ?? f}
              </MenuItem>
            ))}
          </TextField>
          <Button startIcon={<DownloadIcon />} href={`/api/feeds/${feed}/template.xlsx`}>
            {t('app.exchange.feeds.template')}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv"
            hidden
            data-testid="feed-file"
            onChange={(e) => (setFile(e.target.files?.[0] ?? null), setReport(null))}
          />
          <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()}>
            {t('app.import.choose')}
          </Button>
          <Typography>{file?.name ?? t('app.import.none')}</Typography>
          <Button variant="contained" disabled={!file || phase !== 'idle'} onClick={() => run(true)}>
            {t('app.import.check')}
          </Button>
          <Button
            variant="contained"
            color="success"
            disabled={!checked || phase !== 'idle'}
            onClick={() => run(false)}
          >
            {t('app.import.apply')}
          </Button>
        </Box>
        {me?.role === 'DEPARTMENT_OFFICER' && (
          <Typography variant="caption" color="text.secondary">
            {t('app.exchange.feeds.ownOnly')}
          </Typography>
        )}
        <ImportProgress phase={phase} progress={progress} error={error} />
        {report && (
          <Box sx={{ mt: 2 }} data-testid="feed-report">
            {report.problems.length ? (
              <Alert severity="error">
                {t('app.import.problems', { count: report.problems.length, rows: report.rows })}
              </Alert>
            ) : (
              <Alert severity={report.dryRun ? 'info' : 'success'}>
                {t(report.dryRun ? 'app.exchange.feeds.checked' : 'app.exchange.feeds.done', {
                  rows: report.rows,
                  matched: report.matched,
                  changed: report.valuesChanged,
                  unmatched: report.unmatched,
                  outside: report.outOfDistrict,
                  clues: report.cluesOpened,
                  joined: report.alertsOnOpenCases,
                  seconds: (report.ms / 1000).toFixed(1),
                })}
              </Alert>
            )}
            <ProblemTable
              rows={report.problems.map((p) => ({ row: p.row, column: p.column, text: p.message }))}
            />
            {report.alerts.length > 0 && (
              <>
                <Typography variant="subtitle2" sx={{ mt: 2 }}>
                  {t('app.exchange.feeds.alerts')}
                </Typography>
                <ProblemTable
                  rows={report.alerts.map((a) => ({
                    row: a.row,
                    column: a.householdNumber,
                    text: `${a.reason}（${t(`app.exchange.feeds.outcome.${a.outcome}`)}）`,
                  }))}
                  columnLabel="app.exchange.feeds.household"
                />
              </>
            )}
            {report.notices.length > 0 && (
              <>
                <Typography variant="subtitle2" sx={{ mt: 2 }}>
                  {t('app.exchange.feeds.notices')}
                </Typography>
                <ProblemTable
                  rows={report.notices.map((n) => ({ row: n.row, column: '', text: n.message }))}
                />
              </>
            )}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
