import { checkHappenedOn } from '../../common/validation/happened-on';
import { currentActor, Role } from '../../auth/actor';
import { collectorOf } from '../../auth/audit';
import { writeScope } from '../../auth/scope';
import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud/crud.service';
import { AppError, FieldErrors } from '../../common/errors';
import { hydrate } from '../../common/listing/lister';
import { parseId, SqlParams } from '../../common/listing/sql-builder';
import { MonitoringCase } from './monitoring-case.entity';
import { MonitoringVisit } from './monitoring-visit.entity';
import {
  DiscoverySource,
  EliminationMethod,
  MonitoringStatus,
  OPEN_STATUSES,
  RiskType,
} from './monitoring.enums';
import type {
  EliminateRiskInput,
  MonitoringStepInput,
  RecordHouseholdVisitInput,
  RecordMonitoringVisitInput,
  RejectMonitoringCaseInput,
  ReportRiskInput,
  VerifyMonitoringCaseInput,
} from './monitoring.inputs';
import {
  ADDRESSED_BY,
  addDays,
  DEADLINE_DAYS,
  NOTICE_DAYS,
  today,
  VISIT_WINDOW_DAYS,
} from './monitoring-rules';

function transitionError(c: MonitoringCase, step: string, allowed: MonitoringStatus[]): AppError {
  return new AppError(
    'CONFLICT',
    'INVALID_TRANSITION',
    `cannot ${step} a case in status ${c.status}; allowed from ${allowed.join(', ')}`,
  );
}

/** A step's date may not lie in the future nor before the step it follows. */
function checkDate(errors: FieldErrors, date: string, previous: string | null, field = 'input.date'): void {
  checkHappenedOn(errors, field, date);
  if (previous && date < previous)
    errors.add(field, 'BEFORE_PREVIOUS_STEP', `${date} is before the previous step (${previous})`);
}

/** Refusal of a step listing every unmet condition (each its own field and reason). */
function unmet(errors: FieldErrors, step: string): AppError {
  return new AppError(
    'BAD_USER_INPUT',
    'CONDITIONS_UNMET',
    `cannot ${step}: ${errors.list.map((e) => e.reason).join(', ')}`,
    errors.list,
  );
}

/**
 * The identification workflow of monitoring cases (work plan §2.2, 早发现、早纳入、早帮扶、早清零):
 * reportRisk (CLUE) → verify (VERIFIED) → publicize (PUBLICIZED) → approve (APPROVED, after ≥ 5 days of
 * notice) or reject (REJECTED) → eliminateRisk (RISK_ELIMINATED). Each step checks its rules on the
 * server and records who and when. At most one open case per household (OPEN_CASE_EXISTS).
 */
export class MonitoringWorkflowService extends CrudService<MonitoringCase> {
  protected readonly entity = MonitoringCase;

  async reportRisk(input: ReportRiskInput): Promise<MonitoringCase> {
    return this.write('write', async (m) => {
      const householdId = parseId(input.householdId);
      const date = input.date ?? today();
      const params = new SqlParams();
      const where = [`h.id = ${params.add(householdId)}`, writeScope('household', 'h', params)].filter(
        Boolean,
      );
      const [household] = householdId
        ? await m.query(`SELECT h.id FROM household h WHERE ${where.join(' AND ')} FOR UPDATE`, params.values)
        : [];
      if (!household) {
        throw new AppError('BAD_USER_INPUT', 'REFERENCE_NOT_FOUND', 'no such household', [
          { field: 'input.householdId', reason: 'REFERENCE_NOT_FOUND', message: 'no such household' },
        ]);
      }
      const errors = new FieldErrors();
      checkDate(errors, date, null);
      // A department officer reports from its sector's lists: the clue is a department alert (issue #16).
      if (
        currentActor().role === Role.DEPARTMENT_OFFICER &&
        input.source !== DiscoverySource.DEPARTMENT_ALERT
      )
        errors.add(
          'input.source',
          'SOURCE_NOT_ALLOWED',
          'a department officer reports DEPARTMENT_ALERT clues',
        );
      if (errors.any) throw unmet(errors, 'report the risk');
      await this.assertNoOpenCase(m, household.id);
      const [row] = await m.query(
        `INSERT INTO monitoring_case (household_id, status, discovery_source, trigger_reasons, clue_date, clue_by, deadline)
         VALUES ($1, 'CLUE', $2, ARRAY[$3]::text[], $4, $5, $6) RETURNING id`,
        [
          household.id,
          input.source,
          input.description,
          date,
          currentActor().displayName,
          addDays(date, DEADLINE_DAYS),
        ],
      );
      return this.reload(m, row.id);
    });
  }

