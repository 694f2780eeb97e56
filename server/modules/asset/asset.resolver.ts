import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Resolver, Root, Info } from 'type-graphql';
import type { Context } from '../../app/context';
import { CrudResolver } from '../../common/crud/crud.resolver';
import type { ListArgsShape } from '../../common/listing/inputs-factory';
import { Department } from '../department/department.entity';
import { Household } from '../household/household.entity';
import { RelocationSite } from '../relocation-site/relocation-site.entity';
import { Village } from '../village/village.entity';
import { AssetFunding } from './asset-funding.entity';
import { Asset } from './asset.entity';
import {
  AssetConnection,
  AssetFundingConnection,
  AssetFundingListArgs,
  AssetListArgs,
  CreateAssetInput,
  UpdateAssetInput,
} from './asset.inputs';

@Resolver(() => Asset)
export class AssetResolver extends CrudResolver({
  entity: Asset,
  connection: AssetConnection,
  listArgs: AssetListArgs,
  createInput: CreateAssetInput,
  updateInput: UpdateAssetInput,
  singular: 'asset',
  plural: 'assets',
  label: '扶贫项目资产',
  service: (ctx) => ctx.services.asset,
}) {
  @FieldResolver(() => AssetFundingConnection, {
    description: 'Funding rows; they sum to originalValueYuan. 资金构成',
  })
  async fundings(
    @Root() a: Asset,
    @Args(() => AssetFundingListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new AssetFundingConnection(
      ctx.services.assetFunding.listByParent(ctx.loaders, 'assetId', a.id, args, info),
    );
  }

  @FieldResolver(() => Village, { nullable: true, description: 'Village where it is. 所在村' })
  village(@Root() a: Asset, @Ctx() ctx: Context) {
    return ctx.services.village.findById(ctx.loaders, a.villageId);
  }

  @FieldResolver(() => Household, {
    nullable: true,
    description: 'Household, for household assets. 到户农户',
  })
  household(@Root() a: Asset, @Ctx() ctx: Context) {
    return ctx.services.household.findById(ctx.loaders, a.householdId);
  }

  @FieldResolver(() => RelocationSite, { nullable: true, description: 'Relocation site served. 安置点' })
  relocationSite(@Root() a: Asset, @Ctx() ctx: Context) {
    return ctx.services.relocationSite.findById(ctx.loaders, a.relocationSiteId);
  }

  @FieldResolver(() => Department, { description: 'Responsible department. 行业主管部门' })
  responsibleDepartment(@Root() a: Asset, @Ctx() ctx: Context) {
    return ctx.services.department.findById(ctx.loaders, a.responsibleDepartmentId);
  }
}

@Resolver(() => AssetFunding)
export class AssetFundingResolver {
  @FieldResolver(() => Asset, { description: 'The asset. 资产' })
  asset(@Root() f: AssetFunding, @Ctx() ctx: Context) {
    return ctx.services.asset.findById(ctx.loaders, f.assetId);
  }
}
