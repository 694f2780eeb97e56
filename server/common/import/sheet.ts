import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { loadXlsxWorkbook } from './xlsx-file';
import { decodeTextFile, TextEncoding } from './decode-text';
import { INVALID_CHARACTER, textProblem } from '../validation/text';

/**
 * Reading clerks' spreadsheets, shared by every import (asset ledger, department feeds): .xlsx or
 * .csv (UTF-8 with or without BOM, UTF-16, else GB18030), cells kept as text, blank rows left out,
 * every cell through the register's one text check.
 */

/** One invalid cell of an import: spreadsheet row (1 = headers), column header, reason and its Chinese text. */
export interface ImportProblem {
  row: number;
  column: string;
  reason: string;
  message: string;
}

/** Chinese text of the reasons every import gives (the console shows them as they are). */
export const COMMON_REASON_TEXT: Record<string, string> = {
  REQUIRED: '必填',
  MISSING_COLUMN: '缺少此列',
  INVALID_VALUE: '取值无效',
  INVALID_INT: '须为整数',
  INVALID_MONEY: '须为不小于0的金额，最多两位小数',
  INVALID_DATE: '须为日期（YYYY-MM-DD）',
  TOO_LONG: '内容过长',
  OUT_OF_RANGE: '超出允许范围',
  FUTURE_DATE: '日期不能晚于今天',
  TOO_MANY_ROWS: '一次最多导入20000行',
  UNREADABLE: '无法读取文件（须为 .xlsx 或 .csv）',
  INVALID_CHARACTER: '含有无法保存的字符（空字符或残缺的字符）',
};

/** A problem maker over a reason → Chinese text table. */
export function problemMaker(text: Record<string, string>) {
  return (row: number, column: string, reason: string): ImportProblem => ({
    row,
    column,
    reason,
    message: text[reason] ?? COMMON_REASON_TEXT[reason] ?? reason,
  });
}

/** The most data rows one import takes (TOO_MANY_ROWS), counted after parsing: blank rows do not count. */
export const MAX_IMPORT_ROWS = 20000;

/** Ends a dry run's transaction: everything it wrote is rolled back. */
export class DryRunDone extends Error {}

/** Ends an import whose rows failed their checks: nothing is written, the report lists them. */
export class RowsRefused extends Error {}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText((v as any).result);
    if ('richText' in v) return (v as any).richText.map((t: any) => t.text).join('');
    if ('text' in v) return String((v as any).text);
  }
  return String(v);
}

export interface Sheet {
  headers: string[];
  rows: { n: number; cells: string[] }[];
  encoding: TextEncoding | null;
}

/**
 * Reads an .xlsx or .csv file into header → text rows (row numbers as in the spreadsheet; blank rows
 * left out). A CSV is decoded by `decodeTextFile` (UTF-8 with or without BOM, UTF-16, else GB18030:
 * what Excel writes on a Chinese Windows) and its encoding returned for the report.
 */
export async function readSheet(file: Buffer, kind: 'xlsx' | 'csv'): Promise<Sheet> {
  let book = new ExcelJS.Workbook();
  let encoding: TextEncoding | null = null;
  // The zip's declared sizes are checked before exceljs inflates anything (FILE_TOO_LARGE).
  if (kind === 'xlsx') book = await loadXlsxWorkbook(file);
  else {
    const decoded = decodeTextFile(file);
    encoding = decoded.encoding;
    // Cells stay text: no guessing of numbers or dates (household numbers have 17 digits, codes may lead with 0).
    await book.csv.read(
      Readable.from(decoded.text) as any,
      { map: (value: string) => value, parserOptions: { delimiter: ',' } } as any,
    );
  }
  const sheet = book.worksheets[0];
  const headers: string[] = [];
  const rows: { n: number; cells: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
    if (n === 1) headers.push(...cells.map((c) => (c ?? '').trim()));
    else if (cells.some((c) => c && c.trim())) rows.push({ n, cells });
  });
  return { headers, rows, encoding };
}

/** The register's one text check (NUL, lone surrogates) over every header and cell, before any reaches a query. */
export function textProblems(sheet: Sheet, problem: ReturnType<typeof problemMaker>): ImportProblem[] {
  const out: ImportProblem[] = [];
  sheet.headers.forEach((h, i) => {
    if (textProblem(h)) out.push(problem(1, `列${i + 1}`, INVALID_CHARACTER));
  });
  for (const { n, cells } of sheet.rows)
    cells.forEach((cell, i) => {
      if (cell && textProblem(cell))
        out.push(problem(n, sheet.headers[i] || `列${i + 1}`, INVALID_CHARACTER));
    });
  return out;
}
