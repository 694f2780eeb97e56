import DownloadIcon from '@mui/icons-material/Download';
import {
  Button,
  useDataProvider,
  useListContext,
  useNotify,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { gql } from '../providers/graphql';
import { byName, FieldSpec } from './config';
import { fileStamp, formatDateTime } from '../common/format';

/** Every row of the current filter and sort (the data provider pages through the API 500 at a time). */
async function allRows(dataProvider: any, resource: string, filter: any, sort: any) {
  const { data } = await dataProvider.getList(resource, {
    pagination: { page: 1, perPage: 100000 },
    filter,
    sort,
  });
  return data as any[];
}

function cell(
  f: FieldSpec,
  row: any,
  t: (k: string) => string,
  refs: Map<string, Map<string, string>>,
): string | number | null {
  const v = row[f.source];
  if (v === null || v === undefined) return null;
  if (f.type === 'enum') return t(`enums.${f.of}.${v}`);
  if (f.type === 'ref') return refs.get(f.of!)?.get(String(v)) ?? String(v);
  if (f.type === 'bool') return t(v ? 'app.export.yes' : 'app.export.no');
  if (f.type === 'money') return Number(v);
  if (f.type === 'datetime') return formatDateTime(v);
  return v;
}

/**
 * Columns holding long numbers that are names, not quantities (户编号, 区划代码, 身份证号, 电话, 资产编号):
 * Excel and WPS keep 15 significant digits of a bare number, so the CSV writes them as `="…"` (a text
 * formula both show as written) and the XLSX as text cells wide enough to show them.
 */
export const ID_LIKE = new Set([
  'householdNumber',
  'code',
  'idNumber',
  'phone',
  'assetCode',
  'entityId',
  'prefix',
]);

/** A sheet (and file) name Excel accepts: no `* ? : \\ / [ ]` (`行政村/社区` → `行政村、社区`), at most 31 characters. */
export const sheetName = (name: string) => name.replace(/[*?:\\/[\]]/g, '、').slice(0, 31);

/** A CSV cell of an ID-like column: `="62040210000000001"`, as read back by Excel, WPS and `readIdCell`. */
export const idCell = (v: string) => `="${v.replace(/"/g, '""')}"`;

/**
 * Exports the list's current filter to XLSX (Chinese headers, money formatted as ¥) or CSV, with no
 * 1,000-row cap. References are written as names.
 */
export function ExportButtons() {
  const resource = useResourceContext()!;
  const { filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const t = useTranslate();
  const r = byName.get(resource)!;

  const run = async (kind: 'xlsx' | 'csv') => {
    const rows = await allRows(dataProvider, resource, filterValues, sort);
    // Every export is in the audit trail (README: accounts, roles and personal data): what, how many rows, which filter.
    await gql(
      'mutation($r: String!, $n: Int!, $f: String) { recordExport(resource: $r, rows: $n, filter: $f) }',
      {
        r: resource,
        n: rows.length,
        f: JSON.stringify(filterValues ?? {}),
      },
    );
    const refs = new Map<string, Map<string, string>>();
    for (const f of r.fields.filter((x) => x.type === 'ref')) {
      const ids = [...new Set(rows.map((x) => x[f.source]).filter(Boolean))];
      const target = byName.get(f.of!)!;
      const named = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 500) {
        const { data } = await dataProvider.getMany(f.of!, { ids: ids.slice(i, i + 500) });
        data.forEach((x: any) => named.set(String(x.id), x[target.title]));
      }
      refs.set(f.of!, named);
    }
    // A household is known by its head: 户主 comes first in its export.
    const head: FieldSpec = { source: 'headName', type: 'text', zh: '户主', en: 'Head' };
    const fields = r.name === 'households' ? [head, ...r.fields] : r.fields;
    if (r.name === 'households') rows.forEach((row) => (row.headName = row.head?.name ?? null));
    const headers = fields.map((f) =>
      f === head ? t('app.household.head') : t(`resources.${r.name}.fields.${f.source}`),
    );
    const matrix = rows.map((row) => fields.map((f) => cell(f, row, t, refs)));
    // The file's time in China Standard Time, whatever the browser's zone.
    const name = `${sheetName(t(`resources.${r.name}.name`, { smart_count: 2 }))}-${fileStamp()}`;
    let blob: Blob;
    if (kind === 'csv') {
      // A text starting with = + - @ would run as a formula in a spreadsheet (CSV injection): quote it.
      const safe = (v: unknown) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
      const esc = (raw: unknown, i: number) => {
        if (raw !== null && raw !== '' && i >= 0 && ID_LIKE.has(fields[i].source)) {
          const text = idCell(String(raw));
          return `"${text.replace(/"/g, '""')}"`;
        }
        const v = safe(raw);
        return v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
      };
      const lines = [headers.map((h) => esc(h, -1)), ...matrix.map((line) => line.map(esc))];
      blob = new Blob(['\ufeff' + lines.map((line) => line.join(',')).join('\n')], {
        type: 'text/csv',
      });
    } else {
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      // Excel refuses * ? : \\ / [ ] in a sheet name and more than 31 characters (行政村/社区 → 行政村、社区).
      const sheet = book.addWorksheet(sheetName(t(`resources.${r.name}.name`, { smart_count: 2 })));
      sheet.addRow(headers).font = { bold: true };
      matrix.forEach((line) => sheet.addRow(line));
      // A totals row: the row count, and the sum of every money column (SUM formulas, so edits recompute).
      if (matrix.length) {
        const totals = fields.map((f, i) => {
          if (i === 0) return t('app.export.total').replace('%{n}', String(matrix.length));
          if (f.type !== 'money') return null;
          const letter = sheet.getColumn(i + 1).letter;
          const sum = matrix.reduce((acc, line) => acc + Math.round(Number(line[i] ?? 0) * 100), 0) / 100;
          return { formula: `SUM(${letter}2:${letter}${matrix.length + 1})`, result: sum };
        });
        sheet.addRow(totals).font = { bold: true };
      }
      fields.forEach((f, i) => {
        const column = sheet.getColumn(i + 1);
        const longest = matrix.reduce((n, line) => Math.max(n, String(line[i] ?? '').length), 0);
        column.width = Math.max(10, headers[i].length * 2 + 2, ID_LIKE.has(f.source) ? longest + 3 : 0);
        if (f.type === 'money') column.numFmt = '"¥"#,##0.00';
        if (ID_LIKE.has(f.source)) column.numFmt = '@';
      });
      blob = new Blob([await book.xlsx.writeBuffer()], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${name}.${kind}`;
    a.click();
    URL.revokeObjectURL(a.href);
    notify('app.export.done', { messageArgs: { smart_count: rows.length } });
  };

  return (
    <>
      <Button label="app.export.xlsx" onClick={() => run('xlsx')} disabled={!total}>
        <DownloadIcon />
      </Button>
      <Button label="app.export.csv" onClick={() => run('csv')} disabled={!total}>
        <DownloadIcon />
      </Button>
    </>
  );
}
