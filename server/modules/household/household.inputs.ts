import { escapeLike, registerSearchExtra } from '../../common/listing/sql-builder';
import { currentActor, seesPersonalData } from '../../auth/actor';
import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Connection } from '../../common/listing/connection';
import {
  BooleanFilter,
  DateFilter,
  DateTimeFilter,
  IDFilter,
  StringFilter,
} from '../../common/listing/filters';
import { filterType, listArgsType, orderType } from '../../common/listing/inputs-factory';
import { DateScalar } from '../../common/scalars';
import { updateInputOf } from '../../common/validation/update-input';
import { AssistanceMeasureFilter } from '../assistance-measure/assistance-measure.inputs';
import { HouseholdMemberFields, HouseholdMemberFilter } from '../household-member/household-member.inputs';
import { RelocationSiteFilter } from '../relocation-site/relocation-site.inputs';
import { VillageFilter } from '../village/village.inputs';
import { MonitoringCaseFilter } from '../monitoring/monitoring.inputs';
import { HouseholdIncomeFilter } from '../household-income/household-income.inputs';
import { Household } from './household.entity';
import { HouseholdType, HousingSafety, HouseholdTypeFilter, HousingSafetyFilter } from './household.enums';

/** Mobile (1[3-9] + 9 digits, optional +86) or landline (0 + 2–3 digit area code, 7–8 digits, extension). */
export const PHONE = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;

@InputType({ description: 'A household’s own fields. 农户信息' })
export class HouseholdFields {
  @Field({ description: 'Household number, unique: letters, digits, dashes. 户编号' })
  @Matches(/^[0-9A-Za-z-]{1,30}$/, { message: 'householdNumber must be 1–30 letters, digits or dashes' })
  householdNumber: string;

  @Field(() => ID, { description: 'Village of registration. 所属行政村' })
  villageId: string;

  @Field(() => String, { nullable: true, description: 'Natural village or group. 自然村/村民小组' })
  @IsOptional()
  @Length(1, 50)
  naturalVillage?: string | null;

  @Field(() => String, { nullable: true, description: 'Address. 住址' })
  @IsOptional()
  @Length(1, 200)
  address?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Phone: a mobile number (11 digits, 1[3-9]…) or a landline with its area code (0943-8221234, ' +
      'optional extension -12); INVALID_FORMAT otherwise. 联系电话',
  })
  @IsOptional()
  @Matches(PHONE, { message: 'phone: a mobile number 1[3-9] + 9 digits, or a landline 0xxx-xxxxxxx' })
  phone?: string | null;

  @Field(() => HouseholdType, { description: 'Alleviated or ordinary. 农户类型' })
  householdType: HouseholdType;

  @Field({ nullable: true, description: 'Subsistence allowance. 低保 (default false)' })
  hasSubsistenceAllowance?: boolean;

  @Field({ nullable: true, description: 'Extreme-poverty support. 特困供养 (default false)' })
  hasExtremePovertySupport?: boolean;

  @Field(() => ID, { nullable: true, description: 'Relocation site. 安置点' })
  @IsOptional()
  relocationSiteId?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Moved in on (relocated households only); not in the future (FUTURE_DATE). 入住日期',
  })
  movedInAt?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Village moved out of (relocated households only). 迁出村',
  })
  @IsOptional()
  originVillageId?: string | null;

  @Field(() => HousingSafety, { nullable: true, description: 'Housing safety grade. 住房安全等级' })
  housingSafety?: HousingSafety | null;

  @Field({ nullable: true, description: 'Drinking water safe (default true). 饮水安全' })
  drinkingWaterSafe?: boolean;

  @Field(() => String, { nullable: true, description: 'Responsible cadre. 帮扶责任人' })
  @IsOptional()
  @Length(1, 50)
  cadreName?: string | null;

  @Field(() => String, { nullable: true, description: 'Unit of the responsible cadre. 帮扶责任人单位' })
  @IsOptional()
  @Length(1, 100)
  cadreUnit?: string | null;
}

@InputType({
  description: 'A new household, optionally with its members (exactly one HEAD among them). 新增农户',
})
export class CreateHouseholdInput extends HouseholdFields {
  @Field(() => [HouseholdMemberFields], {
    nullable: true,
    description: 'Members created with it, at most 30. 家庭成员',
  })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  members?: HouseholdMemberFields[];
}

export const UpdateHouseholdInput = updateInputOf(
  HouseholdFields,
  'UpdateHouseholdInput',
  'Changes to a household. 修改农户',
);

export const HouseholdFilter = filterType(
  Household,
  {
    id: IDFilter,
    householdNumber: StringFilter,
    villageId: IDFilter,
    naturalVillage: StringFilter,
    address: StringFilter,
    householdType: HouseholdTypeFilter,
    hasSubsistenceAllowance: BooleanFilter,
    hasExtremePovertySupport: BooleanFilter,
    relocationSiteId: IDFilter,
    movedInAt: DateFilter,
    originVillageId: IDFilter,
    housingSafety: HousingSafetyFilter,
    drinkingWaterSafe: BooleanFilter,
    cadreName: StringFilter,
    createdAt: DateTimeFilter,
    updatedAt: DateTimeFilter,
  },
  {
    village: () => VillageFilter,
    relocationSite: () => RelocationSiteFilter,
    members: () => HouseholdMemberFilter,
    measures: () => AssistanceMeasureFilter,
    monitoringCases: () => MonitoringCaseFilter,
    incomes: () => HouseholdIncomeFilter,
  },
  ['householdNumber', 'address', 'naturalVillage', 'cadreName'],
);
export const HouseholdOrderBy = orderType(Household, [
  'householdNumber',
  'villageId',
  'householdType',
  'housingSafety',
  'movedInAt',
  'createdAt',
  'updatedAt',
]);
export const HouseholdListArgs = listArgsType(Household, HouseholdFilter, HouseholdOrderBy);
export const HouseholdConnection = Connection(Household, '农户');

// `q` on households also finds the head's name (户主姓名), for roles that see names (README: accounts, roles and personal data).
registerSearchExtra(Household, (alias, text, params) =>
  seesPersonalData(currentActor())
    ? `EXISTS (SELECT 1 FROM household_member hm WHERE hm.household_id = ${alias}.id AND hm.relation_to_head = 'HEAD' AND hm.name ILIKE ${params.add(`%${escapeLike(text)}%`)})`
    : null,
);
