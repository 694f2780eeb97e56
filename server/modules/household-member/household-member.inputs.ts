import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Matches, Max, Min } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
import { Connection } from '../../common/listing/connection';
import {
  BooleanFilter,
  DateTimeFilter,
  IDFilter,
  IntFilter,
  StringFilter,
} from '../../common/listing/filters';
import { filterType, listArgsType, orderType } from '../../common/listing/inputs-factory';
import { registerFilterField, registerSearchExtra, type SqlParams } from '../../common/listing/sql-builder';
import { currentActor, seesPersonalData } from '../../auth/actor';
import { lookupHash } from '../../auth/personal-data';
import { normaliseIdNumber } from '../../auth/id-number-lookup';
import { AppError, invalidInput } from '../../common/errors';
import { updateInputOf } from '../../common/validation/update-input';
import { HouseholdFilter } from '../household/household.inputs';
import { HouseholdMember } from './household-member.entity';
import {
  EducationLevel,
  HealthStatus,
  LaborCapacity,
  RelationToHead,
  SchoolStatus,
  WorkLocation,
  GenderFilter,
  RelationToHeadFilter,
  EducationLevelFilter,
  SchoolStatusFilter,
  HealthStatusFilter,
  LaborCapacityFilter,
  WorkLocationFilter,
} from './household-member.enums';

/** A member's own fields; gender and birth date are not typed: they come from the ID number. */
@InputType({
  description: 'A household member’s fields (gender and birth date derive from the ID number). 家庭成员信息',
})
export class HouseholdMemberFields {
  @Field({ description: 'Name. 姓名' })
  @Length(1, 50)
  name: string;

  @Field({ description: '18-character citizen ID number, GB 11643-1999 check digit. 居民身份证号' })
  @Length(18, 18, { message: 'idNumber must be 18 characters' })
  idNumber: string;

  @Field(() => RelationToHead, {
    description: 'Relation to the head; exactly one HEAD per household. 与户主关系',
  })
  relationToHead: RelationToHead;

  @Field({ nullable: true, description: 'Ethnicity, default 汉族. 民族' })
  @IsOptional()
  @Length(1, 20)
  ethnicity?: string;

  @Field(() => EducationLevel, { description: 'Highest education completed. 文化程度' })
  educationLevel: EducationLevel;

  @Field(() => SchoolStatus, {
    nullable: true,
    description: 'School attendance, default NOT_IN_SCHOOL. 在校生状况',
  })
  schoolStatus?: SchoolStatus;

  @Field(() => HealthStatus, { nullable: true, description: 'Health, default HEALTHY. 健康状况' })
  healthStatus?: HealthStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Disability grade 1–4, only and always when DISABLED. 残疾等级',
  })
  @IsOptional()
  @Min(1)
  @Max(4)
  disabilityGrade?: number | null;

  @Field(() => LaborCapacity, { description: 'Labour capacity. 劳动能力' })
  laborCapacity: LaborCapacity;

  @Field(() => String, { nullable: true, description: 'Skill. 劳动技能' })
  @IsOptional()
  @Length(1, 100)
  skill?: string | null;

  @Field(() => WorkLocation, {
    nullable: true,
    description: 'Where the member works, default NONE. 务工区域',
  })
  workLocation?: WorkLocation;

  @Field(() => Int, { nullable: true, description: 'Months worked this year, 0–12, default 0. 务工时间(月)' })
  @IsOptional()
  @Min(0)
  @Max(12)
  workMonths?: number;

  @Field({ nullable: true, description: 'Basic medical insurance. 基本医疗保险' })
  medicalInsured?: boolean;

  @Field({ nullable: true, description: 'Serious-illness insurance. 大病保险' })
  seriousIllnessInsured?: boolean;

  @Field({ nullable: true, description: 'Basic pension insurance. 基本养老保险' })
  pensionInsured?: boolean;
}

@InputType({ description: 'A new member of an existing household. 新增家庭成员' })
export class CreateHouseholdMemberInput extends HouseholdMemberFields {
  @Field(() => ID, { description: 'Household. 所属户' })
  householdId: string;
}

export const UpdateHouseholdMemberInput = updateInputOf(
  HouseholdMemberFields,
  'UpdateHouseholdMemberInput',
  'Changes to a member; the ID number change re-derives gender and birth date. 修改家庭成员',
);

