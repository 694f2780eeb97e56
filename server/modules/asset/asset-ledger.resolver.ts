import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import type { Context } from '../../app/context';
import { CrudResolver, ReadResolver } from '../../common/crud/crud.resolver';
import { FreshReads } from '../../common/crud/fresh-reads';
import type { ListArgsShape } from '../../common/listing/inputs-factory';
import { DecimalScalar } from '../../common/scalars';
import { AssetDisposal } from './asset-disposal.entity';
import { AssetRevenue, AssetRevenueDistribution } from './asset-revenue.entity';
import { Asset } from './asset.entity';
import {
  ApproveAssetDisposalInput,
  AssetDisposalConnection,
  AssetDisposalListArgs,
  AssetFilter,
  AssetRevenueConnection,
  AssetRevenueListArgs,
  AssignAssetCustodianInput,
  ChangeAssetStatusInput,
  ConfirmAssetRightsInput,
  CreateAssetRevenueInput,
  HandOverAssetInput,
  RejectAssetDisposalInput,
  RequestAssetDisposalInput,
  UpdateAssetRevenueInput,
} from './asset.inputs';

export enum AssetLedgerGrouping {
  ASSET_CLASS = 'ASSET_CLASS',
  CATEGORY = 'CATEGORY',
  STATUS = 'STATUS',
  DEPARTMENT = 'DEPARTMENT',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}
registerEnumType(AssetLedgerGrouping, {
  name: 'AssetLedgerGrouping',
  description: 'How a ledger view groups the assets. 台账分组',
  valuesConfig: {
    ASSET_CLASS: { description: '分类台账 (经营性/公益性/到户类)' },
    CATEGORY: { description: '按资产类型' },
    STATUS: { description: '按资产状态' },
    DEPARTMENT: { description: '分部门台账 (行业主管部门)' },
    TOWNSHIP: { description: '明细台账: 按乡镇' },
    VILLAGE: { description: '明细台账: 按村' },
  },
});

@ObjectType({ description: 'One row of a ledger view: a group, its count and sums in yuan. 台账行' })
export class AssetLedgerRow {
  @Field(() => String, {
    nullable: true,
    description: 'Group key (enum value or row ID); null: not filled. 分组',
  })
  key: string | null;
  @Field({ description: 'Group name in Chinese. 名称' })
  label: string;
  @Field(() => Int, { description: 'Assets. 资产数' })
  count: number;
  @Field(() => DecimalScalar, { description: 'Sum of original values, yuan. 原值合计(元)' })
  originalValueYuan: string;
  @Field(() => DecimalScalar, { description: 'Sum of book values, yuan. 账面价值合计(元)' })
  bookValueYuan: string;
  @Field(() => DecimalScalar, {
    description: 'Sum of revenue, yuan (all years or revenueYear). 收益合计(元)',
  })
  revenueYuan: string;
}

@Resolver(() => AssetRevenue)
export class AssetRevenueResolver extends CrudResolver({
  entity: AssetRevenue,
  connection: AssetRevenueConnection,
  listArgs: AssetRevenueListArgs,
  createInput: CreateAssetRevenueInput,
  updateInput: UpdateAssetRevenueInput,
  singular: 'assetRevenue',
  plural: 'assetRevenues',
  label: '资产收益',
  service: (ctx) => ctx.services.assetRevenue,
}) {
  @FieldResolver(() => Asset, { description: 'The asset. 资产' })
  asset(@Root() r: AssetRevenue, @Ctx() ctx: Context) {
    return ctx.services.asset.findById(ctx.loaders, r.assetId);
  }

  @FieldResolver(() => [AssetRevenueDistribution], { description: 'Distribution by purpose. 收益分配' })
  async distributions(@Root() r: AssetRevenue, @Ctx() ctx: Context) {
    const page = await ctx.services.assetRevenueDistribution
      .listByParent(ctx.loaders, 'revenueId', r.id, { first: 10, orderBy: [] })
      .page();
    return page.nodes;
  }
}

