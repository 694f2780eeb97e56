import Decimal from 'decimal.js';
import { now } from '../../common/today';
import type { Database } from '../../database/database';
import type { PlanTaskQueries } from '../plan-task/plan-task.service';
import { ProgressReportStatus, ReportTimeliness } from './progress-report.enums';
import { periodOf } from './progress-report-period';

/** A unit's status for a month, before GraphQL turns the unit id into its Department. */
export interface UnitStatusRow {
  unitId: number;
  reportId: string | null;
  status: ProgressReportStatus | null;
  timeliness: ReportTimeliness;
  firstSubmittedAt: Date | null;
}

export interface RatesResult {
  month: string;
  dueAt: Date;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  notDue: number;
  reportingRatePercent: string;
  onTimeRatePercent: string;
  units: UnitStatusRow[];
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '0.0' : new Decimal(part).times(100).dividedBy(whole).toFixed(1);

/**
 * Reporting rates as DHIS2 counts them: the expected units are those responsible for at least one
 * plan task; a unit's report is on time when first submitted by the due instant, late after it,
 * missing when never submitted and the due instant has passed. Statuses only: no report text.
 */
export class ReportingRateService {
  constructor(
    private readonly db: Database,
    private readonly tasks: PlanTaskQueries,
  ) {}

  async rates(month: string): Promise<RatesResult> {
    const { dueAt } = periodOf(month);
    const units = await this.tasks.responsibleUnits();
    const reports = await this.db.query(
      'SELECT id, department_id, status, first_submitted_at FROM progress_report WHERE month = $1',
      [month],
    );
    const byUnit = new Map<number, any>(reports.map((r: any) => [r.department_id, r]));
    const past = now().getTime() > dueAt.getTime();
    const rows: UnitStatusRow[] = units.map((u) => {
      const r = byUnit.get(u.id);
      const first: Date | null = r?.first_submitted_at ? new Date(r.first_submitted_at) : null;
      const timeliness = first
        ? first.getTime() <= dueAt.getTime()
          ? ReportTimeliness.ON_TIME
          : ReportTimeliness.LATE
        : past
          ? ReportTimeliness.MISSING
          : ReportTimeliness.NOT_DUE;
      return {
        unitId: u.id,
        reportId: r ? String(r.id) : null,
        status: r?.status ?? null,
        timeliness,
        firstSubmittedAt: first,
      };
    });
    const count = (t: ReportTimeliness) => rows.filter((r) => r.timeliness === t).length;
    const onTime = count(ReportTimeliness.ON_TIME);
    const late = count(ReportTimeliness.LATE);
    return {
      month,
      dueAt,
      expected: rows.length,
      onTime,
      late,
      missing: count(ReportTimeliness.MISSING),
      notDue: count(ReportTimeliness.NOT_DUE),
      reportingRatePercent: percent(onTime + late, rows.length),
      onTimeRatePercent: percent(onTime, rows.length),
      units: rows,
    };
  }

  /** Units whose report of the month was not submitted by the due instant (empty before it). */
  async overdue(month: string): Promise<UnitStatusRow[]> {
    return (await this.rates(month)).units.filter((u) => u.timeliness === ReportTimeliness.MISSING);
  }
}
