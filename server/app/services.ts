import type { Database } from '../database/database';
import type { AppConfig } from '../config/config';
import { ApiKeyService, AuditService, AuthService } from '../auth/auth.service';
import { RateLimiter } from '../auth/rate-limit';
import { AssetFundingService, AssetService } from '../modules/asset/asset.service';
import { AssetExcelService } from '../modules/asset/asset-excel';
import {
  AssetDisposalService,
  AssetLedgerService,
  AssetRevenueDistributionService,
  AssetRevenueService,
} from '../modules/asset/asset-ledger.service';
import { AssistanceMeasureService } from '../modules/assistance-measure/assistance-measure.service';
import { DepartmentService } from '../modules/department/department.service';
import { HouseholdService } from '../modules/household/household.service';
import { HouseholdMemberService } from '../modules/household-member/household-member.service';
import { IndicatorDrillService } from '../modules/indicator/indicator-drill.service';
import { IndicatorReportService } from '../modules/indicator/indicator-report.service';
import { IndicatorSnapshotService } from '../modules/indicator/indicator-snapshot.service';
import { IndicatorService } from '../modules/indicator/indicator.service';
import { MemberStatisticsService } from '../modules/indicator/member-statistics.service';
import { StatisticsService } from '../modules/statistics/statistics.service';
import {
  HouseholdIncomeService,
  MonitoringThresholdService,
} from '../modules/household-income/household-income.service';
import {
  MonitoringVisitService,
  MonitoringWorkflowService,
} from '../modules/monitoring/monitoring-workflow.service';
import { ExchangeService } from '../modules/exchange/exchange.service';
import { FollowUpService } from '../modules/exchange/follow-up';
import { CaseStatisticsService } from '../modules/exchange/case-statistics';
import { ScreeningService } from '../modules/monitoring/screening.service';
import { RelocationSiteService } from '../modules/relocation-site/relocation-site.service';
import { TownshipService } from '../modules/township/township.service';
import { VillageCollectiveIncomeService, VillageService } from '../modules/village/village.service';
import {
  PlanMeasureService,
  PlanTaskQueries,
  PlanTaskService,
  PlanTaskUnitService,
} from '../modules/plan-task/plan-task.service';
import { ProgressReportService } from '../modules/progress-report/progress-report.service';
import { ProgressReportFigureService } from '../modules/progress-report/progress-report-figures.service';
import { ReportingRateService } from '../modules/progress-report/progress-report-rates.service';
import { ProgressReportCompileService } from '../modules/progress-report/progress-report-compile.service';
import type { IndicatorSource } from '../modules/progress-report/progress-report-indicators';
import { runAs, SYSTEM } from '../auth/actor';

/** The plan's indicators as the monthly reports read them (the district, or one township). */
function indicatorSource(indicator: IndicatorService): IndicatorSource {
  return {
    values: async (month, townshipId) =>
      (
        await runAs(SYSTEM, () =>
          indicator.planIndicators(month, townshipId === null ? null : { townshipId: String(townshipId) }),
        )
      ).map((v) => ({
        key: v.key,
        name: v.indicator.name,
        planClause: v.indicator.planClause,
        departmentId: v.indicator.departmentId,
        unit: v.indicator.unit,
        definition: v.indicator.definition,
        target: v.target,
        value: v.value,
      })),
  };
}

/** All services, created once per process over one database. */
export function createServices(db: Database, config: AppConfig) {
  const householdMember = new HouseholdMemberService(db);
  const asset = new AssetService(db);
  const rateLimits = new RateLimiter(db);
  const indicatorSnapshot = new IndicatorSnapshotService(db);
  const indicator = new IndicatorService(db, indicatorSnapshot);
  indicatorSnapshot.indicators = indicator;
  const planTaskQueries = new PlanTaskQueries(db);
  const figures = new ProgressReportFigureService(db, planTaskQueries, indicatorSource(indicator));
  return {
    db,
    rateLimits,
    auth: new AuthService(db, config),
    apiKey: new ApiKeyService(db),
    audit: new AuditService(db),
    township: new TownshipService(db),
    village: new VillageService(db),
    villageCollectiveIncome: new VillageCollectiveIncomeService(db),
    department: new DepartmentService(db),
    relocationSite: new RelocationSiteService(db),
    household: new HouseholdService(db, householdMember),
    householdMember,
    assistanceMeasure: new AssistanceMeasureService(db),
    asset,
    assetRevenue: new AssetRevenueService(db),
    assetRevenueDistribution: new AssetRevenueDistributionService(db),
    assetDisposal: new AssetDisposalService(db, asset),
    assetLedger: new AssetLedgerService(db),
    assetExcel: new AssetExcelService(db, asset),
    assetFunding: new AssetFundingService(db),
    statistics: new StatisticsService(db),
    householdIncome: new HouseholdIncomeService(db),
    monitoringThreshold: new MonitoringThresholdService(db),
    monitoring: new MonitoringWorkflowService(db),
    monitoringVisit: new MonitoringVisitService(db),
    screening: new ScreeningService(db),
    exchange: new ExchangeService(db),
    followUp: new FollowUpService(db),
    caseStatistics: new CaseStatisticsService(db),
    planTask: new PlanTaskService(db),
    planTaskUnit: new PlanTaskUnitService(db),
    planMeasure: new PlanMeasureService(db, planTaskQueries),
    planTaskQueries,
    progressReportFigures: figures,
    progressReport: new ProgressReportService(db, planTaskQueries, figures),
    reportingRate: new ReportingRateService(db, planTaskQueries),
    progressReportCompile: new ProgressReportCompileService(db, planTaskQueries, figures),
    indicator,
    indicatorSnapshot,
    indicatorReport: new IndicatorReportService(db, indicator),
    indicatorDrill: new IndicatorDrillService(db, indicator),
    memberStatistics: new MemberStatisticsService(db, indicator, config.smallCellMin),
  };
}

export type Services = ReturnType<typeof createServices>;
