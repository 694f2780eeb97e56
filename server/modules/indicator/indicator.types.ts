import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { defineEnum } from '../../common/enums';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import { PlanIndicator } from './indicator.entity';
import { DrillRowKind, IndicatorStatus, MemberDimension } from './indicator.enums';

export enum AreaLevel {
  DISTRICT = 'DISTRICT',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}
defineEnum(AreaLevel, 'AreaLevel', 'Level of an area. 区域层级', {
  DISTRICT: '全区',
  TOWNSHIP: '乡镇',
  VILLAGE: '行政村',
});

/** An area argument: a village, a township, or nothing (the caller's whole area). */
@InputType({
  description:
    'Area of an indicator query: villageId, or townshipId, or neither (the caller’s whole area). Outside the caller’s area: NOT_FOUND. 区域',
})
export class IndicatorAreaInput {
  @Field(() => ID, { nullable: true, description: 'Township. 乡镇' })
  townshipId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Village. 行政村' })
  villageId?: string | null;
}

/** One indicator in one area and month. */
@ObjectType({ description: 'An indicator’s value in one area and month, against its target. 指标值' })
export class IndicatorValue {
  @Field({ description: 'Indicator key (plan-targets.csv). 指标代码' })
  key: string;

  @Field(() => PlanIndicator, { description: 'The catalogue entry. 指标' })
  indicator: PlanIndicator;

  @Field({ description: 'Month, YYYY-MM. 统计期' })
  period: string;

  @Field(() => AreaLevel, { description: 'Level of the area. 区域层级' })
  areaLevel: AreaLevel;

  @Field(() => ID, { nullable: true, description: 'Township (township and village levels). 乡镇' })
  townshipId: string | null;

  @Field(() => ID, { nullable: true, description: 'Village (village level). 行政村' })
  villageId: string | null;

  @Field({ description: 'Name of the area (白银区 for the district). 区域名称' })
  areaName: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Value in the unit (percent rates rounded to 2 decimals; status judges the exact rate); null: no data. 指标值',
  })
  value: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Numerator of a computed indicator (a count for count indicators). 分子',
  })
  numerator: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Denominator of a rate; null for counts and reported figures. 分母',
  })
  denominator: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Target in this area: the catalogue’s, or a township’s own for district totals; null: none set. 目标值',
  })
  target: string | null;

  @Field(() => IndicatorStatus, { description: 'Status (rule: see IndicatorStatus). 达标状态' })
  status: IndicatorStatus;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Value of the previous month, from its month-end snapshot. 上期值',
  })
  previousValue: string | null;

  @Field(() => IndicatorStatus, { nullable: true, description: 'Status of the previous month. 上期状态' })
  previousStatus: IndicatorStatus | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'value − previousValue, in the unit (percentage points for rates); null when either is missing. 环比变化',
  })
  trend: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Reported indicators: the month of the figure used (the latest up to the period). 填报期',
  })
  reportedPeriod: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Reported indicators: the figure’s source document. 数据来源',
  })
  sourceDocument: string | null;

  @Field(() => DateScalar, {
    description: 'Ages and years are counted on this day (the month’s last day). 统计截止日',
  })
  asOf: string;

  @Field({ description: 'Data version the value was computed from (last audit event id). 数据版本' })
  dataVersion: string;

  @Field(() => Date, {
    nullable: true,
    description: 'For a past month: when its snapshot was taken; null: computed now. 快照时间',
  })
  takenAt: Date | null;
}

/** One month of an indicator's history. */
@ObjectType({
  description:
    'An indicator’s value in one month, from that month’s snapshot (the current month: live). 历史值',
})
export class IndicatorPoint {
  @Field({ description: 'Indicator key. 指标代码' })
  key: string;

  @Field({ description: 'Month, YYYY-MM. 统计期' })
  period: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Value in the unit. 指标值' })
  value: string | null;

  @Field(() => IndicatorStatus, { description: 'Status. 达标状态' })
  status: IndicatorStatus;

  @Field(() => Date, {
    nullable: true,
    description: 'When the snapshot was taken; null for the live current month. 快照时间',
  })
  takenAt: Date | null;
}

/** One row behind a value's shortfall. */
@ObjectType({ description: 'A row behind an indicator’s shortfall (e.g. a child out of school). 指标明细' })
export class IndicatorDrillRow {
  @Field(() => DrillRowKind, { description: 'Kind of row. 类型' })
  kind: DrillRowKind;

  @Field(() => ID, { description: 'ID of the member, household or village. ID' })
  id: string;

  @Field({ description: 'Member name, household number or village name. 名称' })
  name: string;

  @Field(() => ID, { nullable: true, description: 'Household (members and households). 户' })
  householdId: string | null;

  @Field(() => String, { nullable: true, description: 'Household number. 户编号' })
  householdNumber: string | null;

  @Field(() => ID, { description: 'Village. 行政村' })
  villageId: string;

  @Field({ description: 'Village name. 行政村' })
  villageName: string;

  @Field({ description: 'Township name. 乡镇' })
  townshipName: string;

  @Field({ description: 'Why it counts: age and school status, housing grade, income of the year. 说明' })
  detail: string;
}

@ObjectType({ description: 'A page of drill-down rows. 指标明细分页' })
export class IndicatorDrillPage {
  @Field(() => [IndicatorDrillRow], { description: 'Rows, ordered by township, village, household. 明细' })
  nodes: IndicatorDrillRow[];

  @Field(() => Int, { description: 'All rows behind the shortfall in the area. 总数' })
  totalCount: number;
}

@ObjectType({ description: 'One key of a member-statistics cell. 统计维度取值' })
export class MemberStatisticsKey {
  @Field(() => MemberDimension, { description: 'Dimension. 维度' })
  dimension: MemberDimension;

  @Field({
    description:
      'Value: enum value, age band (0-5, 6-15, 16-59, 60+), true/false, NONE/1–4 or a township ID. 取值',
  })
  key: string;

  @Field({ description: 'Chinese label. 名称' })
  label: string;
}

@ObjectType({
  description:
    'One cell of member statistics: a count of people, or null when suppressed (0 < count < the small-cell minimum, for roles that see personal data masked and API keys). 人口统计单元',
})
export class MemberStatisticsRow {
  @Field(() => [MemberStatisticsKey], { description: 'The cell’s key per dimension, in groupBy order. 维度' })
  keys: MemberStatisticsKey[];

  @Field(() => Int, { nullable: true, description: 'People; null when suppressed. 人数' })
  count: number | null;

  @Field({ description: 'The count is suppressed (a small cell, or its complement). 已抑制' })
  suppressed: boolean;
}

@ObjectType({
  description: 'Member statistics: counts only, small cells suppressed for masked callers. 人口统计',
})
export class MemberStatistics {
  @Field(() => [MemberStatisticsRow], { description: 'Cells. 单元' })
  rows: MemberStatisticsRow[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Cells below this count were suppressed (SMALL_CELL_MIN, default 5); null: nothing suppressed for this caller. 小单元阈值',
  })
  smallCellMin: number | null;

  @Field(() => DateScalar, { description: 'Ages are counted on this day. 年龄计算日' })
  asOf: string;
}
