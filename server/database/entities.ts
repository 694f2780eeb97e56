import { AssetDisposal } from '../modules/asset/asset-disposal.entity';
import { AssetRevenue, AssetRevenueDistribution } from '../modules/asset/asset-revenue.entity';
import { ApiKey, AppUser, AuditEvent, UserSession } from '../auth/auth.entities';
import { RateLimitCounter } from '../auth/rate-limit';
import { Asset } from '../modules/asset/asset.entity';
import { AssetFunding } from '../modules/asset/asset-funding.entity';
import { AssistanceMeasure } from '../modules/assistance-measure/assistance-measure.entity';
import { Department } from '../modules/department/department.entity';
import { Household } from '../modules/household/household.entity';
import { HouseholdMember } from '../modules/household-member/household-member.entity';
import { RelocationSite } from '../modules/relocation-site/relocation-site.entity';
import { Township } from '../modules/township/township.entity';
import { Village } from '../modules/village/village.entity';
import { MonitoringCase } from '../modules/monitoring/monitoring-case.entity';
import { MonitoringVisit } from '../modules/monitoring/monitoring-visit.entity';
import { HouseholdIncome, MonitoringThreshold } from '../modules/household-income/household-income.entity';
import {
  FeedAlert,
  FeedRun,
  MemberSectorValue,
  MemberSectorValueChange,
} from '../modules/exchange/exchange.entities';
import { DemoSeedRun } from '../seed/demo-seed-run.entity';
import { IndicatorSnapshot, IndicatorSnapshotValue } from '../modules/indicator/indicator-snapshot.entity';
import { IndicatorReport, PlanIndicator, PlanIndicatorTarget } from '../modules/indicator/indicator.entity';
import { VillageCollectiveIncome } from '../modules/village/village-collective-income.entity';
import { PlanMeasure, PlanTask, PlanTaskUnit } from '../modules/plan-task/plan-task.entity';
import { ProgressReport } from '../modules/progress-report/progress-report.entity';

/** Every TypeORM entity of the registry. */
export const entities = [
  Township,
  Village,
  VillageCollectiveIncome,
  Department,
  RelocationSite,
  Household,
  HouseholdMember,
  AssistanceMeasure,
  Asset,
  AssetFunding,
  HouseholdIncome,
  MonitoringThreshold,
  MonitoringCase,
  MonitoringVisit,
  AppUser,
  UserSession,
  ApiKey,
  AuditEvent,
  RateLimitCounter,
  AssetRevenue,
  AssetRevenueDistribution,
  AssetDisposal,
  DemoSeedRun,
  MemberSectorValue,
  MemberSectorValueChange,
  FeedRun,
  FeedAlert,
  PlanTask,
  PlanTaskUnit,
  PlanMeasure,
  ProgressReport,
  PlanIndicator,
  PlanIndicatorTarget,
  IndicatorReport,
  IndicatorSnapshot,
  IndicatorSnapshotValue,
];
