import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { MonitoringCase } from './monitoring-case.entity';

/** 入户走访: a visit to a monitored household (verification visits included). */
@ObjectType({ description: 'Visit to a household under monitoring. 入户走访记录' })
@Entity()
export class MonitoringVisit extends BaseRecord {
  @Field(() => ID, { description: 'Monitoring case. 监测对象' })
  @Index('ix_monitoring_visit__monitoring_case_id')
  @Column()
  monitoringCaseId: number;

  @ManyToOne(() => MonitoringCase, (c) => c.visits, { nullable: false, onDelete: 'CASCADE' })
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

  @Field({ description: 'What was found. 走访情况' })
  @Column({ type: 'varchar', length: 2000 })
  findings: string;

  @Field({
    description:
      'Food, clothing, education, medical care, housing and water were checked. 两不愁三保障及饮水安全核查',
  })
  @Column({ default: false })
  guaranteesChecked: boolean;
}
