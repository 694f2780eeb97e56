import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import DownloadIcon from '@mui/icons-material/Download';
import { Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import { Link, useSearchParams } from 'react-router-dom';
import type { Me } from '../auth/authProvider';
import { currentMonth, downloadCompiled, Rates, rates, shiftMonth } from './api';
import { canCompile } from './can';

const STATUS_COLORS: Record<string, 'default' | 'primary' | 'success' | 'warning' | 'error'> = {
  DRAFT: 'default',
  SUBMITTED: 'primary',
  ACCEPTED: 'success',
  RETURNED: 'warning',
};
const TIMELINESS_COLORS: Record<string, 'default' | 'success' | 'warning' | 'error'> = {
  ON_TIME: 'success',
  LATE: 'warning',
  MISSING: 'error',
  NOT_DUE: 'default',
};
const cst = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).replace(/\//g, '-');

/** The month view: every unit expected to report × its report's state and timeliness, with the totals. */
export function ReportsMonth() {
  const t = useTranslate();
  const notify = useNotify();
  const { permissions: me } = usePermissions<Me>();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? currentMonth();
  const [data, setData] = useState<Rates | null>(null);
  useEffect(() => {
    setData(null);
    rates(month).then(setData, (e) => notify(e.message, { type: 'error' }));
  }, [month, notify]);
  const go = (by: number) => setParams({ month: shiftMonth(month, by) });
  const download = async (format: 'XLSX' | 'DOCX') => {
    try {
      const n = await downloadCompiled(month, format);
      notify('app.reports.compiled', { messageArgs: { n } });
    } catch (e: any) {
      notify(e.message, { type: 'error' });
    }
  };
  const own = (unitId: string) => me?.departmentId === unitId;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.reports.title" />
      <CardContent>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
          <IconButton aria-label={t('app.reports.previous')} onClick={() => go(-1)}>
            <ChevronLeftIcon />
          </IconButton>
          <Typography variant="h6" data-month={month}>
            {month}
          </Typography>
          <IconButton aria-label={t('app.reports.next')} onClick={() => go(1)}>
            <ChevronRightIcon />
          </IconButton>
          <Box sx={{ flex: 1 }} />
          {canCompile(me) && (
            <>
              <Button startIcon={<DownloadIcon />} onClick={() => download('XLSX')}>
                {t('app.reports.downloadXlsx')}
              </Button>
              <Button startIcon={<DownloadIcon />} onClick={() => download('DOCX')}>
                {t('app.reports.downloadDocx')}
              </Button>
            </>
          )}
        </Box>
        {data && (
          <>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, my: 1 }} data-rates>
              <Chip label={`${t('app.reports.expected')} ${data.expected}`} />
              <Chip color="success" label={`${t('app.reports.onTime')} ${data.onTime}`} />
              <Chip color="warning" label={`${t('app.reports.late')} ${data.late}`} />
              <Chip color="error" label={`${t('app.reports.missing')} ${data.missing}`} />
              <Chip label={`${t('app.reports.notDue')} ${data.notDue}`} />
              <Chip variant="outlined" label={`${t('app.reports.rate')} ${data.reportingRatePercent}%`} />
              <Chip variant="outlined" label={`${t('app.reports.onTimeRate')} ${data.onTimeRatePercent}%`} />
            </Box>
            <Typography variant="body2" color="text.secondary">
              {t('app.reports.due', { due: cst(data.dueAt) })}
            </Typography>
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" data-reports-month>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('app.reports.unit')}</TableCell>
                    <TableCell>{t('app.reports.status')}</TableCell>
                    <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
                      {t('app.reports.timeliness')}
                    </TableCell>
                    <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>
                      {t('app.reports.submittedAt')}
                    </TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.units.map((u) => (
                    <TableRow key={u.unit.id} selected={own(u.unit.id)}>
                      <TableCell sx={{ minWidth: 112 }}>{u.unit.name}</TableCell>
                      <TableCell>
                        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
                          <Chip
                            size="small"
                            color={u.status ? STATUS_COLORS[u.status] : 'default'}
                            variant={u.status ? 'filled' : 'outlined'}
                            label={
                              u.status ? t(`enums.ProgressReportStatus.${u.status}`) : t('app.reports.none')
                            }
                          />
                          {/* On a phone the timeliness sits beside the state (its column is hidden). */}
                          <Chip
                            size="small"
                            variant="outlined"
                            color={TIMELINESS_COLORS[u.timeliness]}
                            label={t(`enums.ReportTimeliness.${u.timeliness}`)}
                            sx={{ display: { sm: 'none' } }}
                          />
                        </Box>
                      </TableCell>
                      <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
                        <Chip
                          size="small"
                          variant="outlined"
                          color={TIMELINESS_COLORS[u.timeliness]}
                          label={t(`enums.ReportTimeliness.${u.timeliness}`)}
                        />
                      </TableCell>
                      <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>
                        {u.firstSubmittedAt ? cst(u.firstSubmittedAt) : ''}
                      </TableCell>
                      <TableCell align="right">
                        <Button size="small" component={Link} to={`/reports/${u.unit.id}/${month}`}>
                          {t('app.reports.open')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
}
