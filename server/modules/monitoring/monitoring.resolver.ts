import { currentActor } from '../../auth/actor';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import type { Context } from '../../app/context';
import { FreshReads } from '../../common/crud/fresh-reads';
import { ReadResolver } from '../../common/crud/crud.resolver';
import { OrderDirection } from '../../common/listing/connection';
import { invalidInput } from '../../common/errors';
import { parseId } from '../../common/listing/sql-builder';
import type { ListArgsShape } from '../../common/listing/inputs-factory';
import {
  AssistanceMeasureConnection,
  AssistanceMeasureListArgs,
} from '../assistance-measure/assistance-measure.inputs';
import { Household } from '../household/household.entity';
import { HouseholdConnection } from '../household/household.inputs';
import { MonitoringCase } from './monitoring-case.entity';
import { MonitoringVisit } from './monitoring-visit.entity';
import { addDays, today, VISIT_WINDOW_DAYS } from './monitoring-rules';
import { MonitoringStatus } from './monitoring.enums';
import {
  EliminateRiskInput,
  MonitoringCaseConnection,
  MonitoringCaseListArgs,
  MonitoringStepInput,
  MonitoringVisitConnection,
  MonitoringVisitListArgs,
  RecordMonitoringVisitInput,
  RecordHouseholdVisitInput,
  RejectMonitoringCaseInput,
  ReportRiskInput,
  VerifyMonitoringCaseInput,
  WorklistScope,
} from './monitoring.inputs';
import { ScreeningResult } from './screening.service';

const idArg = { description: 'Monitoring case ID' };

/** Households of a township or village, as a household filter (BAD_USER_INPUT for an ID that is not one). */
function householdScope(scope?: WorklistScope | null): Record<string, any> {
  for (const key of ['townshipId', 'villageId'] as const) {
    if (scope?.[key] && parseId(scope[key]) === null) {
      throw invalidInput([
        { field: `scope.${key}`, reason: 'INVALID_ID', message: `"${scope[key]}" is not an ID` },
      ]);
    }
  }
  const f: Record<string, any> = {};
  if (scope?.villageId) f.villageId = { eq: scope.villageId };
  if (scope?.townshipId) f.village = { townshipId: { eq: scope.townshipId } };
  return f;
}

