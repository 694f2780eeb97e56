import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Connection } from '../../common/listing/connection';
import { BooleanFilter, DateFilter, DateTimeFilter, IDFilter } from '../../common/listing/filters';
import { filterType, listArgsType, orderType } from '../../common/listing/inputs-factory';
import { DateScalar } from '../../common/scalars';
import { HouseholdFilter } from '../household/household.inputs';
import { MonitoringCase } from './monitoring-case.entity';
import { MonitoringVisit } from './monitoring-visit.entity';
import {
  DiscoverySource,
  DiscoverySourceFilter,
  EliminationMethod,
  EliminationMethodFilter,
  MonitoringCategory,
  MonitoringCategoryFilter,
  RiskTypeListFilter,
  MonitoringStatusFilter,
  RiskType,
} from './monitoring.enums';

@InputType({ description: 'A clue that a household may be at risk (早发现). 风险线索' })
export class ReportRiskInput {
  @Field(() => ID, { description: 'Household. 农户' })
  householdId: string;

  @Field(() => DiscoverySource, { description: 'How it came to light. 发现方式' })
  source: DiscoverySource;

  @Field({ description: 'What was reported or seen. 线索内容' })
  @Length(1, 500)
  description: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day of the clue, default today. 线索日期' })
  date?: string;
}

@InputType({ description: 'The household visit that verifies a clue (入户核实). 入户核实' })
export class VerifyMonitoringCaseInput {
  @Field(() => MonitoringCategory, { description: 'Category. 监测对象类别' })
  category: MonitoringCategory;

  @Field(() => [RiskType], { description: '1–5 risk types. 风险类型' })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  riskTypes: RiskType[];

  @Field({ description: 'Findings of the visit: income, spending, the guarantees. 核实情况' })
  @Length(1, 2000)
  findings: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day of the visit, default today. 核实日期' })
  date?: string;
}

@InputType({
  description: 'When a workflow step is taken; the signed-in user is recorded as taking it. 办理日期',
})
export class MonitoringStepInput {
  @Field(() => DateScalar, { nullable: true, description: 'Day of the step, default today. 办理日期' })
  date?: string;
}

@InputType({ description: 'Why a case is not taken into monitoring. 不予纳入' })
export class RejectMonitoringCaseInput extends MonitoringStepInput {
  @Field({ description: 'Reason. 理由' })
  @Length(1, 500)
  reason: string;
}

@InputType({ description: 'Closing a case: the risk is gone (风险消除). 风险消除' })
export class EliminateRiskInput extends MonitoringStepInput {
  @Field(() => EliminationMethod, { description: 'ASSISTED or NATURAL. 消除方式' })
  method: EliminationMethod;
}

@InputType({ description: 'A visit to a monitored household. 入户走访' })
export class RecordMonitoringVisitInput {
  @Field(() => ID, { description: 'Monitoring case. 监测对象' })
  monitoringCaseId: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day of the visit, default today. 走访日期' })
  visitDate?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who visited, when not the signed-in user (default: the signed-in user). 走访人',
  })
  @IsOptional()
  @Length(1, 50)
  visitor?: string | null;

  @Field({ description: 'What was found. 走访情况' })
  @Length(1, 2000)
  findings: string;

  @Field({ nullable: true, description: 'The guarantees were checked (default false). 两不愁三保障核查' })
  guaranteesChecked?: boolean;
}

@InputType({ description: 'A visit to a household, routine or under monitoring. 入户走访（日常）' })
export class RecordHouseholdVisitInput {
  @Field(() => ID, { description: 'Household visited. 走访农户' })
  householdId: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day of the visit, default today; not in the future. 走访日期',
  })
  visitDate?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who visited, when not the signed-in user (default: the signed-in user). 走访人',
  })
  @IsOptional()
  @Length(1, 50)
  visitor?: string | null;

  @Field({ description: 'What was found, 1–2000 characters. 走访情况' })
  @Length(1, 2000)
  findings: string;

  @Field({ nullable: true, description: 'The guarantees were checked (default false). 两不愁三保障核查' })
  guaranteesChecked?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Key the device generated for this visit (8–64 letters, digits, - or _, e.g. a UUID): a second ' +
      'request with the same key returns the first visit. 幂等键',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'idempotencyKey: 8–64 letters, digits, - or _' })
  idempotencyKey?: string | null;
}

export const MonitoringCaseFilter = filterType(
  MonitoringCase,
  {
    id: IDFilter,
    householdId: IDFilter,
    status: MonitoringStatusFilter,
    discoverySource: DiscoverySourceFilter,
    category: MonitoringCategoryFilter,
    riskTypes: RiskTypeListFilter,
    eliminationMethod: EliminationMethodFilter,
    clueDate: DateFilter,
    deadline: DateFilter,
    approvedAt: DateFilter,
    riskEliminatedAt: DateFilter,
    createdAt: DateTimeFilter,
    updatedAt: DateTimeFilter,
  },
  { household: () => HouseholdFilter, visits: () => MonitoringVisitFilter },
);
export const MonitoringCaseOrderBy = orderType(MonitoringCase, [
  'deadline',
  'clueDate',
  'status',
  'approvedAt',
  'riskEliminatedAt',
  'householdId',
  'createdAt',
]);
export const MonitoringCaseListArgs = listArgsType(
  MonitoringCase,
  MonitoringCaseFilter,
  MonitoringCaseOrderBy,
);
export const MonitoringCaseConnection = Connection(MonitoringCase, '监测对象');

export const MonitoringVisitFilter = filterType(
  MonitoringVisit,
  {
    id: IDFilter,
    householdId: IDFilter,
    monitoringCaseId: IDFilter,
    visitDate: DateFilter,
    guaranteesChecked: BooleanFilter,
  },
  { monitoringCase: () => MonitoringCaseFilter, household: () => HouseholdFilter },
);
export const MonitoringVisitOrderBy = orderType(MonitoringVisit, [
  'visitDate',
  'monitoringCaseId',
  'createdAt',
]);
export const MonitoringVisitListArgs = listArgsType(
  MonitoringVisit,
  MonitoringVisitFilter,
  MonitoringVisitOrderBy,
);
export const MonitoringVisitConnection = Connection(MonitoringVisit, '入户走访记录');

@InputType({
  description: 'Where a worklist looks: a township, a village, or the whole district. 工作清单范围',
})
export class WorklistScope {
  @Field(() => ID, { nullable: true, description: 'Only this township. 乡镇' })
  @IsOptional()
  townshipId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this village. 行政村' })
  @IsOptional()
  villageId?: string;

  @Field(() => Int, { nullable: true, description: 'Page size, default 50, at most 500' })
  @IsOptional()
  @Min(0)
  @Max(500)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the previous page' })
  @IsOptional()
  after?: string;
}
