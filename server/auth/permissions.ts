import type { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLError, Kind, SelectionNode } from 'graphql';
import { AppError } from '../common/errors';
import { Actor, currentActor, Role } from './actor';

/** Who may call a root field: nobody signed in, any signed-in user, or the listed roles (and API keys). */
type Allowed = 'ANYONE' | 'USER' | readonly (Role | 'API_KEY')[];

const { ADMIN, DISTRICT_OFFICER, TOWNSHIP_OFFICER, VILLAGE_CADRE, DEPARTMENT_OFFICER, AUDITOR } = Role;

/** Readers of the register and reference data: every role but the auditor, and API keys. */
const READERS = [
  ADMIN,
  DISTRICT_OFFICER,
  TOWNSHIP_OFFICER,
  VILLAGE_CADRE,
  DEPARTMENT_OFFICER,
  'API_KEY',
] as const;
/** Area roles: they keep the register of their area. */
const AREA = [ADMIN, DISTRICT_OFFICER, TOWNSHIP_OFFICER, VILLAGE_CADRE] as const;
/** District level: reference data, screening. */
const DISTRICT = [ADMIN, DISTRICT_OFFICER] as const;
/** Decisions of the township (乡镇审定) and above. */
const TOWNSHIP_UP = [ADMIN, DISTRICT_OFFICER, TOWNSHIP_OFFICER] as const;
/** Who writes a unit's monthly report: its own officers (row rule), and the administrator. */
const UNIT_REPORTERS = [ADMIN, TOWNSHIP_OFFICER, DEPARTMENT_OFFICER] as const;
/** Yearly measures of plan tasks: district level and the units' own officers. */
const UNIT_WRITERS = [ADMIN, DISTRICT_OFFICER, TOWNSHIP_OFFICER, DEPARTMENT_OFFICER] as const;
/** Measures and assets: the area roles and the responsible department. */
const MEASURE_WRITERS = [...AREA, DEPARTMENT_OFFICER] as const;

const crud = (type: string, who: Allowed): Record<string, Allowed> => ({
  [`create${type}`]: who,
  [`update${type}`]: who,
  [`delete${type}`]: who,
});

const reads = (singular: string, plural: string, who: Allowed = READERS): Record<string, Allowed> => ({
  [singular]: who,
  [plural]: who,
});

/**
 * The access policy of every root field (README: accounts, roles and personal data), in one table: which roles may call it. Rows
 * are then limited by scope (scope.ts). A root field missing here is refused for everyone, so a
 * new operation is closed until it is given an entry (and the permission-matrix test fails).
 */
