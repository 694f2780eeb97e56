import { currentActor } from '../../auth/actor';
import { appendAudit } from '../../auth/audit';
import { logger } from '../../common/logger';
import type { Database } from '../../database/database';
import { IndicatorSnapshot } from './indicator-snapshot.entity';
import { IndicatorGroupBy, IndicatorStatus, SnapshotKind } from './indicator.enums';
import { AreaUnit, evaluate } from './indicator-evaluate';
import { readFigures, dataVersion } from './indicator-figures';
import { currentPeriod, previousPeriod } from './indicator-period';
import type { IndicatorService } from './indicator.service';
import { figureKey, DISTRICT_NAME } from './indicator.service';
import { AreaLevel, IndicatorPoint } from './indicator.types';

export interface SnapshotFigure {
  value: string | null;
  numerator: number | null;
  denominator: number | null;
  target: string | null;
  status: IndicatorStatus;
}

const HOUR = 3600_000;

/**
 * Monthly immutable snapshots: every indicator in the district, each township and each village. A
 * month's MONTH_END snapshot is taken by the server's job once the month is over, or when the month
 * is first asked for, whichever comes first; ON_DEMAND ones whenever a district user asks.
 */
export class IndicatorSnapshotService {
  indicators!: IndicatorService;
  private timer: NodeJS.Timeout | null = null;
  private readonly pending = new Map<string, Promise<IndicatorSnapshot>>();

  constructor(private readonly db: Database) {}

  private repo() {
    return this.db.dataSource.getRepository(IndicatorSnapshot);
  }

  /** Computes every indicator in every area of the district for `period` and stores it. */
  async take(period: string, kind: SnapshotKind, takenBy: string): Promise<IndicatorSnapshot> {
    const version = await dataVersion(this.db);
    const figures = await readFigures(this.db, { level: 'DISTRICT' }, period, version);
    const inputs = await this.indicators.inputs(period);
    const units: AreaUnit[] = [
      { level: AreaLevel.DISTRICT, townshipId: null, villageId: null, name: DISTRICT_NAME },
      ...(await this.indicators.unitsOf({ level: 'DISTRICT' }, IndicatorGroupBy.TOWNSHIP)),
      ...(await this.indicators.unitsOf({ level: 'DISTRICT' }, IndicatorGroupBy.VILLAGE)),
    ];
    const rows = evaluate(figures, inputs, units);
    return this.db.transaction(async (m) => {
      const [snap] = await m.query(
        `INSERT INTO indicator_snapshot (period, kind, data_version, taken_by, figures) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (period) WHERE kind = 'MONTH_END' DO NOTHING RETURNING id`,
        [period, kind, version, takenBy, rows.length],
      );
      if (!snap) return (await this.repo().findOne({ where: { period, kind: SnapshotKind.MONTH_END } }))!;
      const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
      await m.query(
        `INSERT INTO indicator_snapshot_value (snapshot_id, indicator_key, township_id, village_id, numerator, denominator, value, target, status)
         SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[], $5::bigint[], $6::bigint[], $7::numeric[], $8::numeric[], $9::text[]::indicator_status[])`,
        [
          snap.id,
          col((r) => r.key),
          col((r) => r.unit.townshipId),
          col((r) => r.unit.villageId),
          col((r) => r.numerator),
          col((r) => r.denominator),
          col((r) => r.value),
          col((r) => r.target),
          col((r) => r.status),
        ],
      );
      if (kind === SnapshotKind.ON_DEMAND)
        await appendAudit(m, {
          operation: 'takeIndicatorSnapshot',
          entity: 'IndicatorSnapshot',
          entityId: snap.id,
          after: { period, kind },
        });
      return (await m.getRepository(IndicatorSnapshot).findOneBy({ id: snap.id }))!;
    });
  }

  /** The month-end snapshot of a past month, taken now if it does not exist yet (one at a time per month). */
  async ensureMonthEnd(period: string): Promise<IndicatorSnapshot> {
    const existing = await this.repo().findOne({ where: { period, kind: SnapshotKind.MONTH_END } });
    if (existing) return existing;
    let p = this.pending.get(period);
    if (!p) {
      p = this.take(period, SnapshotKind.MONTH_END, '系统 (月末快照)').finally(() =>
        this.pending.delete(period),
      );
      this.pending.set(period, p);
    }
    return p;
  }

  /** An on-demand snapshot of the current month (takeIndicatorSnapshot), audited. */
  takeNow(): Promise<IndicatorSnapshot> {
    return this.take(currentPeriod(), SnapshotKind.ON_DEMAND, currentActor().displayName);
  }

  list(period?: string | null): Promise<IndicatorSnapshot[]> {
    return this.repo().find({ where: period ? { period } : {}, order: { id: 'DESC' }, take: 100 });
  }

  /** The figures of a snapshot for some units, by figureKey. */
  async figures(snapshotId: number, units: AreaUnit[]): Promise<Map<string, SnapshotFigure>> {
    const level = units[0]?.level;
    const ids = units.map((u) => (level === AreaLevel.VILLAGE ? u.villageId : u.townshipId));
    const where =
      level === AreaLevel.DISTRICT
        ? 'township_id IS NULL'
        : level === AreaLevel.TOWNSHIP
          ? 'village_id IS NULL AND township_id = ANY($2::int[])'
          : 'village_id = ANY($2::int[])';
    const rows = await this.db.query(
      `SELECT indicator_key, township_id, village_id, numerator::int, denominator::int, value::text, target::text, status
         FROM indicator_snapshot_value WHERE snapshot_id = $1 AND ${where}`,
      level === AreaLevel.DISTRICT ? [snapshotId] : [snapshotId, ids],
    );
    return new Map(
      rows.map((r: any) => [
        figureKey(r.indicator_key, { townshipId: r.township_id, villageId: r.village_id }),
        {
          value: r.value,
          numerator: r.numerator,
          denominator: r.denominator,
          target: r.target,
          status: r.status,
        },
      ]),
    );
  }

  /** One area's points from `from` to the previous month: per month its month-end snapshot, else its latest. */
  async history(from: string, unit: AreaUnit): Promise<IndicatorPoint[]> {
    const params: unknown[] = [from, currentPeriod()];
    let where = 'v.township_id IS NULL';
    if (unit.level === AreaLevel.TOWNSHIP) {
      params.push(unit.townshipId);
      where = 'v.village_id IS NULL AND v.township_id = $3';
    } else if (unit.level === AreaLevel.VILLAGE) {
      params.push(unit.villageId);
      where = 'v.village_id = $3';
    }
    const rows = await this.db.query(
      `WITH s AS (SELECT DISTINCT ON (period) id, period, taken_at FROM indicator_snapshot
                   WHERE period >= $1 AND period < $2 ORDER BY period, (kind = 'MONTH_END') DESC, id DESC)
       SELECT v.indicator_key, s.period, v.value::text, v.status, s.taken_at
         FROM s JOIN indicator_snapshot_value v ON v.snapshot_id = s.id WHERE ${where} ORDER BY s.period, v.indicator_key`,
      params,
    );
    return rows.map((r: any) => ({
      key: r.indicator_key,
      period: r.period,
      value: r.value,
      status: r.status,
      takenAt: r.taken_at,
    }));
  }

  /** The month-end job: after each month ends, its snapshot (checked at start and hourly). */
  startMonthEndJob(): void {
    const tick = () =>
      this.ensureMonthEnd(previousPeriod(currentPeriod())).catch((err) =>
        logger.error({ err }, 'month-end indicator snapshot failed'),
      );
    void tick();
    this.timer = setInterval(tick, HOUR);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
