import ExcelJS from 'exceljs';
// unzipper (exceljs's own unzip library) reads a zip's central directory without inflating anything.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const unzipper = require('unzipper') as {
  Open: { buffer(b: Buffer): Promise<{ files: { path: string; uncompressedSize: number }[] }> };
};
import { AppError } from '../errors';

/** The most an uploaded .xlsx may inflate to, all entries together (a zip bomb is refused before parsing). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** The most entries an uploaded .xlsx may hold (a workbook has a few dozen). */
export const MAX_XLSX_ENTRIES = 2000;

/**
 * The one check every XLSX import calls before exceljs parses the file: the zip's central directory
 * is read (nothing inflated) and a file whose entries declare more than MAX_XLSX_UNCOMPRESSED_BYTES
 * uncompressed, or more than MAX_XLSX_ENTRIES entries, is refused with BAD_USER_INPUT FILE_TOO_LARGE;
 * a file that is no zip at all with BAD_USER_INPUT UNREADABLE.
 */
export async function checkXlsxArchive(file: Buffer, limit = MAX_XLSX_UNCOMPRESSED_BYTES): Promise<void> {
  let files: { path: string; uncompressedSize: number }[];
  try {
    files = (await unzipper.Open.buffer(file)).files;
  } catch {
    throw new AppError('BAD_USER_INPUT', 'UNREADABLE', 'the file is not a readable .xlsx workbook');
  }
  const total = files.reduce((sum, f) => sum + (Number(f.uncompressedSize) || 0), 0);
  // ZIP64 sizes are read as 0xFFFFFFFF by older readers: counted as over the limit too.
  if (files.length > MAX_XLSX_ENTRIES || total > limit || files.some((f) => f.uncompressedSize >= 0xffffffff))
    throw new AppError(
      'BAD_USER_INPUT',
      'FILE_TOO_LARGE',
      `the workbook inflates to ${Math.ceil(total / 1048576)} MB: at most ${Math.floor(limit / 1048576)} MB uncompressed`,
    );
}

/** An uploaded .xlsx as an exceljs workbook, after `checkXlsxArchive` (the only way imports open one). */
export async function loadXlsxWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  await checkXlsxArchive(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as any);
  return book;
}
