import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Connection } from '../../common/listing/connection';
import { BooleanFilter, DateFilter, IDFilter, IntFilter, StringFilter } from '../../common/listing/filters';
import { filterType, listArgsType, orderType } from '../../common/listing/inputs-factory';
import { DateScalar } from '../../common/scalars';
import { updateInputOf } from '../../common/validation/update-input';
import { PlanMeasure, PlanTask, PlanTaskUnit } from './plan-task.entity';

@InputType({ description: 'A new plan task (the plan’s reference data; district level). 新增规划任务' })
export class CreatePlanTaskInput {
  @Field(() => Int, { description: 'Section number 1–9. 部分序号' })
  @Min(1)
  @Max(9)
  sectionNo: number;

  @Field({ description: 'Section title. 部分标题' })
  @Length(1, 60)
  sectionTitle: string;

  @Field(() => Int, { description: 'Task number within the section, 1–30. 任务序号' })
  @Min(1)
  @Max(30)
  taskNo: number;

  @Field({ description: 'Clause as the plan writes it, e.g. 二（二）. 条款号' })
  @Length(1, 20)
  clause: string;

  @Field({ description: 'Title. 任务名称' })
  @Length(1, 100)
  title: string;

  @Field({ nullable: true, description: 'Every township government co-responsible. 各乡镇党委政府' })
  @IsOptional()
  includesTownships?: boolean;
}
export const UpdatePlanTaskInput = updateInputOf(
  CreatePlanTaskInput,
  'UpdatePlanTaskInput',
  'Changes to a plan task. 修改规划任务',
);

@InputType({ description: 'A responsible unit added to a task. 新增任务责任单位' })
export class CreatePlanTaskUnitInput {
  @Field(() => ID, { description: 'The task. 规划任务' })
  planTaskId: string;
  @Field(() => ID, { description: 'The unit. 责任单位' })
  departmentId: string;
  @Field({ nullable: true, description: 'Lead unit (牵头). Default false' })
  @IsOptional()
  isLead?: boolean;
}
export const UpdatePlanTaskUnitInput = updateInputOf(
  CreatePlanTaskUnitInput,
  'UpdatePlanTaskUnitInput',
  'Changes to a task’s unit. 修改任务责任单位',
);

@InputType({ description: 'A yearly measure of a task (分年度分阶段推进措施). 新增推进措施' })
export class CreatePlanMeasureInput {
  @Field(() => ID, {
    description: 'The task; the unit must be responsible for it (UNIT_NOT_RESPONSIBLE). 规划任务',
  })
  planTaskId: string;
  @Field(() => ID, { description: 'The unit carrying it out; a unit officer only its own. 责任单位' })
  departmentId: string;
  @Field(() => Int, { description: 'Year, 2021–2035. 年度' })
  @Min(2021)
  @Max(2035)
  year: number;
  @Field({ description: 'What will be done, 1–1000 characters. 推进措施' })
  @Length(1, 1000)
  content: string;
  @Field({ description: 'Responsible leader, 1–60 characters. 责任领导' })
  @Length(1, 60)
  responsibleLeader: string;
  @Field(() => DateScalar, { description: 'Deadline, within the year (DEADLINE_OUTSIDE_YEAR). 完成时限' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  deadline: string;
}
export const UpdatePlanMeasureInput = updateInputOf(
  CreatePlanMeasureInput,
  'UpdatePlanMeasureInput',
  'Changes to a yearly measure. 修改推进措施',
);

export const PlanTaskFilter = filterType(
  PlanTask,
  {
    id: IDFilter,
    sectionNo: IntFilter,
    taskNo: IntFilter,
    clause: StringFilter,
    title: StringFilter,
    includesTownships: BooleanFilter,
  },
  {},
  ['title', 'sectionTitle'],
);
export const PlanTaskOrderBy = orderType(PlanTask, ['sectionNo', 'taskNo', 'title']);
export const PlanTaskListArgs = listArgsType(PlanTask, PlanTaskFilter, PlanTaskOrderBy);
export const PlanTaskConnection = Connection(PlanTask, '规划任务');

export const PlanTaskUnitFilter = filterType(PlanTaskUnit, {
  id: IDFilter,
  planTaskId: IDFilter,
  departmentId: IDFilter,
  isLead: BooleanFilter,
});
export const PlanTaskUnitOrderBy = orderType(PlanTaskUnit, ['planTaskId', 'departmentId', 'isLead']);
export const PlanTaskUnitListArgs = listArgsType(PlanTaskUnit, PlanTaskUnitFilter, PlanTaskUnitOrderBy);
export const PlanTaskUnitConnection = Connection(PlanTaskUnit, '任务责任单位');

export const PlanMeasureFilter = filterType(
  PlanMeasure,
  {
    id: IDFilter,
    planTaskId: IDFilter,
    departmentId: IDFilter,
    year: IntFilter,
    deadline: DateFilter,
    responsibleLeader: StringFilter,
  },
  {},
  ['content', 'responsibleLeader'],
);
export const PlanMeasureOrderBy = orderType(PlanMeasure, ['planTaskId', 'departmentId', 'year', 'deadline']);
export const PlanMeasureListArgs = listArgsType(PlanMeasure, PlanMeasureFilter, PlanMeasureOrderBy);
export const PlanMeasureConnection = Connection(PlanMeasure, '推进措施');
