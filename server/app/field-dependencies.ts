import { registerFieldDependencies } from '../common/listing/selection';
import { Department } from '../modules/department/department.entity';
import { Household } from '../modules/household/household.entity';
import { HouseholdMember } from '../modules/household-member/household-member.entity';
import { MonitoringCase } from '../modules/monitoring/monitoring-case.entity';
import { RelocationSite } from '../modules/relocation-site/relocation-site.entity';
import { Township } from '../modules/township/township.entity';
import { Village } from '../modules/village/village.entity';

/**
 * Stored properties that computed fields read, so list pages can read only the selected columns
 * (`selection.ts`). Fields resolved from the row's id alone declare `[]`. A computed field missing
 * here makes its lists read every column: correct, only slower.
 */
export function registerAllFieldDependencies(): void {
  registerFieldDependencies(Household, {
    head: [],
    memberCount: [],
    currentMonitoringCase: [],
    latestPerCapitaNetIncomeYuan: [],
    assets: [],
  });
  registerFieldDependencies(HouseholdMember, { age: ['birthMonth'], measures: [] });
  registerFieldDependencies(Village, { assets: [], measures: [] });
  registerFieldDependencies(Township, { relocationSites: [] });
  registerFieldDependencies(Department, { measures: [], assets: [] });
  registerFieldDependencies(RelocationSite, {
    relocatedHouseholds: [],
    relocatedPeople: [],
    laborers: [],
    employedLaborers: [],
    employmentRate: [],
    assets: [],
    measures: [],
  });
  registerFieldDependencies(MonitoringCase, { isOverdue: ['status', 'deadline'], measures: [] });
}
