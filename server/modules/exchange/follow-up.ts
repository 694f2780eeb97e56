import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../app/context';
import { currentActor } from '../../auth/actor';
import { readScope } from '../../auth/scope';
import { CrudService } from '../../common/crud/crud.service';
import { AppError, FieldErrors } from '../../common/errors';
import { hydrate } from '../../common/listing/lister';
import { SqlParams } from '../../common/listing/sql-builder';
import { DateScalar } from '../../common/scalars';
import { checkHappenedOn } from '../../common/validation/happened-on';
import { MonitoringCase } from '../monitoring/monitoring-case.entity';
import { MonitoringVisit } from '../monitoring/monitoring-visit.entity';
import { addDays, DEADLINE_DAYS, today } from '../monitoring/monitoring-rules';
import { MonitoringStatus, OPEN_STATUSES } from '../monitoring/monitoring.enums';

/**
 * 事后回访巩固 (work plan §2.2): after the risk is eliminated, follow-up visits on a schedule —
 * every FOLLOW_UP_INTERVAL_DAYS (default 90: quarterly) for FOLLOW_UP_PERIOD_DAYS (default 365: a
 * year) after the elimination — a worklist of those due, and a reopen path (a new clue) when a
 * follow-up finds the risk back. Follow-ups are MonitoringVisit rows of the closed case.
 */
export const FOLLOW_UP_INTERVAL_DAYS = Number(process.env.FOLLOW_UP_INTERVAL_DAYS || 90);
export const FOLLOW_UP_PERIOD_DAYS = Number(process.env.FOLLOW_UP_PERIOD_DAYS || 365);

@InputType({ description: 'A follow-up visit to a household whose risk was eliminated. 事后回访' })
export class RecordFollowUpVisitInput {
  @Field(() => ID, { description: 'The closed (RISK_ELIMINATED) case. 监测记录' })
  monitoringCaseId: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Day of the visit, default today: not in the future (FUTURE_DATE), not before the elimination ' +
      '(BEFORE_PREVIOUS_STEP), within the follow-up period (FOLLOW_UP_PERIOD_OVER). 回访日期',
  })
  date?: string;

  @Field({ description: 'What was found (1–2000 characters). 回访情况' })
  findings: string;

  @Field({
    nullable: true,
    description:
      'The risk is back: a new clue is opened for the household in the same step (default false). 风险反弹',
  })
  riskReturned?: boolean;
}

@ObjectType({
  description: 'A follow-up visit recorded, and the clue it reopened if the risk was back. 事后回访结果',
})
export class FollowUpResult {
  @Field(() => MonitoringVisit, { description: 'The visit. 回访记录' })
  visit: MonitoringVisit;

  @Field(() => MonitoringCase, {
    nullable: true,
    description: 'The new clue when the risk was back. 重新纳入的线索',
  })
  reopenedCase: MonitoringCase | null;
}

@ObjectType({ description: 'A closed case whose follow-up visit is due. 待回访' })
export class FollowUpDue {
  @Field(() => MonitoringCase, { description: 'The closed case. 监测记录' })
  monitoringCase: MonitoringCase;

  @Field(() => DateScalar, { description: 'Risk eliminated on. 风险消除日期' })
  riskEliminatedAt: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last follow-up visit, null when none yet. 上次回访日期',
  })
  lastFollowUpOn: string | null;

  @Field(() => DateScalar, {
    description: 'Due on: last follow-up (or the elimination) + FOLLOW_UP_INTERVAL_DAYS. 应回访日期',
  })
  dueOn: string;

  @Field(() => Int, { description: 'Days past the due date (0 = due today). 逾期天数' })
  daysOverdue: number;
}

export class FollowUpService extends CrudService<MonitoringCase> {
  protected readonly entity = MonitoringCase;