/** Exact match of an ID number, through its keyed hash (the numbers are stored encrypted). */
@InputType({
  description:
    'Exact match of ONE ID number (compared through its keyed hash). A request looks up at most one ID number ' +
    '(in `eq`, `in`, `or`, relation filters and `q` together; more: BAD_USER_INPUT/ID_NUMBER_LOOKUP_LIMIT); ' +
    'each lookup is audited (`idNumberLookup`, region code only) and counted: 30 per 10 minutes per caller, ' +
    'then TOO_MANY_REQUESTS/RATE_LIMITED. 身份证号精确查找（每次请求限一个号码）',
})
export class IdNumberFilter {
  @Field({ nullable: true, description: 'Equal to (18 characters)' })
  eq?: string;
  @Field(() => [String], { nullable: true, description: 'Any of: at most one ID number (see the type)' })
  in?: string[];
}

/** Birth months `YYYY-MM` (compared as text, which orders them). */
@InputType({
  description: 'Birth months `YYYY-MM` (出生年月); personal data, for roles that see it. 出生年月筛选',
})
export class BirthMonthFilter {
  @Field({ nullable: true, description: 'Equal to' })
  @Matches(MONTH)
  eq?: string;
  @Field(() => [String], { nullable: true, description: 'Any of (≤ 1000)' })
  @Matches(MONTH, { each: true })
  in?: string[];
  @Field({ nullable: true, description: 'In or after' })
  @Matches(MONTH)
  gte?: string;
  @Field({ nullable: true, description: 'In or before' })
  @Matches(MONTH)
  lte?: string;
}

/** Personal-data filters are for actors who may see personal data (FORBIDDEN otherwise). */
function requirePersonalData(path: string): void {
  if (!seesPersonalData(currentActor()))
    throw new AppError(
      'FORBIDDEN',
      'PERSONAL_DATA',
      `${path}: searching personal data is not open to this role`,
      [{ field: path, reason: 'PERSONAL_DATA', message: 'not open to this role' }],
    );
}

/** Hash of one looked-up ID number, noted on the statement so that at most one per request runs. */
const idHash = (v: unknown, params: SqlParams) => {
  params.idNumbers.push(normaliseIdNumber(v));
  return lookupHash(normaliseIdNumber(v));
};

registerFilterField(HouseholdMember, 'idNumber', (alias, value: IdNumberFilter, params, path) => {
  requirePersonalData(path);
  const parts: string[] = [];
  if (value.eq !== undefined && value.eq !== null)
    parts.push(`${alias}.id_number_hash = ${params.add(idHash(value.eq, params))}`);
  if (value.in) {
    if (value.in.length > 1000)
      throw invalidInput([{ field: `${path}.in`, reason: 'TOO_MANY', message: 'at most 1000' }]);
    parts.push(`${alias}.id_number_hash = ANY(${params.add(value.in.map((v) => idHash(v, params)))})`);
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
});

// `q` on members: a name substring, or a whole ID number (exact, through the hash).
registerSearchExtra(HouseholdMember, (alias, text, params) => {
  requirePersonalData('filter.q');
  return /^\d{17}[\dXx]$/.test(text) ? `${alias}.id_number_hash = ${params.add(idHash(text, params))}` : null;
});

export const HouseholdMemberFilter = filterType(
  HouseholdMember,
  {
    id: IDFilter,
    householdId: IDFilter,
    name: StringFilter,
    idNumber: IdNumberFilter,
    gender: GenderFilter,
    birthMonth: BirthMonthFilter,
    relationToHead: RelationToHeadFilter,
    ethnicity: StringFilter,
    educationLevel: EducationLevelFilter,
    schoolStatus: SchoolStatusFilter,
    healthStatus: HealthStatusFilter,
    disabilityGrade: IntFilter,
    laborCapacity: LaborCapacityFilter,
    workLocation: WorkLocationFilter,
    workMonths: IntFilter,
    medicalInsured: BooleanFilter,
    seriousIllnessInsured: BooleanFilter,
    pensionInsured: BooleanFilter,
    createdAt: DateTimeFilter,
    updatedAt: DateTimeFilter,
  },
  { household: () => HouseholdFilter },
  ['name'],
);
export const HouseholdMemberOrderBy = orderType(HouseholdMember, [
  'householdId',
  'name',
  'birthMonth',
  'gender',
  'relationToHead',
  'healthStatus',
  'laborCapacity',
  'workMonths',
  'createdAt',
  'updatedAt',
]);
export const HouseholdMemberListArgs = listArgsType(
  HouseholdMember,
  HouseholdMemberFilter,
  HouseholdMemberOrderBy,
);
export const HouseholdMemberConnection = Connection(HouseholdMember, '家庭成员');
