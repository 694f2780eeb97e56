import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Resolver, Root, Info } from 'type-graphql';
import type { Context } from '../../app/context';
import { CrudResolver } from '../../common/crud/crud.resolver';
import type { ListArgsShape } from '../../common/listing/inputs-factory';
import { RelocationSiteConnection, RelocationSiteListArgs } from '../relocation-site/relocation-site.inputs';
import { VillageConnection, VillageListArgs } from '../village/village.inputs';
import { Township } from './township.entity';
import {
  CreateTownshipInput,
  TownshipConnection,
  TownshipListArgs,
  UpdateTownshipInput,
} from './township.inputs';

@Resolver(() => Township)
export class TownshipResolver extends CrudResolver({
  entity: Township,
  connection: TownshipConnection,
  listArgs: TownshipListArgs,
  createInput: CreateTownshipInput,
  updateInput: UpdateTownshipInput,
  singular: 'township',
  plural: 'townships',
  label: '乡镇/街道',
  service: (ctx) => ctx.services.township,
}) {
  @FieldResolver(() => VillageConnection, { description: 'Its village-level units. 下辖村/社区' })
  async villages(
    @Root() t: Township,
    @Args(() => VillageListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new VillageConnection(
      ctx.services.village.listByParent(ctx.loaders, 'townshipId', t.id, args, info),
    );
  }

  @FieldResolver(() => RelocationSiteConnection, {
    description: 'Relocation sites in it. 易地扶贫搬迁安置点',
  })
  async relocationSites(
    @Root() t: Township,
    @Args(() => RelocationSiteListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = ctx.services.relocationSite.listByParent(ctx.loaders, 'townshipId', t.id, args, info);
    return new RelocationSiteConnection(page);
  }
}
