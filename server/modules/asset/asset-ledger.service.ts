import { checkHappenedOn, checkYearBegun } from '../../common/validation/happened-on';
import { today } from '../../common/today';
import Decimal from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { currentActor, Role } from '../../auth/actor';
import { CrudService } from '../../common/crud/crud.service';
import { AppError, FieldErrors } from '../../common/errors';
import { scopedFilterToSql, SqlParams } from '../../common/listing/sql-builder';
import { ASSET_GROUPINGS, fixedYuan, groupLabels } from '../statistics/statistics.service';
import { enumLabels } from '../../common/enums';
import type { Database } from '../../database/database';
import { AssetDisposal } from './asset-disposal.entity';
import { AssetRevenue, AssetRevenueDistribution } from './asset-revenue.entity';
import { Asset } from './asset.entity';
import { AssetClass, AssetStatus, DisposalStatus } from './asset.enums';
import type {
  ApproveAssetDisposalInput,
  AssetRevenueFields,
  RejectAssetDisposalInput,
  RequestAssetDisposalInput,
} from './asset.inputs';

/**
 * 资产收益: the revenue of an OPERATING asset (only assets that earn record revenue:
 * REVENUE_NOT_OPERATING) by year (not a future one: FUTURE_YEAR), distributed by purpose, each
 * purpose once (DUPLICATE_PURPOSE), the shares adding up to the revenue (DISTRIBUTION_MISMATCH).
 * Given distributions replace the old ones.
 */
export class AssetRevenueService extends CrudService<AssetRevenue> {
  protected readonly entity = AssetRevenue;
  protected readonly nonColumnInputs = ['distributions'];

  protected async check(
    r: AssetRevenue,
    m: EntityManager,
    before: AssetRevenue | null,
    input: Partial<AssetRevenueFields>,
  ) {
    const errors = new FieldErrors();
    const [asset] = await m.query('SELECT asset_class, status, project_year FROM asset WHERE id = $1', [
      r.assetId,
    ]);
    if (!asset) errors.add('input.assetId', 'REFERENCE_NOT_FOUND', 'no such asset');
    else {
      if (asset.asset_class !== AssetClass.OPERATING)
        errors.add('input.assetId', 'REVENUE_NOT_OPERATING', 'only operating assets earn revenue');
      if (asset.status === AssetStatus.DISPOSED)
        errors.add('input.assetId', 'ASSET_DISPOSED', 'a disposed asset is out of the ledger');
      if (r.year < asset.project_year)
        errors.add('input.year', 'BEFORE_PROJECT_YEAR', `the project is of ${asset.project_year}`);
    }
    checkYearBegun(errors, 'input.year', r.year);
    const shares: { purpose: string; amountYuan: string }[] =
      input.distributions ??
      (await m.query(
        'SELECT purpose, amount_yuan AS "amountYuan" FROM asset_revenue_distribution WHERE revenue_id = $1',
        [r.id],
      ));
    const purposes = shares.map((d: any) => d.purpose);
    if (new Set(purposes).size !== purposes.length)
      errors.add('input.distributions', 'DUPLICATE_PURPOSE', 'each purpose once');
    const sum = shares.reduce((acc: Decimal, d: any) => acc.plus(d.amountYuan), new Decimal(0));
    if (!sum.equals(r.amountYuan))
      errors.add(
        'input.distributions',
        'DISTRIBUTION_MISMATCH',
        `the distribution adds up to ${sum.toFixed(2)}, the revenue is ${new Decimal(r.amountYuan).toFixed(2)}`,
      );
    errors.throwIfAny();
  }

  /** The revenue of a disposed asset is closed history. */
  protected async beforeDelete(r: AssetRevenue, m: EntityManager) {
    const [asset] = await m.query('SELECT status FROM asset WHERE id = $1', [r.assetId]);
    if (asset?.status === AssetStatus.DISPOSED)
      throw new AppError('CONFLICT', 'ASSET_DISPOSED', 'the revenue of a disposed asset is kept');
  }

