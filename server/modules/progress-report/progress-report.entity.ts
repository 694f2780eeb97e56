import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Relation, Unique } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { Department } from '../department/department.entity';
import { ProgressReportStatus } from './progress-report.enums';

/** The unit's own text of one section (one plan task), as stored. */
export interface StoredSection {
  planTaskId: number;
  progress: string;
  problems: string;
  nextMonth: string;
  otherFigures: { label: string; value: string; unit: string }[];
}

/** Figures frozen at submission: value by figure key, by plan task id. */
export type FigureSnapshot = Record<string, Record<string, string>>;

/**
 * 工作进展情况: the monthly progress report of one responsible unit (a department, or a township
 * government) — work plan, closing clause: 各乡镇各部门…每月20日前向区脱贫攻坚领导小组办公室报送工作进展情况.
 */
@ObjectType({
  description:
    'Monthly progress report of one responsible unit (工作进展情况): one section per plan task the unit is responsible for, figures pre-filled from the register, the unit’s own text. 月度工作进展报告',
})
@Entity()
@Unique('uq_progress_report__department_id_month', ['departmentId', 'month'])
export class ProgressReport extends BaseRecord {
  @Field(() => ID, { description: 'The reporting unit: a department or a township government. 报送单位' })
  @Index('ix_progress_report__department_id')
  @Column()
  departmentId: number;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_progress_report__department_id' })
  department?: Relation<Department>;

  @Field({
    description:
      'Month reported on, YYYY-MM. Its reporting period runs from the day after the previous month’s due day to this month’s due day. 报告月份',
  })
  @Index('ix_progress_report__month')
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Field(() => ProgressReportStatus, { description: 'State. 报送状态' })
  @Index('ix_progress_report__status')
  @Column({
    type: 'enum',
    enum: ProgressReportStatus,
    enumName: 'progress_report_status',
    default: ProgressReportStatus.DRAFT,
  })
  status: ProgressReportStatus;

  /** The unit's text per section; exposed through `sections`. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  texts: StoredSection[];

  /** Figures as they were at the last submission; exposed through `sections`. */
  @Column({ type: 'jsonb', nullable: true })
  snapshot: FigureSnapshot | null;

  @Field(() => Date, {
    nullable: true,
    description: 'First submitted at (UTC): decides on time / late. 首次报送时间',
  })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  firstSubmittedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last submitted at (UTC). 最近报送时间' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who last submitted it. 报送人' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  submittedByName: string | null;

  @Field(() => Date, { nullable: true, description: 'Accepted or returned at (UTC). 审核时间' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who accepted or returned it. 审核人' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  decidedByName: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the office returned it (kept after resubmission until the next return). 退回原因',
  })
  @Column({ type: 'varchar', length: 500, nullable: true })
  returnReason: string | null;
}
