import { useRef, useState } from 'react';
import { ImportProgress } from '../common/ImportProgress';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Title, useTranslate } from 'react-admin';

interface Report {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: { row: number; column: string; reason: string; message: string }[];
  ms: number;
}

/** Sends the file to the import endpoint, reporting upload progress (0–1); resolves with the report. */
function send(file: File, dryRun: boolean, onProgress: (p: number) => void): Promise<Report> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/assets/import?dryRun=${dryRun}`);
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
 * 台账导入: choose an .xlsx or .csv file in the ledger's format (the export of 资产台账), check it
 * (dry run: every invalid cell listed by row and column, nothing written), then import it —
 * all-or-nothing, and by asset code: new codes are created, changed rows updated, identical rows
 * left alone.
 */
export function AssetImport() {
  const t = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'processing'>('idle');
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setReport(null);
    setPhase('uploading');
    setProgress(0);
    try {
      const r = await send(file, dryRun, (p) => {
        setProgress(p);
        if (p >= 1) setPhase('processing');
      });
      setReport(r);
    } catch (e: any) {
      setError(t(`errors.${e.message}`, { _: e.message }));
    } finally {
      setPhase('idle');
    }
  };

  const checked = report?.dryRun && report.problems.length === 0;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.import.title" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('app.import.help')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv"
            hidden
            data-testid="import-file"
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
        <ImportProgress phase={phase} progress={progress} error={error} />
        {report && (
          <Box sx={{ mt: 2 }} data-testid="import-report">
            {report.problems.length ? (
              <Alert severity="error">
                {t('app.import.problems', { count: report.problems.length, rows: report.rows })}
              </Alert>
            ) : (
              <Alert severity={report.dryRun ? 'info' : 'success'}>
                {t(report.dryRun ? 'app.import.checked' : 'app.import.done', {
                  rows: report.rows,
                  created: report.created,
                  updated: report.updated,
                  unchanged: report.unchanged,
                  seconds: (report.ms / 1000).toFixed(1),
                })}
              </Alert>
            )}
            {report.problems.length > 0 && (
              <Table size="small" sx={{ mt: 1 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('app.import.row')}</TableCell>
                    <TableCell>{t('app.import.column')}</TableCell>
                    <TableCell>{t('app.import.reason')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.problems.slice(0, 500).map((p, i) => (
                    <TableRow key={i}>
                      <TableCell>{p.row}</TableCell>
                      <TableCell>{p.column}</TableCell>
                      <TableCell>{p.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
