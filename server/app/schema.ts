import { PersonalTextCheck } from '../common/validation/personal-text';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';
import { AuditEventResolver, AuthResolver } from '../auth/auth.resolver';
import { registerAllFieldDependencies } from './field-dependencies';
import { AssetFundingResolver, AssetResolver } from '../modules/asset/asset.resolver';
import {
  AssetDisposalResolver,
  AssetLedgerResolver,
  AssetRevenueResolver,
} from '../modules/asset/asset-ledger.resolver';
import { AssistanceMeasureResolver } from '../modules/assistance-measure/assistance-measure.resolver';
import { DepartmentResolver } from '../modules/department/department.resolver';
import { HouseholdResolver } from '../modules/household/household.resolver';
import { HouseholdMemberResolver } from '../modules/household-member/household-member.resolver';
import { RelocationSiteResolver } from '../modules/relocation-site/relocation-site.resolver';
import { IndicatorResolver } from '../modules/indicator/indicator.resolver';
import { StatisticsResolver } from '../modules/statistics/statistics.resolver';
import {
  HouseholdIncomeResolver,
  MonitoringThresholdResolver,
} from '../modules/household-income/household-income.resolver';
import { MonitoringCaseResolver, MonitoringVisitResolver } from '../modules/monitoring/monitoring.resolver';
import { TownshipResolver } from '../modules/township/township.resolver';
import {
  PlanMeasureResolver,
  PlanTaskResolver,
  PlanTaskUnitResolver,
} from '../modules/plan-task/plan-task.resolver';
import { ProgressReportResolver } from '../modules/progress-report/progress-report.resolver';
import { VillageCollectiveIncomeResolver, VillageResolver } from '../modules/village/village.resolver';

import {
  FeedAlertResolver,
  FeedRunResolver,
  MemberSectorFieldsResolver,
  MemberSectorValueResolver,
  MonitoringCaseAlertsResolver,
} from '../modules/exchange/exchange.resolver';
import { FollowUpResolver } from '../modules/exchange/follow-up';
import { CaseStatisticsResolver } from '../modules/exchange/case-statistics';

export const resolvers = [
  MemberSectorFieldsResolver,
  MemberSectorValueResolver,
  FeedRunResolver,
  FeedAlertResolver,
  MonitoringCaseAlertsResolver,
  FollowUpResolver,
  CaseStatisticsResolver,
  TownshipResolver,
  VillageResolver,
  VillageCollectiveIncomeResolver,
  DepartmentResolver,
  RelocationSiteResolver,
  HouseholdResolver,
  HouseholdMemberResolver,
  AssistanceMeasureResolver,
  AssetResolver,
  AssetFundingResolver,
  StatisticsResolver,
  HouseholdIncomeResolver,
  MonitoringThresholdResolver,
  MonitoringCaseResolver,
  MonitoringVisitResolver,
  AuthResolver,
  AuditEventResolver,
  AssetRevenueResolver,
  AssetDisposalResolver,
  AssetLedgerResolver,
  PlanTaskResolver,
  PlanTaskUnitResolver,
  PlanMeasureResolver,
  ProgressReportResolver,
  IndicatorResolver,
] as const;

let cached: Promise<GraphQLSchema> | null = null;

/**
 * The executable schema, built once from the resolvers. Inputs are validated with class-validator
 * (omitted fields skipped, so update inputs validate only what they change).
 */
export function buildAppSchema(): Promise<GraphQLSchema> {
  registerAllFieldDependencies();
  cached ??= buildSchema({
    resolvers: [...resolvers],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false, skipUndefinedProperties: true },
    globalMiddlewares: [PersonalTextCheck],
  }).then((schema) => {
    schema.getQueryType()!.description =
      'Reads of the Baiyin District rural-revitalisation registry (白银区巩固拓展脱贫攻坚成果同乡村振兴有效衔接). ' +
      'x(id) returns null when absent or out of the caller’s scope; lists are connections of at most 500 rows. ' +
      'Sign in with the login mutation (or send an API key as a Bearer token).';
    schema.getMutationType()!.description =
      'Writes: create/update/delete per entity and domain verbs. A rejected write changes nothing.';
    return schema;
  });
  return cached;
}