  private async assertNoOpenCase(m: EntityManager, householdId: number): Promise<void> {
    const [open] = await m.query(
      `SELECT id FROM monitoring_case WHERE household_id = $1 AND status = ANY($2::text[]::monitoring_status[])`,
      [householdId, OPEN_STATUSES],
    );
    if (open) {
      throw new AppError(
        'CONFLICT',
        'OPEN_CASE_EXISTS',
        `the household already has an open case (${open.id})`,
        [{ field: 'input.householdId', reason: 'OPEN_CASE_EXISTS', message: `open case ${open.id}` }],
      );
    }
  }

  /**
   * Records the verification visit. Consistency of risk types with the household (each refusal its own
   * reason): UNSTABLE_EMPLOYMENT needs a member able to work, DISABILITY a disabled member, ILLNESS a
   * member with chronic or serious illness.
   */
  async verify(id: string, input: VerifyMonitoringCaseInput): Promise<MonitoringCase> {
    return this.write('write', async (m) => {
      const c = await this.lock(m, id);
      if (c.status !== MonitoringStatus.CLUE) throw transitionError(c, 'verify', [MonitoringStatus.CLUE]);
      const date = input.date ?? today();
      const [facts] = await m.query(
        `SELECT bool_or(labor_capacity IN ('FULL', 'PARTIAL')) AS can_work, bool_or(health_status = 'DISABLED') AS disabled,
                bool_or(health_status IN ('CHRONIC_ILLNESS', 'SERIOUS_ILLNESS')) AS ill
           FROM household_member WHERE household_id = $1`,
        [c.householdId],
      );
      const errors = new FieldErrors();
      const risks = new Set(input.riskTypes);
      if (risks.size !== input.riskTypes.length)
        errors.add('input.riskTypes', 'DUPLICATE_RISK_TYPE', 'each risk type once');
      if (risks.has(RiskType.UNSTABLE_EMPLOYMENT) && !facts.can_work) {
        errors.add(
          'input.riskTypes',
          'NO_MEMBER_ABLE_TO_WORK',
          'UNSTABLE_EMPLOYMENT needs a member able to work',
        );
      }
      if (risks.has(RiskType.DISABILITY) && !facts.disabled) {
        errors.add('input.riskTypes', 'NO_DISABLED_MEMBER', 'DISABILITY needs a disabled member');
      }
      if (risks.has(RiskType.ILLNESS) && !facts.ill) {
        errors.add(
          'input.riskTypes',
          'NO_ILL_MEMBER',
          'ILLNESS needs a member with chronic or serious illness',
        );
      }
      checkDate(errors, date, c.clueDate);
      if (errors.any) throw unmet(errors, 'verify');
      await m.query(
        `UPDATE monitoring_case SET status = 'VERIFIED', category = $2, risk_types = $3::text[], verified_at = $4, verified_by = $5,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [c.id, input.category, [...risks], date, currentActor().displayName],
      );
      const inserted = await m.insert(MonitoringVisit, {
        householdId: c.householdId,
        monitoringCaseId: c.id,
        visitDate: date,
        visitor: currentActor().displayName,
        findings: input.findings,
        guaranteesChecked: true,
      });
      const [visit] = await m.query('SELECT * FROM monitoring_visit WHERE id = $1', [
        inserted.identifiers[0].id,
      ]);
      collectorOf(m)?.after('MonitoringVisit', visit.id, visit);
      return this.reload(m, c.id);
    });
  }

  /** Starts the public notice (from VERIFIED). */
  async publicize(id: string, input: MonitoringStepInput): Promise<MonitoringCase> {
    return this.step(
      id,
      'publicize',
      [MonitoringStatus.VERIFIED],
      input,
      (c) => c.verifiedAt,
      () => [],
      {
        set: `status = 'PUBLICIZED', publicized_at = $2, publicized_by = $3`,
      },
    );
  }

  /** Takes the household into monitoring (from PUBLICIZED), only after at least 5 days of notice. */
  async approve(id: string, input: MonitoringStepInput): Promise<MonitoringCase> {
    const rule = (c: MonitoringCase, date: string): [string, string, string][] => {
      const earliest = addDays(c.publicizedAt!, NOTICE_DAYS);
      if (date >= earliest) return [];
      return [
        [
          'input.date',
          'NOTICE_TOO_SHORT',
          `the notice runs at least ${NOTICE_DAYS} days: approve on or after ${earliest}`,
        ],
      ];
    };
    return this.step(id, 'approve', [MonitoringStatus.PUBLICIZED], input, (c) => c.publicizedAt, rule, {
      set: `status = 'APPROVED', approved_at = $2, approved_by = $3`,
    });
  }

  /** Closes a case without monitoring (from CLUE, VERIFIED or PUBLICIZED). */
  async reject(id: string, input: RejectMonitoringCaseInput): Promise<MonitoringCase> {
    const open = [MonitoringStatus.CLUE, MonitoringStatus.VERIFIED, MonitoringStatus.PUBLICIZED];
    return this.step(
      id,
      'reject',
      open,
      input,
      (c) => c.publicizedAt ?? c.verifiedAt ?? c.clueDate,
      () => [],
      {
        set: `status = 'REJECTED', rejected_at = $2, rejected_by = $3, rejection_reason = $4`,
        extra: [input.reason],
      },
    );
  }

  /** One status step: allowed `from`, dated on or after `previous(c)` and not in the future, plus `rules`. */
  private async step(
    id: string,
    name: string,
    from: MonitoringStatus[],
    input: MonitoringStepInput,
    previous: (c: MonitoringCase) => string | null,
    rules: (c: MonitoringCase, date: string) => [string, string, string][],
    update: { set: string; extra?: unknown[] },
  ): Promise<MonitoringCase> {
    return this.write('write', async (m) => {
      const c = await this.lock(m, id);
      if (!from.includes(c.status)) throw transitionError(c, name, from);
      const date = input.date ?? today();
      const errors = new FieldErrors();
      checkDate(errors, date, previous(c));
      for (const [field, reason, message] of rules(c, date)) errors.add(field, reason, message);
      if (errors.any) throw unmet(errors, name);
      await m.query(
        `UPDATE monitoring_case SET ${update.set}, version = version + 1, updated_at = now() WHERE id = $1`,
        [c.id, date, currentActor().displayName, ...(update.extra ?? [])],
      );
      return this.reload(m, c.id);
    });
  }

  /**
   * Closes an APPROVED case as risk eliminated. Every unmet condition is listed: that year's monitoring
   * line and income recorded (THRESHOLD_MISSING, INCOME_MISSING) with per-capita net income above the
   * line (INCOME_BELOW_THRESHOLD); housing safe (HOUSING_UNSAFE) and drinking water safe
   * (DRINKING_WATER_UNSAFE); no child of 6–15 out of school (CHILD_OUT_OF_SCHOOL); every member
   * medically insured (MEMBER_NOT_INSURED); each risk type addressed by a matching measure in progress
   * or completed, of this case or running since its clue (RISK_NOT_ADDRESSED); a visit in the last 30 days (NO_RECENT_VISIT); NATURAL only
   * when a member can work (NATURAL_NOT_ALLOWED).
   */
  async eliminate(id: string, input: EliminateRiskInput): Promise<MonitoringCase> {
    return this.write('write', async (m) => {
      const c = await this.lock(m, id);
      if (c.status !== MonitoringStatus.APPROVED)
        throw transitionError(c, 'eliminate the risk of', [MonitoringStatus.APPROVED]);
      const date = input.date ?? today();
      const year = Number(date.slice(0, 4));
      const [f] = await m.query(
        `SELECT h.housing_safety, h.drinking_water_safe,
                (SELECT amount_yuan FROM monitoring_threshold WHERE year = $2) AS threshold,
                (SELECT per_capita_net_income_yuan FROM household_income WHERE household_id = h.id AND year = $2) AS per_capita,
                (SELECT (per_capita_net_income_yuan > (SELECT amount_yuan FROM monitoring_threshold WHERE year = $2))
                   FROM household_income WHERE household_id = h.id AND year = $2) AS above,
                EXISTS (SELECT 1 FROM household_member x WHERE x.household_id = h.id AND x.school_status = 'DROPPED_OUT'
                         AND date_part('year', age($3::date, x.birth_date)) BETWEEN 6 AND 15) AS child_out,
                EXISTS (SELECT 1 FROM household_member x WHERE x.household_id = h.id AND NOT x.medical_insured) AS uninsured,
                EXISTS (SELECT 1 FROM household_member x WHERE x.household_id = h.id AND x.labor_capacity IN ('FULL', 'PARTIAL')) AS can_work,
                ARRAY(SELECT DISTINCT type::text FROM assistance_measure a WHERE a.household_id = h.id
                       AND a.status IN ('IN_PROGRESS', 'COMPLETED')
                       AND (a.monitoring_case_id = $4 OR a.end_date IS NULL OR a.end_date >= $5::date)) AS measure_types,
                (SELECT max(visit_date) FROM monitoring_visit v WHERE v.monitoring_case_id = $4) AS last_visit
           FROM household h WHERE h.id = $1`,
        [c.householdId, year, date, c.id, c.clueDate],
      );
      const errors = new FieldErrors();
      checkDate(errors, date, c.approvedAt);
      if (!f.threshold)
        errors.add('threshold', 'THRESHOLD_MISSING', `no monitoring income line recorded for ${year}`);
      if (f.per_capita === null) errors.add('income', 'INCOME_MISSING', `no income recorded for ${year}`);
      else if (f.threshold && !f.above) {
        errors.add(
          'income',
          'INCOME_BELOW_THRESHOLD',
          `per-capita net income ${f.per_capita} is not above the line ${f.threshold}`,
        );
      }
      if (!f.housing_safety || !['A', 'B'].includes(f.housing_safety))
        errors.add('household.housingSafety', 'HOUSING_UNSAFE', 'housing is not rated A or B');
      if (!f.drinking_water_safe)
        errors.add('household.drinkingWaterSafe', 'DRINKING_WATER_UNSAFE', 'drinking water is not safe');
      if (f.child_out)
        errors.add(
          'members.schoolStatus',
          'CHILD_OUT_OF_SCHOOL',
          'a child of compulsory school age is out of school',
        );
      if (f.uninsured)
        errors.add('members.medicalInsured', 'MEMBER_NOT_INSURED', 'a member has no basic medical insurance');
      const types = new Set<string>(f.measure_types);
      for (const risk of c.riskTypes) {
        const addressing = ADDRESSED_BY[risk];
        const ok = addressing === null ? types.size > 0 : addressing.some((t) => types.has(t));
        if (!ok)
          errors.add(
            `riskTypes.${risk}`,
            'RISK_NOT_ADDRESSED',
            `no ${addressing?.join('/') ?? ''} measure in progress or completed`,
          );
      }
      const since = addDays(date, -VISIT_WINDOW_DAYS);
      if (!f.last_visit || f.last_visit < since)
        errors.add('visits', 'NO_RECENT_VISIT', `no visit since ${since}`);
      if (input.method === EliminationMethod.NATURAL && !f.can_work) {
        errors.add(
          'input.method',
          'NATURAL_NOT_ALLOWED',
          'no member can work: the risk cannot be closed as NATURAL',
        );
      }
      if (errors.any) throw unmet(errors, 'eliminate the risk');
      await m.query(
        `UPDATE monitoring_case SET status = 'RISK_ELIMINATED', risk_eliminated_at = $2, risk_eliminated_by = $3, elimination_method = $4,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [c.id, date, currentActor().displayName, input.method],
      );
      return this.reload(m, c.id);
    });
  }

