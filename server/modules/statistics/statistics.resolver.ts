import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import { AssetFilter } from '../asset/asset.inputs';
import { AssistanceMeasureFilter } from '../assistance-measure/assistance-measure.inputs';
import { HouseholdFilter } from '../household/household.inputs';
import { AssetGroupBy, HouseholdGroupBy, MeasureGroupBy, StatisticsRow } from './statistics.types';

type Filter = Record<string, any> | null;

const INCLUDE_EMPTY =
  'Also list the groups nothing was counted in (count 0, sumYuan "0.00"): every enum value, every ' +
  'township / village / site / department the caller may read, every year between the first and the ' +
  'last counted. Default false: only groups with rows. 包含零值分组';

@Resolver()
export class StatisticsResolver {
  @Query(() => [StatisticsRow], {
    description: 'Households counted by a grouping, over the households a filter selects. 农户统计',
  })
  householdStatistics(
    @Arg('groupBy', () => HouseholdGroupBy, { description: 'Grouping' }) groupBy: HouseholdGroupBy,
    @Arg('filter', () => HouseholdFilter, { nullable: true, description: 'Households to count' })
    filter: Filter,
    @Arg('includeEmpty', () => Boolean, { defaultValue: false, description: INCLUDE_EMPTY })
    includeEmpty: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.statistics.aggregate('household', groupBy, filter, includeEmpty);
  }

  @Query(() => [StatisticsRow], {
    description: 'Assistance measures counted and their amounts summed (yuan) by a grouping. 帮扶措施统计',
  })
  assistanceMeasureStatistics(
    @Arg('groupBy', () => MeasureGroupBy, { description: 'Grouping' }) groupBy: MeasureGroupBy,
    @Arg('filter', () => AssistanceMeasureFilter, { nullable: true, description: 'Measures to count' })
    filter: Filter,
    @Arg('includeEmpty', () => Boolean, { defaultValue: false, description: INCLUDE_EMPTY })
    includeEmpty: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.statistics.aggregate('measure', groupBy, filter, includeEmpty);
  }

  @Query(() => [StatisticsRow], {
    description: 'Assets counted and their original values summed (yuan) by a grouping. 扶贫项目资产统计',
  })
  assetStatistics(
    @Arg('groupBy', () => AssetGroupBy, { description: 'Grouping' }) groupBy: AssetGroupBy,
    @Arg('filter', () => AssetFilter, { nullable: true, description: 'Assets to count' }) filter: Filter,
    @Arg('includeEmpty', () => Boolean, { defaultValue: false, description: INCLUDE_EMPTY })
    includeEmpty: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.statistics.aggregate('asset', groupBy, filter, includeEmpty);
  }
}
