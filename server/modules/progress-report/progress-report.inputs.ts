import { ArrayMaxSize, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Connection } from '../../common/listing/connection';
import { DateTimeFilter, IDFilter, StringFilter } from '../../common/listing/filters';
import { filterType, listArgsType, orderType } from '../../common/listing/inputs-factory';
import { ProgressReport } from './progress-report.entity';
import { ProgressReportStatusFilter } from './progress-report.enums';

@InputType({ description: 'A figure the register cannot know. 单位填报数据' })
export class OtherFigureInput {
  @Field({ description: 'Name, 1–60 characters. 名称' })
  @Length(1, 60)
  label: string;
  @Field({ description: 'Value, 1–40 characters. 数值' })
  @Length(1, 40)
  value: string;
  @Field({ nullable: true, description: 'Unit, ≤ 10 characters. 单位' })
  @IsOptional()
  @MaxLength(10)
  unit?: string;
}

@InputType({ description: 'The unit’s text of one section. 章节内容' })
export class ProgressReportSectionInput {
  @Field(() => ID, {
    description: 'The task; the unit must be responsible for it (UNIT_NOT_RESPONSIBLE). 规划任务',
  })
  planTaskId: string;
  @Field({ nullable: true, description: 'Progress, ≤ 3000 characters. 工作进展' })
  @IsOptional()
  @MaxLength(3000)
  progress?: string;
  @Field({ nullable: true, description: 'Problems, ≤ 2000 characters. 存在问题' })
  @IsOptional()
  @MaxLength(2000)
  problems?: string;
  @Field({ nullable: true, description: 'Next month, ≤ 2000 characters. 下月计划' })
  @IsOptional()
  @MaxLength(2000)
  nextMonth?: string;
  @Field(() => [OtherFigureInput], { nullable: true, description: 'At most 20. 其他数据' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  otherFigures?: OtherFigureInput[];
}

@InputType({
  description:
    'Creates the unit’s draft of a month or changes its text (DRAFT or RETURNED only: REPORT_NOT_EDITABLE). Sections given replace those of the same task. 保存报告',
})
export class SaveProgressReportInput {
  @Field(() => ID, { description: 'The unit: a unit officer’s own (OUT_OF_SCOPE otherwise). 报送单位' })
  departmentId: string;
  @Field({ description: 'Month, YYYY-MM, not a future one (FUTURE_MONTH). 月份' })
  month: string;
  @Field(() => [ProgressReportSectionInput], { nullable: true, description: 'Sections’ text. 章节' })
  @IsOptional()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  sections?: ProgressReportSectionInput[];
}

@InputType({ description: 'Why the office returns a report. 退回' })
export class ReturnProgressReportInput {
  @Field({ description: 'Reason, 2–500 characters. 退回原因' })
  @Length(2, 500)
  reason: string;
}

export const ProgressReportFilter = filterType(ProgressReport, {
  id: IDFilter,
  departmentId: IDFilter,
  month: StringFilter,
  status: ProgressReportStatusFilter,
  firstSubmittedAt: DateTimeFilter,
  submittedAt: DateTimeFilter,
});
export const ProgressReportOrderBy = orderType(ProgressReport, [
  'month',
  'departmentId',
  'status',
  'submittedAt',
]);
export const ProgressReportListArgs = listArgsType(
  ProgressReport,
  ProgressReportFilter,
  ProgressReportOrderBy,
);
export const ProgressReportConnection = Connection(ProgressReport, '月度工作进展报告');
