import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseRecord, MONEY_COLUMN } from '../../common/base.entity';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import { Household } from '../household/household.entity';
import { HouseholdMember } from '../household-member/household-member.entity';
import { Village } from '../village/village.entity';
import { RelocationSite } from '../relocation-site/relocation-site.entity';
import { Department } from '../department/department.entity';
import { FundingSource } from '../asset/asset.enums';
import { MonitoringCase } from '../monitoring/monitoring-case.entity';
import { MeasureStatus, MeasureType } from './assistance-measure.enums';

/**
 * 帮扶措施: one measure of a household's plan (一户一策), or a collective measure for a village or
 * relocation site. Exactly one target is set.
 */
@ObjectType({ description: 'Assistance measure for a household, village or relocation site. 帮扶措施' })
@Entity()
@Check(
  'ck_assistance_measure__household_id',
  'num_nonnulls("household_id", "village_id", "relocation_site_id") = 1',
)
@Check('ck_assistance_measure__amount_yuan', '"amount_yuan" IS NULL OR "amount_yuan" >= 0')
@Check('ck_assistance_measure__end_date', '"end_date" IS NULL OR "end_date" >= "start_date"')
export class AssistanceMeasure extends BaseRecord {
  @Field(() => ID, { nullable: true, description: 'Household helped (一户一策). 帮扶对象户' })
  @Index('ix_assistance_measure__household_id')
  @Column({ type: 'int', nullable: true })
  householdId: number | null;

  @ManyToOne(() => Household, (h) => h.measures, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_assistance_measure__household_id' })
  household?: Relation<Household> | null;

  @Field(() => ID, { nullable: true, description: 'Village, for a collective measure. 帮扶对象村' })
  @Index('ix_assistance_measure__village_id')
  @Column({ type: 'int', nullable: true })
  villageId: number | null;

  @ManyToOne(() => Village, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'fk_assistance_measure__village_id' })
  village?: Relation<Village> | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Relocation site, for a collective measure. 帮扶对象安置点',
  })
  @Index('ix_assistance_measure__relocation_site_id')
  @Column({ type: 'int', nullable: true })
  relocationSiteId: number | null;

  @ManyToOne(() => RelocationSite, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'relocation_site_id',
    foreignKeyConstraintName: 'fk_assistance_measure__relocation_site_id',
  })
  relocationSite?: Relation<RelocationSite> | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Monitoring case the measure belongs to (一户一策). 监测对象',
  })
  @Index('ix_assistance_measure__monitoring_case_id')
  @Column({ type: 'int', nullable: true })
  monitoringCaseId: number | null;

  @ManyToOne(() => MonitoringCase, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'monitoring_case_id',
    foreignKeyConstraintName: 'fk_assistance_measure__monitoring_case_id',
  })
  monitoringCase?: Relation<MonitoringCase> | null;

  @Field(() => MeasureType, { description: 'Type (national category). 措施类型' })
  @Index('ix_assistance_measure__type')
  @Column({ type: 'enum', enum: MeasureType, enumName: 'measure_type' })
  type: MeasureType;

  @Field({ description: 'What is done. 措施内容' })
  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Field(() => ID, { description: 'Responsible department. 责任单位' })
  @Index('ix_assistance_measure__responsible_department_id')
  @Column()
  responsibleDepartmentId: number;

  @ManyToOne(() => Department, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'responsible_department_id',
    foreignKeyConstraintName: 'fk_assistance_measure__responsible_department_id',
  })
  responsibleDepartment?: Relation<Department>;

  @Field(() => ID, { nullable: true, description: 'Member who benefits, when one person does. 受益成员' })
  @Index('ix_assistance_measure__beneficiary_member_id')
  @Column({ type: 'int', nullable: true })
  beneficiaryMemberId: number | null;

  @ManyToOne(() => HouseholdMember, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'beneficiary_member_id',
    foreignKeyConstraintName: 'fk_assistance_measure__beneficiary_member_id',
  })
  beneficiaryMember?: Relation<HouseholdMember> | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount in yuan. 金额(元)' })
  @Index('ix_assistance_measure__amount_yuan')
  @Column({ ...MONEY_COLUMN, nullable: true })
  amountYuan: string | null;

  @Field(() => FundingSource, { nullable: true, description: 'Source of funds. 资金来源' })
  @Column({ type: 'enum', enum: FundingSource, enumName: 'funding_source', nullable: true })
  fundingSource: FundingSource | null;

  @Field(() => DateScalar, { description: 'Start date. 开始日期' })
  @Index('ix_assistance_measure__start_date')
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => DateScalar, { nullable: true, description: 'End date, on or after the start. 结束日期' })
  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Field(() => MeasureStatus, { description: 'Status. 状态' })
  @Index('ix_assistance_measure__status')
  @Column({ type: 'enum', enum: MeasureStatus, enumName: 'measure_status', default: MeasureStatus.PLANNED })
  status: MeasureStatus;
}
