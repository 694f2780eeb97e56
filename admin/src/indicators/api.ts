import { gql } from '../providers/graphql';

export type Status = 'MET' | 'AT_RISK' | 'MISSED' | 'NO_DATA';

export interface IndicatorValue {
  key: string;
  value: string | null;
  numerator: number | null;
  denominator: number | null;
  target: string | null;
  status: Status;
  trend: string | null;
  areaName: string;
  townshipId: string | null;
  indicator: {
    name: string;
    unit: string;
    comparison: string;
    source: string;
    planClause: string;
    definition: string;
  };
}

export interface Point {
  key: string;
  period: string;
  value: string | null;
  status: Status;
}

/** Colours of the statuses (green / amber / red / grey), shared by the table, chart and card. */
export const STATUS_COLORS: Record<Status, string> = {
  MET: '#2e7d32',
  AT_RISK: '#ed6c02',
  MISSED: '#d32f2f',
  NO_DATA: '#9e9e9e',
};

export const COMPARISON_SIGNS: Record<string, string> = { GTE: '≥', GT: '>', LTE: '≤', EQ: '=' };

const FIELDS = `key value numerator denominator target status trend areaName townshipId
  indicator { name unit comparison source planClause definition }`;

export function loadIndicators(townshipId: string | null) {
  const area = townshipId ? { townshipId } : null;
  return gql<{ planIndicators: IndicatorValue[]; indicatorHistory: Point[] }>(
    `query($area: IndicatorAreaInput) { planIndicators(area: $area) { ${FIELDS} } indicatorHistory(area: $area, months: 12) { key period value status } }`,
    { area },
  );
}

export function loadBreakdown(key: string) {
  return gql<{ indicatorBreakdown: IndicatorValue[] }>(
    `query($key: String!) { indicatorBreakdown(key: $key, groupBy: TOWNSHIP) { ${FIELDS} } }`,
    { key },
  );
}

export interface DrillRow {
  id: string;
  name: string;
  householdNumber: string | null;
  villageName: string;
  townshipName: string;
  detail: string;
}

export function loadDrill(key: string, townshipId: string | null) {
  return gql<{ indicatorDrillDown: { totalCount: number; nodes: DrillRow[] } }>(
    `query($key: String!, $area: IndicatorAreaInput) { indicatorDrillDown(key: $key, area: $area, first: 100) {
      totalCount nodes { id name householdNumber villageName townshipName detail } } }`,
    { key, area: townshipId ? { townshipId } : null },
  );
}

/** Counts without their ".00" (percentages keep two decimals). */
export const shown = (value: string, unit: string) =>
  unit === 'percent' ? value : value.replace(/\.00$/, '');

/** The i18n key of a unit (`percentage points` → `app.indicators.units.percentage_points`). */
export const unitKey = (unit: string) => `app.indicators.units.${unit.replace(/ /g, '_')}`;

/** The Chinese name of an indicator without its English gloss. */
export const shortName = (name: string) => name.replace(/\s*\(.*\)$/, '');

/** Keys whose rows the register holds (drill-down). */
export const DRILLABLE = new Set([
  'compulsory_education_retention',
  'alleviated_medical_insurance',
  'unsafe_housing_new',
  'village_collective_income_min',
  'village_collective_income_high',
  'relocated_households',
  'relocated_people',
]);
