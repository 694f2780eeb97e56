import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
  Info,
  UseMiddleware,
} from 'type-graphql';
import type { Context } from '../../app/context';
import { FreshReads } from '../../common/crud/fresh-reads';
import { CrudResolver } from '../../common/crud/crud.resolver';
import type { ListArgsShape } from '../../common/listing/inputs-factory';
import {
  AssistanceMeasureConnection,
  AssistanceMeasureListArgs,
} from '../assistance-measure/assistance-measure.inputs';
import { Household } from '../household/household.entity';
import { HouseholdMember } from './household-member.entity';
import { RelationToHead } from './household-member.enums';
import {
  CreateHouseholdMemberInput,
  HouseholdMemberConnection,
  HouseholdMemberListArgs,
  UpdateHouseholdMemberInput,
} from './household-member.inputs';

/**
 * Whole years between a birth month (`YYYY-MM`) and this month (UTC): a member is a year older from
 * the first day of the birth month. Counted by months so that watching the age change day by day
 * cannot tell the birth day (issue #11 fault 1).
 */
export function ageOn(birthMonth: string, today = new Date()): number {
  const [y, m] = birthMonth.split('-').map(Number);
  return Math.floor((today.getUTCFullYear() * 12 + today.getUTCMonth() + 1 - (y * 12 + m)) / 12);
}

@Resolver(() => HouseholdMember)
export class HouseholdMemberResolver extends CrudResolver({
  entity: HouseholdMember,
  connection: HouseholdMemberConnection,
  listArgs: HouseholdMemberListArgs,
  createInput: CreateHouseholdMemberInput,
  updateInput: UpdateHouseholdMemberInput,
  singular: 'householdMember',
  plural: 'householdMembers',
  label: '家庭成员',
  service: (ctx) => ctx.services.householdMember,
}) {
  @FieldResolver(() => Household, { description: 'Household. 所属户' })
  household(@Root() m: HouseholdMember, @Ctx() ctx: Context) {
    return ctx.services.household.findById(ctx.loaders, m.householdId);
  }

  @FieldResolver(() => Int, {
    description:
      'Age in whole years, counted by months from the birth month (a year older from the first of the birth month). 年龄',
  })
  age(@Root() m: HouseholdMember) {
    return ageOn(m.birthMonth);
  }

  @FieldResolver(() => AssistanceMeasureConnection, {
    description: 'Measures of which this member is the beneficiary. 受益措施',
  })
  async measures(
    @Root() m: HouseholdMember,
    @Args(() => AssistanceMeasureListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = ctx.services.assistanceMeasure.listByParent(
      ctx.loaders,
      'beneficiaryMemberId',
      m.id,
      args,
      info,
    );
    return new AssistanceMeasureConnection(page);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => HouseholdMember, {
    description:
      'Makes a member the head of household (变更户主); the former head takes formerHeadRelation. ' +
      'NOT_FOUND for an unknown member; BAD_USER_INPUT/INVALID_RELATION when formerHeadRelation is HEAD.',
  })
  changeHouseholdHead(
    @Arg('memberId', () => ID, { description: 'The member who becomes head' }) memberId: string,
    @Arg('formerHeadRelation', () => RelationToHead, { description: 'New relation of the former head' })
    formerHeadRelation: RelationToHead,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.householdMember.changeHead(memberId, formerHeadRelation);
  }
}
