import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { Connection } from '../../common/listing/connection';
import {
  DateFilter,
  DateTimeFilter,
  DecimalFilter,
  IDFilter,
  StringFilter,
} from '../../common/listing/filters';
import { filterType, listArgsType, orderType } from '../../common/listing/inputs-factory';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import { IsMoney } from '../../common/validation/money';
import { updateInputOf } from '../../common/validation/update-input';
import { FundingSource, FundingSourceFilter } from '../asset/asset.enums';
import { DepartmentFilter } from '../department/department.inputs';
import { HouseholdFilter } from '../household/household.inputs';
import { AssistanceMeasure } from './assistance-measure.entity';
import {
  MeasureStatus,
  MeasureType,
  MeasureTypeFilter,
  MeasureStatusFilter,
} from './assistance-measure.enums';

@InputType({
  description:
    'A new assistance measure; give exactly one of householdId, villageId, relocationSiteId. 新增帮扶措施',
})
export class CreateAssistanceMeasureInput {
  @Field(() => ID, { nullable: true, description: 'Household helped. 帮扶对象户' })
  @IsOptional()
  householdId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Village, for a collective measure. 帮扶对象村' })
  @IsOptional()
  villageId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Relocation site, for a collective measure. 帮扶对象安置点',
  })
  @IsOptional()
  relocationSiteId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Monitoring case of the household this measure serves. 监测对象',
  })
  @IsOptional()
  monitoringCaseId?: string | null;

  @Field(() => MeasureType, { description: 'Type. 措施类型' })
  type: MeasureType;

  @Field({ description: 'What is done, 1–500 characters. 措施内容' })
  @Length(1, 500)
  description: string;

  @Field(() => ID, { description: 'Responsible department. 责任单位' })
  responsibleDepartmentId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Member who benefits; must belong to the household. 受益成员',
  })
  @IsOptional()
  beneficiaryMemberId?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Amount in yuan, ≥ 0, 2 decimals at most. 金额(元)',
  })
  @IsMoney()
  amountYuan?: string | null;

  @Field(() => FundingSource, { nullable: true, description: 'Source of funds. 资金来源' })
  fundingSource?: FundingSource | null;

  @Field(() => DateScalar, {
    description:
      'Start date; not in the future once the measure is IN_PROGRESS or COMPLETED (FUTURE_DATE). 开始日期',
  })
  startDate: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'End date, on or after the start; not in the future once COMPLETED (FUTURE_DATE). 结束日期',
  })
  endDate?: string | null;

  @Field(() => MeasureStatus, { nullable: true, description: 'Status, default PLANNED. 状态' })
  status?: MeasureStatus;
}

export const UpdateAssistanceMeasureInput = updateInputOf(
  CreateAssistanceMeasureInput,
  'UpdateAssistanceMeasureInput',
  'Changes to a measure. 修改帮扶措施',
);

export const AssistanceMeasureFilter = filterType(
  AssistanceMeasure,
  {
    id: IDFilter,
    householdId: IDFilter,
    villageId: IDFilter,
    relocationSiteId: IDFilter,
    type: MeasureTypeFilter,
    description: StringFilter,
    responsibleDepartmentId: IDFilter,
    beneficiaryMemberId: IDFilter,
    monitoringCaseId: IDFilter,
    amountYuan: DecimalFilter,
    fundingSource: FundingSourceFilter,
    startDate: DateFilter,
    endDate: DateFilter,
    status: MeasureStatusFilter,
    createdAt: DateTimeFilter,
    updatedAt: DateTimeFilter,
  },
  { household: () => HouseholdFilter, responsibleDepartment: () => DepartmentFilter },
  ['description'],
);
export const AssistanceMeasureOrderBy = orderType(AssistanceMeasure, [
  'type',
  'status',
  'startDate',
  'endDate',
  'amountYuan',
  'householdId',
  'responsibleDepartmentId',
  'createdAt',
  'updatedAt',
]);
export const AssistanceMeasureListArgs = listArgsType(
  AssistanceMeasure,
  AssistanceMeasureFilter,
  AssistanceMeasureOrderBy,
);
export const AssistanceMeasureConnection = Connection(AssistanceMeasure, '帮扶措施');
