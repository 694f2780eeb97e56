import { useMediaQuery, type Theme } from '@mui/material';

const CST = 'Asia/Shanghai';

const parts = (d: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: CST,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );

/** `YYYY-MM-DD HH:mm` in China Standard Time, whatever the browser's zone (issue #17 item 12). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Today's `YYYY-MM-DD` in China Standard Time (visit dates, export file names). */
export function todayCst(now = new Date()): string {
  const p = parts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `YYYYMMDD-HHmm` in China Standard Time, for export file names. */
export function fileStamp(now = new Date()): string {
  const p = parts(now);
  return `${p.year}${p.month}${p.day}-${p.hour}${p.minute}`;
}

/** A quantity as written: `12`, `3.5` (no `.00`). */
export function formatQuantity(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  return Number.isFinite(n) ? n.toLocaleString('zh-CN', { maximumFractionDigits: 4 }) : String(value);
}

/** Phones and narrow windows (< 600 px): one line per record, full-screen dialogs. */
export const useIsSmall = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
