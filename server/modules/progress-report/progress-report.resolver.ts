import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import type { Context } from '../../app/context';
import { ReadResolver } from '../../common/crud/crud.resolver';
import { FreshReads } from '../../common/crud/fresh-reads';
import { Department } from '../department/department.entity';
import { ProgressReport } from './progress-report.entity';
import { CompiledReportFormat, ReportTimeliness } from './progress-report.enums';
import {
  ProgressReportConnection,
  ProgressReportListArgs,
  ReturnProgressReportInput,
  SaveProgressReportInput,
} from './progress-report.inputs';
import { now } from '../../common/today';
import { periodOf } from './progress-report-period';
import type { UnitStatusRow } from './progress-report-rates.service';
import {
  CompiledReportFile,
  ProgressReportSection,
  ReportingRates,
  UnitReportingStatus,
} from './progress-report.types';

const MONTH = { description: 'Month, YYYY-MM (BAD_USER_INPUT/INVALID_MONTH otherwise)' };
const VERSION = { nullable: true, description: 'The version read (CONFLICT/STALE_VERSION when stale)' };

async function withUnits(ctx: Context, rows: UnitStatusRow[]): Promise<UnitReportingStatus[]> {
  return Promise.all(
    rows.map(async (r) => ({
      ...r,
      unit: (await ctx.services.department.findById(ctx.loaders, r.unitId)) as Department,
    })),
  );
}

@Resolver(() => ProgressReport)
export class ProgressReportResolver extends ReadResolver({
  entity: ProgressReport,
  connection: ProgressReportConnection,
  listArgs: ProgressReportListArgs,
  singular: 'progressReport',
  plural: 'progressReports',
  label: '月度工作进展报告',
  service: (ctx) => ctx.services.progressReport,
}) {
  @FieldResolver(() => Department, { description: 'The reporting unit. 报送单位' })
  department(@Root() r: ProgressReport, @Ctx() ctx: Context) {
    return ctx.services.department.findById(ctx.loaders, r.departmentId);
  }

  @FieldResolver(() => [ProgressReportSection], {
    description:
      'One section per plan task the unit is responsible for (plan order): figures pre-filled from the register for the unit and period (current and as submitted), and the unit’s text. 报告章节',
  })
  sections(@Root() r: ProgressReport, @Ctx() ctx: Context) {
    return ctx.services.progressReport.sections(r);
  }

  @FieldResolver(() => Date, {
    description: 'Due instant (UTC): day REPORT_DUE_DAY of the month, 23:59:59.999 CST. 截止时间',
  })
  dueAt(@Root() r: ProgressReport) {
    return periodOf(r.month).dueAt;
  }

  @FieldResolver(() => String, { description: 'First day of the reporting period, YYYY-MM-DD. 报告期起' })
  periodFrom(@Root() r: ProgressReport) {
    return periodOf(r.month).from;
  }

  @FieldResolver(() => String, {
    description: 'Last day of the reporting period (the due day), YYYY-MM-DD. 报告期止',
  })
  periodTo(@Root() r: ProgressReport) {
    return periodOf(r.month).to;
  }

  @FieldResolver(() => ReportTimeliness, { description: 'On time, late, missing or not yet due. 及时性' })
  timeliness(@Root() r: ProgressReport) {
    const due = periodOf(r.month).dueAt.getTime();
    if (r.firstSubmittedAt)
      return new Date(r.firstSubmittedAt).getTime() <= due ? ReportTimeliness.ON_TIME : ReportTimeliness.LATE;
    return now().getTime() > due ? ReportTimeliness.MISSING : ReportTimeliness.NOT_DUE;
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => ProgressReport, {
    description:
      'Creates the unit’s draft of a month or saves its text (DRAFT or RETURNED: CONFLICT/REPORT_NOT_EDITABLE otherwise). Unit officers write only their own unit’s report. 保存报告',
  })
  saveProgressReport(
    @Arg('input', () => SaveProgressReportInput, { description: 'Unit, month, sections' })
    input: SaveProgressReportInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.progressReport.save(input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => ProgressReport, {
    description:
      'Submits a DRAFT or RETURNED report (报送): every section needs its progress (BAD_USER_INPUT/PROGRESS_REQUIRED); the figures are frozen. CONFLICT/REPORT_ALREADY_SUBMITTED, REPORT_ALREADY_ACCEPTED.',
  })
  submitProgressReport(
    @Arg('id', () => ID, { description: 'Report ID' }) id: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.progressReport.submit(id, expectedVersion);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => ProgressReport, {
    description: 'Accepts a SUBMITTED report (采纳; the office). CONFLICT/REPORT_NOT_SUBMITTED otherwise.',
  })
  acceptProgressReport(
    @Arg('id', () => ID, { description: 'Report ID' }) id: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.progressReport.accept(id, expectedVersion);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => ProgressReport, {
    description:
      'Returns a SUBMITTED report with the reason (退回; the office). CONFLICT/REPORT_NOT_SUBMITTED otherwise.',
  })
  returnProgressReport(
    @Arg('id', () => ID, { description: 'Report ID' }) id: string,
    @Arg('input', () => ReturnProgressReportInput, { description: 'Reason' })
    input: ReturnProgressReportInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.progressReport.returnReport(id, input.reason, expectedVersion);
  }

  @Query(() => ReportingRates, {
    description:
      'Reporting rates of a month: per unit on time / late / missing / not yet due, and the totals. 报送率',
  })
  async reportingRates(@Arg('month', () => String, MONTH) month: string, @Ctx() ctx: Context) {
    const r = await ctx.services.reportingRate.rates(month);
    return { ...r, units: await withUnits(ctx, r.units) };
  }

  @Query(() => [UnitReportingStatus], {
    description:
      'Units whose report of the month was not submitted by its due instant (empty before it). 逾期未报单位',
  })
  async overdueProgressReports(@Arg('month', () => String, MONTH) month: string, @Ctx() ctx: Context) {
    return withUnits(ctx, await ctx.services.reportingRate.overdue(month));
  }

  @Query(() => CompiledReportFile, {
    description:
      'The compiled district report of a month: every ACCEPTED report, figures as submitted, definitions in an annex. 汇总报告',
  })
  compiledProgressReport(
    @Arg('month', () => String, MONTH) month: string,
    @Arg('format', () => CompiledReportFormat, { description: 'XLSX or DOCX' }) format: CompiledReportFormat,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.progressReportCompile.compile(month, format);
  }
}