  /** Records a visit to a case's household: verified, publicized or approved cases; dated since the clue, not ahead. */
  async recordVisit(input: RecordMonitoringVisitInput): Promise<MonitoringVisit> {
    return this.write('write', async (m) => {
      const c = await this.lock(m, input.monitoringCaseId);
      if (c.status === MonitoringStatus.CLUE) {
        throw new AppError('CONFLICT', 'CASE_NOT_VERIFIED', 'a clue is visited by verifyMonitoringCase');
      }
      if (c.status === MonitoringStatus.RISK_ELIMINATED || c.status === MonitoringStatus.REJECTED) {
        throw new AppError('CONFLICT', 'CASE_CLOSED', `the case is closed (${c.status})`);
      }
      const visitDate = input.visitDate ?? today();
      const errors = new FieldErrors();
      checkDate(errors, visitDate, c.clueDate, 'input.visitDate');
      if (errors.any) throw unmet(errors, 'record the visit');
      const visit = await m.save(MonitoringVisit, {
        householdId: c.householdId,
        monitoringCaseId: c.id,
        visitDate,
        visitor: input.visitor ?? currentActor().displayName,
        findings: input.findings,
        guaranteesChecked: input.guaranteesChecked ?? false,
      });
      const [row] = await m.query('SELECT * FROM monitoring_visit WHERE id = $1', [visit.id]);
      const saved = hydrate<MonitoringVisit>(this.db.dataSource.getMetadata(MonitoringVisit), row);
      collectorOf(m)?.after('MonitoringVisit', saved.id, saved);
      return saved;
    });
  }

