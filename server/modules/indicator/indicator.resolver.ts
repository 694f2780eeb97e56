import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import { DecimalScalar } from '../../common/scalars';
import { IndicatorSnapshot } from './indicator-snapshot.entity';
import { IndicatorReport, PlanIndicator } from './indicator.entity';
import { IndicatorGroupBy, MemberDimension } from './indicator.enums';
import { ReportIndicatorValueInput, UpdatePlanIndicatorInput } from './indicator.inputs';
import {
  IndicatorAreaInput,
  IndicatorDrillPage,
  IndicatorPoint,
  IndicatorValue,
  MemberStatistics,
} from './indicator.types';

const PERIOD = {
  nullable: true,
  description:
    'Month YYYY-MM from 2021-01 to the current month (China Standard Time); default the current month. 统计期',
};
const AREA = { nullable: true, description: 'Area; default the caller’s whole area. 区域' };

@Resolver()
export class IndicatorResolver {
  @Query(() => [PlanIndicator], {
    description: 'The indicator catalogue: every target of the work plan. 指标目录',
  })
  indicatorCatalogue(@Ctx() ctx: Context) {
    return ctx.services.indicator.catalogue();
  }

  @Query(() => [IndicatorValue], {
    description:
      'Every indicator of the plan in one area and month: value, numerator, denominator, target, status and the trend against the previous month’s snapshot. The current month is computed from the register; a past month comes from its month-end snapshot (taken when first asked for if the job has not). 规划指标',
  })
  planIndicators(
    @Arg('period', () => String, PERIOD) period: string | null,
    @Arg('area', () => IndicatorAreaInput, AREA) area: IndicatorAreaInput | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.indicator.planIndicators(period, area);
  }

  @Query(() => [IndicatorValue], {
    description:
      'One indicator per township or village of the area (NOT_FOUND INDICATOR_NOT_FOUND for an unknown key). 指标分解',
  })
  indicatorBreakdown(
    @Arg('key', { description: 'Indicator key. 指标代码' }) key: string,
    @Arg('groupBy', () => IndicatorGroupBy, { description: 'Township or village. 分解方式' })
    groupBy: IndicatorGroupBy,
    @Arg('period', () => String, PERIOD) period: string | null,
    @Arg('area', () => IndicatorAreaInput, AREA) area: IndicatorAreaInput | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.indicator.breakdown(key, period, groupBy, area);
  }

  @Query(() => [IndicatorPoint], {
    description:
      'Every indicator’s last `months` months in an area, from the snapshots, plus the current month live (sparklines). 指标历史',
  })
  indicatorHistory(
    @Arg('area', () => IndicatorAreaInput, AREA) area: IndicatorAreaInput | null,
    @Arg('months', () => Int, { defaultValue: 12, description: 'Months, 1–24 (MONTHS_OUT_OF_RANGE). 月数' })
    months: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.indicator.history(area, months);
  }

  @Query(() => IndicatorDrillPage, {
    description:
      'The rows behind a computed value’s shortfall in the area (children out of school, the uninsured, unsafe houses, villages below the income line or without a row, relocated households). Area roles only. BAD_USER_INPUT INDICATOR_NOT_DRILLABLE for reported indicators. 指标明细',
  })
  indicatorDrillDown(
    @Arg('key', { description: 'Indicator key. 指标代码' }) key: string,
    @Arg('period', () => String, PERIOD) period: string | null,
    @Arg('area', () => IndicatorAreaInput, AREA) area: IndicatorAreaInput | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1–500. 每页条数' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Rows to skip. 跳过条数' }) offset: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.indicatorDrill.drill(key, period, area, first, offset);
  }

  @Query(() => MemberStatistics, {
    description:
      'People counted by one or two dimensions (age bands computed on the server from the stored birth date). Counts only; for department officers and API keys cells of 1 to SMALL_CELL_MIN − 1 people (default 5) are suppressed, and one more cell when a single one would be. 人口统计',
  })
  memberStatistics(
    @Arg('groupBy', () => [MemberDimension], { description: 'One or two dimensions (GROUP_BY_COUNT). 维度' })
    groupBy: MemberDimension[],
    @Arg('area', () => IndicatorAreaInput, AREA) area: IndicatorAreaInput | null,
    @Arg('includeEmpty', { defaultValue: false, description: 'Include groups of 0 people. 含零值分组' })
    includeEmpty: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.memberStatistics.statistics(groupBy, area, includeEmpty);
  }

  @Query(() => [IndicatorReport], {
    description:
      'Reported figures, newest first (at most 500); a township-limited caller sees its township’s. 指标填报记录',
  })
  indicatorReports(
    @Arg('key', () => String, { nullable: true, description: 'Indicator key. 指标代码' }) key: string | null,
    @Arg('period', () => String, { nullable: true, description: 'Month YYYY-MM. 填报期' })
    period: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.indicatorReport.list(key, period);
  }

  @Query(() => [IndicatorSnapshot], { description: 'Snapshots taken, newest first (at most 100). 指标快照' })
  indicatorSnapshots(
    @Arg('period', () => String, { nullable: true, description: 'Month YYYY-MM. 统计期' })
    period: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.indicatorSnapshot.list(period);
  }

  @Mutation(() => IndicatorReport, {
    description:
      'Enters a REPORTED indicator’s figure for a month with its source document (the owning department; district users for any). Audited. Errors: INDICATOR_NOT_REPORTED, VALUE_OUT_OF_RANGE, TOO_MANY_DECIMALS, PERIOD_IN_FUTURE, FORBIDDEN NOT_OWNING_DEPARTMENT, CONFLICT INDICATOR_VALUE_EXISTS (send expectedVersion to correct), STALE_VERSION. 填报指标值',
  })
  reportIndicatorValue(
    @Arg('input', () => ReportIndicatorValueInput, { description: 'The figure. 填报内容' })
    input: ReportIndicatorValueInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'Version of the entry being corrected. 版本号',
    })
    expectedVersion: number | null | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.indicatorReport.report(input, expectedVersion);
  }

  @Mutation(() => PlanIndicator, {
    description: 'Changes a catalogue entry (district users). Audited. 修改指标',
  })
  updatePlanIndicator(
    @Arg('key', { description: 'Indicator key. 指标代码' }) key: string,
    @Arg('input', () => UpdatePlanIndicatorInput, { description: 'Fields to change. 修改内容' })
    input: UpdatePlanIndicatorInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Version read. 版本号' })
    expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.indicatorReport.update(key, input, expectedVersion);
  }

  @Mutation(() => PlanIndicator, {
    description:
      'Sets a township’s own target of a district-total indicator (null removes it). Audited. 设置乡镇目标',
  })
  setIndicatorTownshipTarget(
    @Arg('key', { description: 'Indicator key. 指标代码' }) key: string,
    @Arg('townshipId', () => ID, { description: 'Township. 乡镇' }) townshipId: string,
    @Arg('target', () => DecimalScalar, {
      nullable: true,
      description: 'Target in the unit; null removes it. 目标值',
    })
    target: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.indicatorReport.setTownshipTarget(key, townshipId, target);
  }

  @Mutation(() => IndicatorSnapshot, {
    description: 'Takes an ON_DEMAND snapshot of the current month (district users). Audited. 生成指标快照',
  })
  takeIndicatorSnapshot(@Ctx() ctx: Context) {
    return ctx.services.indicatorSnapshot.takeNow();
  }
}
