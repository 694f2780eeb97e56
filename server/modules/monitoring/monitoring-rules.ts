import { RiskType } from './monitoring.enums';

/** Days a case has from its clue to its decision (configurable: MONITORING_DEADLINE_DAYS). */
export const DEADLINE_DAYS = Number(process.env.MONITORING_DEADLINE_DAYS || 15);
/** Minimum days of public notice before approval (national procedure: 公示不少于5天). */
export const NOTICE_DAYS = 5;
/** A case is closed only after a visit in the last 30 days. */
export const VISIT_WINDOW_DAYS = 30;
/** Screening opens a clue below this multiple of the monitoring income line (部门筛查预警). */
export const SCREENING_INCOME_FACTOR = '1.5';

/**
 * Measure types that address each risk type: before elimination every risk type needs a measure of
 * one of these types in progress or completed. OTHER is addressed by any measure.
 */
export const ADDRESSED_BY: Record<RiskType, string[] | null> = {
  ILLNESS: ['HEALTH'],
  NATURAL_DISASTER: ['INDUSTRY', 'SOCIAL_SECURITY', 'HOUSING_SAFETY', 'SOCIAL_SUPPORT', 'OTHER'],
  DISABILITY: ['SOCIAL_SECURITY', 'HEALTH', 'PUBLIC_WELFARE_JOB'],
  LABOR_SHORTAGE: ['SOCIAL_SECURITY', 'PUBLIC_WELFARE_JOB', 'INDUSTRY'],
  ACCIDENT: ['SOCIAL_SECURITY', 'HEALTH', 'SOCIAL_SUPPORT'],
  INDUSTRY_FAILURE: ['INDUSTRY', 'FINANCE'],
  UNSTABLE_EMPLOYMENT: ['EMPLOYMENT', 'PUBLIC_WELFARE_JOB'],
  EDUCATION: ['COMPULSORY_EDUCATION', 'OTHER_EDUCATION'],
  HOUSING_SAFETY: ['HOUSING_SAFETY'],
  DRINKING_WATER_SAFETY: ['DRINKING_WATER'],
  OTHER: null,
};

/** `YYYY-MM-DD` plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today in China Standard Time as `YYYY-MM-DD` (common/today.ts). */
export { today } from '../../common/today';
