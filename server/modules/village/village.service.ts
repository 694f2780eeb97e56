import { checkYearBegun } from '../../common/validation/happened-on';
import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud/crud.service';
import { FieldErrors } from '../../common/errors';
import { committeeTypeOf } from '../../common/validation/division-code';
import { VillageCollectiveIncome } from './village-collective-income.entity';
import { Village } from './village.entity';
import { CommitteeType } from './village.enums';

/**
 * Villages: the code must extend the township's (first 9 digits); the committee type is derived from
 * its last 3 digits (NBS rules). Reasons: DIVISION_CODE_*, REFERENCE_NOT_FOUND.
 */
export class VillageService extends CrudService<Village> {
  protected readonly entity = Village;

  protected async check(v: Village, m: EntityManager, before: Village | null): Promise<void> {
    const errors = new FieldErrors();
    if (!before || before.code !== v.code || before.townshipId !== v.townshipId) {
      const [township] = await m.query('SELECT code FROM township WHERE id = $1', [v.townshipId]);
      if (!township) {
        errors.add('input.townshipId', 'REFERENCE_NOT_FOUND', 'no such township');
      } else {
        const type = committeeTypeOf(v.code, township.code);
        if ('reason' in type) errors.add('input.code', type.reason, type.message);
        else v.committeeType = type.committeeType as CommitteeType;
      }
    }
    errors.throwIfAny();
  }

  /** Relocation sites in a village follow it when it moves to another township. */
  protected async afterSave(
    v: Village,
    m: EntityManager,
    _input: unknown,
    before: Village | null,
  ): Promise<void> {
    if (before && before.townshipId !== v.townshipId) {
      await m.query(
        'UPDATE relocation_site SET township_id = $2, version = version + 1, updated_at = now() WHERE village_id = $1',
        [v.id, v.townshipId],
      );
    }
  }
}

/**
 * Collective income rows: one per village and year (CONFLICT/DUPLICATE otherwise), of a year that has
 * begun (FUTURE_YEAR: an income is a fact).
 */
export class VillageCollectiveIncomeService extends CrudService<VillageCollectiveIncome> {
  protected readonly entity = VillageCollectiveIncome;

  protected async check(x: VillageCollectiveIncome): Promise<void> {
    const errors = new FieldErrors();
    checkYearBegun(errors, 'input.year', x.year);
    errors.throwIfAny();
  }
}
