import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { DecimalScalar } from '../../common/scalars';
import { Department } from '../department/department.entity';
import { Township } from '../township/township.entity';
import { IndicatorComparison, IndicatorSource, TargetScope } from './indicator.enums';

/** Exact value column of an indicator (percent, count, day, percentage points): numeric(14,2). */
export const FIGURE_COLUMN = { type: 'numeric', precision: 14, scale: 2 } as const;

/**
 * 指标: one target of the work plan (plan-targets.csv), with how its value is obtained. Reference
 * data: every reader reads it, district users edit target, margin and owning department.
 */
@ObjectType({ description: 'An indicator of the work plan and its target. 规划指标' })
@Entity()
@Index('uq_plan_indicator__key', ['key'], { unique: true })
@Check('ck_plan_indicator__margin', '"margin" >= 0')
export class PlanIndicator extends BaseRecord {
  @Field({ description: 'Stable key, the `key` of the plan’s target list (plan-targets.csv). 指标代码' })
  @Column({ type: 'varchar', length: 60 })
  key: string;

  @Field({ description: 'Name (Chinese, with the English gloss). 指标名称' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'Clause of the work plan that sets the target, e.g. 2.1. 规划条款' })
  @Column({ type: 'varchar', length: 20 })
  planClause: string;

  @Field(() => ID, { nullable: true, description: 'Owning department: reports its values. 责任单位' })
  @Column({ type: 'int', nullable: true })
  departmentId: number | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_plan_indicator__department_id' })
  department?: Relation<Department>;

  @Field({ description: 'Unit of value and target: percent, households, people, villages, … 单位' })
  @Column({ type: 'varchar', length: 30 })
  unit: string;

  @Field(() => IndicatorComparison, { description: 'Comparison of value with target. 比较方式' })
  @Column({ type: 'enum', enum: IndicatorComparison, enumName: 'indicator_comparison' })
  comparison: IndicatorComparison;

  @Field(() => DecimalScalar, { description: 'Target, in the unit. 目标值' })
  @Column(FIGURE_COLUMN)
  target: string;

  @Field(() => TargetScope, {
    description: 'Whether the target holds in every area or the district only. 目标适用范围',
  })
  @Column({ type: 'enum', enum: TargetScope, enumName: 'target_scope' })
  targetScope: TargetScope;

  @Field(() => DecimalScalar, {
    description:
      'Tolerance in the unit: a value that misses the target by at most this much is AT_RISK, beyond it MISSED. 预警容差',
  })
  @Column(FIGURE_COLUMN)
  margin: string;

  @Field({ description: 'Deadline of the target: a date, `ongoing`, `fact` or `monthly`. 完成时限' })
  @Column({ type: 'varchar', length: 20 })
  deadline: string;

  @Field(() => IndicatorSource, { description: 'Computed from the register or reported. 取数方式' })
  @Column({ type: 'enum', enum: IndicatorSource, enumName: 'indicator_source' })
  source: IndicatorSource;

  @Field({
    description: 'How the value is obtained: numerator, denominator, or who reports it and why. 口径说明',
  })
  @Column({ type: 'text' })
  definition: string;
}

/** A township's own target for an indicator whose catalogue target is the district's total. */
@ObjectType({ description: 'A township’s target of a district-total indicator. 乡镇目标' })
@Entity()
@Index('uq_plan_indicator_target__township', ['indicatorId', 'townshipId'], { unique: true })
export class PlanIndicatorTarget extends BaseRecord {
  @Field(() => ID, { description: 'Indicator. 指标' })
  @Column()
  indicatorId: number;

  @ManyToOne(() => PlanIndicator, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_plan_indicator_target__indicator_id' })
  indicator?: Relation<PlanIndicator>;

  @Field(() => ID, { description: 'Township. 乡镇' })
  @Column()
  townshipId: number;

  @ManyToOne(() => Township, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'township_id', foreignKeyConstraintName: 'fk_plan_indicator_target__township_id' })
  township?: Relation<Township>;

  @Field(() => DecimalScalar, { description: 'Target, in the indicator’s unit. 目标值' })
  @Column(FIGURE_COLUMN)
  target: string;
}

/**
 * 填报值: a reported indicator's figure for one month, for the district (no township) or one
 * township, with its source document. Written by the owning department (district users: any).
 */
@ObjectType({ description: 'A reported figure of an indicator for one period. 指标填报值' })
@Entity()
@Index('uq_indicator_report__district', ['indicatorId', 'period'], {
  unique: true,
  where: '"township_id" IS NULL',
})
@Index('uq_indicator_report__township', ['indicatorId', 'period', 'townshipId'], {
  unique: true,
  where: '"township_id" IS NOT NULL',
})
@Check('ck_indicator_report__period', `"period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
export class IndicatorReport extends BaseRecord {
  @Field(() => ID, { description: 'Indicator. 指标' })
  @Column()
  indicatorId: number;

  @ManyToOne(() => PlanIndicator, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_indicator_report__indicator_id' })
  indicator?: Relation<PlanIndicator>;

  @Field({ description: 'Month it reports, YYYY-MM; it holds until a later month is reported. 填报期' })
  @Column({ type: 'char', length: 7 })
  period: string;

  @Field(() => ID, { nullable: true, description: 'Township it reports for; null: the district. 乡镇' })
  @Column({ type: 'int', nullable: true })
  townshipId: number | null;

  @ManyToOne(() => Township, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'township_id', foreignKeyConstraintName: 'fk_indicator_report__township_id' })
  township?: Relation<Township>;

  @Field(() => DecimalScalar, { description: 'The figure, in the indicator’s unit. 填报值' })
  @Column(FIGURE_COLUMN)
  value: string;

  @Field({ description: 'Source document (文件名/文号) the figure comes from. 数据来源文件' })
  @Column({ type: 'varchar', length: 200 })
  sourceDocument: string;

  @Field(() => String, { nullable: true, description: 'Note. 备注' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Field({ description: 'Who entered it (display name). 填报人' })
  @Column({ type: 'varchar', length: 100 })
  enteredBy: string;
}
