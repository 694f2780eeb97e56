import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Department } from '../department/department.entity';
import { PlanTask } from '../plan-task/plan-task.entity';
import { ProgressReportStatus, ReportTimeliness } from './progress-report.enums';

@ObjectType({
  description: 'A figure pre-filled from the register for the unit and the reporting period. 预填数据',
})
export class ReportFigure {
  @Field({ description: 'Stable key, e.g. EMPLOYMENT_MEASURES_STARTED. 指标代码' })
  key: string;
  @Field({ description: 'Name in Chinese. 指标名称' })
  label: string;
  @Field({ description: 'Definition: what is counted, whose rows, which dates (口径). 统计口径' })
  definition: string;
  @Field({ description: 'Unit of the value: 项, 个, 户, 件, 次 or 元. 计量单位' })
  unit: string;
  @Field({
    description: 'Current value from the register: an integer count, or yuan as a decimal string. 当前值',
  })
  value: string;
  @Field(() => String, {
    nullable: true,
    description: 'Value frozen at the last submission; null before the first. 报送时的值',
  })
  submittedValue: string | null;
  @Field({ description: 'The register changed since the submission (submittedValue ≠ value). 报送后有变化' })
  changedSinceSubmission: boolean;
}

@ObjectType({ description: 'A figure the register cannot know, given by the unit. 单位填报数据' })
export class OtherFigure {
  @Field({ description: 'Name. 名称' })
  label: string;
  @Field({ description: 'Value as written. 数值' })
  value: string;
  @Field({ description: 'Unit (may be empty). 单位' })
  unit: string;
}

@ObjectType({ description: 'One section of a report: one plan task the unit is responsible for. 报告章节' })
export class ProgressReportSection {
  @Field(() => PlanTask, { description: 'The task. 规划任务' })
  planTask: PlanTask;
  @Field(() => [ReportFigure], {
    description:
      'Pre-filled figures (read-only); empty where the register has nothing for this task. 预填数据',
  })
  figures: ReportFigure[];
  @Field({ description: 'Progress this period (unit’s text). 工作进展' })
  progress: string;
  @Field({ description: 'Problems met. 存在问题' })
  problems: string;
  @Field({ description: 'Plans for next month. 下月计划' })
  nextMonth: string;
  @Field(() => [OtherFigure], { description: 'Figures the register cannot know. 其他数据' })
  otherFigures: OtherFigure[];
}

@ObjectType({ description: 'A unit’s reporting status for a month. 单位报送情况' })
export class UnitReportingStatus {
  @Field(() => Department, { description: 'The unit. 报送单位' })
  unit: Department;
  @Field(() => ID, { nullable: true, description: 'Its report, if one was started. 报告' })
  reportId: string | null;
  @Field(() => ProgressReportStatus, { nullable: true, description: 'Its report’s state; null: none. 状态' })
  status: ProgressReportStatus | null;
  @Field(() => ReportTimeliness, { description: 'On time, late, missing or not yet due. 及时性' })
  timeliness: ReportTimeliness;
  @Field(() => Date, { nullable: true, description: 'First submitted at (UTC). 首次报送时间' })
  firstSubmittedAt: Date | null;
}

@ObjectType({
  description:
    'Reporting rates of a month as DHIS2 counts them: expected = units responsible for at least one task; reporting rate = submitted / expected. 报送率',
})
export class ReportingRates {
  @Field({ description: 'Month, YYYY-MM. 月份' })
  month: string;
  @Field(() => Date, {
    description: 'Due instant (UTC): day REPORT_DUE_DAY, 23:59:59.999 China Standard Time. 截止时间',
  })
  dueAt: Date;
  @Field(() => Int, { description: 'Units expected to report. 应报单位数' })
  expected: number;
  @Field(() => Int, { description: 'Submitted on time. 按时报送' })
  onTime: number;
  @Field(() => Int, { description: 'Submitted after the due instant. 逾期报送' })
  late: number;
  @Field(() => Int, { description: 'Not submitted, due instant passed. 未报送' })
  missing: number;
  @Field(() => Int, { description: 'Not submitted, not yet due. 未到期' })
  notDue: number;
  @Field({ description: 'Submitted / expected, percent with 1 decimal, as a string. 报送率(%)' })
  reportingRatePercent: string;
  @Field({ description: 'On time / expected, percent with 1 decimal, as a string. 及时率(%)' })
  onTimeRatePercent: string;
  @Field(() => [UnitReportingStatus], { description: 'Every expected unit, by code. 各单位' })
  units: UnitReportingStatus[];
}

@ObjectType({ description: 'A compiled district report file. 汇总报告文件' })
export class CompiledReportFile {
  @Field({ description: 'File name, e.g. 白银区巩固衔接工作进展汇总-2026-11.xlsx. 文件名' })
  filename: string;
  @Field({ description: 'MIME type. 文件类型' })
  contentType: string;
  @Field({ description: 'The file, base64. 内容' })
  base64: string;
  @Field(() => Int, { description: 'Accepted reports merged into it. 汇总的报告数' })
  reports: number;
}
