import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeScalar, DateScalar, DecimalScalar } from '../scalars';

/**
 * Typed per-field filters (README: the API in brief). Every operator present must hold (they are ANDed);
 * `isNull: true` matches missing values, `isNull: false` present ones.
 */
@InputType({ description: 'Filter on a text field. 文本筛选' })
export class StringFilter {
  @Field({ nullable: true, description: 'Equal to' })
  eq?: string;
  @Field({ nullable: true, description: 'Not equal to (null counts as different)' })
  ne?: string;
  @Field(() => [String], { nullable: true, description: 'One of' })
  in?: string[];
  @Field(() => [String], { nullable: true, description: 'None of' })
  notIn?: string[];
  @Field({ nullable: true, description: 'Contains, case-insensitive' })
  contains?: string;
  @Field({ nullable: true, description: 'Starts with, case-insensitive' })
  startsWith?: string;
  @Field({ nullable: true, description: 'true: value is null; false: value is present' })
  isNull?: boolean;
}

@InputType({ description: 'Filter on an ID or reference field. 编号筛选' })
export class IDFilter {
  @Field(() => ID, { nullable: true, description: 'Equal to' })
  eq?: string;
  @Field(() => ID, { nullable: true, description: 'Not equal to' })
  ne?: string;
  @Field(() => [ID], { nullable: true, description: 'One of' })
  in?: string[];
  @Field(() => [ID], { nullable: true, description: 'None of' })
  notIn?: string[];
  @Field({ nullable: true, description: 'true: no reference; false: has one' })
  isNull?: boolean;
}

@InputType({ description: 'Filter on an integer field. 整数筛选' })
export class IntFilter {
  @Field(() => Int, { nullable: true, description: 'Equal to' }) eq?: number;
  @Field(() => Int, { nullable: true, description: 'Not equal to' }) ne?: number;
  @Field(() => [Int], { nullable: true, description: 'One of' }) in?: number[];
  @Field(() => [Int], { nullable: true, description: 'None of' }) notIn?: number[];
  @Field(() => Int, { nullable: true, description: 'Less than' }) lt?: number;
  @Field(() => Int, { nullable: true, description: 'Less than or equal' }) lte?: number;
  @Field(() => Int, { nullable: true, description: 'Greater than' }) gt?: number;
  @Field(() => Int, { nullable: true, description: 'Greater than or equal' }) gte?: number;
  @Field({ nullable: true, description: 'true: value is null; false: present' }) isNull?: boolean;
}

@InputType({ description: 'Filter on a Decimal field (money in yuan). 金额筛选' })
export class DecimalFilter {
  @Field(() => DecimalScalar, { nullable: true, description: 'Equal to' }) eq?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Not equal to' }) ne?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Less than' }) lt?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Less than or equal' }) lte?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Greater than' }) gt?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Greater than or equal' }) gte?: string;
  @Field({ nullable: true, description: 'true: value is null; false: present' }) isNull?: boolean;
}

@InputType({ description: 'Filter on a Date field (YYYY-MM-DD). 日期筛选' })
export class DateFilter {
  @Field(() => DateScalar, { nullable: true, description: 'On this day' }) eq?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Before' }) lt?: string;
  @Field(() => DateScalar, { nullable: true, description: 'On or before' }) lte?: string;
  @Field(() => DateScalar, { nullable: true, description: 'After' }) gt?: string;
  @Field(() => DateScalar, { nullable: true, description: 'On or after' }) gte?: string;
  @Field({ nullable: true, description: 'true: value is null; false: present' }) isNull?: boolean;
}

@InputType({ description: 'Filter on a DateTime field (ISO 8601, UTC). 时间筛选' })
export class DateTimeFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Before' }) lt?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'At or before' }) lte?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'After' }) gt?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'At or after' }) gte?: Date;
  @Field({ nullable: true, description: 'true: value is null; false: present' }) isNull?: boolean;
}

@InputType({ description: 'Filter on a yes/no field. 是否筛选' })
export class BooleanFilter {
  @Field({ nullable: true, description: 'Equal to' }) eq?: boolean;
  @Field({ nullable: true, description: 'true: value is null; false: present' }) isNull?: boolean;
}

/** Builds the filter input of one enum (`HouseholdTypeFilter { eq ne in notIn isNull }`). */
export function enumFilter<E extends object>(enumType: E, name: string, label: string) {
  @InputType(`${name}Filter`, { description: `Filter on ${name} (${label}).` })
  class EnumFilter {
    @Field(() => enumType, { nullable: true, description: 'Equal to' }) eq?: string;
    @Field(() => enumType, { nullable: true, description: 'Not equal to (null counts as different)' })
    ne?: string;
    @Field(() => [enumType], { nullable: true, description: 'One of' }) in?: string[];
    @Field(() => [enumType], { nullable: true, description: 'None of' }) notIn?: string[];
    @Field({ nullable: true, description: 'true: value is null; false: present' }) isNull?: boolean;
  }
  return EnumFilter;
}

/** Filter on an array column of enum values (a case's risk types): `has`, `hasAny`, `hasAll`. */
export function enumArrayFilter<E extends object>(enumType: E, name: string, label: string) {
  @InputType(`${name}ListFilter`, { description: `Filter on a list of ${name} (${label}).` })
  class EnumArrayFilter {
    @Field(() => enumType, { nullable: true, description: 'The list holds this value' }) has?: string;
    @Field(() => [enumType], { nullable: true, description: 'The list holds at least one of these' })
    hasAny?: string[];
    @Field(() => [enumType], { nullable: true, description: 'The list holds all of these' })
    hasAll?: string[];
  }
  return EnumArrayFilter;
}