  /**
   * A visit to a household (日常走访): in the actor's write scope, dated today or before; attached to the
   * household's verified, publicized or approved case when there is one (a clue is visited by its
   * verification). Idempotent by the device's key: the same key returns the visit it first recorded.
   */
  async recordHouseholdVisit(input: RecordHouseholdVisitInput): Promise<MonitoringVisit> {
    return this.write('write', async (m) => {
      const householdId = parseId(input.householdId);
      const params = new SqlParams();
      const where = [`h.id = ${params.add(householdId)}`, writeScope('household', 'h', params)].filter(
        Boolean,
      );
      const [household] = householdId
        ? await m.query(`SELECT h.id FROM household h WHERE ${where.join(' AND ')} FOR UPDATE`, params.values)
        : [];
      if (!household) {
        throw new AppError('BAD_USER_INPUT', 'REFERENCE_NOT_FOUND', 'no such household', [
          { field: 'input.householdId', reason: 'REFERENCE_NOT_FOUND', message: 'no such household' },
        ]);
      }
      const meta = this.db.dataSource.getMetadata(MonitoringVisit);
      const key = input.idempotencyKey ?? null;
      const existing = async () => {
        const [row] = await m.query('SELECT * FROM monitoring_visit WHERE idempotency_key = $1', [key]);
        if (!row) return null;
        if (Number(row.household_id) !== household.id) {
          throw new AppError(
            'CONFLICT',
            'IDEMPOTENCY_KEY_REUSED',
            'the key names a visit to another household',
            [{ field: 'input.idempotencyKey', reason: 'IDEMPOTENCY_KEY_REUSED', message: 'already used' }],
          );
        }
        return hydrate<MonitoringVisit>(meta, row);
      };
      if (key) {
        const first = await existing();
        if (first) return first;
      }
      const visitDate = input.visitDate ?? today();
      const errors = new FieldErrors();
      checkDate(errors, visitDate, null, 'input.visitDate');
      if (errors.any) throw unmet(errors, 'record the visit');
      const [open] = await m.query(
        `SELECT id FROM monitoring_case WHERE household_id = $1 AND status IN ('VERIFIED', 'PUBLICIZED', 'APPROVED')
          AND clue_date <= $2 ORDER BY id DESC LIMIT 1`,
        [household.id, visitDate],
      );
      // Two devices racing with one key: the loser's insert does nothing and returns the winner's row.
      const [row] = await m.query(
        `INSERT INTO monitoring_visit (household_id, monitoring_case_id, visit_date, visitor, findings, guarantees_checked, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
        [
          household.id,
          open?.id ?? null,
          visitDate,
          input.visitor ?? currentActor().displayName,
          input.findings,
          input.guaranteesChecked ?? false,
          key,
        ],
      );
      if (!row) return (await existing())!;
      const saved = hydrate<MonitoringVisit>(meta, row);
      collectorOf(m)?.after('MonitoringVisit', saved.id, saved);
      return saved;
    });
  }
}

/** Visits are written through the workflow (recordMonitoringVisit, verification); this reads them. */
export class MonitoringVisitService extends CrudService<MonitoringVisit> {
  protected readonly entity = MonitoringVisit;
}
