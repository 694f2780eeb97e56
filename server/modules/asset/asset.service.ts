import { checkHappenedOn } from '../../common/validation/happened-on';
import { today } from '../../common/today';
import Decimal from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud/crud.service';
import { AppError, FieldErrors } from '../../common/errors';
import { AssetFunding } from './asset-funding.entity';
import { Asset } from './asset.entity';
import { AssetClass, AssetStatus, OwnershipLevel } from './asset.enums';
import type {
  AssetFundingInput,
  AssignAssetCustodianInput,
  ChangeAssetStatusInput,
  ConfirmAssetRightsInput,
  CreateAssetInput,
  HandOverAssetInput,
} from './asset.inputs';

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
    this.ledgerRules(a, before, errors);
    if (before?.assetClass === AssetClass.OPERATING && a.assetClass !== AssetClass.OPERATING) {
      const [r] = await m.query('SELECT 1 FROM asset_revenue WHERE asset_id = $1 LIMIT 1', [a.id]);
      if (r)
        errors.add('input.assetClass', 'CLASS_HAS_REVENUE', 'an asset with recorded revenue stays OPERATING');
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

  /**
   * Ledger rules shared by writes and imports (国办函〔2021〕51号): a HOUSEHOLD asset is owned at
   * HOUSEHOLD level (OWNERSHIP_LEVEL_MISMATCH); a confirmed OPERATING asset has an owner and an
   * operator (OPERATOR_REQUIRED); hand-over follows the rights confirmation (HANDOVER_BEFORE_RIGHTS);
   * no date in the future (FUTURE_DATE); of the beneficiary households, alleviated plus monitored
   * are not more than all (BENEFICIARIES_OF_WHICH); only an approved disposal takes an asset out of
   * use (DISPOSAL_REQUIRED) and a disposed asset is closed (ASSET_DISPOSED).
   */
  ledgerRules(a: Asset, before: Asset | null, errors: FieldErrors, path = 'input', viaStep = false): void {
    // History is kept: a confirmation, hand-over or status change once recorded is not cleared
    // (HISTORY_CLEARED), and the status changes only through its step, with a reason (STATUS_BY_STEP).
    if (before) {
      for (const key of ['rightsConfirmedAt', 'handedOverAt', 'statusChangedAt'] as const)
        if (before[key] && !a[key])
          errors.add(`${path}.${key}`, 'HISTORY_CLEARED', `${key} is history: it is not cleared`);
      if (!viaStep && a.status !== before.status && before.status !== AssetStatus.DISPOSED)
        errors.add(
          `${path}.status`,
          'STATUS_BY_STEP',
          'the status changes through changeAssetStatus (with a reason) or a disposal',
        );
    }
    if (before?.status === AssetStatus.DISPOSED)
      errors.add(
        `${path}.status`,
        'ASSET_DISPOSED',
        'a disposed asset is out of the ledger: it cannot change',
      );
    if (a.assetClass === AssetClass.HOUSEHOLD && a.ownershipLevel !== OwnershipLevel.HOUSEHOLD)
      errors.add(
        `${path}.ownershipLevel`,
        'OWNERSHIP_LEVEL_MISMATCH',
        'a household asset is owned at HOUSEHOLD level',
      );
    if (a.assetClass === AssetClass.OPERATING && a.rightsConfirmedAt && !a.operator)
      errors.add(`${path}.operator`, 'OPERATOR_REQUIRED', 'a confirmed operating asset names its operator');
    if (a.handedOverAt && !a.rightsConfirmedAt)
      errors.add(
        `${path}.handedOverAt`,
        'HANDOVER_BEFORE_RIGHTS',
        'an asset is handed over after its rights are confirmed',
      );
    else if (a.handedOverAt && a.rightsConfirmedAt && a.handedOverAt < a.rightsConfirmedAt)
      errors.add(
        `${path}.handedOverAt`,
        'HANDOVER_BEFORE_RIGHTS',
        'the hand-over is dated before the rights confirmation',
      );
    for (const key of ['completedAt', 'rightsConfirmedAt', 'handedOverAt'] as const)
      checkHappenedOn(errors, `${path}.${key}`, a[key]);
    if (
      (a.beneficiaryAlleviatedHouseholds ?? 0) + (a.beneficiaryMonitoredHouseholds ?? 0) >
      (a.beneficiaryHouseholds ?? 0)
    )
      errors.add(
        `${path}.beneficiaryAlleviatedHouseholds`,
        'BENEFICIARIES_OF_WHICH',
        'alleviated plus monitored households exceed the benefiting households',
      );
    const outOfUse = [AssetStatus.DISPOSED, AssetStatus.SOLD, AssetStatus.DONATED, AssetStatus.SCRAPPED];
    if (outOfUse.includes(a.status) && a.status !== before?.status)
      errors.add(
        `${path}.status`,
        'DISPOSAL_REQUIRED',
        'an asset leaves use only through an approved disposal',
      );
  }

  /** An asset with history (revenue, disposals, confirmation, hand-over, status changes) is never deleted. */
  protected async beforeDelete(a: Asset, m: EntityManager): Promise<void> {
    const [h] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM asset_revenue WHERE asset_id = $1) AS revenue,
              EXISTS (SELECT 1 FROM asset_disposal WHERE asset_id = $1) AS disposal`,
      [a.id],
    );
    if (h.revenue || h.disposal || a.rightsConfirmedAt || a.handedOverAt || a.statusChangedAt)
      throw new AppError(
        'CONFLICT',
        'ASSET_HAS_HISTORY',
        'an asset with revenue, a disposal, a confirmation, a hand-over or a status change leaves the ledger only by disposal',
      );
  }

  /** The asset locked in the caller's write scope (for disposals). */
  lockAsset(m: EntityManager, id: string): Promise<Asset> {
    return this.lock(m, id);
  }

  /** The asset as stored, recorded as written in the audit trail (for disposals). */
  reloadAsset(m: EntityManager, id: number): Promise<Asset> {
    return this.reload(m, id);
  }

  /** A lifecycle step: lock (scoped), check, set columns, reload; audited as the current mutation. */
  private step(
    id: string,
    rules: (a: Asset, errors: FieldErrors, m: EntityManager) => Promise<Partial<Asset>> | Partial<Asset>,
  ): Promise<Asset> {
    return this.write('write', async (m) => {
      const a = await this.lock(m, id);
      const before = { ...a } as Asset;
      const errors = new FieldErrors();
      if (a.status === AssetStatus.DISPOSED)
        throw new AppError('CONFLICT', 'ASSET_DISPOSED', 'a disposed asset is out of the ledger');
      const changes = await rules(a, errors, m);
      Object.assign(a, changes);
      this.ledgerRules(a, before, errors, 'input', true);
      errors.throwIfAny();
      const cols = Object.keys(changes);
      const meta = this.meta;
      const sets = cols.map((k, i) => `${meta.findColumnWithPropertyName(k)!.databaseName} = $${i + 2}`);
      await m.query(
        `UPDATE asset SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`,
        [a.id, ...cols.map((k) => (a as any)[k])],
      );
      return this.reload(m, a.id);
    });
  }

  /** 确权: date (not future), document number; owner, level and operator when they change. */
  confirmRights(id: string, input: ConfirmAssetRightsInput): Promise<Asset> {
    return this.step(id, (a) => ({
      rightsConfirmedAt: input.date ?? today(),
      rightsDocumentNo: input.documentNo,
      ...(input.ownershipLevel ? { ownershipLevel: input.ownershipLevel } : {}),
      ...(input.owner ? { owner: input.owner } : {}),
      ...(input.operator ? { operator: input.operator } : { operator: a.operator }),
    }));
  }

  /** 移交: after the rights confirmation (HANDOVER_BEFORE_RIGHTS), with its document number. */
  handOver(id: string, input: HandOverAssetInput): Promise<Asset> {
    return this.step(id, () => ({
      handedOverAt: input.date ?? today(),
      handoverDocumentNo: input.documentNo,
      ...(input.custodian ? { custodian: input.custodian } : {}),
    }));
  }

  /** 管护: the custodian and the person in charge of upkeep. */
  assignCustodian(id: string, input: AssignAssetCustodianInput): Promise<Asset> {
    return this.step(id, () => ({ custodian: input.custodian, custodianPerson: input.custodianPerson }));
  }

  /** IN_USE ↔ IDLE with a reason; leaving use otherwise is a disposal (DISPOSAL_REQUIRED). */
  changeStatus(id: string, input: ChangeAssetStatusInput): Promise<Asset> {
    return this.step(id, (a, errors) => {
      const date = input.date ?? today();
      checkHappenedOn(errors, 'input.date', date);
      if (a.completedAt && date < a.completedAt)
        errors.add('input.date', 'BEFORE_PREVIOUS_STEP', `the asset was completed on ${a.completedAt}`);
      if (a.statusChangedAt && date < a.statusChangedAt)
        errors.add('input.date', 'BEFORE_PREVIOUS_STEP', `the last change was on ${a.statusChangedAt}`);
      if (input.status === a.status)
        errors.add('input.status', 'STATUS_UNCHANGED', `the asset is already ${a.status}`);
      return { status: input.status, statusReason: input.reason, statusChangedAt: date };
    });
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