@Resolver(() => MonitoringCase)
export class MonitoringCaseResolver extends ReadResolver({
  entity: MonitoringCase,
  connection: MonitoringCaseConnection,
  listArgs: MonitoringCaseListArgs,
  singular: 'monitoringCase',
  plural: 'monitoringCases',
  label: '监测对象',
  service: (ctx) => ctx.services.monitoring,
}) {
  @FieldResolver(() => Household, { description: 'Household. 农户' })
  household(@Root() c: MonitoringCase, @Ctx() ctx: Context) {
    return ctx.services.household.findById(ctx.loaders, c.householdId);
  }

  @FieldResolver(() => Boolean, { description: 'Still open after its deadline. 已超期' })
  isOverdue(@Root() c: MonitoringCase) {
    return ['CLUE', 'VERIFIED', 'PUBLICIZED'].includes(c.status) && c.deadline < today();
  }

  @FieldResolver(() => MonitoringVisitConnection, { description: 'Visits, verification included. 走访记录' })
  visits(
    @Root() c: MonitoringCase,
    @Args(() => MonitoringVisitListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new MonitoringVisitConnection(
      ctx.services.monitoringVisit.listByParent(ctx.loaders, 'monitoringCaseId', c.id, args, info),
    );
  }

  @FieldResolver(() => AssistanceMeasureConnection, {
    description: 'Measures of its plan (一户一策). 帮扶措施',
  })
  measures(
    @Root() c: MonitoringCase,
    @Args(() => AssistanceMeasureListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new AssistanceMeasureConnection(
      ctx.services.assistanceMeasure.listByParent(ctx.loaders, 'monitoringCaseId', c.id, args, info),
    );
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => MonitoringCase, {
    description:
      'Records a risk clue (CLUE); deadline = date + 15 days. CONFLICT/OPEN_CASE_EXISTS when the household has an open case. 登记风险线索',
  })
  reportRisk(
    @Arg('input', () => ReportRiskInput, { description: 'The clue' }) input: ReportRiskInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.monitoring.reportRisk(input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => MonitoringCase, {
    description:
      'Verifies a CLUE at the household (VERIFIED): category, 1–5 risk types consistent with the members, the visit recorded. 入户核实',
  })
  verifyMonitoringCase(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('input', () => VerifyMonitoringCaseInput, { description: 'The verification' })
    input: VerifyMonitoringCaseInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.monitoring.verify(id, input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => MonitoringCase, {
    description: 'Starts the public notice of a VERIFIED case (PUBLICIZED). 公示',
  })
  publicizeMonitoringCase(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('input', () => MonitoringStepInput, { description: 'Who and when' }) input: MonitoringStepInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.monitoring.publicize(id, input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => MonitoringCase, {
    description:
      'Takes a PUBLICIZED household into monitoring (APPROVED) after at least 5 days of notice (NOTICE_TOO_SHORT). 审定纳入',
  })
  approveMonitoringCase(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('input', () => MonitoringStepInput, { description: 'Who and when' }) input: MonitoringStepInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.monitoring.approve(id, input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => MonitoringCase, {
    description: 'Closes a case that is not taken into monitoring (REJECTED). 不予纳入',
  })
  rejectMonitoringCase(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('input', () => RejectMonitoringCaseInput, { description: 'Who, when and why' })
    input: RejectMonitoringCaseInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.monitoring.reject(id, input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => MonitoringCase, {
    description:
      'Closes an APPROVED case as risk eliminated (RISK_ELIMINATED, ASSISTED or NATURAL). BAD_USER_INPUT/CONDITIONS_UNMET lists every unmet condition. 风险消除',
  })
  eliminateRisk(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('input', () => EliminateRiskInput, { description: 'Who, when and how' }) input: EliminateRiskInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.monitoring.eliminate(id, input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => MonitoringVisit, {
    description: 'Records a visit to a verified, publicized or approved case. 入户走访',
  })
  recordMonitoringVisit(
    @Arg('input', () => RecordMonitoringVisitInput, { description: 'The visit' })
    input: RecordMonitoringVisitInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.monitoring.recordVisit(input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => MonitoringVisit, {
    description:
      'Records a visit to a household (日常走访, monthly), with or without an open case: attached to the ' +
      "household's verified, publicized or approved case when it has one. With the same idempotencyKey a " +
      'retry returns the first visit and records nothing (an offline device may send it twice). ' +
      'Errors: REFERENCE_NOT_FOUND (household absent or out of scope), FUTURE_DATE, IDEMPOTENCY_KEY_REUSED ' +
      '(the key names a visit to another household). 入户走访',
  })
  recordHouseholdVisit(
    @Arg('input', () => RecordHouseholdVisitInput, { description: 'The visit' })
    input: RecordHouseholdVisitInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.monitoring.recordHouseholdVisit(input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => ScreeningResult, {
    description:
      'Department screening (部门筛查预警): opens a DEPARTMENT_ALERT clue for every household that needs one; idempotent.',
  })
  runScreening(
    @Arg('year', () => Int, {
      description: 'Year of the incomes to compare with that year’s monitoring line',
    })
    year: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.screening.run(year, currentActor().displayName);
  }

  @Query(() => MonitoringCaseConnection, {
    description: 'Worklist: cases still open after their deadline, oldest first. 超期未办结',
  })
  overdueMonitoringCases(
    @Arg('scope', () => WorklistScope, { nullable: true, description: 'Township, village, page' })
    scope: WorklistScope | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const filter = {
      status: { in: ['CLUE', 'VERIFIED', 'PUBLICIZED'] },
      deadline: { lt: today() },
      household: householdScope(scope),
    };
    return this.cases(ctx, info, scope, filter);
  }

  @Query(() => MonitoringCaseConnection, {
    description: 'Worklist: clues waiting for the household visit, by deadline. 待核实线索',
  })
  cluesAwaitingVerification(
    @Arg('scope', () => WorklistScope, { nullable: true, description: 'Township, village, page' })
    scope: WorklistScope | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.cases(ctx, info, scope, {
      status: { eq: MonitoringStatus.CLUE },
      household: householdScope(scope),
    });
  }

  @Query(() => HouseholdConnection, {
    description: 'Worklist: monitored households without a measure in progress. 无在实施帮扶措施的监测户',
  })
  monitoredHouseholdsWithoutActiveMeasure(
    @Arg('scope', () => WorklistScope, { nullable: true, description: 'Township, village, page' })
    scope: WorklistScope | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const filter = {
      ...householdScope(scope),
      monitoringCases: { status: { eq: MonitoringStatus.APPROVED } },
      not: { measures: { status: { eq: 'IN_PROGRESS' } } },
    };
    return new HouseholdConnection(
      ctx.services.household.list({ filter, first: scope?.first, after: scope?.after }, info),
    );
  }

  @Query(() => HouseholdConnection, {
    description: 'Worklist: monitored households not visited in the last 30 days. 30天未走访的监测户',
  })
  monitoredHouseholdsWithoutRecentVisit(
    @Arg('scope', () => WorklistScope, { nullable: true, description: 'Township, village, page' })
    scope: WorklistScope | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const since = addDays(today(), -VISIT_WINDOW_DAYS);
    const filter = {
      ...householdScope(scope),
      monitoringCases: { status: { eq: MonitoringStatus.APPROVED } },
      not: {
        monitoringCases: { status: { eq: MonitoringStatus.APPROVED }, visits: { visitDate: { gte: since } } },
      },
    };
    return new HouseholdConnection(
      ctx.services.household.list({ filter, first: scope?.first, after: scope?.after }, info),
    );
  }

  private cases(
    ctx: Context,
    info: GraphQLResolveInfo,
    scope: WorklistScope | null,
    filter: Record<string, any>,
  ) {
    const orderBy = [{ field: 'deadline', direction: OrderDirection.ASC }];
    return new MonitoringCaseConnection(
      ctx.services.monitoring.list({ filter, orderBy, first: scope?.first, after: scope?.after }, info),
    );
  }
}

@Resolver(() => MonitoringVisit)
export class MonitoringVisitResolver extends ReadResolver({
  entity: MonitoringVisit,
  connection: MonitoringVisitConnection,
  listArgs: MonitoringVisitListArgs,
  singular: 'monitoringVisit',
  plural: 'monitoringVisits',
  label: '入户走访记录',
  service: (ctx) => ctx.services.monitoringVisit,
}) {
  @FieldResolver(() => MonitoringCase, {
    nullable: true,
    description: 'Monitoring case; null for a routine visit without an open case. 监测对象',
  })
  monitoringCase(@Root() v: MonitoringVisit, @Ctx() ctx: Context) {
    return v.monitoringCaseId ? ctx.services.monitoring.findById(ctx.loaders, v.monitoringCaseId) : null;
  }

  @FieldResolver(() => Household, { description: 'Household visited. 走访农户' })
  household(@Root() v: MonitoringVisit, @Ctx() ctx: Context) {
    return ctx.services.household.findById(ctx.loaders, v.householdId);
  }
}