  protected async afterSave(r: AssetRevenue, m: EntityManager, input: Partial<AssetRevenueFields>) {
    if (!input.distributions) return;
    await m.delete(AssetRevenueDistribution, { revenueId: r.id });
    await m.insert(
      AssetRevenueDistribution,
      input.distributions.map((d) => ({ revenueId: r.id, purpose: d.purpose, amountYuan: d.amountYuan })),
    );
  }
}

/** Distribution rows are written only through their revenue row (so the sum rule holds). */
export class AssetRevenueDistributionService extends CrudService<AssetRevenueDistribution> {
  protected readonly entity = AssetRevenueDistribution;
}

/**
 * 资产处置 with approval (国办函〔2021〕51号: 处置须经审批): a request (one open at a time:
 * DISPOSAL_PENDING) → approval by a district-level user who did not request it
 * (SAME_PERSON; the roles are in the access policy) → the asset is DISPOSED with the proceeds
 * recorded; or rejection. Disposal is the only way out of the ledger.
 */
export class AssetDisposalService extends CrudService<AssetDisposal> {
  protected readonly entity = AssetDisposal;

  constructor(
    db: Database,
    private readonly assets: {
      lockAsset: (m: EntityManager, id: string) => Promise<Asset>;
      reloadAsset: (m: EntityManager, id: number) => Promise<Asset>;
    },
  ) {
    super(db);
  }

  async request(input: RequestAssetDisposalInput): Promise<AssetDisposal> {
    return this.write('write', async (m) => {
      const asset = await this.assets.lockAsset(m, input.assetId);
      if (asset.status === AssetStatus.DISPOSED)
        throw new AppError('CONFLICT', 'ASSET_DISPOSED', 'the asset is already disposed of');
      const [open] = await m.query(
        `SELECT id FROM asset_disposal WHERE asset_id = $1 AND status = 'REQUESTED'`,
        [asset.id],
      );
      if (open)
        throw new AppError(
          'CONFLICT',
          'DISPOSAL_PENDING',
          `disposal request ${open.id} is waiting for a decision`,
        );
      const actor = currentActor();
      const [row] = await m.query(
        `INSERT INTO asset_disposal (asset_id, reason, method, explanation, expected_proceeds_yuan, requested_by_id, requested_by_name, requested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          asset.id,
          input.reason,
          input.method,
          input.explanation,
          input.expectedProceedsYuan,
          actor.id,
          actor.displayName,
          today(),
        ],
      );
      return this.reload(m, row.id);
    });
  }

  private async decide(
    id: string,
    fn: (d: AssetDisposal, m: EntityManager) => Promise<void>,
  ): Promise<AssetDisposal> {
    return this.write('write', async (m) => {
      const d = await this.lock(m, id);
      if (d.status !== DisposalStatus.REQUESTED)
        throw new AppError('CONFLICT', 'DISPOSAL_DECIDED', `the request was already ${d.status}`);
      const actor = currentActor();
      if (actor.role !== Role.ADMIN && actor.role !== Role.DISTRICT_OFFICER)
        throw new AppError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'disposals are decided at district level');
      if (actor.id === d.requestedById)
        throw new AppError('FORBIDDEN', 'SAME_PERSON', 'the requester may not decide the own request');
      await fn(d, m);
      return this.reload(m, d.id);
    });
  }

  /** Approves: the asset becomes DISPOSED with the proceeds; the decision date is not before the request. */
  approve(id: string, input: ApproveAssetDisposalInput): Promise<AssetDisposal> {
    return this.decide(id, async (d, m) => {
      const date = input.date ?? today();
      const errors = new FieldErrors();
      checkHappenedOn(errors, 'input.date', date);
      if (date < d.requestedAt)
        errors.add('input.date', 'BEFORE_PREVIOUS_STEP', `requested on ${d.requestedAt}`);
      errors.throwIfAny();
      const actor = currentActor();
      await m.query(
        `UPDATE asset_disposal SET status = 'APPROVED', decided_by_id = $2, decided_by_name = $3, decided_at = $4,
                approval_document_no = $5, proceeds_yuan = $6, version = version + 1, updated_at = now() WHERE id = $1`,
        [d.id, actor.id, actor.displayName, date, input.approvalDocumentNo, input.proceedsYuan],
      );
      const asset = await this.assets.lockAsset(m, String(d.assetId));
      await m.query(
        `UPDATE asset SET status = 'DISPOSED', status_reason = $2, status_changed_at = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [asset.id, `处置：${input.approvalDocumentNo}`, date],
      );
      await this.assets.reloadAsset(m, asset.id);
    });
  }