  async record(input: RecordFollowUpVisitInput): Promise<FollowUpResult> {
    return this.write('write', async (m) => {
      const c = await this.lock(m, input.monitoringCaseId);
      if (c.status !== MonitoringStatus.RISK_ELIMINATED)
        throw new AppError(
          'CONFLICT',
          'INVALID_TRANSITION',
          `follow-up visits are for cases whose risk was eliminated; this one is ${c.status}`,
        );
      const date = input.date ?? today();
      const errors = new FieldErrors();
      checkHappenedOn(errors, 'input.date', date);
      if (c.riskEliminatedAt && date < c.riskEliminatedAt)
        errors.add('input.date', 'BEFORE_PREVIOUS_STEP', `before the elimination (${c.riskEliminatedAt})`);
      if (c.riskEliminatedAt && date > addDays(c.riskEliminatedAt, FOLLOW_UP_PERIOD_DAYS))
        errors.add(
          'input.date',
          'FOLLOW_UP_PERIOD_OVER',
          `follow-ups end ${FOLLOW_UP_PERIOD_DAYS} days after elimination`,
        );
      const findings = input.findings.trim();
      if (!findings || findings.length > 2000) errors.add('input.findings', 'LENGTH', '1–2000 characters');
      if (errors.any)
        throw new AppError(
          'BAD_USER_INPUT',
          'CONDITIONS_UNMET',
          `cannot record the follow-up: ${errors.list.map((e) => e.reason).join(', ')}`,
          errors.list,
        );
      const visit = await m.getRepository(MonitoringVisit).save(
        m.getRepository(MonitoringVisit).create({
          monitoringCaseId: c.id,
          // A visit belongs to a household (with or without a case): the case's household.
          householdId: c.householdId,
          visitDate: date,
          visitor: currentActor().displayName.slice(0, 50),
          findings: `事后回访：${findings}`.slice(0, 2000),
          guaranteesChecked: true,
        }),
      );
      const reopenedCase = input.riskReturned ? await this.reopenIn(m, c, date, findings) : null;
      const [row] = await m.query('SELECT * FROM monitoring_visit WHERE id = $1', [visit.id]);
      return { visit: hydrate(m.connection.getMetadata(MonitoringVisit), row), reopenedCase };
    });
  }

  /** Reopens a closed case's household: a new clue (CADRE_VISIT) naming the closed case. */
  async reopen(id: string, reason: string): Promise<MonitoringCase> {
    return this.write('write', async (m) => {
      const c = await this.lock(m, id);
      if (c.status !== MonitoringStatus.RISK_ELIMINATED)
        throw new AppError(
          'CONFLICT',
          'INVALID_TRANSITION',
          `only a case whose risk was eliminated is reopened; this one is ${c.status}`,
        );
      const text = reason.trim();
      if (!text || text.length > 500)
        throw new AppError('BAD_USER_INPUT', 'LENGTH', 'reason: 1–500 characters', [
          { field: 'reason', reason: 'LENGTH', message: '1–500 characters' },
        ]);
      return this.reopenIn(m, c, today(), text);
    });
  }

  private async reopenIn(
    m: EntityManager,
    c: MonitoringCase,
    date: string,
    why: string,
  ): Promise<MonitoringCase> {
    const [open] = await m.query(
      `SELECT id FROM monitoring_case WHERE household_id = $1 AND status = ANY($2::text[]::monitoring_status[])`,
      [c.householdId, OPEN_STATUSES],
    );
    if (open)
      throw new AppError(
        'CONFLICT',
        'OPEN_CASE_EXISTS',
        `the household already has an open case (${open.id})`,
        [{ field: 'input.monitoringCaseId', reason: 'OPEN_CASE_EXISTS', message: `open case ${open.id}` }],
      );
    const [row] = await m.query(
      `INSERT INTO monitoring_case (household_id, status, discovery_source, trigger_reasons, clue_date, clue_by, deadline)
       VALUES ($1, 'CLUE', 'CADRE_VISIT', $2::text[], $3, $4, $5) RETURNING id`,
      [
        c.householdId,
        [`事后回访发现风险反弹（原监测记录 ${c.id}）：${why}`.slice(0, 500)],
        date,
        currentActor().displayName.slice(0, 50),
        addDays(date, DEADLINE_DAYS),
      ],
    );
    return this.reload(m, row.id);
  }

