import { Personal } from '../../auth/personal-data';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { MonitoringCase } from './monitoring-case.entity';
import { Household } from '../household/household.entity';

/**
 * 入户走访: a visit to a household (verification visits included). Routine visits (日常走访, monthly)
 * need no open case: they belong to the household, and to its open case when there is one.
 */
@ObjectType({ description: 'Visit to a household, under monitoring or routine. 入户走访记录' })
@Entity()
export class MonitoringVisit extends BaseRecord {
  @Field(() => ID, { description: 'Household visited. 走访农户' })
  @Index('ix_monitoring_visit__household_id')
  @Column()
  householdId: number;

  @ManyToOne(() => Household, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_monitoring_visit__household_id' })
  household?: Relation<Household>;

  @Field(() => ID, {
    nullable: true,
    description:
      'Monitoring case the visit belongs to; null for a routine visit without an open case. 监测对象',
  })
  @Index('ix_monitoring_visit__monitoring_case_id')
  @Column({ type: 'int', nullable: true })
  monitoringCaseId: number | null;

  @ManyToOne(() => MonitoringCase, (c) => c.visits, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'monitoring_case_id',
    foreignKeyConstraintName: 'fk_monitoring_visit__monitoring_case_id',
  })
  monitoringCase?: Relation<MonitoringCase>;

  @Field(() => DateScalar, { description: 'Day of the visit. 走访日期' })
  @Index('ix_monitoring_visit__visit_date')
  @Column({ type: 'date' })
  visitDate: string;

  @Field({ description: 'Who visited. 走访人' })
  @Column({ type: 'varchar', length: 50 })
  visitor: string;

  @Personal('FREE_TEXT')
  @Field({
    description:
      'What was found; `***` for roles without personal data (no ID or mobile number, refused on input). 走访情况',
  })
  @Column({ type: 'varchar', length: 2000 })
  findings: string;

  @Field({
    description:
      'Food, clothing, education, medical care, housing and water were checked. 两不愁三保障及饮水安全核查',
  })
  @Column({ default: false })
  guaranteesChecked: boolean;

  /** The device's key of the visit: a retry with the same key returns the first visit (never a second). */
  @Index('uq_monitoring_visit__idempotency_key', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  idempotencyKey: string | null;
}
