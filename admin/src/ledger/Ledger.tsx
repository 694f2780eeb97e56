import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  Grid,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Title, useNotify, useTranslate } from 'react-admin';
import { gql } from '../providers/graphql';

interface Row {
  key: string | null;
  label: string;
  count: number;
  originalValueYuan: string;
  bookValueYuan: string;
  revenueYuan: string;
}

const VIEWS = ['TOTAL', 'ASSET_CLASS', 'DEPARTMENT', 'TOWNSHIP', 'VILLAGE'] as const;
const yuan = (v: string | number) =>
  Number(v).toLocaleString('zh-CN', { style: 'currency', currency: 'CNY' });
const cents = (v: string) => Math.round(Number(v) * 100);

/** The totals row of a view: counts and sums added up (in fen, so no float drift). */
function totalOf(rows: Row[]): Row {
  const sum = (k: keyof Row) => (rows.reduce((s, r) => s + cents(r[k] as string), 0) / 100).toFixed(2);
  return {
    key: null,
    label: '合计',
    count: rows.reduce((s, r) => s + r.count, 0),
    originalValueYuan: sum('originalValueYuan'),
    bookValueYuan: sum('bookValueYuan'),
    revenueYuan: sum('revenueYuan'),
  };
}

/** One view as an .xlsx file: Chinese headers, money formatted in yuan, a totals row. */
async function exportView(title: string, rows: Row[], headers: string[]) {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(title.slice(0, 31));
  const money = '"¥"#,##0.00';
  sheet.columns = [
    { header: headers[0], key: 'label', width: 28 },
    { header: headers[1], key: 'count', width: 10 },
    { header: headers[2], key: 'original', width: 18, style: { numFmt: money } },
    { header: headers[3], key: 'book', width: 18, style: { numFmt: money } },
    { header: headers[4], key: 'revenue', width: 18, style: { numFmt: money } },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of [...rows, totalOf(rows)])
    sheet.addRow({
      label: r.label,
      count: r.count,
      original: Number(r.originalValueYuan),
      book: Number(r.bookValueYuan),
      revenue: Number(r.revenueYuan),
    });
  sheet.lastRow!.font = { bold: true };
  const blob = new Blob([await book.xlsx.writeBuffer()], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${title}.xlsx`;
  a.click();
  await gql('mutation($r: String!, $n: Int!) { recordExport(resource: $r, rows: $n) }', {
    r: 'assetLedger',
    n: rows.length,
  });
}

/**
 * The ledger by funding source (issue #17 item 9): the amount each source put in and the assets it
 * funded. An asset with several sources counts under each, so the totals row gives the distinct count
 * and a note says why the column adds up to more; book value and revenue are not split by source.
 */
function SourceTable({ rows, assets, title }: { rows: Row[]; assets: number; title: string }) {
  const t = useTranslate();
  const sum = rows.reduce((s, r) => s + r.count, 0);
  const amount = (rows.reduce((s, r) => s + cents(r.originalValueYuan), 0) / 100).toFixed(2);
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle1">{title}</Typography>
      <Table size="small" data-ledger="SOURCE">
        <TableHead>
          <TableRow>
            <TableCell>{t('app.ledger.group.SOURCE')}</TableCell>
            <TableCell align="right">{t('app.ledger.columns.count')}</TableCell>
            <TableCell align="right">{t('app.ledgerSource.amount')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell>{r.label}</TableCell>
              <TableCell align="right">{r.count.toLocaleString('zh-CN')}</TableCell>
              <TableCell align="right">{yuan(r.originalValueYuan)}</TableCell>
            </TableRow>
          ))}
          <TableRow sx={{ '& td': { fontWeight: 700 } }}>
            <TableCell>{t('app.ledgerSource.total')}</TableCell>
            <TableCell align="right">{assets.toLocaleString('zh-CN')}</TableCell>
            <TableCell align="right">{yuan(amount)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary" data-testid="source-note">
        {t('app.ledgerSource.note', {
          sum: sum.toLocaleString('zh-CN'),
          total: assets.toLocaleString('zh-CN'),
        })}
      </Typography>
    </Box>
  );
}

function LedgerTable({ rows, title, name }: { rows: Row[]; title: string; name: string }) {
  const t = useTranslate();
  const headers = [
    t(`app.ledger.group.${name}`),
    ...['count', 'original', 'book', 'revenue'].map((k) => t(`app.ledger.columns.${k}`)),
  ];
  return (
    <Box sx={{ mb: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="subtitle1">{title}</Typography>
        <Button size="small" startIcon={<DownloadIcon />} onClick={() => exportView(title, rows, headers)}>
          {t('app.export.xlsx')}
        </Button>
      </Box>
      <Table size="small" data-ledger={name}>
        <TableHead>
          <TableRow>
            {headers.map((h, i) => (
              <TableCell key={h} align={i ? 'right' : 'left'}>
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {[...rows, totalOf(rows)].map((r, i) => (
            <TableRow key={i} sx={i === rows.length ? { '& td': { fontWeight: 700 } } : undefined}>
              <TableCell>{r.label}</TableCell>
              <TableCell align="right">{r.count.toLocaleString('zh-CN')}</TableCell>
              <TableCell align="right">{yuan(r.originalValueYuan)}</TableCell>
              <TableCell align="right">{yuan(r.bookValueYuan)}</TableCell>
              <TableCell align="right">{yuan(r.revenueYuan)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

const FIELDS = 'key label count originalValueYuan bookValueYuan revenueYuan';

/**
 * 资产台账 (work plan §2.5): the district total ledger (总账: by class, status and funding source), the
 * ledger by class (分类台账), by responsible department (分部门台账) and the detail ledgers by
 * township and village (明细台账), each with a totals row and an Excel export; and the whole ledger
 * as an importable workbook.
 */
export function Ledger() {
  const t = useTranslate();
  const notify = useNotify();
  const [tab, setTab] = useState(0);
  const [data, setData] = useState<Record<string, Row[]>>({});
  useEffect(() => {
    const view = VIEWS[tab];
    const query =
      view === 'TOTAL'
        ? `{ byClass: assetLedger(groupBy: ASSET_CLASS) { ${FIELDS} } byStatus: assetLedger(groupBy: STATUS) { ${FIELDS} }
             bySource: assetLedgerByFundingSource { ${FIELDS} } }`
        : `{ rows: assetLedger(groupBy: ${view}) { ${FIELDS} } }`;
    gql(query).then((d) => setData((prev) => ({ ...prev, ...(view === 'TOTAL' ? d : { [view]: d.rows }) })));
  }, [tab]);

  const download = async () => {
    const res = await fetch('/api/assets/export.xlsx', { credentials: 'include' });
    if (!res.ok) return notify('ra.notification.http_error', { type: 'error' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await res.blob());
    a.download = '扶贫项目资产台账.xlsx';
    a.click();
  };

  const view = VIEWS[tab];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.ledger.title" />
      <CardContent>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap' }}>
          <Tabs
            value={tab}
            onChange={(_, v) => setTab(v)}
            variant="scrollable"
            scrollButtons="auto"
            sx={{ maxWidth: '100%' }}
          >
            {VIEWS.map((v) => (
              <Tab key={v} label={t(`app.ledger.views.${v}`)} />
            ))}
          </Tabs>
          <Button startIcon={<DownloadIcon />} onClick={download}>
            {t('app.ledger.exportAll')}
          </Button>
        </Box>
        {view === 'TOTAL' && data.byClass && (
          <Grid container spacing={2} sx={{ mt: 1 }}>
            <Grid size={{ xs: 12 }}>
              <LedgerTable rows={data.byClass} title={t('app.ledger.views.ASSET_CLASS')} name="ASSET_CLASS" />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <LedgerTable rows={data.byStatus} title={t('app.ledger.byStatus')} name="STATUS" />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <SourceTable
                rows={data.bySource}
                assets={totalOf(data.byClass).count}
                title={t('app.ledger.bySource')}
              />
            </Grid>
          </Grid>
        )}
        {view !== 'TOTAL' && data[view] && (
          <LedgerTable rows={data[view]} title={t(`app.ledger.views.${view}`)} name={view} />
        )}
      </CardContent>
    </Card>
  );
}
