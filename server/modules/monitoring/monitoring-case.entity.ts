import { Personal } from '../../auth/personal-data';
import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Household } from '../household/household.entity';
import { MonitoringVisit } from './monitoring-visit.entity';
import {
  DiscoverySource,
  EliminationMethod,
  MonitoringCategory,
  MonitoringStatus,
  RiskType,
} from './monitoring.enums';

/**
 * 监测对象: one spell of monitoring of a household, from the clue to risk elimination (or rejection).
 * Every step records when and by whom. At most one open case per household (partial unique index).
 */
@ObjectType({ description: 'Monitoring case of a household at risk. 监测对象' })
@Entity()
@Index('uq_monitoring_case__household_id', ['householdId'], {
  unique: true,
  where: `"status" IN ('CLUE', 'VERIFIED', 'PUBLICIZED', 'APPROVED')`,
})
@Check('ck_monitoring_case__risk_types', `cardinality("risk_types") <= 5`)
export class MonitoringCase extends BaseRecord {
  @Field(() => ID, { description: 'Household. 农户' })
  @Index('ix_monitoring_case__household_id')
  @Column()
  householdId: number;

  @ManyToOne(() => Household, (h) => h.monitoringCases, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_monitoring_case__household_id' })
  household?: Relation<Household>;

  @Field(() => MonitoringStatus, { description: 'Step reached. 识别状态' })
  @Index('ix_monitoring_case__status')
  @Column({
    type: 'enum',
    enum: MonitoringStatus,
    enumName: 'monitoring_status',
    default: MonitoringStatus.CLUE,
  })
  status: MonitoringStatus;

  @Field(() => DiscoverySource, { description: 'How the risk came to light. 发现方式' })
  @Index('ix_monitoring_case__discovery_source')
  @Column({ type: 'enum', enum: DiscoverySource, enumName: 'discovery_source' })
  discoverySource: DiscoverySource;

  @Personal('FREE_TEXT')
  @Field(() => [String], {
    description:
      'What triggered the clue (screening reasons or the report); `***` for roles without personal data (no ID or mobile number, refused on input). 线索来源说明',
  })
  @Column('text', { array: true, default: () => "'{}'" })
  triggerReasons: string[];

  @Field(() => MonitoringCategory, {
    nullable: true,
    description: 'Category, set at verification. 监测对象类别',
  })
  @Index('ix_monitoring_case__category')
  @Column({ type: 'enum', enum: MonitoringCategory, enumName: 'monitoring_category', nullable: true })
  category: MonitoringCategory | null;

  @Field(() => [RiskType], { description: '1–5 risk types, set at verification (national codes). 风险类型' })
  @Column('text', { array: true, default: () => "'{}'" })
  riskTypes: RiskType[];

  @Field(() => DateScalar, { description: 'Day the clue was recorded. 线索发现日期' })
  @Index('ix_monitoring_case__clue_date')
  @Column({ type: 'date' })
  clueDate: string;

  @Field({ description: 'Who recorded the clue. 线索登记人' })
  @Column({ type: 'varchar', length: 50 })
  clueBy: string;

  @Field(() => DateScalar, {
    description: 'Identification due by: clue date + the configured days (default 15). 办结时限',
  })
  @Index('ix_monitoring_case__deadline')
  @Column({ type: 'date' })
  deadline: string;

  @Field(() => DateScalar, { nullable: true, description: 'Verified at the household on. 入户核实日期' })
  @Column({ type: 'date', nullable: true })
  verifiedAt: string | null;

  @Field(() => String, { nullable: true, description: 'Verified by. 核实人' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  verifiedBy: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Public notice started on. 公示开始日期' })
  @Column({ type: 'date', nullable: true })
  publicizedAt: string | null;

  @Field(() => String, { nullable: true, description: 'Notice posted by. 公示人' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  publicizedBy: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Approved (taken into monitoring) on. 纳入监测日期',
  })
  @Index('ix_monitoring_case__approved_at')
  @Column({ type: 'date', nullable: true })
  approvedAt: string | null;

  @Field(() => String, { nullable: true, description: 'Approved by. 审定人' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  approvedBy: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Rejected on. 不予纳入日期' })
  @Column({ type: 'date', nullable: true })
  rejectedAt: string | null;

  @Field(() => String, { nullable: true, description: 'Rejected by. 审定人' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  rejectedBy: string | null;

  @Personal('FREE_TEXT')
  @Field(() => String, {
    nullable: true,
    description:
      'Why it was rejected; `***` for roles without personal data (no ID or mobile number, refused on input). 不予纳入理由',
  })
  @Column({ type: 'varchar', length: 500, nullable: true })
  rejectionReason: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Risk eliminated on. 风险消除日期' })
  @Index('ix_monitoring_case__risk_eliminated_at')
  @Column({ type: 'date', nullable: true })
  riskEliminatedAt: string | null;

  @Field(() => String, { nullable: true, description: 'Elimination confirmed by. 风险消除审定人' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  riskEliminatedBy: string | null;

  @Field(() => EliminationMethod, {
    nullable: true,
    description: 'How the risk was eliminated. 风险消除方式',
  })
  @Column({ type: 'enum', enum: EliminationMethod, enumName: 'elimination_method', nullable: true })
  eliminationMethod: EliminationMethod | null;

  @OneToMany(() => MonitoringVisit, (v) => v.monitoringCase)
  visits?: MonitoringVisit[];
}
