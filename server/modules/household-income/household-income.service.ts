import { checkYearBegun } from '../../common/validation/happened-on';
import Decimal from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud/crud.service';
import type { Loaders } from '../../common/crud/loaders';
import { FieldErrors } from '../../common/errors';
import { hydrate } from '../../common/listing/lister';
import { HouseholdIncome, MonitoringThreshold } from './household-income.entity';

const AMOUNTS = [
  'wageIncomeYuan',
  'productionIncomeYuan',
  'propertyIncomeYuan',
  'transferIncomeYuan',
  'productionCostsYuan',
  'compliantSpendingYuan',
] as const;

/**
 * Yearly income rows. Net income = wage + production + property + transfer − production costs −
 * compliant spending; per capita = net ÷ people, rounded half-up to the fen (derived, never typed).
 * People default to the household's current members (PEOPLE_REQUIRED when it has none).
 */
export class HouseholdIncomeService extends CrudService<HouseholdIncome> {
  protected readonly entity = HouseholdIncome;

  protected async check(x: HouseholdIncome, m: EntityManager): Promise<void> {
    const errors = new FieldErrors();
    for (const key of AMOUNTS) x[key] ??= '0';
    const [household] = await m.query('SELECT id FROM household WHERE id = $1', [x.householdId]);
    if (!household) {
      errors.add('input.householdId', 'REFERENCE_NOT_FOUND', 'no such household');
      errors.throwIfAny();
    }
    // Income of a year is recorded once the year has begun (a future year cannot have income yet).
    checkYearBegun(errors, 'input.year', x.year);
    if (x.people === null || x.people === undefined) {
      const [{ n }] = await m.query(
        'SELECT count(*)::int AS n FROM household_member WHERE household_id = $1',
        [x.householdId],
      );
      if (n === 0)
        errors.add(
          'input.people',
          'PEOPLE_REQUIRED',
          'the household has no members: give the number of people',
        );
      x.people = n;
    }
    errors.throwIfAny();
    const net = new Decimal(x.wageIncomeYuan)
      .plus(x.productionIncomeYuan)
      .plus(x.propertyIncomeYuan)
      .plus(x.transferIncomeYuan)
      .minus(x.productionCostsYuan)
      .minus(x.compliantSpendingYuan);
    x.netIncomeYuan = net.toFixed(2);
    x.perCapitaNetIncomeYuan = net.dividedBy(x.people).toFixed(2, Decimal.ROUND_HALF_UP);
  }

  /** The latest year's row of each household (batched). */
  latest(loaders: Loaders, householdId: number): Promise<HouseholdIncome | null> {
    return loaders
      .custom<number, HouseholdIncome | null>('latestIncome', async (ids) => {
        const rows = await this.db.query(
          'SELECT DISTINCT ON (household_id) * FROM household_income WHERE household_id = ANY($1) ORDER BY household_id, year DESC',
          [[...ids]],
        );
        const by = new Map(rows.map((r) => [Number(r.household_id), hydrate<HouseholdIncome>(this.meta, r)]));
        return ids.map((id) => by.get(id) ?? null);
      })
      .load(householdId);
  }
}

/** Monitoring income lines, one per year (CONFLICT/DUPLICATE otherwise). */
export class MonitoringThresholdService extends CrudService<MonitoringThreshold> {
  protected readonly entity = MonitoringThreshold;
}
