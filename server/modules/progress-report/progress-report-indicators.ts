import type { FigureDefinition, ReportUnit } from './progress-report-figures';

/** One plan indicator's value in an area for a month, as `planIndicators` gives it. */
export interface IndicatorFigure {
  key: string;
  name: string;
  planClause: string;
  departmentId: number | null;
  unit: string;
  definition: string;
  target: string | null;
  value: string | null;
}

/**
 * Where a report's indicator figures come from: the plan's indicators (the indicators module's
 * `planIndicators`) for a month in the district (townshipId null) or one township. Kept as an
 * interface so the reports module does not depend on how indicators are computed.
 */
export interface IndicatorSource {
  values(month: string, townshipId: number | null): Promise<IndicatorFigure[]>;
}

const UNITS: Record<string, string> = { percent: '%', households: '户', people: '人', villages: '个村' };

/** The plan's Chinese name, without the English gloss the catalogue adds in parentheses. */
const chinese = (name: string) => name.replace(/\s*\([^()]*\)\s*$/, '');

/**
 * The indicators of a task (catalogue clause = the task's `section.task`) a unit reports: a
 * department those it owns, valued for the district; a township government every indicator of the
 * task, valued in its township. Their key is `INDICATOR_<catalogue key>`.
 */
export function indicatorFigures(
  figures: IndicatorFigure[],
  clause: string,
  unit: ReportUnit,
): { definition: FigureDefinition; value: string }[] {
  return figures
    .filter((f) => f.planClause === clause && (unit.townshipId !== null || f.departmentId === unit.id))
    .map((f) => ({
      definition: {
        key: `INDICATOR_${f.key}`,
        label: chinese(f.name),
        definition: `规划指标（${unit.townshipId === null ? '全区' : '本乡镇'}，目标${f.target ?? '未设'}）：${f.definition}`,
        unit: UNITS[f.unit] ?? f.unit,
        money: false,
        units: 'ANY',
        sql: () => {
          throw new Error('indicator figures come from the indicator service');
        },
      },
      // No data is shown as a dash; the snapshot keeps it so a later value shows as a change.
      value: f.value ?? '—',
    }));
}