  /** Closed cases due a follow-up today or earlier, most overdue first, within the caller's area. */
  async due(first: number): Promise<FollowUpDue[]> {
    const params = new SqlParams();
    const scope = readScope('monitoring_case', 'c', params);
    const now = params.add(today());
    const rows = await this.db.query(
      `SELECT c.*, f.last::text AS last_follow_up, (coalesce(f.last, c.risk_eliminated_at) + ${params.add(FOLLOW_UP_INTERVAL_DAYS)}::int)::text AS due_on
         FROM monitoring_case c
         LEFT JOIN LATERAL (SELECT max(v.visit_date) AS last FROM monitoring_visit v
                             WHERE v.monitoring_case_id = c.id AND v.visit_date >= c.risk_eliminated_at) f ON true
        WHERE c.status = 'RISK_ELIMINATED'
          AND coalesce(f.last, c.risk_eliminated_at) + ${params.add(FOLLOW_UP_INTERVAL_DAYS)}::int <= ${now}::date
          AND coalesce(f.last, c.risk_eliminated_at) + ${params.add(FOLLOW_UP_INTERVAL_DAYS)}::int
              <= c.risk_eliminated_at + ${params.add(FOLLOW_UP_PERIOD_DAYS)}::int
          AND ${now}::date <= c.risk_eliminated_at + ${params.add(FOLLOW_UP_PERIOD_DAYS)}::int
          ${scope ? `AND ${scope}` : ''}
        ORDER BY due_on, c.id LIMIT ${params.add(Math.min(Math.max(first, 1), 500))}`,
      params.values,
    );
    const meta = this.meta;
    const t = today();
    return rows.map((r: any) => ({
      monitoringCase: hydrate<MonitoringCase>(meta, r),
      riskEliminatedAt:
        typeof r.risk_eliminated_at === 'string'
          ? r.risk_eliminated_at
          : r.risk_eliminated_at.toISOString().slice(0, 10),
      lastFollowUpOn: r.last_follow_up,
      dueOn: r.due_on,
      daysOverdue: Math.round(
        (Date.parse(`${t}T00:00:00Z`) - Date.parse(`${r.due_on}T00:00:00Z`)) / 86400000,
      ),
    }));
  }
}

@Resolver(() => FollowUpResult)
export class FollowUpResolver {
  @Mutation(() => FollowUpResult, {
    description:
      'Records a follow-up visit on a case whose risk was eliminated (事后回访), and with riskReturned a new clue. ' +
      'CONFLICT/INVALID_TRANSITION on other steps, OPEN_CASE_EXISTS when reopening beside an open case. 记录事后回访',
  })
  recordFollowUpVisit(
    @Arg('input', () => RecordFollowUpVisitInput, { description: 'The visit. 回访' })
    input: RecordFollowUpVisitInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.followUp.record(input);
  }

  @Mutation(() => MonitoringCase, {
    description:
      'Reopens a household whose risk was eliminated: a new clue naming the closed case (the closed case stays as it was). 重新纳入监测',
  })
  reopenMonitoringCase(
    @Arg('id', () => ID, { description: 'The closed case. 监测记录' }) id: string,
    @Arg('reason', { description: 'Why (1–500 characters). 原因' }) reason: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.followUp.reopen(id, reason);
  }

  @Query(() => [FollowUpDue], {
    description: `Follow-up visits due (every ${FOLLOW_UP_INTERVAL_DAYS} days for ${FOLLOW_UP_PERIOD_DAYS} days after elimination), most overdue first. 待回访清单`,
  })
  followUpsDue(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 100, description: 'How many (1–500). 条数' }) first = 100,
  ) {
    return ctx.services.followUp.due(first);
  }
}
