import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import { readScope } from '../../auth/scope';
import { defineEnum, enumLabels } from '../../common/enums';
import { SqlParams } from '../../common/listing/sql-builder';
import type { Database } from '../../database/database';
import { MonitoringCategory, MonitoringStatus, RiskType } from '../monitoring/monitoring.enums';
import { StatisticsRow } from '../statistics/statistics.types';

export enum MonitoringCaseGroupBy {
  RISK_TYPE = 'RISK_TYPE',
  CATEGORY = 'CATEGORY',
}
defineEnum(
  MonitoringCaseGroupBy,
  'MonitoringCaseGroupBy',
  'Grouping of monitoring-case statistics. 监测对象统计口径',
  {
    RISK_TYPE: '按风险类型（一户多个风险类型时各计一次）',
    CATEGORY: '按监测对象类别',
  },
);

/** Monitoring cases by risk type or category (issue #16), within the caller's area. */
export class CaseStatisticsService {
  constructor(private readonly db: Database) {}

  async byGroup(
    groupBy: MonitoringCaseGroupBy,
    statuses: MonitoringStatus[] | null,
  ): Promise<StatisticsRow[]> {
    const params = new SqlParams();
    const where = [readScope('monitoring_case', 'c', params)];
    if (statuses?.length) where.push(`c.status = ANY(${params.add(statuses)}::text[]::monitoring_status[])`);
    const clause = where.filter(Boolean).join(' AND ');
    const key = groupBy === MonitoringCaseGroupBy.RISK_TYPE ? 'r.key' : 'c.category::text';
    const from =
      groupBy === MonitoringCaseGroupBy.RISK_TYPE
        ? 'monitoring_case c CROSS JOIN LATERAL unnest(c.risk_types) AS r(key)'
        : 'monitoring_case c';
    const rows: { key: string | null; n: number }[] = await this.db.query(
      `SELECT ${key} AS key, count(*)::int AS n FROM ${from} ${clause ? `WHERE ${clause}` : ''} GROUP BY 1`,
      params.values,
    );
    const values: string[] = Object.values(
      groupBy === MonitoringCaseGroupBy.RISK_TYPE ? RiskType : MonitoringCategory,
    );
    const labels =
      enumLabels.get(groupBy === MonitoringCaseGroupBy.RISK_TYPE ? 'RiskType' : 'MonitoringCategory') ?? {};
    const counts = new Map(rows.map((r) => [r.key, r.n]));
    const out: StatisticsRow[] = values.map((v) => ({
      key: v,
      label: labels[v] ?? v,
      count: counts.get(v) ?? 0,
      sumYuan: null,
    }));
    if (counts.has(null)) out.push({ key: null, label: '未填', count: counts.get(null)!, sumYuan: null });
    return out;
  }
}

@Resolver()
export class CaseStatisticsResolver {
  @Query(() => [StatisticsRow], {
    description:
      'Monitoring cases by risk type (a case with several risk types counts once in each) or by category, every ' +
      'value listed (zero counts too; cases without a category yet as 未填), within the caller’s area. 监测对象统计',
  })
  monitoringCaseStatistics(
    @Ctx() ctx: Context,
    @Arg('groupBy', () => MonitoringCaseGroupBy, { description: 'Grouping. 统计口径' })
    groupBy: MonitoringCaseGroupBy,
    @Arg('statuses', () => [MonitoringStatus], {
      nullable: true,
      description: 'Only cases at these steps. 识别状态',
    })
    statuses?: MonitoringStatus[] | null,
  ) {
    return ctx.services.caseStatistics.byGroup(groupBy, statuses ?? null);
  }
}
