import { currentActor, Role } from '../../auth/actor';
import { appendAudit } from '../../auth/audit';
import { AppError, FieldErrors, notFound, staleVersion } from '../../common/errors';
import type { Database } from '../../database/database';
import { IndicatorReport, PlanIndicator, PlanIndicatorTarget } from './indicator.entity';
import { IndicatorSource } from './indicator.enums';
import { INCOME_GROWTH } from './indicator-evaluate';
import { rowId } from './indicator-figures';
import { toCents } from './indicator-math';
import { checkPeriod } from './indicator-period';
import type { IndicatorService } from './indicator.service';
import type { ReportIndicatorValueInput, UpdatePlanIndicatorInput } from './indicator.inputs';

const MAX_CENTS = 99_999_999_999_999n; // numeric(14,2)

/** A figure's text checked against the indicator's unit: 2 decimals, range, sign. */
function checkFigure(errors: FieldErrors, field: string, text: string, unit: string | null, signed: boolean) {
  let cents: bigint;
  try {
    cents = toCents(text);
  } catch {
    errors.add(field, 'TOO_MANY_DECIMALS', 'at most 2 decimals');
    return;
  }
  if (cents > MAX_CENTS || cents < -MAX_CENTS) errors.add(field, 'VALUE_OUT_OF_RANGE', 'too large');
  else if (!signed && cents < 0n) errors.add(field, 'VALUE_OUT_OF_RANGE', 'not negative');
  else if (unit === 'percent' && cents > 10000n)
    errors.add(field, 'VALUE_OUT_OF_RANGE', 'a percentage 0–100');
}

/**
 * Writes to the catalogue (district users) and reported figures (the owning department, or
 * district users for any indicator). Each write is audited in its transaction.
 */
export class IndicatorReportService {
  constructor(
    private readonly db: Database,
    private readonly indicators: IndicatorService,
  ) {}

  private async township(id: string | null | undefined): Promise<number | null> {
    if (id === null || id === undefined) return null;
    const [t] = await this.db.query('SELECT id FROM township WHERE id = $1', [rowId(id)]);
    if (!t)
      throw new AppError('NOT_FOUND', 'REFERENCE_NOT_FOUND', `township ${id} not found`, [
        { field: 'input.townshipId', reason: 'REFERENCE_NOT_FOUND', message: 'no such township' },
      ]);
    return t.id;
  }

