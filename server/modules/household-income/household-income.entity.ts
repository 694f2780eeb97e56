import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, JoinColumn, ManyToOne, Relation, Unique } from 'typeorm';
import { BaseRecord, MONEY_COLUMN } from '../../common/base.entity';
import { DecimalScalar } from '../../common/scalars';
import { Household } from '../household/household.entity';

/**
 * 家庭收支: a household's income and spending of one year, in yuan. Net income = wage + production +
 * property + transfer income − production costs − compliant out-of-pocket spending; per capita = net
 * income ÷ people (both derived by the server, rounded to the fen).
 */
@ObjectType({ description: 'Household income and spending of one year (yuan). 家庭年度收支' })
@Entity()
@Unique('uq_household_income__year', ['householdId', 'year'])
@Check(
  'ck_household_income__wage_income_yuan',
  `"wage_income_yuan" >= 0 AND "production_income_yuan" >= 0 AND "property_income_yuan" >= 0 AND "transfer_income_yuan" >= 0 AND "production_costs_yuan" >= 0 AND "compliant_spending_yuan" >= 0 AND "people" > 0`,
)
export class HouseholdIncome extends BaseRecord {
  @Field(() => ID, { description: 'Household. 农户' })
  @Column()
  householdId: number;

  @ManyToOne(() => Household, (h) => h.incomes, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_household_income__household_id' })
  household?: Relation<Household>;

  @Field(() => Int, { description: 'Year. 年度' })
  @Column({ type: 'smallint' })
  year: number;

  @Field(() => Int, { description: 'People the income is shared by (default: members now). 家庭人口' })
  @Column({ type: 'smallint' })
  people: number;

  @Field(() => DecimalScalar, { description: 'Wage income. 工资性收入(元)' })
  @Column({ ...MONEY_COLUMN, default: 0 })
  wageIncomeYuan: string;

  @Field(() => DecimalScalar, { description: 'Net production income. 生产经营性收入(元)' })
  @Column({ ...MONEY_COLUMN, default: 0 })
  productionIncomeYuan: string;

  @Field(() => DecimalScalar, { description: 'Property income. 财产性收入(元)' })
  @Column({ ...MONEY_COLUMN, default: 0 })
  propertyIncomeYuan: string;

  @Field(() => DecimalScalar, { description: 'Transfer income. 转移性收入(元)' })
  @Column({ ...MONEY_COLUMN, default: 0 })
  transferIncomeYuan: string;

  @Field(() => DecimalScalar, { description: 'Production costs. 生产经营性支出(元)' })
  @Column({ ...MONEY_COLUMN, default: 0 })
  productionCostsYuan: string;

  @Field(() => DecimalScalar, {
    description: 'Compliant out-of-pocket spending (medical, education…). 合规自付支出(元)',
  })
  @Column({ ...MONEY_COLUMN, default: 0 })
  compliantSpendingYuan: string;

  @Field(() => DecimalScalar, { description: 'Net income (derived; may be negative). 家庭纯收入(元)' })
  @Column(MONEY_COLUMN)
  netIncomeYuan: string;

  @Field(() => DecimalScalar, { description: 'Per-capita net income (derived). 人均纯收入(元)' })
  @Column(MONEY_COLUMN)
  perCapitaNetIncomeYuan: string;
}

/** 监测收入标准: the monitoring income line of a year, yuan per person per year. */
@ObjectType({
  description: 'Monitoring income line of a year (yuan per person per year). 防止返贫监测收入标准',
})
@Entity()
@Unique('uq_monitoring_threshold__year', ['year'])
@Check('ck_monitoring_threshold__amount_yuan', '"amount_yuan" > 0')
export class MonitoringThreshold extends BaseRecord {
  @Field(() => Int, { description: 'Year. 年度' })
  @Column({ type: 'smallint' })
  year: number;

  @Field(() => DecimalScalar, { description: 'Yuan per person per year. 监测标准(元/人·年)' })
  @Column(MONEY_COLUMN)
  amountYuan: string;
}
