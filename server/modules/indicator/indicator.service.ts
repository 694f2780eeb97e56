import { Area, currentActor } from '../../auth/actor';
import { AppError, notFound } from '../../common/errors';
import { SqlParams } from '../../common/listing/sql-builder';
import type { Database } from '../../database/database';
import { PlanIndicator } from './indicator.entity';
import { IndicatorGroupBy, IndicatorStatus } from './indicator.enums';
import { AreaUnit, evaluate, Evaluated, EvaluationInputs, ReportedFigure } from './indicator-evaluate';
import { areaCondition, FiguresCache, rowId } from './indicator-figures';
import { fromCents, toCents } from './indicator-math';
import {
  checkPeriod,
  currentPeriod,
  FIRST_PERIOD,
  lastPeriods,
  periodEnd,
  previousPeriod,
} from './indicator-period';
import type { IndicatorSnapshotService, SnapshotFigure } from './indicator-snapshot.service';
import { AreaLevel, IndicatorAreaInput, IndicatorPoint, IndicatorValue } from './indicator.types';

export const DISTRICT_NAME = '白银区';

/**
 * planIndicators, indicatorBreakdown and indicatorHistory: the current month computed from the
 * register (cached until the next write), past months from their month-end snapshots.
 */
export class IndicatorService {
  readonly figures: FiguresCache;

  constructor(
    private readonly db: Database,
    private readonly snapshots: IndicatorSnapshotService,
  ) {
    this.figures = new FiguresCache(db);
  }

  catalogue(): Promise<PlanIndicator[]> {
    return this.db.dataSource.getRepository(PlanIndicator).find({ order: { id: 'ASC' } });
  }

