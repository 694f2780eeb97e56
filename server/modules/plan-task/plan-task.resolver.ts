import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { CrudResolver } from '../../common/crud/crud.resolver';
import type { ListArgsShape } from '../../common/listing/inputs-factory';
import { Department } from '../department/department.entity';
import { PlanMeasure, PlanTask, PlanTaskUnit } from './plan-task.entity';
import {
  CreatePlanMeasureInput,
  CreatePlanTaskInput,
  CreatePlanTaskUnitInput,
  PlanMeasureConnection,
  PlanMeasureListArgs,
  PlanTaskConnection,
  PlanTaskListArgs,
  PlanTaskUnitConnection,
  PlanTaskUnitListArgs,
  UpdatePlanMeasureInput,
  UpdatePlanTaskInput,
  UpdatePlanTaskUnitInput,
} from './plan-task.inputs';

@Resolver(() => PlanTask)
export class PlanTaskResolver extends CrudResolver({
  entity: PlanTask,
  connection: PlanTaskConnection,
  listArgs: PlanTaskListArgs,
  createInput: CreatePlanTaskInput,
  updateInput: UpdatePlanTaskInput,
  singular: 'planTask',
  plural: 'planTasks',
  label: '规划任务',
  service: (ctx) => ctx.services.planTask,
}) {
  @FieldResolver(() => PlanTaskUnitConnection, {
    description: 'Units the plan names for it, the lead first when sorted by isLead DESC. 责任单位',
  })
  units(
    @Root() t: PlanTask,
    @Args(() => PlanTaskUnitListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new PlanTaskUnitConnection(
      ctx.services.planTaskUnit.listByParent(ctx.loaders, 'planTaskId', t.id, args, info),
    );
  }

  @FieldResolver(() => PlanMeasureConnection, { description: 'Yearly measures units added. 分年度推进措施' })
  measures(
    @Root() t: PlanTask,
    @Args(() => PlanMeasureListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new PlanMeasureConnection(
      ctx.services.planMeasure.listByParent(ctx.loaders, 'planTaskId', t.id, args, info),
    );
  }
}

@Resolver(() => PlanTaskUnit)
export class PlanTaskUnitResolver extends CrudResolver({
  entity: PlanTaskUnit,
  connection: PlanTaskUnitConnection,
  listArgs: PlanTaskUnitListArgs,
  createInput: CreatePlanTaskUnitInput,
  updateInput: UpdatePlanTaskUnitInput,
  singular: 'planTaskUnit',
  plural: 'planTaskUnits',
  label: '任务责任单位',
  service: (ctx) => ctx.services.planTaskUnit,
}) {
  @FieldResolver(() => Department, { description: 'The unit. 责任单位' })
  department(@Root() u: PlanTaskUnit, @Ctx() ctx: Context) {
    return ctx.services.department.findById(ctx.loaders, u.departmentId);
  }
}

@Resolver(() => PlanMeasure)
export class PlanMeasureResolver extends CrudResolver({
  entity: PlanMeasure,
  connection: PlanMeasureConnection,
  listArgs: PlanMeasureListArgs,
  createInput: CreatePlanMeasureInput,
  updateInput: UpdatePlanMeasureInput,
  singular: 'planMeasure',
  plural: 'planMeasures',
  label: '推进措施',
  service: (ctx) => ctx.services.planMeasure,
}) {
  @FieldResolver(() => PlanTask, { description: 'The task. 规划任务' })
  planTask(@Root() x: PlanMeasure, @Ctx() ctx: Context) {
    return ctx.services.planTask.findById(ctx.loaders, x.planTaskId);
  }

  @FieldResolver(() => Department, { description: 'The unit. 责任单位' })
  department(@Root() x: PlanMeasure, @Ctx() ctx: Context) {
    return ctx.services.department.findById(ctx.loaders, x.departmentId);
  }
}
