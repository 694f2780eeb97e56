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
  DisposalMethod,
  DisposalMethodFilter,
  DisposalReason,
  DisposalReasonFilter,
  DisposalStatusFilter,
  RevenuePurpose,
} from './asset.enums';
import { AssetDisposal } from './asset-disposal.entity';
import { AssetRevenue } from './asset-revenue.entity';

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

  @Field(() => AssetStatus, {
    nullable: true,
    description:
      'IN_USE (default) or IDLE; DISPOSED only through an approved disposal (DISPOSAL_REQUIRED). 资产状态',
  })
  status?: AssetStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ownership confirmed on (history; new confirmations: confirmAssetRights). 确权日期',
  })
  rightsConfirmedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Document of the rights confirmation. 确权文号' })
  @IsOptional()
  @Length(1, 60)
  rightsDocumentNo?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Handed over on, not before the rights confirmation (new hand-overs: handOverAsset). 移交日期',
  })
  handedOverAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Document of the hand-over. 移交文号' })
  @IsOptional()
  @Length(1, 60)
  handoverDocumentNo?: string | null;

  @Field(() => Int, { nullable: true, description: 'Villages that benefit, ≥ 0. 受益村数' })
  @IsOptional()
  @Min(0)
  beneficiaryVillages?: number;

  @Field(() => Int, { nullable: true, description: 'Households that benefit, ≥ 0. 受益户数' })
  @IsOptional()
  @Min(0)
  beneficiaryHouseholds?: number;

  @Field(() => Int, { nullable: true, description: 'Of which alleviated households, ≥ 0. 其中脱贫户' })
  @IsOptional()
  @Min(0)
  beneficiaryAlleviatedHouseholds?: number;

  @Field(() => Int, { nullable: true, description: 'Of which monitored households, ≥ 0. 其中监测户' })
  @IsOptional()
  @Min(0)
  beneficiaryMonitoredHouseholds?: number;

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

@InputType({ description: 'Rights confirmation (确权). 确权' })
export class ConfirmAssetRightsInput {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Confirmed on, default today; not in the future. 确权日期',
  })
  date?: string | null;

  @Field({ description: 'Document number. 确权文号' })
  @Length(1, 60)
  documentNo: string;

  @Field(() => OwnershipLevel, { nullable: true, description: 'Owning level, when it changes. 产权归属层级' })
  ownershipLevel?: OwnershipLevel | null;

  @Field(() => String, { nullable: true, description: 'Owner, when it changes. 产权所有者' })
  @IsOptional()
  @Length(1, 100)
  owner?: string | null;

  @Field(() => String, { nullable: true, description: 'Operator (required for operating assets). 经营主体' })
  @IsOptional()
  @Length(1, 100)
  operator?: string | null;
}

@InputType({ description: 'Hand-over to the owner or custodian (移交). 移交' })
export class HandOverAssetInput {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Handed over on, default today; not before the rights confirmation. 移交日期',
  })
  date?: string | null;

  @Field({ description: 'Document number. 移交文号' })
  @Length(1, 60)
  documentNo: string;

  @Field(() => String, { nullable: true, description: 'Custodian receiving it. 管护主体' })
  @IsOptional()
  @Length(1, 100)
  custodian?: string | null;
}

@InputType({ description: 'Who keeps the asset up (管护). 管护责任' })
export class AssignAssetCustodianInput {
  @Field({ description: 'Custodian. 管护主体' })
  @Length(1, 100)
  custodian: string;

  @Field({ description: 'Person in charge. 管护责任人' })
  @Length(1, 50)
  custodianPerson: string;
}

@InputType({ description: 'A status change with its reason. 状态变更' })
export class ChangeAssetStatusInput {
  @Field(() => AssetStatus, { description: 'IN_USE or IDLE (disposal has its own approval). 新状态' })
  status: AssetStatus;

  @Field({ description: 'Reason. 变更原因' })
  @Length(1, 200)
  reason: string;

  @Field(() => DateScalar, { nullable: true, description: 'Changed on, default today. 变更日期' })
  date?: string | null;
}

