import { currentActor } from '../../auth/actor';
import { CrudService } from '../../common/crud/crud.service';
import { AppError, FieldErrors } from '../../common/errors';
import { parseId } from '../../common/listing/sql-builder';
import { now } from '../../common/today';
import type { Database } from '../../database/database';
import type { PlanTaskQueries } from '../plan-task/plan-task.service';
import { ProgressReport, StoredSection } from './progress-report.entity';
import { ProgressReportStatus } from './progress-report.enums';
import { ProgressReportFigureService } from './progress-report-figures.service';
import { assertStarted } from './progress-report-period';
import type { ReportUnit } from './progress-report-figures';
import type { ProgressReportSectionInput, SaveProgressReportInput } from './progress-report.inputs';
import type { ProgressReportSection } from './progress-report.types';

const { DRAFT, SUBMITTED, ACCEPTED, RETURNED } = ProgressReportStatus;

/**
 * The monthly progress report's workflow (work plan, closing clause): a unit writes its draft,
 * submits it (the figures are frozen), the office (领导小组办公室: district officers) accepts it or
 * returns it with a reason, and a returned report is edited and submitted again. Every step is
 * one audited write; a refused step changes nothing.
 */
export class ProgressReportService extends CrudService<ProgressReport> {
  protected readonly entity = ProgressReport;

  constructor(
    db: Database,
    private readonly tasks: PlanTaskQueries,
    private readonly figures: ProgressReportFigureService,
  ) {
    super(db);
  }

  /** The unit of a report, as the figures need it (a township government: its township). */
  async unitOf(
    departmentId: number,
    q: { query(sql: string, params?: unknown[]): Promise<any> } = this.db,
  ): Promise<ReportUnit> {
    const unit = await this.tasks.unit(departmentId, q);
    if (!unit) throw new AppError('NOT_FOUND', 'DEPARTMENT_NOT_FOUND', `unit ${departmentId} not found`);
    return { id: unit.id, townshipId: unit.townshipId };
  }

  /** Creates the unit's draft of the month, or changes the text of its DRAFT or RETURNED report. */
  async save(input: SaveProgressReportInput): Promise<ProgressReport> {
    return this.write('write', async (m) => {
      const unitId = parseId(input.departmentId);
      const errors = new FieldErrors();
      const unit = unitId === null ? null : await this.tasks.unit(unitId, m);
      if (!unit) errors.add('input.departmentId', 'REFERENCE_NOT_FOUND', 'no such unit');
      errors.throwIfAny();
      assertStarted(input.month);
      const tasks = await this.tasks.tasksOf(unit!.id, m);
      if (!tasks.length)
        throw new AppError(
          'BAD_USER_INPUT',
          'UNIT_HAS_NO_TASKS',
          `${unit!.name} is responsible for no plan task`,
          [
            {
              field: 'input.departmentId',
              reason: 'UNIT_HAS_NO_TASKS',
              message: 'responsible for no plan task',
            },
          ],
        );
      const [existing] = await m.query(
        'SELECT id FROM progress_report WHERE department_id = $1 AND month = $2',
        [unit!.id, input.month],
      );
      let report: ProgressReport;
      if (existing) report = await this.lock(m, existing.id);
      else {
        const [row] = await m.query(
          `INSERT INTO progress_report (department_id, month) VALUES ($1, $2) RETURNING id`,
          [unit!.id, input.month],
        );
        // A unit officer writes only its own unit's report (the row rule): OUT_OF_SCOPE otherwise.
        await this.checkWriteScope(m, row.id);
        report = await this.lock(m, row.id);
      }
      if (report.status !== DRAFT && report.status !== RETURNED)
        throw new AppError(
          'CONFLICT',
          'REPORT_NOT_EDITABLE',
          `the report is ${report.status}: only a draft or a returned report can be changed`,
        );
      const texts = mergeSections(report.texts, input.sections ?? [], new Set(tasks.map((t) => t.id)));
      await m.query(
        'UPDATE progress_report SET texts = $2::jsonb, version = version + 1, updated_at = now() WHERE id = $1',
        [report.id, JSON.stringify(texts)],
      );
      return this.reload(m, report.id);
    });
  }

