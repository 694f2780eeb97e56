import { collectorOf } from '../../auth/audit';
import { hydrate } from '../../common/listing/lister';
import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud/crud.service';
import { FieldErrors } from '../../common/errors';
import { checkHappenedOn } from '../../common/validation/happened-on';
import type { HouseholdMemberService } from '../household-member/household-member.service';
import { Household } from './household.entity';
import type { CreateHouseholdInput } from './household.inputs';

/**
 * Households. Rules: relocation details (movedInAt, originVillageId) only with a relocation site,
 * the move-in not in the future (FUTURE_DATE);
 * members given on create are validated and inserted in the same transaction (exactly one HEAD);
 * moving a household to another village moves its household-level assets with it.
 */
export class HouseholdService extends CrudService<Household> {
  protected readonly entity = Household;
  protected readonly nonColumnInputs = ['members'];

  constructor(
    db: ConstructorParameters<typeof CrudService>[0],
    private readonly members: HouseholdMemberService,
  ) {
    super(db);
  }

  protected async check(h: Household): Promise<void> {
    const errors = new FieldErrors();
    if (h.relocationSiteId === null || h.relocationSiteId === undefined) {
      if (h.movedInAt)
        errors.add('input.movedInAt', 'NOT_ALLOWED', 'only relocated households have a move-in date');
      if (h.originVillageId)
        errors.add(
          'input.originVillageId',
          'NOT_ALLOWED',
          'only relocated households have an origin village',
        );
    }
    checkHappenedOn(errors, 'input.movedInAt', h.movedInAt);
    errors.throwIfAny();
  }

  protected async afterSave(
    h: Household,
    m: EntityManager,
    input: Partial<CreateHouseholdInput>,
    before: Household | null,
  ) {
    if (!before && input.members?.length) await this.members.createForHousehold(m, h.id, input.members);
    // Household-level assets are located where their household is: they move with it.
    if (before && before.villageId !== h.villageId) {
      await m.query(
        'UPDATE asset SET village_id = $2, version = version + 1, updated_at = now() WHERE household_id = $1',
        [h.id, h.villageId],
      );
      // …and the audit trail records each moved asset.
      const assetMeta = m.connection.getMetadata('Asset');
      for (const row of await m.query('SELECT * FROM asset WHERE household_id = $1', [h.id]))
        collectorOf(m)?.after('Asset', row.id, hydrate(assetMeta, row) as object);
    }
  }
}
