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
import { currentActor, seesPersonalData } from '../../auth/actor';
import { maskIdNumber, maskName } from '../../auth/personal-data';
import { DateScalar } from '../../common/scalars';
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

/** Whole years between a YYYY-MM-DD birth date and today (UTC). */
export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  const age = today.getUTCFullYear() - y;
  const before = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  return before ? age - 1 : age;
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

  /** Always masked (`620402********1234`); the full number only through revealIdNumber. */
  @FieldResolver(() => String)
  idNumber(@Root() m: HouseholdMember) {
    return maskIdNumber(m.idNumber);
  }

  /** With the masked ID number it would give the full one: hidden from roles without personal data. */
  @FieldResolver(() => DateScalar, { nullable: true })
  birthDate(@Root() m: HouseholdMember) {
    return seesPersonalData(currentActor()) ? m.birthDate : null;
  }

  /** Masked to the surname (`张**`) for actors without personal data (department officers, API keys). */
  @FieldResolver(() => String)
  name(@Root() m: HouseholdMember) {
    return seesPersonalData(currentActor()) ? m.name : maskName(m.name);
  }

  @FieldResolver(() => Int, { description: 'Age in whole years today (derived from the birth date). 年龄' })
  age(@Root() m: HouseholdMember) {
    return ageOn(m.birthDate);
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