  /**
   * Enters a REPORTED indicator's figure for a month. Once per month and area: a second entry is
   * CONFLICT INDICATOR_VALUE_EXISTS unless it sends the entry's version as expectedVersion (a
   * correction, audited with before and after).
   */
  async report(input: ReportIndicatorValueInput, expectedVersion?: number | null): Promise<IndicatorReport> {
    const i = await this.indicators.indicatorByKey(input.key);
    const actor = currentActor();
    if (actor.role === Role.DEPARTMENT_OFFICER && actor.departmentId !== i.departmentId)
      throw new AppError(
        'FORBIDDEN',
        'NOT_OWNING_DEPARTMENT',
        `${i.key} is reported by its owning department`,
      );
    const errors = new FieldErrors();
    // The income-growth gap is computed, with the district's rural average growth as its reported input.
    if (i.source !== IndicatorSource.REPORTED && i.key !== INCOME_GROWTH)
      errors.add('input.key', 'INDICATOR_NOT_REPORTED', 'computed from the register: not entered by hand');
    checkFigure(errors, 'input.value', input.value, i.unit, i.unit === 'percentage points');
    if (i.key === INCOME_GROWTH && input.townshipId)
      errors.add(
        'input.townshipId',
        'DISTRICT_FIGURE',
        'the district’s rural average is one district figure',
      );
    if (!input.sourceDocument.trim()) errors.add('input.sourceDocument', 'REQUIRED', 'the source document');
    const period = checkPeriod(input.period, 'input.period');
    errors.throwIfAny();
    const townshipId = await this.township(input.townshipId);
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(IndicatorReport);
      const existing = await m.query(
        `SELECT id FROM indicator_report WHERE indicator_id = $1 AND period = $2 AND township_id IS NOT DISTINCT FROM $3 FOR UPDATE`,
        [i.id, period, townshipId],
      );
      const before = existing[0] ? await repo.findOneByOrFail({ id: existing[0].id }) : null;
      if (before && expectedVersion === undefined)
        throw new AppError(
          'CONFLICT',
          'INDICATOR_VALUE_EXISTS',
          `${i.key} ${period} is already reported; send expectedVersion to correct it`,
        );
      if (
        before &&
        expectedVersion !== null &&
        expectedVersion !== undefined &&
        before.version !== expectedVersion
      )
        throw staleVersion('IndicatorReport', before.id, expectedVersion, before.version);
      const row = repo.create({
        ...(before ?? {}),
        indicatorId: i.id,
        period,
        townshipId,
        value: input.value,
        sourceDocument: input.sourceDocument.trim(),
        note: input.note ?? null,
        enteredBy: actor.displayName,
      });
      const saved = await repo.save(row);
      await appendAudit(m, {
        operation: 'reportIndicatorValue',
        entity: 'IndicatorReport',
        entityId: saved.id,
        before,
        after: saved,
      });
      return saved;
    });
  }

  /** Reported figures (newest first); a township-limited caller sees only its township's. */
  list(key?: string | null, period?: string | null): Promise<IndicatorReport[]> {
    const area = currentActor().area;
    const params: unknown[] = [key ?? null, period ?? null];
    let where = '';
    if (area.level !== 'DISTRICT') {
      params.push(area.townshipId);
      where = 'AND r.township_id = $3';
    }
    return this.db
      .query(
        `SELECT r.id FROM indicator_report r JOIN plan_indicator i ON i.id = r.indicator_id
          WHERE ($1::text IS NULL OR i.key = $1) AND ($2::text IS NULL OR r.period = $2) ${where}
          ORDER BY r.period DESC, r.id DESC LIMIT 500`,
        params,
      )
      .then((rows) =>
        rows.length
          ? this.db.dataSource.getRepository(IndicatorReport).find({
              where: rows.map((r: any) => ({ id: r.id })),
              order: { period: 'DESC', id: 'DESC' },
            })
          : [],
      );
  }

  /** Changes target, margin, name or owning department of a catalogue entry (district users). */
  async update(
    key: string,
    input: UpdatePlanIndicatorInput,
    expectedVersion?: number | null,
  ): Promise<PlanIndicator> {
    const i = await this.indicators.indicatorByKey(key);
    const errors = new FieldErrors();
    if (input.target !== undefined && input.target !== null)
      checkFigure(errors, 'input.target', input.target, i.unit, true);
    if (input.margin !== undefined && input.margin !== null)
      checkFigure(errors, 'input.margin', input.margin, null, false);
    errors.throwIfAny();
    if (input.departmentId) {
      const [d] = await this.db.query('SELECT id FROM department WHERE id = $1', [rowId(input.departmentId)]);
      if (!d)
        throw new AppError('NOT_FOUND', 'REFERENCE_NOT_FOUND', 'no such department', [
          { field: 'input.departmentId', reason: 'REFERENCE_NOT_FOUND', message: 'no such department' },
        ]);
    }
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(PlanIndicator);
      const [locked] = await m.query('SELECT id FROM plan_indicator WHERE id = $1 FOR UPDATE', [i.id]);
      if (!locked) throw notFound('PlanIndicator', key);
      const before = await repo.findOneByOrFail({ id: i.id });
      if (expectedVersion !== null && expectedVersion !== undefined && before.version !== expectedVersion)
        throw staleVersion('PlanIndicator', key, expectedVersion, before.version);
      const after = repo.merge(repo.create({ ...before }), {
        ...(input.name ? { name: input.name } : {}),
        ...(input.target ? { target: input.target } : {}),
        ...(input.margin ? { margin: input.margin } : {}),
        ...(input.departmentId ? { departmentId: rowId(input.departmentId) } : {}),
      });
      const saved = await repo.save(after);
      await appendAudit(m, {
        operation: 'updatePlanIndicator',
        entity: 'PlanIndicator',
        entityId: i.id,
        before,
        after: saved,
      });
      return saved;
    });
  }

  /** Sets (or with null removes) a township's own target of a district-total indicator. */
  async setTownshipTarget(key: string, townshipId: string, target: string | null): Promise<PlanIndicator> {
    const i = await this.indicators.indicatorByKey(key);
    const errors = new FieldErrors();
    if (target !== null) checkFigure(errors, 'target', target, i.unit, true);
    errors.throwIfAny();
    const t = await this.township(townshipId);
    await this.db.transaction(async (m) => {
      const [before] = await m.query(
        'SELECT id, target::text FROM plan_indicator_target WHERE indicator_id = $1 AND township_id = $2 FOR UPDATE',
        [i.id, t],
      );
      if (target === null)
        await m.query('DELETE FROM plan_indicator_target WHERE indicator_id = $1 AND township_id = $2', [
          i.id,
          t,
        ]);
      else
        await m
          .getRepository(PlanIndicatorTarget)
          .upsert({ indicatorId: i.id, townshipId: t!, target }, ['indicatorId', 'townshipId']);
      await appendAudit(m, {
        operation: 'setIndicatorTownshipTarget',
        entity: 'PlanIndicatorTarget',
        entityId: before?.id ?? null,
        before: before ? { key, townshipId: t, target: before.target } : null,
        after: target === null ? null : { key, townshipId: t, target },
      });
    });
    return i;
  }
}
