import { Field, ID, InputType, Int } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Connection } from '../../common/listing/connection';
import {
  DateFilter,
  DateTimeFilter,
  DecimalFilter,
  IDFilter,
  IntFilter,
  StringFilter,
} from '../../common/listing/filters';
import { filterType, listArgsType, orderType } from '../../common/listing/inputs-factory';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import { IsMoney } from '../../common/validation/money';
import { updateInputOf } from '../../common/validation/update-input';
import { DepartmentFilter } from '../department/department.inputs';
import { VillageFilter } from '../village/village.inputs';
import { AssetFunding } from './asset-funding.entity';
import { Asset } from './asset.entity';
import {
  AssetCategory,
  AssetClass,
  AssetStatus,
  FundingSource,
  OwnershipLevel,
  AssetClassFilter,
  AssetCategoryFilter,
  AssetStatusFilter,
  OwnershipLevelFilter,
  FundingSourceFilter,
} from './asset.enums';

@InputType({ description: 'One funding row of an asset. 资金构成' })
export class AssetFundingInput {
  @Field(() => FundingSource, { description: 'Source of funds. 资金来源' })
  source: FundingSource;

  @Field(() => DecimalScalar, { description: 'Amount in yuan, ≥ 0, 2 decimals at most. 金额(元)' })
  @IsMoney()
  amountYuan: string;
}

@InputType({ description: 'A ledger row’s fields. 资产信息' })
export class CreateAssetInput {
  @Field({ description: 'Ledger code, unique: letters, digits, dashes. 资产编号' })
  @Matches(/^[0-9A-Za-z-]{1,40}$/, { message: 'assetCode must be 1–40 letters, digits or dashes' })
  assetCode: string;

  @Field({ description: 'Name. 资产名称' })
  @Length(1, 100)
  name: string;

  @Field(() => AssetClass, { description: 'Class; HOUSEHOLD assets name their household. 资产类别' })
  assetClass: AssetClass;

  @Field(() => AssetCategory, { description: 'Category. 资产类型' })
  category: AssetCategory;

  @Field({ description: 'Project. 项目名称' })
  @Length(1, 200)
  projectName: string;

  @Field(() => Int, { description: 'Project year, 2013–2100. 项目年度' })
  @Min(2013)
  @Max(2100)
  projectYear: number;

  @Field(() => DateScalar, { nullable: true, description: 'Completed on. 竣工日期' })
  completedAt?: string | null;

  @Field(() => ID, { nullable: true, description: 'Village (taken from the household when omitted). 所在村' })
  @IsOptional()
  villageId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Household, for household assets. 到户农户' })
  @IsOptional()
  householdId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Relocation site served. 安置点' })
  @IsOptional()
  relocationSiteId?: string | null;

  @Field(() => [AssetFundingInput], {
    description: 'Funding rows (1–20); they replace the existing rows on update. 资金构成',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  fundings: AssetFundingInput[];

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Original value in yuan; when given it must equal the sum of the funding rows. 资产原值(元)',
  })
  @IsMoney()
  originalValueYuan?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Book value in yuan. 账面价值(元)' })
  @IsMoney()
  bookValueYuan?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Quantity, ≥ 0. 数量' })
  @IsMoney({ message: 'quantity must be ≥ 0 with at most 2 decimals' })
  quantity?: string | null;

  @Field(() => String, { nullable: true, description: 'Unit. 计量单位' })
  @IsOptional()
  @Length(1, 20)
  unit?: string | null;

  @Field(() => OwnershipLevel, { description: 'Owning level. 产权归属层级' })
  ownershipLevel: OwnershipLevel;

  @Field({ description: 'Owner. 产权所有者' })
  @Length(1, 100)
  owner: string;

  @Field(() => String, { nullable: true, description: 'Operator. 经营主体' })
  @IsOptional()
  @Length(1, 100)
  operator?: string | null;

  @Field(() => String, { nullable: true, description: 'Custodian. 管护主体' })
  @IsOptional()
  @Length(1, 100)
  custodian?: string | null;

  @Field(() => String, { nullable: true, description: 'Person in charge of upkeep. 管护责任人' })
  @IsOptional()
  @Length(1, 50)
  custodianPerson?: string | null;

  @Field(() => ID, { description: 'Responsible department. 行业主管部门' })
  responsibleDepartmentId: string;

  @Field(() => AssetStatus, { nullable: true, description: 'Status, default IN_USE. 资产状态' })
  status?: AssetStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Ownership confirmed on. 确权日期' })
  rightsConfirmedAt?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Handed over on. 移交日期' })
  handedOverAt?: string | null;

  @Field(() => Int, { nullable: true, description: 'Households that benefit, ≥ 0. 受益户数' })
  @IsOptional()
  @Min(0)
  beneficiaryHouseholds?: number;

  @Field(() => Int, { nullable: true, description: 'People who benefit, ≥ 0. 受益人数' })
  @IsOptional()
  @Min(0)
  beneficiaryPeople?: number;
}

export const UpdateAssetInput = updateInputOf(
  CreateAssetInput,
  'UpdateAssetInput',
  'Changes to a ledger row. 修改资产',
);

export const AssetFundingFilter = filterType(AssetFunding, {
  id: IDFilter,
  assetId: IDFilter,
  source: FundingSourceFilter,
  amountYuan: DecimalFilter,
});
export const AssetFundingOrderBy = orderType(AssetFunding, ['source', 'amountYuan']);
export const AssetFundingListArgs = listArgsType(AssetFunding, AssetFundingFilter, AssetFundingOrderBy);
export const AssetFundingConnection = Connection(AssetFunding, '资金构成');

export const AssetFilter = filterType(
  Asset,
  {
    id: IDFilter,
    assetCode: StringFilter,
    name: StringFilter,
    assetClass: AssetClassFilter,
    category: AssetCategoryFilter,
    projectName: StringFilter,
    projectYear: IntFilter,
    completedAt: DateFilter,
    villageId: IDFilter,
    householdId: IDFilter,
    relocationSiteId: IDFilter,
    originalValueYuan: DecimalFilter,
    bookValueYuan: DecimalFilter,
    ownershipLevel: OwnershipLevelFilter,
    owner: StringFilter,
    custodian: StringFilter,
    responsibleDepartmentId: IDFilter,
    status: AssetStatusFilter,
    rightsConfirmedAt: DateFilter,
    handedOverAt: DateFilter,
    createdAt: DateTimeFilter,
    updatedAt: DateTimeFilter,
  },
  {
    village: () => VillageFilter,
    responsibleDepartment: () => DepartmentFilter,
    fundings: () => AssetFundingFilter,
  },
  ['assetCode', 'name', 'projectName', 'owner'],
);
export const AssetOrderBy = orderType(Asset, [
  'assetCode',
  'name',
  'assetClass',
  'category',
  'projectYear',
  'completedAt',
  'originalValueYuan',
  'bookValueYuan',
  'status',
  'villageId',
  'responsibleDepartmentId',
  'createdAt',
  'updatedAt',
]);
export const AssetListArgs = listArgsType(Asset, AssetFilter, AssetOrderBy);
export const AssetConnection = Connection(Asset, '扶贫项目资产');
