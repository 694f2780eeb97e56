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
  return v;
}

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
    // Every export is in the audit trail (DESIGN §7): what, how many rows, which filter.
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
    const fields = r.fields;
    const headers = fields.map((f) => t(`resources.${r.name}.fields.${f.source}`));
    const matrix = rows.map((row) => fields.map((f) => cell(f, row, t, refs)));
    const name = `${t(`resources.${r.name}.name`, { smart_count: 2 })}-${new Date().toISOString().slice(0, 10)}`;
    let blob: Blob;
    if (kind === 'csv') {
      // A text starting with = + - @ would run as a formula in a spreadsheet (CSV injection): quote it.
      const safe = (v: unknown) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
      const esc = (raw: unknown) => {
        const v = safe(raw);
        return v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
      };
      blob = new Blob(['\ufeff' + [headers, ...matrix].map((line) => line.map(esc).join(',')).join('\n')], {
        type: 'text/csv',
      });
    } else {
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet(t(`resources.${r.name}.name`, { smart_count: 2 }));
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
        column.width = Math.max(10, headers[i].length * 2 + 2);
        if (f.type === 'money') column.numFmt = '"¥"#,##0.00';
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