  reject(id: string, input: RejectAssetDisposalInput): Promise<AssetDisposal> {
    return this.decide(id, async (d, m) => {
      const actor = currentActor();
      await m.query(
        `UPDATE asset_disposal SET status = 'REJECTED', decided_by_id = $2, decided_by_name = $3, decided_at = $4,
                rejection_reason = $5, version = version + 1, updated_at = now() WHERE id = $1`,
        [d.id, actor.id, actor.displayName, today(), input.reason],
      );
    });
  }
}

/** One row of a ledger view: a group and its counts and sums (yuan). */
export interface LedgerRow {
  key: string | null;
  label: string;
  count: number;
  originalValueYuan: string;
  bookValueYuan: string;
  revenueYuan: string;
}

/**
 * The ledger views (work plan §2.5; 分类台账, 分部门台账, 明细台账, 总账): assets grouped by class,
 * category, status, responsible department, township or village, with counts and sums of original
 * value, book value and revenue (all years, or one `revenueYear`), over the rows the filter selects
 * within the caller's scope. One statement per view.
 */
export class AssetLedgerService {
  constructor(private readonly db: Database) {}

  async view(
    groupBy: string,
    filter: Record<string, any> | null | undefined,
    revenueYear?: number | null,
  ): Promise<LedgerRow[]> {
    // The same groupings as the asset statistics (assetStatistics), with the ledger's sums.
    const g = ASSET_GROUPINGS[groupBy];
    const params = new SqlParams();
    const where = scopedFilterToSql(this.db.dataSource.getMetadata(Asset), 't', filter, params);
    const year = revenueYear ? ` AND r.year = ${params.add(revenueYear)}` : '';
    const rows = await this.db.query(
      `SELECT ${g.expr} AS key, count(*)::int AS n, coalesce(sum(t.original_value_yuan), 0)::text AS original,
              coalesce(sum(t.book_value_yuan), 0)::text AS book,
              coalesce(sum((SELECT sum(r.amount_yuan) FROM asset_revenue r WHERE r.asset_id = t.id${year})), 0)::text AS revenue
         FROM asset t ${g.joins ?? ''} WHERE ${where} GROUP BY 1 ORDER BY 1 NULLS LAST`,
      params.values,
    );
    const labels = await groupLabels(
      this.db,
      g.label,
      rows.map((r: any) => r.key).filter((k: any) => k !== null),
    );
    return rows.map((r: any) => ({
      key: r.key === null ? null : String(r.key),
      label: r.key === null ? '未填' : (labels.get(String(r.key)) ?? String(r.key)),
      count: r.n,
      originalValueYuan: fixedYuan(r.original),
      bookValueYuan: fixedYuan(r.book),
      revenueYuan: fixedYuan(r.revenue),
    }));
  }

  /** 总账 by funding source: the funding rows of the selected assets, summed per source. */
  async byFundingSource(filter: Record<string, any> | null | undefined): Promise<LedgerRow[]> {
    const params = new SqlParams();
    const where = scopedFilterToSql(this.db.dataSource.getMetadata(Asset), 't', filter, params);
    const rows = await this.db.query(
      `SELECT f.source::text AS key, count(DISTINCT t.id)::int AS n, sum(f.amount_yuan)::text AS original
         FROM asset t JOIN asset_funding f ON f.asset_id = t.id WHERE ${where} GROUP BY 1 ORDER BY 1`,
      params.values,
    );
    const labels = enumLabels.get('FundingSource') ?? {};
    return rows.map((r: any) => ({
      key: r.key,
      label: labels[r.key] ?? r.key,
      count: r.n,
      originalValueYuan: fixedYuan(r.original),
      bookValueYuan: '0.00',
      revenueYuan: '0.00',
    }));
  }
}
