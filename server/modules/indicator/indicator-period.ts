import { invalidInput } from '../../common/errors';
import { today } from '../../common/today';

/** The first month any indicator is asked for: the work plan's year (2021). */
export const FIRST_PERIOD = '2021-01';

/** The current month `YYYY-MM` in China Standard Time. */
export function currentPeriod(): string {
  return today().slice(0, 7);
}

/** The last day of a month `YYYY-MM`, as `YYYY-MM-DD`: ages are counted on it. */
export function periodEnd(period: string): string {
  const [y, m] = period.split('-').map(Number);
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}

/** The month before, `YYYY-MM`. */
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The `n` months ending with `period`, oldest first. */
export function lastPeriods(period: string, n: number): string[] {
  const out = [period];
  while (out.length < n) out.unshift(previousPeriod(out[0]));
  return out;
}

/**
 * A period argument checked: `YYYY-MM`, from 2021-01 to the current month (BAD_USER_INPUT
 * PERIOD_FORMAT / PERIOD_IN_FUTURE / PERIOD_BEFORE_PLAN); absent → the current month.
 */
export function checkPeriod(period: string | null | undefined, field = 'period'): string {
  if (period === null || period === undefined) return currentPeriod();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
    throw invalidInput([{ field, reason: 'PERIOD_FORMAT', message: 'a month written YYYY-MM' }]);
  if (period > currentPeriod())
    throw invalidInput([{ field, reason: 'PERIOD_IN_FUTURE', message: 'a month not after the current one' }]);
  if (period < FIRST_PERIOD)
    throw invalidInput([{ field, reason: 'PERIOD_BEFORE_PLAN', message: `from ${FIRST_PERIOD} on` }]);
  return period;
}