export const POLICY: Record<string, Allowed> = {
  // accounts
  login: 'ANYONE',
  logout: 'USER',
  me: 'USER',
  changePassword: 'USER',
  users: [ADMIN],
  user: [ADMIN],
  createUser: [ADMIN],
  updateUser: [ADMIN],
  resetUserPassword: [ADMIN],
  apiKeys: [ADMIN],
  createApiKey: [ADMIN],
  revokeApiKey: [ADMIN],
  auditEvents: [ADMIN, AUDITOR],
  revealIdNumber: AREA,
  // Users exporting from the console; an auditor or an API key exports nothing (issue #11 fault 11).
  recordExport: [...AREA, DEPARTMENT_OFFICER],
  // reference data
  ...reads('township', 'townships'),
  ...reads('village', 'villages'),
  ...reads('department', 'departments'),
  ...reads('relocationSite', 'relocationSites'),
  ...reads('villageCollectiveIncome', 'villageCollectiveIncomes'),
  ...reads('monitoringThreshold', 'monitoringThresholds'),
  ...crud('Township', DISTRICT),
  ...crud('Village', DISTRICT),
  ...crud('Department', DISTRICT),
  ...crud('RelocationSite', DISTRICT),
  ...crud('MonitoringThreshold', DISTRICT),
  ...crud('VillageCollectiveIncome', AREA),
  // the register
  ...reads('household', 'households'),
  ...reads('householdMember', 'householdMembers'),
  ...reads('householdIncome', 'householdIncomes'),
  ...reads('assistanceMeasure', 'assistanceMeasures'),
  ...reads('asset', 'assets'),
  ...reads('monitoringCase', 'monitoringCases'),
  ...reads('monitoringVisit', 'monitoringVisits'),
  ...crud('Household', AREA),
  ...crud('HouseholdMember', AREA),
  ...crud('HouseholdIncome', AREA),
  changeHouseholdHead: AREA,
  ...crud('AssistanceMeasure', MEASURE_WRITERS),
  ...crud('Asset', MEASURE_WRITERS),
  // the asset ledger (work plan §2.5): lifecycle, revenue, disposal (decided at district level)
  ...reads('assetRevenue', 'assetRevenues'),
  ...reads('assetDisposal', 'assetDisposals'),
  ...crud('AssetRevenue', MEASURE_WRITERS),
  confirmAssetRights: MEASURE_WRITERS,
  handOverAsset: MEASURE_WRITERS,
  assignAssetCustodian: MEASURE_WRITERS,
  changeAssetStatus: MEASURE_WRITERS,
  requestAssetDisposal: MEASURE_WRITERS,
  approveAssetDisposal: DISTRICT,
  rejectAssetDisposal: DISTRICT,
  assetLedger: READERS,
  assetLedgerByFundingSource: READERS,
  // HTTP routes of the ledger spreadsheet (not GraphQL fields)
  importAssets: MEASURE_WRITERS,
  exportAssets: READERS,
  // statistics and worklists
  householdStatistics: READERS,
  assistanceMeasureStatistics: READERS,
  assetStatistics: READERS,
  overdueMonitoringCases: READERS,
  cluesAwaitingVerification: READERS,
  monitoredHouseholdsWithoutActiveMeasure: READERS,
  monitoredHouseholdsWithoutRecentVisit: READERS,
  // monitoring workflow (work plan §2.2; 乡镇审定 for approval, rejection and closing)
  // Department officers report clues on the district's households from their sector (issue #16).
  reportRisk: MEASURE_WRITERS,
  verifyMonitoringCase: AREA,
  publicizeMonitoringCase: AREA,
  recordMonitoringVisit: AREA,
  recordHouseholdVisit: AREA,
  approveMonitoringCase: TOWNSHIP_UP,
  rejectMonitoringCase: TOWNSHIP_UP,
  eliminateRisk: TOWNSHIP_UP,
  runScreening: DISTRICT,
  // cross-sector data exchange (issue #16; work plan §2.2 部门信息比对): sector fields, department feeds
  setMemberSectorField: MEASURE_WRITERS,
  feedRuns: [ADMIN, DISTRICT_OFFICER, DEPARTMENT_OFFICER],
  // 事后回访巩固: follow-ups by the area roles, reopening decided at township level and above
  recordFollowUpVisit: AREA,
  reopenMonitoringCase: TOWNSHIP_UP,
  followUpsDue: READERS,
  monitoringCaseStatistics: READERS,
  // HTTP routes of the feeds (not GraphQL fields)
  importFeed: [ADMIN, DISTRICT_OFFICER, DEPARTMENT_OFFICER],
  feedTemplate: [ADMIN, DISTRICT_OFFICER, DEPARTMENT_OFFICER],
  // plan tasks and monthly progress reports (work plan, closing clause: 每月20日前报送工作进展情况)
  ...reads('planTask', 'planTasks', [...READERS, AUDITOR]),
  ...reads('planTaskUnit', 'planTaskUnits', [...READERS, AUDITOR]),
  ...reads('planMeasure', 'planMeasures', [...READERS, AUDITOR]),
  ...crud('PlanTask', DISTRICT),
  ...crud('PlanTaskUnit', DISTRICT),
  ...crud('PlanMeasure', UNIT_WRITERS),
  // report texts: the unit itself (row rule), the office and the auditor; not villages, not API keys
  ...reads('progressReport', 'progressReports', [...DISTRICT, TOWNSHIP_OFFICER, DEPARTMENT_OFFICER, AUDITOR]),
  saveProgressReport: UNIT_REPORTERS,
  submitProgressReport: UNIT_REPORTERS,
  acceptProgressReport: DISTRICT,
  returnProgressReport: DISTRICT,
  // statuses and counts only: aggregates every reader may see
  reportingRates: [...READERS, AUDITOR],
  overdueProgressReports: [...READERS, AUDITOR],
  compiledProgressReport: [...DISTRICT, AUDITOR],
  // the plan's indicators: the catalogue is reference data; reported figures belong to the owning
  // department (checked in the service); drill-down rows name people, so area roles only
  indicatorCatalogue: READERS,
  planIndicators: READERS,
  indicatorBreakdown: READERS,
  indicatorHistory: READERS,
  indicatorDrillDown: AREA,
  memberStatistics: READERS,
  indicatorReports: READERS,
  indicatorSnapshots: READERS,
  reportIndicatorValue: [ADMIN, DISTRICT_OFFICER, DEPARTMENT_OFFICER],
  updatePlanIndicator: DISTRICT,
  setIndicatorTownshipTarget: DISTRICT,
  takeIndicatorSnapshot: DISTRICT,
};

