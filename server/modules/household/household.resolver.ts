import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Int, Resolver, Root, Info } from 'type-graphql';
import type { Context } from '../../app/context';
import { CrudResolver } from '../../common/crud/crud.resolver';
import type { ListArgsShape } from '../../common/listing/inputs-factory';
import { AssetConnection, AssetListArgs } from '../asset/asset.inputs';
import {
  AssistanceMeasureConnection,
  AssistanceMeasureListArgs,
} from '../assistance-measure/assistance-measure.inputs';
import { HouseholdMember } from '../household-member/household-member.entity';
import {
  HouseholdMemberConnection,
  HouseholdMemberListArgs,
} from '../household-member/household-member.inputs';
import { RelocationSite } from '../relocation-site/relocation-site.entity';
import { Village } from '../village/village.entity';
import { Household } from './household.entity';
import { DecimalScalar } from '../../common/scalars';
import { MonitoringCase } from '../monitoring/monitoring-case.entity';
import { OPEN_STATUSES } from '../monitoring/monitoring.enums';
import { MonitoringCaseConnection, MonitoringCaseListArgs } from '../monitoring/monitoring.inputs';
import {
  HouseholdIncomeConnection,
  HouseholdIncomeListArgs,
} from '../household-income/household-income.inputs';
import {
  CreateHouseholdInput,
  HouseholdConnection,
  HouseholdListArgs,
  UpdateHouseholdInput,
} from './household.inputs';

@Resolver(() => Household)
export class HouseholdResolver extends CrudResolver({
  entity: Household,
  connection: HouseholdConnection,
  listArgs: HouseholdListArgs,
  createInput: CreateHouseholdInput,
  updateInput: UpdateHouseholdInput,
  singular: 'household',
  plural: 'households',
  label: '农户',
  service: (ctx) => ctx.services.household,
}) {
  @FieldResolver(() => Village, { description: 'Village of registration. 所属行政村' })
  village(@Root() h: Household, @Ctx() ctx: Context) {
    return ctx.services.village.findById(ctx.loaders, h.villageId);
  }

  @FieldResolver(() => Village, { nullable: true, description: 'Village moved out of. 迁出村' })
  originVillage(@Root() h: Household, @Ctx() ctx: Context) {
    return ctx.services.village.findById(ctx.loaders, h.originVillageId);
  }

  @FieldResolver(() => RelocationSite, { nullable: true, description: 'Relocation site. 安置点' })
  relocationSite(@Root() h: Household, @Ctx() ctx: Context) {
    return ctx.services.relocationSite.findById(ctx.loaders, h.relocationSiteId);
  }

  @FieldResolver(() => HouseholdMemberConnection, { description: 'Members. 家庭成员' })
  async members(
    @Root() h: Household,
    @Args(() => HouseholdMemberListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new HouseholdMemberConnection(
      ctx.services.householdMember.listByParent(ctx.loaders, 'householdId', h.id, args, info),
    );
  }

  @FieldResolver(() => Int, { description: 'Number of members (derived). 家庭人口数' })
  memberCount(@Root() h: Household, @Ctx() ctx: Context) {
    return ctx.services.householdMember.countOf(ctx.loaders, h.id);
  }

  @FieldResolver(() => HouseholdMember, { nullable: true, description: 'Head of household (derived). 户主' })
  head(@Root() h: Household, @Ctx() ctx: Context) {
    return ctx.services.householdMember.headOf(ctx.loaders, h.id);
  }

  @FieldResolver(() => AssistanceMeasureConnection, {
    description: 'Its assistance measures (一户一策). 帮扶措施',
  })
  async measures(
    @Root() h: Household,
    @Args(() => AssistanceMeasureListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new AssistanceMeasureConnection(
      ctx.services.assistanceMeasure.listByParent(ctx.loaders, 'householdId', h.id, args, info),
    );
  }

  @FieldResolver(() => AssetConnection, { description: 'Household-level assets. 到户类资产' })
  async assets(
    @Root() h: Household,
    @Args(() => AssetListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new AssetConnection(ctx.services.asset.listByParent(ctx.loaders, 'householdId', h.id, args, info));
  }

  @FieldResolver(() => MonitoringCaseConnection, { description: 'Its monitoring cases, all steps. 监测记录' })
  monitoringCases(
    @Root() h: Household,
    @Args(() => MonitoringCaseListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new MonitoringCaseConnection(
      ctx.services.monitoring.listByParent(ctx.loaders, 'householdId', h.id, args, info),
    );
  }

  @FieldResolver(() => MonitoringCase, {
    nullable: true,
    description: 'The open monitoring case, if any (derived). 当前监测记录',
  })
  async currentMonitoringCase(@Root() h: Household, @Ctx() ctx: Context) {
    const open = { status: { in: OPEN_STATUSES } };
    const page = await ctx.services.monitoring
      .listByParent(ctx.loaders, 'householdId', h.id, { filter: open, first: 1 })
      .page();
    return page.nodes[0] ?? null;
  }

  @FieldResolver(() => HouseholdIncomeConnection, {
    description: 'Income and spending by year. 家庭年度收支',
  })
  incomes(
    @Root() h: Household,
    @Args(() => HouseholdIncomeListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new HouseholdIncomeConnection(
      ctx.services.householdIncome.listByParent(ctx.loaders, 'householdId', h.id, args, info),
    );
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: 'Per-capita net income of the latest recorded year (derived). 最新人均纯收入(元)',
  })
  async latestPerCapitaNetIncomeYuan(@Root() h: Household, @Ctx() ctx: Context) {
    return (await ctx.services.householdIncome.latest(ctx.loaders, h.id))?.perCapitaNetIncomeYuan ?? null;
  }
}
