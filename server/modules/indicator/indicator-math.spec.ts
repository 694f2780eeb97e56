import { IndicatorComparison, IndicatorStatus } from './indicator.enums';
import { formatFraction, fromCents, statusOf, toCents } from './indicator-math';

const f = (num: number, den = 1) => ({ num: BigInt(num), den: BigInt(den) });

describe('indicator arithmetic', () => {
  it('reads and writes hundredths exactly', () => {
    expect(toCents('99.00')).toBe(9900n);
    expect(toCents('-0.5')).toBe(-50n);
    expect(fromCents(-5n)).toBe('-0.05');
    expect(() => toCents('1.234')).toThrow();
  });

  it('rounds rates half away from zero', () => {
    expect(formatFraction(f(100 * 2, 3))).toBe('66.67');
    expect(formatFraction(f(-1, 8))).toBe('-0.13');
    expect(formatFraction(f(19799, 200))).toBe('99.00'); // 98.995 shown as 99.00 …
  });

  it('judges the exact value, not the rounded one', () => {
    // … but it is below 99: AT_RISK with a 1-point margin
    expect(statusOf(f(19799, 200), IndicatorComparison.GTE, '99', '1')).toBe(IndicatorStatus.AT_RISK);
    expect(statusOf(f(99), IndicatorComparison.GTE, '99', '1')).toBe(IndicatorStatus.MET);
    expect(statusOf(f(97), IndicatorComparison.GTE, '99', '1')).toBe(IndicatorStatus.MISSED);
    expect(statusOf(f(0), IndicatorComparison.GT, '0', '0.5')).toBe(IndicatorStatus.AT_RISK);
    expect(statusOf(f(21), IndicatorComparison.LTE, '20', '0')).toBe(IndicatorStatus.MISSED);
    expect(statusOf(f(1090), IndicatorComparison.EQ, '1082', '11')).toBe(IndicatorStatus.AT_RISK);
    expect(statusOf(f(1070), IndicatorComparison.EQ, '1082', '11')).toBe(IndicatorStatus.MISSED);
  });

  it('has no data without a denominator or a target', () => {
    expect(statusOf(f(0, 0), IndicatorComparison.GTE, '99', '1')).toBe(IndicatorStatus.NO_DATA);
    expect(statusOf(null, IndicatorComparison.GTE, '99', '1')).toBe(IndicatorStatus.NO_DATA);
    expect(statusOf(f(5), IndicatorComparison.GTE, null, '1')).toBe(IndicatorStatus.NO_DATA);
  });
});
