import { thisYear } from '../../common/today';
import { Field, Int, ObjectType } from 'type-graphql';
import { appendAudit } from '../../auth/audit';
import { enumLabels } from '../../common/enums';
import { FieldErrors } from '../../common/errors';
import type { Database } from '../../database/database';
import { addDays, DEADLINE_DAYS, SCREENING_INCOME_FACTOR, today } from './monitoring-rules';

/** Reasons screening gives for a clue (stable codes; the console labels them). */
export const SCREENING_REASONS = {
  INCOME_BELOW_1_5X_LINE: '人均纯收入低于监测标准1.5倍',
  CHILD_OUT_OF_SCHOOL: '义务教育阶段适龄儿童辍学',
  MEMBER_NOT_MEDICALLY_INSURED: '家庭成员未参加基本医疗保险',
  HOUSING_UNSAFE: '住房安全等级为C或D',
  DRINKING_WATER_UNSAFE: '饮水不安全',
  SERIOUS_ILLNESS_WITHOUT_HEALTH_MEASURE: '大病患者无健康帮扶措施',
} as const;
// Not a GraphQL enum (reasons are strings, so new ones need no schema change), but labelled like one.
enumLabels.set('ScreeningReason', SCREENING_REASONS);

@ObjectType({ description: 'How many clues one screening reason opened. 筛查原因统计' })
export class ScreeningReasonCount {
  @Field({ description: `Reason code: ${Object.keys(SCREENING_REASONS).join(', ')}` })
  reason: string;
  @Field({ description: 'Chinese label. 原因' })
  label: string;
  @Field(() => Int, { description: 'Clues opened with this reason. 线索数' })
  count: number;
}

@ObjectType({ description: 'Result of a screening run. 部门筛查预警结果' })
export class ScreeningResult {
  @Field(() => Int, { description: 'Year whose incomes were compared with the monitoring line. 年度' })
  year: number;
  @Field(() => Int, { description: 'Households checked. 筛查户数' })
  checked: number;
  @Field(() => Int, { description: 'Households already with an open case (skipped). 已在监测流程中' })
  skipped: number;
  @Field(() => Int, { description: 'Clues opened. 新增线索' })
  opened: number;
  @Field({
    description:
      'Whether the year has a monitoring line (otherwise the income rule was not applied). 是否有监测标准',
  })
  incomeRuleApplied: boolean;
  @Field(() => [ScreeningReasonCount], {
    description: 'Clues by reason (a clue may have several). 按原因统计',
  })
  byReason: ScreeningReasonCount[];
}

/**
 * 部门筛查预警: scans the register and opens a clue (DEPARTMENT_ALERT, with its reasons) for every
 * household without an open case that shows one of: per-capita net income of the year below 1.5× the
 * monitoring line; a child of 6–15 DROPPED_OUT; a member without basic medical insurance; housing C/D;
 * unsafe drinking water; a seriously ill member without a HEALTH measure. Idempotent: households with
 * an open case are skipped, so a second run opens nothing new. One statement, in one transaction.
 */
export class ScreeningService {
  constructor(private readonly db: Database) {}

  /** BAD_USER_INPUT for a year outside 2013–2100 (OUT_OF_RANGE) or not yet begun (FUTURE_YEAR). `by` (the signed-in user's name) is recorded as the clues' 线索登记人. */
  async run(year: number, by: string): Promise<ScreeningResult> {
    const errors = new FieldErrors();
    if (!Number.isInteger(year) || year < 2013 || year > 2100)
      errors.add('year', 'OUT_OF_RANGE', 'year must be 2013–2100');
    else if (year > thisYear())
      errors.add('year', 'FUTURE_YEAR', `${year} has not begun: no income to compare yet`);
    errors.throwIfAny();
    const day = today();
    return this.db.transaction(async (m) => {
      const [line] = await m.query('SELECT amount_yuan FROM monitoring_threshold WHERE year = $1', [year]);
      const [{ total, open }] = await m.query(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM monitoring_case c WHERE c.household_id = h.id
                  AND c.status IN ('CLUE', 'VERIFIED', 'PUBLICIZED', 'APPROVED')))::int AS open FROM household h`,
      );
      const opened = await m.query(
        `WITH found AS (
           SELECT h.id, array_remove(ARRAY[
             CASE WHEN $1::numeric IS NOT NULL AND i.per_capita_net_income_yuan < $1::numeric * ${SCREENING_INCOME_FACTOR}
                  THEN 'INCOME_BELOW_1_5X_LINE' END,
             CASE WHEN EXISTS (SELECT 1 FROM household_member x WHERE x.household_id = h.id AND x.school_status = 'DROPPED_OUT'
                  AND date_part('year', age($3::date, x.birth_date)) BETWEEN 6 AND 15) THEN 'CHILD_OUT_OF_SCHOOL' END,
             CASE WHEN EXISTS (SELECT 1 FROM household_member x WHERE x.household_id = h.id AND NOT x.medical_insured)
                  THEN 'MEMBER_NOT_MEDICALLY_INSURED' END,
             CASE WHEN h.housing_safety IN ('C', 'D') THEN 'HOUSING_UNSAFE' END,
             CASE WHEN NOT h.drinking_water_safe THEN 'DRINKING_WATER_UNSAFE' END,
             CASE WHEN EXISTS (SELECT 1 FROM household_member x WHERE x.household_id = h.id AND x.health_status = 'SERIOUS_ILLNESS')
                   AND NOT EXISTS (SELECT 1 FROM assistance_measure a WHERE a.household_id = h.id AND a.type = 'HEALTH')
                  THEN 'SERIOUS_ILLNESS_WITHOUT_HEALTH_MEASURE' END
           ], NULL) AS reasons
           FROM household h LEFT JOIN household_income i ON i.household_id = h.id AND i.year = $2
           WHERE NOT EXISTS (SELECT 1 FROM monitoring_case c WHERE c.household_id = h.id
                               AND c.status IN ('CLUE', 'VERIFIED', 'PUBLICIZED', 'APPROVED')))
         INSERT INTO monitoring_case (household_id, status, discovery_source, trigger_reasons, clue_date, clue_by, deadline)
         SELECT id, 'CLUE', 'DEPARTMENT_ALERT', reasons, $3, $4, $5 FROM found WHERE cardinality(reasons) > 0
         RETURNING trigger_reasons`,
        [line?.amount_yuan ?? null, year, day, by, addDays(day, DEADLINE_DAYS)],
      );
      const counts = new Map<string, number>();
      for (const row of opened)
        for (const r of row.trigger_reasons as string[]) counts.set(r, (counts.get(r) ?? 0) + 1);
      await appendAudit(m, {
        operation: 'runScreening',
        entity: 'MonitoringCase',
        after: {
          year,
          checked: total,
          skipped: open,
          opened: opened.length,
          byReason: Object.fromEntries(counts),
        },
      });
      return {
        year,
        checked: total,
        skipped: open,
        opened: opened.length,
        incomeRuleApplied: Boolean(line),
        byReason: Object.entries(SCREENING_REASONS).map(([reason, label]) => ({
          reason,
          label,
          count: counts.get(reason) ?? 0,
        })),
      };
    });
  }
}