  async indicatorByKey(key: string): Promise<PlanIndicator> {
    const i = await this.db.dataSource.getRepository(PlanIndicator).findOne({ where: { key } });
    if (!i) throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `no indicator ${key}`);
    return i;
  }

  /**
   * The area asked for, within the caller's: a village or township outside it is NOT_FOUND
   * (indistinguishable from an absent one); no argument → the caller's whole area.
   */
  async resolveArea(input: IndicatorAreaInput | null | undefined): Promise<{ area: Area; unit: AreaUnit }> {
    const actor = currentActor();
    const p = new SqlParams();
    if (input?.villageId) {
      const [v] = await this.db.query(
        `SELECT v.id, v.township_id, v.name FROM village v WHERE v.id = ${p.add(rowId(input.villageId))}
           AND ${areaCondition('village', 'v', actor.area, p)}`,
        p.values,
      );
      if (!v) throw notFound('Village', input.villageId);
      return {
        area: { level: 'VILLAGE', townshipId: v.township_id, villageId: v.id },
        unit: { level: AreaLevel.VILLAGE, townshipId: v.township_id, villageId: v.id, name: v.name },
      };
    }
    const townshipId = input?.townshipId
      ? rowId(input.townshipId)
      : actor.area.level === 'DISTRICT'
        ? null
        : actor.area.townshipId;
    if (actor.area.level === 'VILLAGE' && !input?.townshipId)
      return this.resolveArea({ villageId: String(actor.area.villageId) });
    if (townshipId === null)
      return {
        area: { level: 'DISTRICT' },
        unit: { level: AreaLevel.DISTRICT, townshipId: null, villageId: null, name: DISTRICT_NAME },
      };
    const [t] = await this.db.query(
      `SELECT t.id, t.name FROM township t WHERE t.id = ${p.add(townshipId)} AND ${areaCondition('township', 't', actor.area, p)}`,
      p.values,
    );
    // A village cadre may not widen its area to the township.
    if (!t || actor.area.level === 'VILLAGE') throw notFound('Township', townshipId);
    return {
      area: { level: 'TOWNSHIP', townshipId: t.id },
      unit: { level: AreaLevel.TOWNSHIP, townshipId: t.id, villageId: null, name: t.name },
    };
  }

  /** Catalogue, township targets and the latest reported figures up to `period`, for evaluation. */
  async inputs(period: string): Promise<EvaluationInputs> {
    const indicators = await this.catalogue();
    const targets = await this.db.query(
      'SELECT indicator_id, township_id, target::text AS target FROM plan_indicator_target',
    );
    const reports = await this.db.query(
      `SELECT DISTINCT ON (indicator_id, township_id) indicator_id, township_id, period, value::text AS value, source_document
         FROM indicator_report WHERE period <= $1 ORDER BY indicator_id, township_id, period DESC`,
      [period],
    );
    return {
      indicators,
      townshipTargets: new Map(targets.map((t: any) => [`${t.indicator_id}:${t.township_id}`, t.target])),
      reports: new Map<string, ReportedFigure>(
        reports.map((r: any) => [
          `${r.indicator_id}:${r.township_id ?? 'D'}`,
          { value: r.value, period: r.period, sourceDocument: r.source_document },
        ]),
      ),
    };
  }

  /** Units of a breakdown within an area: its townships, or its villages. */
  async unitsOf(area: Area, groupBy: IndicatorGroupBy): Promise<AreaUnit[]> {
    const p = new SqlParams();
    if (groupBy === IndicatorGroupBy.TOWNSHIP && area.level !== 'VILLAGE') {
      const rows = await this.db.query(
        `SELECT t.id, t.name FROM township t WHERE ${areaCondition('township', 't', area, p)} ORDER BY t.code`,
        p.values,
      );
      return rows.map((t: any) => ({
        level: AreaLevel.TOWNSHIP,
        townshipId: t.id,
        villageId: null,
        name: t.name,
      }));
    }
    const rows = await this.db.query(
      `SELECT v.id, v.township_id, v.name FROM village v WHERE ${areaCondition('village', 'v', area, p)} ORDER BY v.code`,
      p.values,
    );
    return rows.map((v: any) => ({
      level: AreaLevel.VILLAGE,
      townshipId: v.township_id,
      villageId: v.id,
      name: v.name,
    }));
  }

  /** Every indicator in `units` for `period`: live for the current month, else from its snapshot. */
  private async values(area: Area, units: AreaUnit[], period: string): Promise<IndicatorValue[]> {
    const live = period === currentPeriod();
    let rows: (Evaluated & { dataVersion: string; takenAt: Date | null })[];
    if (live) {
      const [figures, inputs] = await Promise.all([this.figures.get(area, period), this.inputs(period)]);
      rows = evaluate(figures, inputs, units).map((e) => ({
        ...e,
        dataVersion: figures.dataVersion,
        takenAt: null,
      }));
    } else {
      const snap = await this.snapshots.ensureMonthEnd(period);
      const indicators = await this.catalogue();
      const figures = await this.snapshots.figures(snap.id, units);
      rows = indicators.flatMap((indicator) =>
        units.map((unit) => {
          const f = figures.get(figureKey(indicator.key, unit));
          return {
            key: indicator.key,
            indicator,
            unit,
            value: f?.value ?? null,
            numerator: f?.numerator ?? null,
            denominator: f?.denominator ?? null,
            target: f?.target ?? null,
            status: f?.status ?? IndicatorStatus.NO_DATA,
            reportedPeriod: null,
            sourceDocument: null,
            dataVersion: snap.dataVersion,
            takenAt: snap.takenAt,
          };
        }),
      );
    }
    const previous = period > FIRST_PERIOD ? previousPeriod(period) : null;
    const before = previous
      ? await this.snapshots.figures((await this.snapshots.ensureMonthEnd(previous)).id, units)
      : new Map<string, SnapshotFigure>();
    return rows.map((e) => {
      const p = before.get(figureKey(e.key, e.unit));
      const prev = p?.value ?? null;
      return {
        key: e.key,
        indicator: e.indicator,
        period,
        areaLevel: e.unit.level,
        townshipId: e.unit.townshipId === null ? null : String(e.unit.townshipId),
        villageId: e.unit.villageId === null ? null : String(e.unit.villageId),
        areaName: e.unit.name,
        value: e.value,
        numerator: e.numerator,
        denominator: e.denominator,
        target: e.target,
        status: e.status,
        previousValue: prev,
        previousStatus: p?.status ?? null,
        trend: prev !== null && e.value !== null ? fromCents(toCents(e.value) - toCents(prev)) : null,
        reportedPeriod: e.reportedPeriod,
        sourceDocument: e.sourceDocument,
        asOf: periodEnd(period),
        dataVersion: e.dataVersion,
        takenAt: e.takenAt,
      };
    });
  }

  async planIndicators(period?: string | null, input?: IndicatorAreaInput | null): Promise<IndicatorValue[]> {
    const p = checkPeriod(period);
    const { area, unit } = await this.resolveArea(input);
    return this.values(area, [unit], p);
  }

  async breakdown(
    key: string,
    period: string | null | undefined,
    groupBy: IndicatorGroupBy,
    input?: IndicatorAreaInput | null,
  ): Promise<IndicatorValue[]> {
    const p = checkPeriod(period);
    await this.indicatorByKey(key);
    const { area } = await this.resolveArea(input);
    const all = await this.values(area, await this.unitsOf(area, groupBy), p);
    return all.filter((v) => v.key === key);
  }

  /** The last `months` months (≤ 24) of every indicator in an area: snapshots, and the current month live. */
  async history(input: IndicatorAreaInput | null | undefined, months: number): Promise<IndicatorPoint[]> {
    if (!Number.isInteger(months) || months < 1 || months > 24)
      throw new AppError('BAD_USER_INPUT', 'MONTHS_OUT_OF_RANGE', 'months: 1–24', [
        { field: 'months', reason: 'MONTHS_OUT_OF_RANGE', message: '1–24' },
      ]);
    const { area, unit } = await this.resolveArea(input);
    const periods = lastPeriods(currentPeriod(), months);
    const past = await this.snapshots.history(periods[0], unit);
    const current = await this.values(area, [unit], currentPeriod());
    return [
      ...past,
      ...current.map((v) => ({
        key: v.key,
        period: v.period,
        value: v.value,
        status: v.status,
        takenAt: null,
      })),
    ];
  }
}

/** Key of one indicator in one unit, to match snapshot figures. */
export function figureKey(
  key: string,
  unit: { townshipId: number | null; villageId: number | null },
): string {
  return `${key}:${unit.townshipId ?? ''}:${unit.villageId ?? ''}`;
}
