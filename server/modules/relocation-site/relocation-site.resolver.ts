import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Float, Int, Resolver, Root, Info } from 'type-graphql';
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
import { Village } from '../village/village.entity';
import { RelocationSite } from './relocation-site.entity';
import {
  CreateRelocationSiteInput,
  RelocationSiteConnection,
  RelocationSiteListArgs,
  UpdateRelocationSiteInput,
} from './relocation-site.inputs';

@Resolver(() => RelocationSite)
export class RelocationSiteResolver extends CrudResolver({
  entity: RelocationSite,
  connection: RelocationSiteConnection,
  listArgs: RelocationSiteListArgs,
  createInput: CreateRelocationSiteInput,
  updateInput: UpdateRelocationSiteInput,
  singular: 'relocationSite',
  plural: 'relocationSites',
  label: '易地扶贫搬迁安置点',
  service: (ctx) => ctx.services.relocationSite,
}) {
  @FieldResolver(() => Township, { nullable: true, description: 'Township where it is. 所在乡镇' })
  township(@Root() s: RelocationSite, @Ctx() ctx: Context) {
    return ctx.services.township.findById(ctx.loaders, s.townshipId);
  }

  @FieldResolver(() => Village, {
    nullable: true,
    description: 'Village or community where it is. 所在村/社区',
  })
  village(@Root() s: RelocationSite, @Ctx() ctx: Context) {
    return ctx.services.village.findById(ctx.loaders, s.villageId);
  }

  @FieldResolver(() => HouseholdConnection, { description: 'Households relocated here. 搬迁户' })
  async households(
    @Root() s: RelocationSite,
    @Args(() => HouseholdListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new HouseholdConnection(
      ctx.services.household.listByParent(ctx.loaders, 'relocationSiteId', s.id, args, info),
    );
  }

  @FieldResolver(() => AssetConnection, { description: 'Assets serving the site. 安置点资产' })
  async assets(
    @Root() s: RelocationSite,
    @Args(() => AssetListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new AssetConnection(
      ctx.services.asset.listByParent(ctx.loaders, 'relocationSiteId', s.id, args, info),
    );
  }

  @FieldResolver(() => AssistanceMeasureConnection, {
    description: 'Collective measures for the site (后续扶持). 安置点帮扶措施',
  })
  async measures(
    @Root() s: RelocationSite,
    @Args(() => AssistanceMeasureListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = ctx.services.assistanceMeasure.listByParent(
      ctx.loaders,
      'relocationSiteId',
      s.id,
      args,
      info,
    );
    return new AssistanceMeasureConnection(page);
  }

  @FieldResolver(() => Int, { description: 'Relocated households (derived). 搬迁户数' })
  async relocatedHouseholds(@Root() s: RelocationSite, @Ctx() ctx: Context) {
    return (await ctx.services.relocationSite.totals(ctx.loaders, s.id)).households;
  }

  @FieldResolver(() => Int, {
    description: 'Relocated people: members of its households (derived). 搬迁人口',
  })
  async relocatedPeople(@Root() s: RelocationSite, @Ctx() ctx: Context) {
    return (await ctx.services.relocationSite.totals(ctx.loaders, s.id)).people;
  }

  @FieldResolver(() => Int, {
    description: 'Laborers: members with labour capacity FULL or PARTIAL (derived). 劳动力人数',
  })
  async laborers(@Root() s: RelocationSite, @Ctx() ctx: Context) {
    return (await ctx.services.relocationSite.totals(ctx.loaders, s.id)).laborers;
  }

  @FieldResolver(() => Int, { description: 'Laborers in work, workLocation ≠ NONE (derived). 已就业劳动力' })
  async employedLaborers(@Root() s: RelocationSite, @Ctx() ctx: Context) {
    return (await ctx.services.relocationSite.totals(ctx.loaders, s.id)).employedLaborers;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Employment rate in percent = employed / laborers × 100, 2 decimals; null without laborers. 就业率(%)',
  })
  async employmentRate(@Root() s: RelocationSite, @Ctx() ctx: Context) {
    const t = await ctx.services.relocationSite.totals(ctx.loaders, s.id);
    return t.laborers ? Math.round((t.employedLaborers / t.laborers) * 10000) / 100 : null;
  }
}
