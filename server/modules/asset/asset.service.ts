import Decimal from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud/crud.service';
import { FieldErrors } from '../../common/errors';
import { AssetFunding } from './asset-funding.entity';
import { Asset } from './asset.entity';
import { AssetClass } from './asset.enums';
import type { AssetFundingInput, CreateAssetInput } from './asset.inputs';

/**
 * The asset ledger. Rules: the original value is the sum of the funding rows (given funding rows replace
 * the old ones; a given originalValueYuan must equal their sum: ORIGINAL_VALUE_MISMATCH); a HOUSEHOLD
 * asset names its household (HOUSEHOLD_REQUIRED), which must be in the asset's village
 * (HOUSEHOLD_NOT_IN_VILLAGE; the village is taken from the household when omitted); beneficiary people
 * are at least the beneficiary households (FEWER_PEOPLE_THAN_HOUSEHOLDS).
 */
export class AssetService extends CrudService<Asset> {
  protected readonly entity = Asset;
  protected readonly nonColumnInputs = ['fundings'];

  protected async check(
    a: Asset,
    m: EntityManager,
    before: Asset | null,
    input: Partial<CreateAssetInput>,
  ): Promise<void> {
    const errors = new FieldErrors();
    let sum: Decimal;
    if (input.fundings) {
      sum = input.fundings.reduce((acc, f) => acc.plus(f.amountYuan), new Decimal(0));
    } else {
      const [{ total }] = await m.query(
        'SELECT coalesce(sum(amount_yuan), 0)::text AS total FROM asset_funding WHERE asset_id = $1',
        [a.id],
      );
      sum = new Decimal(total);
    }
    if (
      input.originalValueYuan !== undefined &&
      input.originalValueYuan !== null &&
      !sum.equals(input.originalValueYuan)
    ) {
      errors.add(
        'input.originalValueYuan',
        'ORIGINAL_VALUE_MISMATCH',
        `original value ${input.originalValueYuan} differs from the funding total ${sum.toFixed(2)}`,
      );
    }
    if (sum.greaterThan('999999999999.99')) {
      errors.add('input.fundings', 'OUT_OF_RANGE', 'the funding total exceeds 999,999,999,999.99 yuan');
      errors.throwIfAny();
    }
    a.originalValueYuan = sum.toFixed(2);
    if ((a.beneficiaryPeople ?? 0) < (a.beneficiaryHouseholds ?? 0)) {
      errors.add(
        'input.beneficiaryPeople',
        'FEWER_PEOPLE_THAN_HOUSEHOLDS',
        'each benefiting household has at least one person',
      );
    }
    if (a.assetClass === AssetClass.HOUSEHOLD && (a.householdId === null || a.householdId === undefined)) {
      errors.add('input.householdId', 'HOUSEHOLD_REQUIRED', 'a household asset names its household');
    }
    if (a.householdId !== null && a.householdId !== undefined) {
      const [household] = await m.query('SELECT village_id FROM household WHERE id = $1', [a.householdId]);
      if (!household) errors.add('input.householdId', 'REFERENCE_NOT_FOUND', 'no such household');
      else if (a.villageId === null || a.villageId === undefined) a.villageId = household.village_id;
      else if (household.village_id !== a.villageId) {
        errors.add(
          'input.householdId',
          'HOUSEHOLD_NOT_IN_VILLAGE',
          'the household is not in the asset’s village',
        );
      }
    }
    errors.throwIfAny();
  }

  protected async afterSave(a: Asset, m: EntityManager, input: Partial<CreateAssetInput>): Promise<void> {
    if (!input.fundings) return;
    await m.delete(AssetFunding, { assetId: a.id });
    await m.insert(
      AssetFunding,
      input.fundings.map((f: AssetFundingInput) => ({
        assetId: a.id,
        source: f.source,
        amountYuan: f.amountYuan,
      })),
    );
  }
}

/** Funding rows are written only through their asset (so the sum rule holds); this reads them. */
export class AssetFundingService extends CrudService<AssetFunding> {
  protected readonly entity = AssetFunding;
}
