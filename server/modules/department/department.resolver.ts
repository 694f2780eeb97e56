import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Resolver, Root, Info } from 'type-graphql';
import type { Context } from '../../app/context';
import { CrudResolver } from '../../common/crud/crud.resolver';
import type { ListArgsShape } from '../../common/listing/inputs-factory';
import { AssetConnection, AssetListArgs } from '../asset/asset.inputs';
import {
  AssistanceMeasureConnection,
  AssistanceMeasureListArgs,
} from '../assistance-measure/assistance-measure.inputs';
import { Township } from '../township/township.entity';
import { Department } from './department.entity';
import {
  CreateDepartmentInput,
  DepartmentConnection,
  DepartmentListArgs,
  UpdateDepartmentInput,
} from './department.inputs';

@Resolver(() => Department)
export class DepartmentResolver extends CrudResolver({
  entity: Department,
  connection: DepartmentConnection,
  listArgs: DepartmentListArgs,
  createInput: CreateDepartmentInput,
  updateInput: UpdateDepartmentInput,
  singular: 'department',
  plural: 'departments',
  label: '责任单位',
  service: (ctx) => ctx.services.department,
}) {
  @FieldResolver(() => Township, {
    nullable: true,
    description: 'Township, for a township government. 所属乡镇',
  })
  township(@Root() d: Department, @Ctx() ctx: Context) {
    return ctx.services.township.findById(ctx.loaders, d.townshipId);
  }

  @FieldResolver(() => AssistanceMeasureConnection, {
    description: 'Measures it is responsible for. 负责的帮扶措施',
  })
  async measures(
    @Root() d: Department,
    @Args(() => AssistanceMeasureListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = ctx.services.assistanceMeasure.listByParent(
      ctx.loaders,
      'responsibleDepartmentId',
      d.id,
      args,
      info,
    );
    return new AssistanceMeasureConnection(page);
  }

  @FieldResolver(() => AssetConnection, { description: 'Assets it supervises. 主管的扶贫项目资产' })
  async assets(
    @Root() d: Department,
    @Args(() => AssetListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new AssetConnection(
      ctx.services.asset.listByParent(ctx.loaders, 'responsibleDepartmentId', d.id, args, info),
    );
  }
}