@InputType({ description: 'One share of a year’s revenue. 收益分配' })
export class RevenueDistributionInput {
  @Field(() => RevenuePurpose, { description: 'Purpose. 用途' })
  purpose: RevenuePurpose;

  @Field(() => DecimalScalar, { description: 'Amount in yuan. 金额(元)' })
  @IsMoney()
  amountYuan: string;
}

@InputType({ description: 'An operating asset’s revenue of a year and its distribution. 资产收益' })
export class AssetRevenueFields {
  @Field(() => Int, { description: 'Year, not after this year. 年度' })
  @Min(2013)
  @Max(2100)
  year: number;

  @Field(() => DecimalScalar, { description: 'Revenue in yuan. 收益金额(元)' })
  @IsMoney()
  amountYuan: string;

  @Field(() => [RevenueDistributionInput], {
    description: 'Distribution by purpose, each purpose once; the amounts add up to the revenue. 收益分配',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  distributions: RevenueDistributionInput[];
}

@InputType({ description: 'A new revenue row. 新增资产收益' })
export class CreateAssetRevenueInput extends AssetRevenueFields {
  @Field(() => ID, { description: 'Operating asset. 资产' })
  assetId: string;
}

export const UpdateAssetRevenueInput = updateInputOf(
  AssetRevenueFields,
  'UpdateAssetRevenueInput',
  'Changes to a revenue row; given distributions replace the old ones. 修改资产收益',
);

@InputType({ description: 'A disposal request (处置申请). 处置申请' })
export class RequestAssetDisposalInput {
  @Field(() => ID, { description: 'Asset. 资产' })
  assetId: string;

  @Field(() => DisposalReason, { description: 'Reason. 处置原因' })
  reason: DisposalReason;

  @Field(() => DisposalMethod, { description: 'Method. 处置方式' })
  method: DisposalMethod;

  @Field({ description: 'Explanation. 情况说明' })
  @Length(1, 500)
  explanation: string;

  @Field(() => DecimalScalar, { description: 'Expected proceeds in yuan (0 when none). 预计处置收入(元)' })
  @IsMoney()
  expectedProceedsYuan: string;
}

@InputType({ description: 'Approval of a disposal (处置审批). 批准处置' })
export class ApproveAssetDisposalInput {
  @Field({ description: 'Approval document number. 批准文号' })
  @Length(1, 60)
  approvalDocumentNo: string;

  @Field(() => DecimalScalar, { description: 'Proceeds received in yuan. 处置收入(元)' })
  @IsMoney()
  proceedsYuan: string;

  @Field(() => DateScalar, { nullable: true, description: 'Decided on, default today. 审批日期' })
  date?: string | null;
}

@InputType({ description: 'Rejection of a disposal. 驳回处置' })
export class RejectAssetDisposalInput {
  @Field({ description: 'Reason. 驳回理由' })
  @Length(1, 500)
  reason: string;
}

export const AssetRevenueFilter = filterType(
  AssetRevenue,
  { id: IDFilter, assetId: IDFilter, year: IntFilter, amountYuan: DecimalFilter },
  { asset: () => AssetFilter },
);
export const AssetRevenueOrderBy = orderType(AssetRevenue, ['assetId', 'year', 'amountYuan']);
export const AssetRevenueListArgs = listArgsType(AssetRevenue, AssetRevenueFilter, AssetRevenueOrderBy);
export const AssetRevenueConnection = Connection(AssetRevenue, '资产收益');

export const AssetDisposalFilter = filterType(
  AssetDisposal,
  {
    id: IDFilter,
    assetId: IDFilter,
    status: DisposalStatusFilter,
    reason: DisposalReasonFilter,
    method: DisposalMethodFilter,
    requestedAt: DateFilter,
    decidedAt: DateFilter,
  },
  { asset: () => AssetFilter },
);
export const AssetDisposalOrderBy = orderType(AssetDisposal, [
  'assetId',
  'status',
  'requestedAt',
  'decidedAt',
]);
export const AssetDisposalListArgs = listArgsType(AssetDisposal, AssetDisposalFilter, AssetDisposalOrderBy);
export const AssetDisposalConnection = Connection(AssetDisposal, '资产处置');