  /**
   * DRAFT or RETURNED → SUBMITTED. Every section needs its progress text (PROGRESS_REQUIRED, one
   * field per section). The figures are computed and frozen; the first submission decides on time or
   * late.
   */
  async submit(id: string, expectedVersion?: number | null): Promise<ProgressReport> {
    return this.write('write', async (m) => {
      const report = await this.lock(m, id, expectedVersion);
      if (report.status === SUBMITTED)
        throw new AppError(
          'CONFLICT',
          'REPORT_ALREADY_SUBMITTED',
          'the report waits for the office’s decision',
        );
      if (report.status === ACCEPTED)
        throw new AppError('CONFLICT', 'REPORT_ALREADY_ACCEPTED', 'an accepted report is closed');
      const unit = await this.unitOf(report.departmentId, m);
      const sections = await this.figures.compute(unit, report.month, m);
      const errors = new FieldErrors();
      sections.forEach((s, i) => {
        const text = report.texts.find((t) => t.planTaskId === s.task.id);
        if (!text?.progress.trim())
          errors.add(
            `sections.${i}.progress`,
            'PROGRESS_REQUIRED',
            `${s.task.clause}${s.task.title}: progress is empty`,
          );
      });
      errors.throwIfAny();
      const at = now();
      await m.query(
        `UPDATE progress_report SET status = 'SUBMITTED', snapshot = $2::jsonb, submitted_at = $3,
                first_submitted_at = coalesce(first_submitted_at, $3), submitted_by_name = $4,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [
          report.id,
          JSON.stringify(ProgressReportFigureService.snapshotOf(sections)),
          at,
          currentActor().displayName,
        ],
      );
      return this.reload(m, report.id);
    });
  }

  /** SUBMITTED → ACCEPTED (采纳), by the office. */
  accept(id: string, expectedVersion?: number | null): Promise<ProgressReport> {
    return this.decide(id, expectedVersion, ACCEPTED, null);
  }

  /** SUBMITTED → RETURNED with the reason (退回), by the office. */
  returnReport(id: string, reason: string, expectedVersion?: number | null): Promise<ProgressReport> {
    return this.decide(id, expectedVersion, RETURNED, reason);
  }

  private decide(
    id: string,
    expectedVersion: number | null | undefined,
    to: ProgressReportStatus,
    reason: string | null,
  ): Promise<ProgressReport> {
    return this.write('write', async (m) => {
      const report = await this.lock(m, id, expectedVersion);
      if (report.status !== SUBMITTED)
        throw new AppError(
          'CONFLICT',
          'REPORT_NOT_SUBMITTED',
          `the report is ${report.status}, not SUBMITTED`,
        );
      await m.query(
        `UPDATE progress_report SET status = $2, decided_at = $3, decided_by_name = $4,
                return_reason = coalesce($5, return_reason), version = version + 1, updated_at = now() WHERE id = $1`,
        [report.id, to, now(), currentActor().displayName, reason],
      );
      return this.reload(m, report.id);
    });
  }

  /** The report's sections: live figures beside the frozen ones, and the unit's text. */
  async sections(report: ProgressReport): Promise<ProgressReportSection[]> {
    const unit = await this.unitOf(report.departmentId);
    const computed = await this.figures.compute(unit, report.month);
    return computed.map((s) => {
      const text = report.texts.find((t) => t.planTaskId === s.task.id);
      const frozen = report.snapshot?.[String(s.task.id)];
      return {
        planTask: s.task as any,
        figures: s.figures.map((f) => {
          const submittedValue = frozen?.[f.definition.key] ?? null;
          return {
            key: f.definition.key,
            label: f.definition.label,
            definition: f.definition.definition,
            unit: f.definition.unit,
            value: f.value,
            submittedValue,
            changedSinceSubmission: submittedValue !== null && submittedValue !== f.value,
          };
        }),
        progress: text?.progress ?? '',
        problems: text?.problems ?? '',
        nextMonth: text?.nextMonth ?? '',
        otherFigures: text?.otherFigures ?? [],
      };
    });
  }
}

/** Replaces the stored text of each given section; a task the unit is not responsible for is refused. */
function mergeSections(
  stored: StoredSection[],
  given: ProgressReportSectionInput[],
  tasks: Set<number>,
): StoredSection[] {
  const errors = new FieldErrors();
  const out = new Map(stored.map((s) => [s.planTaskId, s]));
  given.forEach((s, i) => {
    const taskId = parseId(s.planTaskId);
    if (taskId === null || !tasks.has(taskId)) {
      errors.add(
        `input.sections.${i}.planTaskId`,
        'UNIT_NOT_RESPONSIBLE',
        'the unit is not responsible for this task',
      );
      return;
    }
    const before = out.get(taskId);
    out.set(taskId, {
      planTaskId: taskId,
      progress: s.progress ?? before?.progress ?? '',
      problems: s.problems ?? before?.problems ?? '',
      nextMonth: s.nextMonth ?? before?.nextMonth ?? '',
      otherFigures:
        s.otherFigures?.map((f) => ({ label: f.label, value: f.value, unit: f.unit ?? '' })) ??
        before?.otherFigures ??
        [],
    });
  });
  errors.throwIfAny();
  return [...out.values()].sort((a, b) => a.planTaskId - b.planTaskId);
}
