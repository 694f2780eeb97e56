import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Max, Min } from 'class-validator';
import { Connection } from '../../common/listing/connection';
import { DecimalFilter, IDFilter, IntFilter } from '../../common/listing/filters';
import { filterType, listArgsType, orderType } from '../../common/listing/inputs-factory';
import { DecimalScalar } from '../../common/scalars';
import { IsMoney } from '../../common/validation/money';
import { updateInputOf } from '../../common/validation/update-input';
import { HouseholdFilter } from '../household/household.inputs';
import { HouseholdIncome, MonitoringThreshold } from './household-income.entity';

@InputType({
  description: 'A household’s income and spending of one year; omitted amounts are 0. 家庭年度收支',
})
export class CreateHouseholdIncomeInput {
  @Field(() => ID, { description: 'Household. 农户' })
  householdId: string;

  @Field(() => Int, { description: 'Year, 2013–2100. 年度' })
  @Min(2013)
  @Max(2100)
  year: number;

  @Field(() => Int, {
    nullable: true,
    description: 'People sharing the income, 1–30; default: current members. 家庭人口',
  })
  @IsOptional()
  @Min(1)
  @Max(30)
  people?: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Wage income, yuan. 工资性收入' })
  @IsMoney()
  wageIncomeYuan?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Net production income, yuan. 生产经营性收入' })
  @IsMoney()
  productionIncomeYuan?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Property income, yuan. 财产性收入' })
  @IsMoney()
  propertyIncomeYuan?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Transfer income, yuan. 转移性收入' })
  @IsMoney()
  transferIncomeYuan?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Production costs, yuan. 生产经营性支出' })
  @IsMoney()
  productionCostsYuan?: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Compliant out-of-pocket spending, yuan. 合规自付支出',
  })
  @IsMoney()
  compliantSpendingYuan?: string;
}

export const UpdateHouseholdIncomeInput = updateInputOf(
  CreateHouseholdIncomeInput,
  'UpdateHouseholdIncomeInput',
  'Changes to a year’s income; net and per-capita income are recomputed. 修改家庭年度收支',
);

export const HouseholdIncomeFilter = filterType(
  HouseholdIncome,
  {
    id: IDFilter,
    householdId: IDFilter,
    year: IntFilter,
    netIncomeYuan: DecimalFilter,
    perCapitaNetIncomeYuan: DecimalFilter,
  },
  { household: () => HouseholdFilter },
);
export const HouseholdIncomeOrderBy = orderType(HouseholdIncome, [
  'year',
  'householdId',
  'netIncomeYuan',
  'perCapitaNetIncomeYuan',
]);
export const HouseholdIncomeListArgs = listArgsType(
  HouseholdIncome,
  HouseholdIncomeFilter,
  HouseholdIncomeOrderBy,
);
export const HouseholdIncomeConnection = Connection(HouseholdIncome, '家庭年度收支');

@InputType({ description: 'The monitoring income line of a year. 监测收入标准' })
export class CreateMonitoringThresholdInput {
  @Field(() => Int, { description: 'Year, 2013–2100. 年度' })
  @Min(2013)
  @Max(2100)
  year: number;

  @Field(() => DecimalScalar, { description: 'Yuan per person per year, > 0. 元/人·年' })
  @IsMoney()
  amountYuan: string;
}

export const UpdateMonitoringThresholdInput = updateInputOf(
  CreateMonitoringThresholdInput,
  'UpdateMonitoringThresholdInput',
  'Changes to a monitoring income line. 修改监测收入标准',
);
export const MonitoringThresholdFilter = filterType(MonitoringThreshold, {
  id: IDFilter,
  year: IntFilter,
  amountYuan: DecimalFilter,
});
export const MonitoringThresholdOrderBy = orderType(MonitoringThreshold, ['year', 'amountYuan']);
export const MonitoringThresholdListArgs = listArgsType(
  MonitoringThreshold,
  MonitoringThresholdFilter,
  MonitoringThresholdOrderBy,
);
export const MonitoringThresholdConnection = Connection(MonitoringThreshold, '监测收入标准');
