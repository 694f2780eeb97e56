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
import { HouseholdConnection, HouseholdListArgs } from '../household/household.inputs';
import { Township } from '../township/township.entity';
import { VillageCollectiveIncome } from './village-collective-income.entity';
import { Village } from './village.entity';
import {
  CreateVillageCollectiveIncomeInput,
  CreateVillageInput,
  UpdateVillageCollectiveIncomeInput,
  UpdateVillageInput,
  VillageCollectiveIncomeConnection,
  VillageCollectiveIncomeListArgs,
  VillageConnection,
  VillageListArgs,
} from './village.inputs';

@Resolver(() => Village)
export class VillageResolver extends CrudResolver({
  entity: Village,
  connection: VillageConnection,
  listArgs: VillageListArgs,
  createInput: CreateVillageInput,
  updateInput: UpdateVillageInput,
  singular: 'village',
  plural: 'villages',
  label: '行政村/社区',
  service: (ctx) => ctx.services.village,
}) {
  @FieldResolver(() => Township, { description: 'Its township. 所属乡镇' })
  township(@Root() v: Village, @Ctx() ctx: Context) {
    return ctx.services.township.findById(ctx.loaders, v.townshipId);
  }

  @FieldResolver(() => HouseholdConnection, { description: 'Households registered in it. 农户' })
  async households(
    @Root() v: Village,
    @Args(() => HouseholdListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new HouseholdConnection(
      ctx.services.household.listByParent(ctx.loaders, 'villageId', v.id, args, info),
    );
  }

  @FieldResolver(() => AssetConnection, { description: 'Project assets located in it. 扶贫项目资产' })
  async assets(
    @Root() v: Village,
    @Args(() => AssetListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new AssetConnection(ctx.services.asset.listByParent(ctx.loaders, 'villageId', v.id, args, info));
  }

  @FieldResolver(() => AssistanceMeasureConnection, {
    description:
      'Collective measures for the village (household measures are on its households). 村级帮扶措施',
  })
  async measures(
    @Root() v: Village,
    @Args(() => AssistanceMeasureListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = ctx.services.assistanceMeasure.listByParent(ctx.loaders, 'villageId', v.id, args, info);
    return new AssistanceMeasureConnection(page);
  }

  @FieldResolver(() => VillageCollectiveIncomeConnection, {
    description: 'Collective income by year. 村集体经济收入',
  })
  async collectiveIncomes(
    @Root() v: Village,
    @Args(() => VillageCollectiveIncomeListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = ctx.services.villageCollectiveIncome.listByParent(
      ctx.loaders,
      'villageId',
      v.id,
      args,
      info,
    );
    return new VillageCollectiveIncomeConnection(page);
  }
}

@Resolver(() => VillageCollectiveIncome)
export class VillageCollectiveIncomeResolver extends CrudResolver({
  entity: VillageCollectiveIncome,
  connection: VillageCollectiveIncomeConnection,
  listArgs: VillageCollectiveIncomeListArgs,
  createInput: CreateVillageCollectiveIncomeInput,
  updateInput: UpdateVillageCollectiveIncomeInput,
  singular: 'villageCollectiveIncome',
  plural: 'villageCollectiveIncomes',
  label: '村集体经济收入',
  service: (ctx) => ctx.services.villageCollectiveIncome,
}) {
  @FieldResolver(() => Village, { description: 'The village. 行政村' })
  village(@Root() i: VillageCollectiveIncome, @Ctx() ctx: Context) {
    return ctx.services.village.findById(ctx.loaders, i.villageId);
  }
}
