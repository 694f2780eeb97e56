import { SqlParams } from '../../common/listing/sql-builder';
import type { Database } from '../../database/database';
import type { PlanTaskQueries, UnitTask } from '../plan-task/plan-task.service';
import type { FigureSnapshot } from './progress-report.entity';
import { FigureDefinition, figuresOf, ReportUnit } from './progress-report-figures';
import { periodOf } from './progress-report-period';
import { IndicatorFigure, indicatorFigures, IndicatorSource } from './progress-report-indicators';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** A section's figures with their current values. */
export interface ComputedSection {
  task: UnitTask;
  figures: { definition: FigureDefinition; value: string }[];
}

/**
 * Computes the pre-filled figures of a unit's report: for each task the unit is responsible for,
 * each figure of the catalogue counted over the unit's rows (its department's responsibility or its
 * township's area, passed explicitly: never the caller's scope) in the month's reporting period.
 */
export class ProgressReportFigureService {
  constructor(
    private readonly db: Database,
    private readonly tasks: PlanTaskQueries,
    /** The plan's indicators; absent: sections carry the register's counts only. */
    private readonly indicators?: IndicatorSource,
  ) {}

  async compute(unit: ReportUnit, month: string, q: Queryable = this.db): Promise<ComputedSection[]> {
    const period = periodOf(month);
    const out: ComputedSection[] = [];
    const indicators: IndicatorFigure[] = this.indicators
      ? await this.indicators.values(month, unit.townshipId)
      : [];
    for (const task of await this.tasks.tasksOf(unit.id, q)) {
      const figures: ComputedSection['figures'] = [];
      for (const definition of figuresOf(task.sectionNo, task.taskNo, unit)) {
        const params = new SqlParams();
        const sql = definition.sql(unit, period, params);
        const [row] = await q.query(sql, params.values);
        figures.push({ definition, value: String(row.v) });
      }
      figures.push(...indicatorFigures(indicators, `${task.sectionNo}.${task.taskNo}`, unit));
      out.push({ task, figures });
    }
    return out;
  }

  /** Every indicator figure a task can carry (any owner), for the compiled report's columns and annex. */
  async indicatorDefinitions(month: string): Promise<IndicatorFigure[]> {
    return this.indicators ? this.indicators.values(month, null) : [];
  }

  /** The values to freeze at submission: value by key, by task id. */
  static snapshotOf(sections: ComputedSection[]): FigureSnapshot {
    const snapshot: FigureSnapshot = {};
    for (const s of sections)
      snapshot[String(s.task.id)] = Object.fromEntries(s.figures.map((f) => [f.definition.key, f.value]));
    return snapshot;
  }
}
