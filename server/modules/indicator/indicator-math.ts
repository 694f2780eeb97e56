import { IndicatorComparison, IndicatorStatus } from './indicator.enums';

/**
 * Exact arithmetic of indicator values: a value is a fraction num/den of BigInts (a rate is
 * 100·n/d, a count n/1, a reported figure cents/100), so a status never depends on float rounding
 * (98.995 % is not 99 %).
 */
export interface Fraction {
  num: bigint;
  den: bigint;
}

/** "-12.5" / "99.00" / "3" → hundredths as a BigInt. Throws on anything else. */
export function toCents(text: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new Error(`not a 2-decimal number: ${text}`);
  const cents = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** Hundredths → "12.34" / "-0.50". */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** The fraction rounded half away from zero to 2 decimals, as text. */
export function formatFraction(f: Fraction): string {
  const neg = f.num < 0n !== f.den < 0n && f.num !== 0n;
  const num = f.num < 0n ? -f.num : f.num;
  const den = f.den < 0n ? -f.den : f.den;
  const cents = (num * 200n + den) / (2n * den);
  return fromCents(neg ? -cents : cents);
}

/** sign(f − cents/100): −1, 0 or 1. */
function compare(f: Fraction, cents: bigint): number {
  const d = f.num * 100n - cents * f.den;
  const s = f.den < 0n ? -d : d;
  return s === 0n ? 0 : s > 0n ? 1 : -1;
}

/**
 * The status rule (IndicatorStatus): MET when the value meets the comparison; AT_RISK when it
 * misses by at most `margin`; MISSED otherwise; NO_DATA without a value or a target.
 */
export function statusOf(
  value: Fraction | null,
  comparison: IndicatorComparison,
  target: string | null,
  margin: string,
): IndicatorStatus {
  if (!value || value.den === 0n || target === null) return IndicatorStatus.NO_DATA;
  const t = toCents(target);
  const m = toCents(margin);
  const met = {
    GTE: compare(value, t) >= 0,
    GT: compare(value, t) > 0,
    LTE: compare(value, t) <= 0,
    EQ: compare(value, t) === 0,
  };
  if (met[comparison]) return IndicatorStatus.MET;
  const near = {
    GTE: compare(value, t - m) >= 0,
    GT: compare(value, t - m) >= 0,
    LTE: compare(value, t + m) <= 0,
    EQ: compare(value, t - m) >= 0 && compare(value, t + m) <= 0,
  };
  return near[comparison] ? IndicatorStatus.AT_RISK : IndicatorStatus.MISSED;
}
