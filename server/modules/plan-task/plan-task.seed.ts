import type { EntityManager } from 'typeorm';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * Loads the work plan's sections and tasks with their responsible units (plan-tasks.csv), where
 * missing: a task already there keeps its edits. The first unit named is the lead (牵头);
 * 各乡镇党委政府 makes every township government co-responsible. Returns the tasks inserted.
 */
export async function seedPlanTasks(m: EntityManager, rows: Record<string, string>[]): Promise<number> {
  let inserted = 0;
  for (const r of rows) {
    const sectionNo = NUMERALS.indexOf(r.section) + 1;
    const taskNo = NUMERALS.indexOf(r.task) + 1;
    if (sectionNo < 1 || taskNo < 1) throw new Error(`plan-tasks.csv: bad numbers ${r.section} ${r.task}`);
    const units = r.responsible_units ? r.responsible_units.split('|') : [];
    const [task] = await m.query(
      `INSERT INTO plan_task (section_no, section_title, task_no, clause, title, includes_townships)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (section_no, task_no) DO NOTHING RETURNING id`,
      [
        sectionNo,
        r.section_title,
        taskNo,
        `${r.section}（${r.task}）`,
        r.task_title,
        units.includes('各乡镇党委政府'),
      ],
    );
    if (!task) continue;
    inserted++;
    const named = units.filter((u) => u !== '各乡镇党委政府');
    await m.query(
      `INSERT INTO plan_task_unit (plan_task_id, department_id, is_lead)
       SELECT $1, d.id, u.ord = 1 FROM unnest($2::varchar[]) WITH ORDINALITY AS u(name, ord) JOIN department d ON d.name = u.name`,
      [task.id, named],
    );
  }
  return inserted;
}
