import { Field, Int, ObjectType } from 'type-graphql';
import { defineEnum } from '../../common/enums';
import { DecimalScalar } from '../../common/scalars';

/** One group of an aggregate: its key, a readable (Chinese) label, the row count and a money sum. */
@ObjectType({ description: 'One group of a statistics query. 统计分组' })
export class StatisticsRow {
  @Field(() => String, {
    nullable: true,
    description:
      'Group key: an ID (township, village, department), an enum value or a year; null for rows without one',
  })
  key: string | null;

  @Field({
    description: 'Label of the key: name, Chinese enum label or year; 未填 for rows without one. 名称',
  })
  label: string;

  @Field(() => Int, { description: 'Rows in the group. 数量' })
  count: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Sum of the subject’s money field in yuan (measures: amountYuan; assets: originalValueYuan); null for households. 金额合计(元)',
  })
  sumYuan: string | null;
}

export enum HouseholdGroupBy {
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
  HOUSEHOLD_TYPE = 'HOUSEHOLD_TYPE',
  RELOCATION_SITE = 'RELOCATION_SITE',
}
defineEnum(HouseholdGroupBy, 'HouseholdGroupBy', 'Grouping of household statistics. 农户统计分组', {
  TOWNSHIP: '按乡镇',
  VILLAGE: '按行政村',
  HOUSEHOLD_TYPE: '按农户类型',
  RELOCATION_SITE: '按安置点',
});

export enum MeasureGroupBy {
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
  TYPE = 'TYPE',
  STATUS = 'STATUS',
  DEPARTMENT = 'DEPARTMENT',
  YEAR = 'YEAR',
}
defineEnum(
  MeasureGroupBy,
  'MeasureGroupBy',
  'Grouping of measure statistics (YEAR: of the start date). 帮扶措施统计分组',
  {
    TOWNSHIP: '按乡镇',
    VILLAGE: '按行政村',
    TYPE: '按措施类型',
    STATUS: '按状态',
    DEPARTMENT: '按责任单位',
    YEAR: '按开始年度',
  },
);

export enum AssetGroupBy {
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
  ASSET_CLASS = 'ASSET_CLASS',
  CATEGORY = 'CATEGORY',
  STATUS = 'STATUS',
  DEPARTMENT = 'DEPARTMENT',
  YEAR = 'YEAR',
}
defineEnum(AssetGroupBy, 'AssetGroupBy', 'Grouping of asset statistics (YEAR: project year). 资产统计分组', {
  TOWNSHIP: '按乡镇',
  VILLAGE: '按行政村',
  ASSET_CLASS: '按资产类别',
  CATEGORY: '按资产类型',
  STATUS: '按资产状态',
  DEPARTMENT: '按主管部门',
  YEAR: '按项目年度',
});