/** Root fields a user who must change the password may still call. */
const BEFORE_PASSWORD_CHANGE = new Set(['me', 'changePassword', 'logout']);

/**
 * Checks the actor against the policy: UNAUTHENTICATED when nobody is signed in, FORBIDDEN when the
 * role may not call it (or the password must be changed first).
 */
export function authorize(field: string, actor: Actor): void {
  const allowed = POLICY[field];
  if (allowed === 'ANYONE' || actor.kind === 'SYSTEM') return;
  if (actor.kind === 'ANONYMOUS')
    throw new AppError(
      'UNAUTHENTICATED',
      'SIGN_IN_REQUIRED',
      'sign in first (POST login, or send an API key)',
    );
  if (allowed === undefined)
    throw new AppError('FORBIDDEN', 'NOT_ALLOWED', `${field} is not open to anyone yet`);
  if (actor.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(field))
    throw new AppError(
      'FORBIDDEN',
      'PASSWORD_CHANGE_REQUIRED',
      'change the one-time password first (changePassword)',
    );
  if (allowed === 'USER') {
    if (actor.kind === 'USER') return;
  } else if (actor.role !== null && allowed.includes(actor.role)) return;
  throw new AppError('FORBIDDEN', 'ROLE_NOT_ALLOWED', `${actor.role ?? actor.kind} may not call ${field}`);
}

/** Names of the root fields an operation selects (through fragments too), introspection aside. */
function rootFields(
  selections: readonly SelectionNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  out = new Set<string>(),
) {
  for (const s of selections) {
    if (s.kind === Kind.FIELD) {
      if (!s.name.value.startsWith('__')) out.add(s.name.value);
    } else if (s.kind === Kind.INLINE_FRAGMENT) rootFields(s.selectionSet.selections, fragments, out);
    else if (s.kind === Kind.FRAGMENT_SPREAD && fragments[s.name.value])
      rootFields(fragments[s.name.value].selectionSet.selections, fragments, out);
  }
  return out;
}

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * The policy, once per request: every root field of the operation is checked before anything runs
 * (UNAUTHENTICATED 401 / FORBIDDEN 403 for the whole request). During a mutation each root field's
 * name becomes the audit operation of the writes it makes.
 */
export const accessPolicyPlugin: ApolloServerPlugin<any> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document }) {
        const fragments: Record<string, FragmentDefinitionNode> = {};
        for (const d of document.definitions)
          if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
        const actor = currentActor();
        for (const field of rootFields(operation?.selectionSet.selections ?? [], fragments)) {
          try {
            authorize(field, actor);
          } catch (error) {
            const e = error as AppError;
            throw new GraphQLError(e.message, {
              originalError: e,
              extensions: { http: { status: HTTP_STATUS[e.code] ?? 400 } },
            });
          }
        }
      },
      async executionDidStart({ operation }) {
        if (operation?.operation !== 'mutation') return;
        return {
          willResolveField({ info }) {
            const actor = currentActor();
            if (info.parentType.name === 'Mutation' && actor.kind !== 'SYSTEM')
              actor.operation = info.fieldName;
          },
        };
      },
    };
  },
};
