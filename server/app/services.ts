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

/** All services, created once per process over one database. */
export function createServices(db: Database, config: AppConfig) {
  const householdMember = new HouseholdMemberService(db);
  const asset = new AssetService(db);
  const rateLimits = new RateLimiter(db);
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
  };
}

export type Services = ReturnType<typeof createServices>;
