import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { CrudResolver } from '../../common/crud/crud.resolver';
import type { ListArgsShape } from '../../common/listing/inputs-factory';
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
    @Args(() => HouseholdListArgs) args: ListArgsShape,
    @Ctx() ctx: Context,
  ) {
    return new HouseholdConnection(
      await ctx.services.household.listByParent(ctx.loaders, 'villageId', v.id, args),
    );
  }

  @FieldResolver(() => VillageCollectiveIncomeConnection, {
    description: 'Collective income by year. 村集体经济收入',
  })
  async collectiveIncomes(
    @Root() v: Village,
    @Args(() => VillageCollectiveIncomeListArgs) args: ListArgsShape,
    @Ctx() ctx: Context,
  ) {
    const page = await ctx.services.villageCollectiveIncome.listByParent(
      ctx.loaders,
      'villageId',
      v.id,
      args,
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
