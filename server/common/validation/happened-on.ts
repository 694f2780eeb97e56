import type { FieldErrors } from '../errors';
import { thisYear, today } from '../today';

/**
 * The one rule for the register's "happened on" dates (issue #12, fault 9): a date that records a
 * fact — a move-in, a completion, a rights confirmation or hand-over, a case step or visit, the start
 * of a measure under way, a decision — cannot lie after today, judged in China Standard Time
 * (common/today.ts): FUTURE_DATE. A year of something that has happened (an income, a revenue) cannot
 * be after this year: FUTURE_YEAR. Planned dates (a planned measure's start, any end date of a measure
 * not completed) are not facts and are not checked here.
 */
export function checkHappenedOn(errors: FieldErrors, field: string, date: string | null | undefined): void {
  if (date && date > today()) errors.add(field, 'FUTURE_DATE', `${date} is in the future`);
}

/** FUTURE_YEAR when `year` (of an income, a revenue) has not begun yet in China Standard Time. */
export function checkYearBegun(errors: FieldErrors, field: string, year: number | null | undefined): void {
  if (year !== null && year !== undefined && year > thisYear())
    errors.add(field, 'FUTURE_YEAR', `${year} has not begun yet`);
}
