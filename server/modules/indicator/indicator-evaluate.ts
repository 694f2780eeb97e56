import type { PlanIndicator } from './indicator.entity';
import { IndicatorSource, IndicatorStatus, TargetScope } from './indicator.enums';
import { COMPUTED, Figures } from './indicator-figures';
import { formatFraction, Fraction, statusOf, toCents } from './indicator-math';
import { AreaLevel } from './indicator.types';

/** An area an indicator is evaluated in. */
export interface AreaUnit {
  level: AreaLevel;
  townshipId: number | null;
  villageId: number | null;
  name: string;
}

/** The latest reported figure up to a period, per indicator and township (null: the district). */
export interface ReportedFigure {
  value: string;
  period: string;
  sourceDocument: string;
}

/** Reference inputs of an evaluation besides the counts. */
export interface EvaluationInputs {
  indicators: PlanIndicator[];
  /** `${indicatorId}:${townshipId}` → a township's own target. */
  townshipTargets: Map<string, string>;
  /** `${indicatorId}:${townshipId ?? 'D'}` → the reported figure. */
  reports: Map<string, ReportedFigure>;
}

/** One indicator evaluated in one area, before the trend is added. */
export interface Evaluated {
  key: string;
  indicator: PlanIndicator;
  unit: AreaUnit;
  value: string | null;
  numerator: number | null;
  denominator: number | null;
  target: string | null;
  status: IndicatorStatus;
  reportedPeriod: string | null;
  sourceDocument: string | null;
}

/** Computed from the register with one reported input (the district's rural average growth). */
export const INCOME_GROWTH = 'alleviated_income_growth';

/**
 * Growth of the alleviated households' per-capita net income (last closed year against the one
 * before, from the register) minus the reported growth of the district's rural per-capita income,
 * in percentage points: (S₁·P₀ − S₀·P₁)·100 / (S₀·P₁) − r. Null without both years or the report.
 */
export function incomeGrowthGap(
  villages: Figures['villages'],
  report: ReportedFigure | undefined,
): Fraction | null {
  const sum = (
    k:
      | 'alleviatedIncomeCents'
      | 'alleviatedIncomePeople'
      | 'alleviatedIncomeCentsBefore'
      | 'alleviatedIncomePeopleBefore',
  ) => BigInt(villages.reduce((s, v) => s + v.counts[k], 0));
  const [s1, p1, s0, p0] = [
    sum('alleviatedIncomeCents'),
    sum('alleviatedIncomePeople'),
    sum('alleviatedIncomeCentsBefore'),
    sum('alleviatedIncomePeopleBefore'),
  ];
  if (!report || p1 === 0n || p0 === 0n || s0 <= 0n) return null;
  const den = s0 * p1;
  const growth = (s1 * p0 - s0 * p1) * 100n; // over den: percent
  return { num: growth * 100n - toCents(report.value) * den, den: den * 100n };
}

/** The target in an area: the catalogue's where it holds everywhere, else the district's or a township's own. */
export function targetIn(i: PlanIndicator, unit: AreaUnit, targets: Map<string, string>): string | null {
  if (i.targetScope === TargetScope.EVERY_AREA || unit.level === AreaLevel.DISTRICT) return i.target;
  if (unit.level === AreaLevel.TOWNSHIP) return targets.get(`${i.id}:${unit.townshipId}`) ?? null;
  return null;
}

function inUnit(unit: AreaUnit) {
  return (v: { villageId: number; townshipId: number }) =>
    unit.level === AreaLevel.DISTRICT ||
    (unit.level === AreaLevel.TOWNSHIP ? v.townshipId === unit.townshipId : v.villageId === unit.villageId);
}

/**
 * Every indicator in every unit: sums of the village counts (so a township's numerators and
 * denominators add up to the district's), or the reported figure, against the area's target.
 */
export function evaluate(figures: Figures, inputs: EvaluationInputs, units: AreaUnit[]): Evaluated[] {
  const out: Evaluated[] = [];
  for (const unit of units) {
    const villages = figures.villages.filter(inUnit(unit));
    for (const i of inputs.indicators) {
      const target = targetIn(i, unit, inputs.townshipTargets);
      const base = { key: i.key, indicator: i, unit, target, reportedPeriod: null, sourceDocument: null };
      if (i.key === INCOME_GROWTH) {
        const fraction = incomeGrowthGap(villages, inputs.reports.get(`${i.id}:D`));
        const report = inputs.reports.get(`${i.id}:D`);
        out.push({
          ...base,
          value: fraction ? formatFraction(fraction) : null,
          numerator: null,
          denominator: null,
          status: statusOf(fraction, i.comparison, target, i.margin),
          reportedPeriod: report?.period ?? null,
          sourceDocument: report?.sourceDocument ?? null,
        });
        continue;
      }
      const def = COMPUTED[i.key];
      if (i.source === IndicatorSource.COMPUTED && def) {
        const n = villages.reduce((s, v) => s + v.counts[def.n], 0);
        const d = def.d ? villages.reduce((s, v) => s + v.counts[def.d!], 0) : null;
        const fraction: Fraction | null =
          def.kind === 'RATE'
            ? d
              ? { num: BigInt(n) * 100n, den: BigInt(d) }
              : null
            : { num: BigInt(n), den: 1n };
        out.push({
          ...base,
          value: fraction ? formatFraction(fraction) : null,
          numerator: n,
          denominator: d,
          status: statusOf(fraction, i.comparison, target, i.margin),
        });
        continue;
      }
      const report =
        i.source === IndicatorSource.REPORTED && unit.level !== AreaLevel.VILLAGE
          ? inputs.reports.get(`${i.id}:${unit.townshipId ?? 'D'}`)
          : undefined;
      const fraction = report ? { num: toCents(report.value), den: 100n } : null;
      out.push({
        ...base,
        value: report ? formatFraction(fraction!) : null,
        numerator: null,
        denominator: null,
        status: statusOf(fraction, i.comparison, target, i.margin),
        reportedPeriod: report?.period ?? null,
        sourceDocument: report?.sourceDocument ?? null,
      });
    }
  }
  return out;
}
