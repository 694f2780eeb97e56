import { AppError } from '../../common/errors';
import { now } from '../../common/today';

/**
 * The reporting calendar (work plan, closing clause: 每月20日前报送). The report of month M is due on
 * day REPORT_DUE_DAY (default 20, 1–28) of M at 23:59:59.999 China Standard Time, and reports on the
 * period from the day after the previous month's due day through M's due day (21 October – 20
 * November for 2026-11), so consecutive reports neither overlap nor leave a day out.
 */
export function reportDueDay(): number {
  const raw = process.env.REPORT_DUE_DAY;
  if (raw === undefined || raw === '') return 20;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 28) throw new Error(`REPORT_DUE_DAY must be 1–28, got "${raw}"`);
  return n;
}

export interface ReportPeriod {
  month: string;
  /** First day, YYYY-MM-DD (inclusive). */
  from: string;
  /** Last day = the due day, YYYY-MM-DD (inclusive). */
  to: string;
  /** The due instant: the due day's end in China Standard Time. */
  dueAt: Date;
  /** Year of the month (revenue is recorded by year). */
  year: number;
}

const MONTH = /^(20[2-9]\d)-(0[1-9]|1[0-2])$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** Checks `YYYY-MM` (2021 onwards: the plan's period); BAD_USER_INPUT/INVALID_MONTH on `field`. */
export function parseMonth(month: string, field = 'month'): { year: number; month: number } {
  const m = MONTH.exec(month);
  if (!m || Number(m[1]) < 2021)
    throw new AppError(
      'BAD_USER_INPUT',
      'INVALID_MONTH',
      `${field}: "${month}" is not a month YYYY-MM from 2021`,
      [{ field, reason: 'INVALID_MONTH', message: 'a month YYYY-MM from 2021' }],
    );
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function periodOf(month: string, field = 'month'): ReportPeriod {
  const { year, month: mm } = parseMonth(month, field);
  const day = reportDueDay();
  const prevYear = mm === 1 ? year - 1 : year;
  const prevMonth = mm === 1 ? 12 : mm - 1;
  const to = `${year}-${pad(mm)}-${pad(day)}`;
  // The day after the previous due day (28 February + 1 is 1 March).
  const from = new Date(Date.UTC(prevYear, prevMonth - 1, day + 1)).toISOString().slice(0, 10);
  return { month, from, to, dueAt: new Date(`${to}T23:59:59.999+08:00`), year };
}

/** The month (YYYY-MM) of an instant in China Standard Time; default now. */
export function monthOf(at: Date = now()): string {
  const cst = new Date(at.getTime() + 8 * 3600_000);
  return `${cst.getUTCFullYear()}-${pad(cst.getUTCMonth() + 1)}`;
}

/** The month before `month`. */
export function previousMonth(month: string): string {
  const { year, month: mm } = parseMonth(month);
  return mm === 1 ? `${year - 1}-12` : `${year}-${pad(mm - 1)}`;
}

/** Refuses a month that has not begun (China Standard Time): BAD_USER_INPUT/FUTURE_MONTH. */
export function assertStarted(month: string, field = 'input.month'): void {
  parseMonth(month, field);
  if (month > monthOf())
    throw new AppError('BAD_USER_INPUT', 'FUTURE_MONTH', `${field}: ${month} has not begun`, [
      { field, reason: 'FUTURE_MONTH', message: `${month} has not begun` },
    ]);
}
