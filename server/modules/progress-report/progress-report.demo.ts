import { runAs, SYSTEM } from '../../auth/actor';
import { now } from '../../common/today';
import type { Database } from '../../database/database';
import { PlanTaskQueries } from '../plan-task/plan-task.service';
import { ProgressReportFigureService } from './progress-report-figures.service';
import { monthOf, periodOf, previousMonth } from './progress-report-period';
import { ProgressReportService } from './progress-report.service';

type DemoState = 'ACCEPTED' | 'SUBMITTED' | 'RETURNED' | 'LATE' | 'DRAFT' | 'MISSING';
const CYCLE: DemoState[] = ['ACCEPTED', 'SUBMITTED', 'RETURNED', 'LATE', 'DRAFT', 'MISSING'];

/**
 * Demo reports of last month (China Standard Time) in every state, through the same service as the
 * API (rules, frozen figures, audit): accepted, submitted on time, returned with a reason, submitted
 * late, a draft, and units with none. Demo texts, not real reports. Returns the reports made.
 */
export async function seedDemoReports(db: Database): Promise<number> {
  const tasks = new PlanTaskQueries(db);
  const reports = new ProgressReportService(db, tasks, new ProgressReportFigureService(db, tasks));
  const month = previousMonth(monthOf());
  const { dueAt } = periodOf(month);
  const [{ n }] = await db.query('SELECT count(*)::int AS n FROM progress_report WHERE month = $1', [month]);
  if (n > 0) return 0;
  const units = await tasks.responsibleUnits();
  const office = { ...SYSTEM, displayName: '区乡村振兴领导小组办公室' };
  let made = 0;
  for (const [i, unit] of units.entries()) {
    const state = CYCLE[i % CYCLE.length];
    if (state === 'MISSING') continue;
    const reporter = { ...SYSTEM, displayName: `${unit.name}联络员` };
    const sections = (await tasks.tasksOf(unit.id)).map((t) => ({
      planTaskId: String(t.id),
      progress: `${unit.name}围绕“${t.title}”按年度推进措施开展工作，本月完成既定进度。`,
      problems: i % 2 === 0 ? '部分项目资金拨付进度偏慢。' : '',
      nextMonth: `继续推进${t.title}各项措施。`,
    }));
    const r = await runAs(reporter, () => reports.save({ departmentId: String(unit.id), month, sections }));
    made++;
    if (state === 'DRAFT') continue;
    await runAs(reporter, () => reports.submit(String(r.id)));
    // Submission instants as a unit would have made them: before the due day, or just after it.
    const submittedAt =
      state === 'LATE'
        ? new Date(Math.min(dueAt.getTime() + 30 * 60_000, now().getTime()))
        : new Date(dueAt.getTime() - (2 + (i % 5)) * 86_400_000);
    await db.query('UPDATE progress_report SET first_submitted_at = $2, submitted_at = $2 WHERE id = $1', [
      r.id,
      submittedAt,
    ]);
    if (state === 'ACCEPTED') await runAs(office, () => reports.accept(String(r.id)));
    if (state === 'RETURNED')
      await runAs(office, () => reports.returnReport(String(r.id), '请补充本月具体数据和项目进度。'));
  }
  return made;
}
