/**
 * Today's date where the register is kept: Baiyin District runs on China Standard Time (UTC+8), so
 * "not in the future" and "this year" are judged by the date there, not by the server's UTC date.
 */
const format = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

let clock: () => Date = () => new Date();

/** The current instant. Tests set another clock (`setClock`) to judge deadlines around a given moment. */
export function now(): Date {
  return clock();
}

/** Replaces the clock (tests only); `null` restores the real one. */
export function setClock(fn: (() => Date) | null): void {
  clock = fn ?? (() => new Date());
}

/** `YYYY-MM-DD` in Asia/Shanghai. */
export function today(): string {
  return format.format(now());
}

/** The current year in Asia/Shanghai. */
export function thisYear(): number {
  return Number(today().slice(0, 4));
}
