import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud/crud.service';
import { FieldErrors } from '../../common/errors';
import type { Database } from '../../database/database';
import { PlanMeasure, PlanTask, PlanTaskUnit } from './plan-task.entity';

/** Anything that runs a statement (the database, or a transaction's manager). */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** The plan's tasks (reference data, edited at district level, audited like every write). */
export class PlanTaskService extends CrudService<PlanTask> {
  protected readonly entity = PlanTask;
}

/** The units of a task; the plan names the lead unit first. */
export class PlanTaskUnitService extends CrudService<PlanTaskUnit> {
  protected readonly entity = PlanTaskUnit;
}

/**
 * 分年度分阶段推进措施 that units add. The unit must be responsible for the task
 * (UNIT_NOT_RESPONSIBLE) and the deadline must fall within the measure's year
 * (DEADLINE_OUTSIDE_YEAR). A unit officer writes only its own unit's measures (row rule in scope.ts).
 */
export class PlanMeasureService extends CrudService<PlanMeasure> {
  protected readonly entity = PlanMeasure;

  constructor(
    db: Database,
    private readonly tasks: PlanTaskQueries,
  ) {
    super(db);
  }

  protected async check(x: PlanMeasure, m: EntityManager): Promise<void> {
    const errors = new FieldErrors();
    if (!(await this.tasks.isResponsible(m, x.planTaskId, x.departmentId)))
      errors.add('input.departmentId', 'UNIT_NOT_RESPONSIBLE', 'the unit is not responsible for this task');
    if (!x.deadline.startsWith(`${x.year}-`))
      errors.add('input.deadline', 'DEADLINE_OUTSIDE_YEAR', `the deadline must fall within ${x.year}`);
    errors.throwIfAny();
  }
}

/** A task as a report section needs it. */
export interface UnitTask {
  id: number;
  sectionNo: number;
  sectionTitle: string;
  taskNo: number;
  clause: string;
  title: string;
}

/** A unit expected to report. */
export interface ResponsibleUnit {
  id: number;
  code: string;
  name: string;
  townshipId: number | null;
}

/**
 * Who is responsible for what. A township government (a department row of kind TOWNSHIP, one per
 * township) is responsible for every task naming 各乡镇党委政府 and for tasks naming it itself.
 */
export class PlanTaskQueries {
  constructor(private readonly db: Database) {}

  private static readonly RESPONSIBLE = `
    SELECT t.id AS task_id, d.id AS unit_id FROM plan_task t JOIN plan_task_unit u ON u.plan_task_id = t.id JOIN department d ON d.id = u.department_id
    UNION
    SELECT t.id, d.id FROM plan_task t JOIN department d ON d.kind = 'TOWNSHIP' WHERE t.includes_townships`;

  async isResponsible(q: Queryable, taskId: number, unitId: number): Promise<boolean> {
    const rows = await q.query(
      `SELECT 1 FROM (${PlanTaskQueries.RESPONSIBLE}) r WHERE r.task_id = $1 AND r.unit_id = $2`,
      [taskId, unitId],
    );
    return rows.length > 0;
  }

  /** The tasks a unit reports on, in plan order. */
  async tasksOf(unitId: number, q: Queryable = this.db): Promise<UnitTask[]> {
    const rows = await q.query(
      `SELECT t.id, t.section_no, t.section_title, t.task_no, t.clause, t.title FROM plan_task t
        WHERE t.id IN (SELECT r.task_id FROM (${PlanTaskQueries.RESPONSIBLE}) r WHERE r.unit_id = $1)
        ORDER BY t.section_no, t.task_no`,
      [unitId],
    );
    return rows.map(toTask);
  }

  /** Every task in plan order. */
  async allTasks(q: Queryable = this.db): Promise<UnitTask[]> {
    const rows = await q.query(
      'SELECT id, section_no, section_title, task_no, clause, title FROM plan_task ORDER BY section_no, task_no',
    );
    return rows.map(toTask);
  }

  /** Every unit responsible for at least one task: the units expected to report each month. */
  async responsibleUnits(q: Queryable = this.db): Promise<ResponsibleUnit[]> {
    const rows = await q.query(
      `SELECT d.id, d.code, d.name, d.township_id FROM department d
        WHERE d.id IN (SELECT r.unit_id FROM (${PlanTaskQueries.RESPONSIBLE}) r) ORDER BY d.code`,
    );
    return rows.map((r: any) => ({ id: r.id, code: r.code, name: r.name, townshipId: r.township_id }));
  }

  /** A unit by id (null when absent), with its township for a township government. */
  async unit(id: number, q: Queryable = this.db): Promise<ResponsibleUnit | null> {
    const [r] = await q.query(
      `SELECT id, code, name, CASE WHEN kind = 'TOWNSHIP' THEN township_id END AS township_id FROM department WHERE id = $1`,
      [id],
    );
    return r ? { id: r.id, code: r.code, name: r.name, townshipId: r.township_id } : null;
  }
}

function toTask(r: any): UnitTask {
  return {
    id: r.id,
    sectionNo: r.section_no,
    sectionTitle: r.section_title,
    taskNo: r.task_no,
    clause: r.clause,
    title: r.title,
  };
}