@Resolver(() => AssetDisposal)
export class AssetDisposalResolver extends ReadResolver({
  entity: AssetDisposal,
  connection: AssetDisposalConnection,
  listArgs: AssetDisposalListArgs,
  singular: 'assetDisposal',
  plural: 'assetDisposals',
  label: '资产处置',
  service: (ctx) => ctx.services.assetDisposal,
}) {
  @FieldResolver(() => Asset, { description: 'The asset. 资产' })
  asset(@Root() d: AssetDisposal, @Ctx() ctx: Context) {
    return ctx.services.asset.findById(ctx.loaders, d.assetId);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => AssetDisposal, {
    description:
      'Requests the disposal of an asset (处置申请). CONFLICT/DISPOSAL_PENDING while a request waits; CONFLICT/ASSET_DISPOSED.',
  })
  requestAssetDisposal(
    @Arg('input', () => RequestAssetDisposalInput, { description: 'The request' })
    input: RequestAssetDisposalInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.assetDisposal.request(input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => AssetDisposal, {
    description:
      'Approves a disposal (批准处置): district level, not the requester (FORBIDDEN/SAME_PERSON); the asset becomes DISPOSED with the proceeds.',
  })
  approveAssetDisposal(
    @Arg('id', () => ID, { description: 'Disposal request ID' }) id: string,
    @Arg('input', () => ApproveAssetDisposalInput, { description: 'Document, proceeds, date' })
    input: ApproveAssetDisposalInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.assetDisposal.approve(id, input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => AssetDisposal, {
    description: 'Rejects a disposal (驳回处置): district level, not the requester.',
  })
  rejectAssetDisposal(
    @Arg('id', () => ID, { description: 'Disposal request ID' }) id: string,
    @Arg('input', () => RejectAssetDisposalInput, { description: 'Reason' }) input: RejectAssetDisposalInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.assetDisposal.reject(id, input);
  }
}

/** Lifecycle steps of assets, their revenue and disposals, and the ledger views. */
@Resolver(() => Asset)
export class AssetLedgerResolver {
  @FieldResolver(() => AssetRevenueConnection, { description: 'Revenue by year. 资产收益' })
  revenues(
    @Root() a: Asset,
    @Args(() => AssetRevenueListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new AssetRevenueConnection(
      ctx.services.assetRevenue.listByParent(ctx.loaders, 'assetId', a.id, args, info),
    );
  }

  @FieldResolver(() => AssetDisposalConnection, { description: 'Disposal requests. 处置记录' })
  disposals(
    @Root() a: Asset,
    @Args(() => AssetDisposalListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new AssetDisposalConnection(
      ctx.services.assetDisposal.listByParent(ctx.loaders, 'assetId', a.id, args, info),
    );
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => Asset, {
    description:
      'Confirms the ownership of an asset (确权) with its document number. OPERATING assets need an operator (OPERATOR_REQUIRED); HOUSEHOLD assets are owned at HOUSEHOLD level.',
  })
  confirmAssetRights(
    @Arg('id', () => ID, { description: 'Asset ID' }) id: string,
    @Arg('input', () => ConfirmAssetRightsInput, { description: 'Date, document, owner' })
    input: ConfirmAssetRightsInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.asset.confirmRights(id, input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => Asset, {
    description: 'Hands an asset over (移交), not before its rights are confirmed (HANDOVER_BEFORE_RIGHTS).',
  })
  handOverAsset(
    @Arg('id', () => ID, { description: 'Asset ID' }) id: string,
    @Arg('input', () => HandOverAssetInput, { description: 'Date, document, custodian' })
    input: HandOverAssetInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.asset.handOver(id, input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => Asset, { description: 'Assigns the custodian and the person in charge of upkeep (管护).' })
  assignAssetCustodian(
    @Arg('id', () => ID, { description: 'Asset ID' }) id: string,
    @Arg('input', () => AssignAssetCustodianInput, { description: 'Custodian and person' })
    input: AssignAssetCustodianInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.asset.assignCustodian(id, input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => Asset, {
    description:
      'Changes the status IN_USE ↔ IDLE with a reason (状态变更); leaving use is a disposal (DISPOSAL_REQUIRED).',
  })
  changeAssetStatus(
    @Arg('id', () => ID, { description: 'Asset ID' }) id: string,
    @Arg('input', () => ChangeAssetStatusInput, { description: 'Status, reason, date' })
    input: ChangeAssetStatusInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.asset.changeStatus(id, input);
  }

  @Query(() => [AssetLedgerRow], {
    description:
      'A ledger view (分类台账 / 分部门台账 / 明细台账): assets in scope grouped, with counts and sums of original value, book value and revenue (yuan).',
  })
  assetLedger(
    @Arg('groupBy', () => AssetLedgerGrouping, { description: 'Grouping' }) groupBy: AssetLedgerGrouping,
    @Arg('filter', () => AssetFilter, { nullable: true, description: 'Which assets' })
    filter: Record<string, any> | null,
    @Arg('revenueYear', () => Int, {
      nullable: true,
      description: 'Revenue of this year only (default: all years)',
    })
    revenueYear: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.assetLedger.view(groupBy, filter, revenueYear);
  }

  @Query(() => [AssetLedgerRow], {
    description:
      '总账 by funding source: funding rows of the assets in scope, summed per source (originalValueYuan).',
  })
  assetLedgerByFundingSource(
    @Arg('filter', () => AssetFilter, { nullable: true, description: 'Which assets' })
    filter: Record<string, any> | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.assetLedger.byFundingSource(filter);
  }
}
