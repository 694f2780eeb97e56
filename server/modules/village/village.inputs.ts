import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Connection } from '../../common/listing/connection';
import {
  BooleanFilter,
  DateTimeFilter,
  DecimalFilter,
  IDFilter,
  IntFilter,
  StringFilter,
} from '../../common/listing/filters';
import { filterType, listArgsType, orderType } from '../../common/listing/inputs-factory';
import { DecimalScalar } from '../../common/scalars';
import { IsMoney } from '../../common/validation/money';
import { updateInputOf } from '../../common/validation/update-input';
import { HouseholdFilter } from '../household/household.inputs';
import { TownshipFilter } from '../township/township.inputs';
import { VillageCollectiveIncome } from './village-collective-income.entity';
import { Village } from './village.entity';
import { CommitteeTypeFilter } from './village.enums';

@InputType({
  description: 'A new village-level unit; its committee type follows from the code. 新增行政村/社区',
})
export class CreateVillageInput {
  @Field({ description: '12-digit code whose first 9 digits are the township’s' })
  @Matches(/^\d{12}$/, { message: 'code must be 12 digits' })
  code: string;

  @Field({ description: 'Name. 名称' })
  @Length(1, 50)
  name: string;

  @Field(() => ID, { description: 'Township. 所属乡镇' })
  townshipId: string;

  @Field(() => String, { nullable: true, description: 'NBS urban-rural class code, 3 digits. 城乡分类代码' })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'urbanRuralClass must be 3 digits' })
  urbanRuralClass?: string | null;

  @Field({ nullable: true, description: 'Alleviated village. 脱贫村 (default false)' })
  isAlleviatedVillage?: boolean;

  @Field({ nullable: true, description: 'Key village for assistance. 重点帮扶村 (default false)' })
  isKeyVillage?: boolean;

  @Field(() => String, { nullable: true, description: 'Featured industry. 一村一品' })
  @IsOptional()
  @Length(1, 100)
  featuredIndustry?: string | null;

  @Field(() => String, { nullable: true, description: 'First secretary. 驻村第一书记' })
  @IsOptional()
  @Length(1, 50)
  firstSecretaryName?: string | null;

  @Field(() => String, { nullable: true, description: 'Dispatching unit of the first secretary. 派出单位' })
  @IsOptional()
  @Length(1, 100)
  firstSecretaryUnit?: string | null;
}

export const UpdateVillageInput = updateInputOf(
  CreateVillageInput,
  'UpdateVillageInput',
  'Changes to a village. 修改行政村/社区',
);

export const VillageFilter = filterType(
  Village,
  {
    id: IDFilter,
    code: StringFilter,
    name: StringFilter,
    townshipId: IDFilter,
    committeeType: CommitteeTypeFilter,
    urbanRuralClass: StringFilter,
    isAlleviatedVillage: BooleanFilter,
    isKeyVillage: BooleanFilter,
    featuredIndustry: StringFilter,
    firstSecretaryName: StringFilter,
    createdAt: DateTimeFilter,
    updatedAt: DateTimeFilter,
  },
  { township: () => TownshipFilter, households: () => HouseholdFilter },
  ['name', 'code', 'featuredIndustry'],
);
export const VillageOrderBy = orderType(Village, [
  'code',
  'name',
  'townshipId',
  'committeeType',
  'isAlleviatedVillage',
  'isKeyVillage',
  'createdAt',
  'updatedAt',
]);
export const VillageListArgs = listArgsType(Village, VillageFilter, VillageOrderBy);
export const VillageConnection = Connection(Village, '行政村/社区');

@InputType({ description: 'A village’s collective income of one year. 新增村集体经济收入' })
export class CreateVillageCollectiveIncomeInput {
  @Field(() => ID, { description: 'Village. 行政村' })
  villageId: string;

  @Field(() => Int, { description: 'Year, 2000–2100, not after this year (FUTURE_YEAR). 年度' })
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => DecimalScalar, { description: 'Income in yuan, ≥ 0, 2 decimals at most. 收入(元)' })
  @IsMoney()
  amountYuan: string;
}

export const UpdateVillageCollectiveIncomeInput = updateInputOf(
  CreateVillageCollectiveIncomeInput,
  'UpdateVillageCollectiveIncomeInput',
  'Changes to a collective-income row. 修改村集体经济收入',
);

export const VillageCollectiveIncomeFilter = filterType(
  VillageCollectiveIncome,
  { id: IDFilter, villageId: IDFilter, year: IntFilter, amountYuan: DecimalFilter },
  { village: () => VillageFilter },
);
export const VillageCollectiveIncomeOrderBy = orderType(VillageCollectiveIncome, [
  'year',
  'amountYuan',
  'villageId',
]);
export const VillageCollectiveIncomeListArgs = listArgsType(
  VillageCollectiveIncome,
  VillageCollectiveIncomeFilter,
  VillageCollectiveIncomeOrderBy,
);
export const VillageCollectiveIncomeConnection = Connection(VillageCollectiveIncome, '村集体经济收入');
