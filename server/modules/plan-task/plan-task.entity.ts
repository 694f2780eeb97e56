import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Relation, Unique } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Department } from '../department/department.entity';

/** 规划任务: one task of the district work plan, under its section, with its clause number. */
@ObjectType({
  description:
    'A task of the district work plan (2021-04-22), e.g. 二（二）防止规模性返贫致贫, with its responsible units. 规划任务',
})
@Entity()
@Unique('uq_plan_task__section_no_task_no', ['sectionNo', 'taskNo'])
export class PlanTask extends BaseRecord {
  @Field(() => Int, { description: 'Section number, 1 = 一 (总体要求) … 5 = 五 (工作保障举措). 部分序号' })
  @Column({ type: 'smallint' })
  sectionNo: number;

  @Field({ description: 'Section title, e.g. 巩固拓展脱贫攻坚成果. 部分标题' })
  @Column({ type: 'varchar', length: 60 })
  sectionTitle: string;

  @Field(() => Int, { description: 'Task number within its section, 1 = （一）. 任务序号' })
  @Column({ type: 'smallint' })
  taskNo: number;

  @Field({ description: 'Clause as the plan writes it, e.g. 二（二）. 条款号' })
  @Column({ type: 'varchar', length: 20 })
  clause: string;

  @Field({ description: 'Task title, e.g. 防止规模性返贫致贫. 任务名称' })
  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Field({
    description:
      'Whether every township government is co-responsible (the plan’s 各乡镇党委政府): each township reports on this task. 各乡镇党委政府',
  })
  @Column({ default: false })
  includesTownships: boolean;
}

/** 责任单位 of a task: the lead (牵头) unit or a co-responsible (配合) one. */
@ObjectType({
  description: 'A responsible unit of a plan task: lead (牵头) or co-responsible (配合). 任务责任单位',
})
@Entity()
@Unique('uq_plan_task_unit__plan_task_id_department_id', ['planTaskId', 'departmentId'])
export class PlanTaskUnit extends BaseRecord {
  @Field(() => ID, { description: 'The task. 规划任务' })
  @Index('ix_plan_task_unit__plan_task_id')
  @Column()
  planTaskId: number;

  @ManyToOne(() => PlanTask, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_task_id', foreignKeyConstraintName: 'fk_plan_task_unit__plan_task_id' })
  planTask?: Relation<PlanTask>;

  @Field(() => ID, { description: 'The unit (a department, or a township government). 责任单位' })
  @Index('ix_plan_task_unit__department_id')
  @Column()
  departmentId: number;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_plan_task_unit__department_id' })
  department?: Relation<Department>;

  @Field({
    description: 'The lead unit (牵头单位, the first the plan names); false: co-responsible (配合). 牵头',
  })
  @Column({ default: false })
  isLead: boolean;
}

/** 分年度分阶段推进措施: a yearly measure a responsible unit adds to a task. */
@ObjectType({
  description:
    'A yearly measure of a plan task (分年度分阶段推进措施) added by a responsible unit, with its responsible leader and deadline. 推进措施',
})
@Entity()
export class PlanMeasure extends BaseRecord {
  @Field(() => ID, { description: 'The task. 规划任务' })
  @Index('ix_plan_measure__plan_task_id')
  @Column()
  planTaskId: number;

  @ManyToOne(() => PlanTask, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_task_id', foreignKeyConstraintName: 'fk_plan_measure__plan_task_id' })
  planTask?: Relation<PlanTask>;

  @Field(() => ID, { description: 'The unit that carries it out (one of the task’s units). 责任单位' })
  @Index('ix_plan_measure__department_id')
  @Column()
  departmentId: number;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_plan_measure__department_id' })
  department?: Relation<Department>;

  @Field(() => Int, { description: 'Year, 2021–2035. 年度' })
  @Index('ix_plan_measure__year')
  @Column({ type: 'smallint' })
  year: number;

  @Field({ description: 'What will be done. 推进措施' })
  @Column({ type: 'varchar', length: 1000 })
  content: string;

  @Field({ description: 'Responsible leader (name and post). 责任领导' })
  @Column({ type: 'varchar', length: 60 })
  responsibleLeader: string;

  @Field(() => DateScalar, { description: 'Deadline, within the year. 完成时限' })
  @Column({ type: 'date' })
  deadline: string;
}
