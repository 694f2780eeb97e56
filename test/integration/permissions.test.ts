import { buildSchema } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { Actor, Role } from '../../server/auth/actor';
import { aHousehold, aMember, approveCase, daysAgo } from '../support/builders';
import { ANONYMOUS, ok, startTestApp, TestApp } from '../support/harness';

/**
 * The permission matrix (README: accounts, roles and personal data): every query and mutation of the schema × anonymous, each role
 * (area roles in two townships and villages, department officers of two departments), the auditor
 * and API keys (district-wide and limited to the other township). Fixtures lie in township T1,
 * village V1, department D. Expected outcomes come from one table below: the roles allowed per
 * operation and whether its rows are area- or department-scoped. An operation in the schema without
 * an entry fails the test.
 */
type Outcome = 'allow' | 'hidden' | 'deny' | 'anon';
type Who = Role | 'API_KEY';

interface Fixtures {
  t1: string;
  t2: string;
  v1: string;
  v2: string;
  d1: string;
  d2: string;
  household: string;
  member: string;
  income: string;
  measure: string;
  asset: string;
  clue: string;
  approved: string;
  approvedHousehold: string;
  visit: string;
  collectiveIncome: string;
  threshold: string;
  site: string;
  user: string;
  apiKey: string;
  revenue: string;
  disposal: string;
  planTask: string;
  planTaskUnit: string;
  planMeasure: string;
  report: string;
}

interface Op {
  /** Roles that may call it; 'ANYONE' for login. */
  roles: readonly Who[] | 'ANYONE' | 'USER';
  /**
   * 'area': actors outside T1/V1 see nothing; 'dept': department officers see only D's rows;
   * 'unit': rows of unit D1 (reports, plan measures): only D1's officers among the unit roles.
   */
  scope?: 'area' | 'dept' | 'unit';
  /** Fresh rows for one call (mutations), made by the administrator. */
  setup?: (f: Fixtures) => Promise<Record<string, unknown>>;
  query: string;
  /** From the data of a successful call: is the fixture there (reads)? Default: allow. */
  visible?: (data: any, f: Fixtures, vars: Record<string, unknown>) => boolean;
  /** Reasons of a BAD_USER_INPUT/CONFLICT that still mean the call got through (domain rules). */
  domain?: string[];
}

const { ADMIN, DISTRICT_OFFICER, TOWNSHIP_OFFICER, VILLAGE_CADRE, DEPARTMENT_OFFICER, AUDITOR } = Role;
const READERS: Who[] = [
  ADMIN,
  DISTRICT_OFFICER,
  TOWNSHIP_OFFICER,
  VILLAGE_CADRE,
  DEPARTMENT_OFFICER,
  'API_KEY',
];
const AREA: Who[] = [ADMIN, DISTRICT_OFFICER, TOWNSHIP_OFFICER, VILLAGE_CADRE];
const DISTRICT: Who[] = [ADMIN, DISTRICT_OFFICER];
const TOWNSHIP_UP: Who[] = [ADMIN, DISTRICT_OFFICER, TOWNSHIP_OFFICER];
const MEASURES: Who[] = [...AREA, DEPARTMENT_OFFICER];

let app: TestApp;
let f: Fixtures;
let n = 0;
const unique = () => ++n;
const counters: Record<string, number> = {};
/** 0, 1, 2, … per key: codes and years that must not repeat. */
const next = (key: string) => (counters[key] = (counters[key] ?? -1) + 1);

const one = (field: string, key: keyof Fixtures): Op => ({
  roles: READERS,
  scope: 'area',
  query: `query($id: ID!) { x: ${field}(id: $id) { id } }`,
  setup: async (fx) => ({ id: fx[key] }),
  visible: (d) => d.x !== null,
});
const many = (
  field: string,
  key: keyof Fixtures,
  roles: Who[] = READERS,
  scope: Op['scope'] = 'area',
): Op => ({
  roles,
  scope,
  query: `query($id: ID!) { x: ${field}(filter: { id: { eq: $id } }) { totalCount nodes { id } } }`,
  setup: async (fx) => ({ id: fx[key] }),
  visible: (d) => d.x.nodes.length === 1 && d.x.totalCount === 1,
});
const publicOne = (field: string, key: keyof Fixtures): Op => ({ ...one(field, key), scope: undefined });
const publicMany = (field: string, key: keyof Fixtures): Op => ({ ...many(field, key), scope: undefined });

/** A household of its own in V1 (with a head), for writes that change or remove it. */
async function freshHousehold(fields: Record<string, unknown> = {}) {
  return aHousehold(app, { villageId: f.v1, fields: { housingSafety: 'A', ...fields } });
}

async function freshCase(state: 'CLUE' | 'VERIFIED' | 'PUBLICIZED' | 'APPROVED') {
  const h = await freshHousehold();
  const c = ok(
    await app.gql(
      `mutation($h: ID!, $d: Date) { reportRisk(input: { householdId: $h, source: SELF_REPORT, description: "申请", date: $d }) { id } }`,
      { h: h.id, d: daysAgo(40) },
    ),
  ).reportRisk;
  const step = (m: string, input: string) =>
    app.gql(`mutation($id: ID!) { ${m}(id: $id, input: ${input}) { id } }`, { id: c.id });
  if (state !== 'CLUE')
    ok(
      await step(
        'verifyMonitoringCase',
        `{ category: MARGINAL, riskTypes: [OTHER], findings: "核实", date: "${daysAgo(35)}" }`,
      ),
    );
  if (state === 'PUBLICIZED' || state === 'APPROVED')
    ok(await step('publicizeMonitoringCase', `{ date: "${daysAgo(30)}" }`));
  if (state === 'APPROVED') ok(await step('approveMonitoringCase', `{ date: "${daysAgo(20)}" }`));
  return { caseId: c.id as string, householdId: h.id };
}

async function freshMeasure() {
  const h = await freshHousehold();
  return ok(
    await app.gql(
      `mutation($h: ID!, $d: ID!) { createAssistanceMeasure(input: { householdId: $h, type: EMPLOYMENT, description: "公益性岗位",
        responsibleDepartmentId: $d, startDate: "2025-01-01", status: IN_PROGRESS }) { id } }`,
      { h: h.id, d: f.d1 },
    ),
  ).createAssistanceMeasure.id as string;
}

const assetInput = (v: string, d: string) => ({
  assetCode: `PERM-${process.pid}-${unique()}`,
  name: '光伏电站',
  assetClass: 'OPERATING',
  category: 'PHOTOVOLTAIC',
  projectName: '光伏扶贫',
  projectYear: 2019,
  villageId: v,
  responsibleDepartmentId: d,
  ownershipLevel: 'VILLAGE',
  owner: '村集体',
  fundings: [{ source: 'CENTRAL_FISCAL', amountYuan: '100000.00' }],
});

async function freshAsset(extra: Record<string, unknown> = {}) {
  return ok(
    await app.gql(`mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }`, {
      i: { ...assetInput(f.v1, f.d1), ...extra },
    }),
  ).createAsset.id as string;
}

async function freshRevenue() {
  return ok(
    await app.gql(
      `mutation($a: ID!) { createAssetRevenue(input: { assetId: $a, year: 2024, amountYuan: "3000",
        distributions: [{ purpose: MAINTENANCE, amountYuan: "1000" }, { purpose: HOUSEHOLD_DIVIDEND, amountYuan: "2000" }] }) { id } }`,
      { a: await freshAsset() },
    ),
  ).createAssetRevenue.id as string;
}

/** A disposal requested by the village cadre of V1, so district users other than the requester decide it. */
async function freshDisposal() {
  const cadre = await app.user(VILLAGE_CADRE, { villageId: f.v1 });
  return ok(
    await app.gqlAs(
      cadre,
      `mutation($id: ID!) { requestAssetDisposal(input: { assetId: $id, reason: DISASTER, method: SCRAP,
        explanation: "洪水损毁", expectedProceedsYuan: "0" }) { id } }`,
      { id: await freshAsset() },
    ),
  ).requestAssetDisposal.id as string;
}

const incomeInput = (h: string, year: number) => ({
  householdId: h,
  year,
  wageIncomeYuan: '20000',
  productionIncomeYuan: '0',
  propertyIncomeYuan: '0',
  transferIncomeYuan: '0',
  productionCostsYuan: '0',
  compliantSpendingYuan: '0',
});

/** THE TABLE: every root field of the schema. */
/** A month of its own for each fresh report of D1 (from 2021-01 on). */
function freshMonth() {
  const i = next('month');
  return `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** A report of D1 (made by the administrator) with text in every section, in the given state. */
async function freshReport(state: 'DRAFT' | 'SUBMITTED') {
  const save = (sections?: unknown[]) =>
    app.gql(
      `mutation($i: SaveProgressReportInput!) { saveProgressReport(input: $i) { id sections { planTask { id } } } }`,
      { i: { departmentId: f.d1, month, sections } },
    );
  const month = freshMonth();
  const r = ok(await save()).saveProgressReport;
  ok(await save(r.sections.map((x: any) => ({ planTaskId: x.planTask.id, progress: '进展' }))));
  if (state === 'SUBMITTED')
    ok(await app.gql('mutation($id: ID!) { submitProgressReport(id: $id) { id } }', { id: r.id }));
  return r.id as string;
}

async function freshPlanTask() {
  return ok(
    await app.gql(
      `mutation($n: Int!) { createPlanTask(input: { sectionNo: 9, sectionTitle: "测试", taskNo: $n, clause: "九（${'$'}{n}）", title: "测试任务" }) { id } }`,
      { n: next('task') + 1 },
    ),
  ).createPlanTask.id as string;
}

const planMeasureInput = (fx: Fixtures, task: string) => ({
  planTaskId: task,
  departmentId: fx.d1,
  year: 2026,
  content: '推进',
  responsibleLeader: '李局长',
  deadline: '2026-06-30',
});

const REPORT_READERS: Who[] = [ADMIN, DISTRICT_OFFICER, TOWNSHIP_OFFICER, DEPARTMENT_OFFICER, AUDITOR];
const UNIT_REPORTERS: Who[] = [ADMIN, TOWNSHIP_OFFICER, DEPARTMENT_OFFICER];
const UNIT_WRITERS: Who[] = [ADMIN, DISTRICT_OFFICER, TOWNSHIP_OFFICER, DEPARTMENT_OFFICER];
const ALL_READERS: Who[] = [...READERS, AUDITOR];

const OPS: Record<string, Op> = {
  // accounts
  login: {
    roles: 'ANYONE',
    query: 'mutation { login(input: { username: "nobody", password: "wrong" }) { token } }',
    // An unknown username locks after five failures like an account (issue #11 fault 5).
    domain: ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED'],
  },
  logout: { roles: 'USER', query: 'mutation { logout }' },
  me: { roles: 'USER', query: '{ me { id } }' },
  changePassword: {
    roles: 'USER',
    query: 'mutation { changePassword(input: { currentPassword: "x", newPassword: "Aa1!aaaaaaaa" }) { id } }',
    domain: ['WRONG_PASSWORD'],
  },
  users: many('users', 'user', [ADMIN], undefined),
  user: { ...publicOne('user', 'user'), roles: [ADMIN] },
  createUser: {
    roles: [ADMIN],
    query: `mutation($u: String!) { createUser(input: { username: $u, displayName: "新用户", role: AUDITOR }) { oneTimePassword } }`,
    setup: async () => ({ u: `perm${unique()}` }),
  },
  updateUser: {
    roles: [ADMIN],
    query: 'mutation($id: ID!) { updateUser(id: $id, input: { displayName: "改名" }) { id } }',
    setup: async (fx) => ({ id: fx.user }),
  },
  resetUserPassword: {
    roles: [ADMIN],
    query: 'mutation($id: ID!) { resetUserPassword(id: $id) { oneTimePassword } }',
    setup: async (fx) => ({ id: fx.user }),
  },
  apiKeys: many('apiKeys', 'apiKey', [ADMIN], undefined),
  createApiKey: { roles: [ADMIN], query: 'mutation { createApiKey(input: { name: "看板" }) { key } }' },
  revokeApiKey: {
    roles: [ADMIN],
    query: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
    setup: async (fx) => ({ id: fx.apiKey }),
  },
  auditEvents: { roles: [ADMIN, AUDITOR], query: '{ auditEvents(first: 1) { totalCount } }' },
  revealIdNumber: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($id: ID!) { revealIdNumber(memberId: $id) }',
    setup: async (fx) => ({ id: fx.member }),
  },
  recordExport: {
    // The console's own exports: users who read the register (not auditors, not API keys: issue #11).
    roles: [ADMIN, DISTRICT_OFFICER, TOWNSHIP_OFFICER, VILLAGE_CADRE, DEPARTMENT_OFFICER],
    query: 'mutation { recordExport(resource: "households", rows: 3) }',
  },
  // reference data
  township: one('township', 't1'),
  townships: many('townships', 't1'),
  village: one('village', 'v1'),
  villages: many('villages', 'v1'),
  villageCollectiveIncome: one('villageCollectiveIncome', 'collectiveIncome'),
  villageCollectiveIncomes: many('villageCollectiveIncomes', 'collectiveIncome'),
  department: publicOne('department', 'd1'),
  departments: publicMany('departments', 'd1'),
  relocationSite: publicOne('relocationSite', 'site'),
  relocationSites: publicMany('relocationSites', 'site'),
  monitoringThreshold: publicOne('monitoringThreshold', 'threshold'),
  monitoringThresholds: publicMany('monitoringThresholds', 'threshold'),
  createTownship: {
    roles: DISTRICT,
    query: 'mutation($c: String!) { createTownship(input: { code: $c, name: $c }) { id } }',
    setup: async () => ({ c: `62040229${next('t')}000` }),
  },
  updateTownship: {
    roles: DISTRICT,
    scope: 'area',
    query: 'mutation($id: ID!) { updateTownship(id: $id, input: {}) { id } }',
    setup: async (fx) => ({ id: fx.t1 }),
  },
  deleteTownship: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { deleteTownship(id: $id) }',
    setup: async () => ({
      id: ok(
        await app.gql('mutation($c: String!) { createTownship(input: { code: $c, name: $c }) { id } }', {
          c: `62040228${next('td')}000`,
        }),
      ).createTownship.id,
    }),
  },
  createVillage: {
    roles: DISTRICT,
    scope: 'area',
    query:
      'mutation($c: String!, $t: ID!) { createVillage(input: { code: $c, name: $c, townshipId: $t }) { id } }',
    setup: async (fx) => ({ c: `${await codeOf(fx.t1)}${250 + next('v')}`, t: fx.t1 }),
  },
  updateVillage: {
    roles: DISTRICT,
    scope: 'area',
    query: 'mutation($id: ID!) { updateVillage(id: $id, input: { featuredIndustry: "蔬菜" }) { id } }',
    setup: async (fx) => ({ id: fx.v1 }),
  },
  deleteVillage: {
    roles: DISTRICT,
    scope: 'area',
    query: 'mutation($id: ID!) { deleteVillage(id: $id) }',
    setup: async (fx) => ({
      id: ok(
        await app.gql(
          'mutation($c: String!, $t: ID!) { createVillage(input: { code: $c, name: $c, townshipId: $t }) { id } }',
          {
            c: `${await codeOf(fx.t1)}${300 + next('vd')}`,
            t: fx.t1,
          },
        ),
      ).createVillage.id,
    }),
  },
  createDepartment: {
    roles: DISTRICT,
    query: 'mutation($c: String!) { createDepartment(input: { code: $c, name: $c, kind: OTHER }) { id } }',
    setup: async () => ({ c: `P${unique()}` }),
  },
  updateDepartment: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { updateDepartment(id: $id, input: { kind: OTHER }) { id } }',
    setup: async (fx) => ({ id: fx.d2 }),
  },
  deleteDepartment: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { deleteDepartment(id: $id) }',
    setup: async () => {
      const c = `X${unique()}`;
      return {
        id: ok(
          await app.gql(
            'mutation($c: String!) { createDepartment(input: { code: $c, name: $c, kind: OTHER }) { id } }',
            { c },
          ),
        ).createDepartment.id,
      };
    },
  },
  createRelocationSite: {
    roles: DISTRICT,
    query: 'mutation($n: String!) { createRelocationSite(input: { name: $n, placement: SCATTERED }) { id } }',
    setup: async () => ({ n: `安置点${unique()}` }),
  },
  updateRelocationSite: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { updateRelocationSite(id: $id, input: { houses: 10 }) { id } }',
    setup: async (fx) => ({ id: fx.site }),
  },
  deleteRelocationSite: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { deleteRelocationSite(id: $id) }',
    setup: async () => ({
      id: ok(
        await app.gql(
          'mutation($n: String!) { createRelocationSite(input: { name: $n, placement: SCATTERED }) { id } }',
          {
            n: `待删安置点${unique()}`,
          },
        ),
      ).createRelocationSite.id,
    }),
  },
  createMonitoringThreshold: {
    roles: DISTRICT,
    query: 'mutation($y: Int!) { createMonitoringThreshold(input: { year: $y, amountYuan: "7000" }) { id } }',
    setup: async () => ({ y: 2030 + next('y') }),
  },
  updateMonitoringThreshold: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { updateMonitoringThreshold(id: $id, input: { amountYuan: "7100" }) { id } }',
    setup: async (fx) => ({ id: fx.threshold }),
  },
  deleteMonitoringThreshold: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { deleteMonitoringThreshold(id: $id) }',
    setup: async () => ({
      id: ok(
        await app.gql(
          'mutation($y: Int!) { createMonitoringThreshold(input: { year: $y, amountYuan: "1" }) { id } }',
          { y: 2060 + next('yd') },
        ),
      ).createMonitoringThreshold.id,
    }),
  },
  createVillageCollectiveIncome: {
    roles: AREA,
    scope: 'area',
    query:
      'mutation($v: ID!, $y: Int!) { createVillageCollectiveIncome(input: { villageId: $v, year: $y, amountYuan: "5000" }) { id } }',
    setup: async (fx) => ({ v: fx.v1, y: 2000 + next('ci') }), // past years: an income is a fact (FUTURE_YEAR)
  },
  updateVillageCollectiveIncome: {
    roles: AREA,
    scope: 'area',
    query:
      'mutation($id: ID!) { updateVillageCollectiveIncome(id: $id, input: { amountYuan: "6000" }) { id } }',
    setup: async (fx) => ({ id: fx.collectiveIncome }),
  },
  deleteVillageCollectiveIncome: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($id: ID!) { deleteVillageCollectiveIncome(id: $id) }',
    setup: async (fx) => ({
      id: ok(
        await app.gql(
          'mutation($v: ID!, $y: Int!) { createVillageCollectiveIncome(input: { villageId: $v, year: $y, amountYuan: "1" }) { id } }',
          {
            v: fx.v1,
            y: 2012 + next('cid'),
          },
        ),
      ).createVillageCollectiveIncome.id,
    }),
  },
  // the register
  household: one('household', 'household'),
  households: many('households', 'household'),
  householdMember: one('householdMember', 'member'),
  householdMembers: many('householdMembers', 'member'),
  householdIncome: one('householdIncome', 'income'),
  householdIncomes: many('householdIncomes', 'income'),
  assistanceMeasure: one('assistanceMeasure', 'measure'),
  assistanceMeasures: many('assistanceMeasures', 'measure'),
  asset: one('asset', 'asset'),
  assets: many('assets', 'asset'),
  monitoringCase: one('monitoringCase', 'clue'),
  monitoringCases: many('monitoringCases', 'clue'),
  monitoringVisit: one('monitoringVisit', 'visit'),
  monitoringVisits: many('monitoringVisits', 'visit'),
  createHousehold: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }',
    setup: async (fx) => ({
      i: {
        householdNumber: `PH-${process.pid}-${unique()}`,
        villageId: fx.v1,
        householdType: 'ORDINARY',
        members: [aMember()],
      },
    }),
  },
  updateHousehold: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($id: ID!) { updateHousehold(id: $id, input: { address: "新址" }) { id } }',
    setup: async () => ({ id: (await freshHousehold()).id }),
  },
  deleteHousehold: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($id: ID!) { deleteHousehold(id: $id) }',
    setup: async () => ({ id: (await freshHousehold()).id }),
  },
  createHouseholdMember: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($i: CreateHouseholdMemberInput!) { createHouseholdMember(input: $i) { id } }',
    setup: async () => ({
      i: { ...aMember({ relationToHead: 'SPOUSE' }), householdId: (await freshHousehold()).id },
    }),
  },
  updateHouseholdMember: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($id: ID!) { updateHouseholdMember(id: $id, input: { workMonths: 0 }) { id } }',
    setup: async (fx) => ({ id: fx.member }),
  },
  deleteHouseholdMember: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($id: ID!) { deleteHouseholdMember(id: $id) }',
    setup: async () => {
      const h = await freshHousehold();
      const m = ok(
        await app.gql(
          'mutation($i: CreateHouseholdMemberInput!) { createHouseholdMember(input: $i) { id } }',
          {
            i: { ...aMember({ relationToHead: 'SON' }), householdId: h.id },
          },
        ),
      );
      return { id: m.createHouseholdMember.id };
    },
  },
  changeHouseholdHead: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($id: ID!) { changeHouseholdHead(memberId: $id, formerHeadRelation: SPOUSE) { id } }',
    setup: async () => {
      const h = await freshHousehold();
      const m = ok(
        await app.gql(
          'mutation($i: CreateHouseholdMemberInput!) { createHouseholdMember(input: $i) { id } }',
          {
            i: { ...aMember({ relationToHead: 'SPOUSE' }), householdId: h.id },
          },
        ),
      );
      return { id: m.createHouseholdMember.id };
    },
  },
  createHouseholdIncome: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($i: CreateHouseholdIncomeInput!) { createHouseholdIncome(input: $i) { id } }',
    setup: async () => ({ i: incomeInput((await freshHousehold()).id, 2024) }),
  },
  updateHouseholdIncome: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($id: ID!) { updateHouseholdIncome(id: $id, input: { wageIncomeYuan: "21000" }) { id } }',
    setup: async (fx) => ({ id: fx.income }),
  },
  deleteHouseholdIncome: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($id: ID!) { deleteHouseholdIncome(id: $id) }',
    setup: async () => ({
      id: ok(
        await app.gql(
          'mutation($i: CreateHouseholdIncomeInput!) { createHouseholdIncome(input: $i) { id } }',
          {
            i: incomeInput((await freshHousehold()).id, 2023),
          },
        ),
      ).createHouseholdIncome.id,
    }),
  },
  createAssistanceMeasure: {
    roles: MEASURES,
    scope: 'area',
    query: `mutation($h: ID!, $d: ID!) { createAssistanceMeasure(input: { householdId: $h, type: EMPLOYMENT, description: "务工补贴",
      responsibleDepartmentId: $d, startDate: "2025-03-01" }) { id } }`,
    setup: async (fx) => ({ h: fx.household, d: fx.d1 }),
  },
  updateAssistanceMeasure: {
    roles: MEASURES,
    scope: 'area',
    query: 'mutation($id: ID!) { updateAssistanceMeasure(id: $id, input: { description: "调整" }) { id } }',
    setup: async () => ({ id: await freshMeasure() }),
  },
  deleteAssistanceMeasure: {
    roles: MEASURES,
    scope: 'area',
    query: 'mutation($id: ID!) { deleteAssistanceMeasure(id: $id) }',
    setup: async () => ({ id: await freshMeasure() }),
  },
  createAsset: {
    roles: MEASURES,
    scope: 'area',
    query: 'mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }',
    setup: async (fx) => ({ i: assetInput(fx.v1, fx.d1) }),
  },
  updateAsset: {
    roles: MEASURES,
    scope: 'area',
    query: 'mutation($id: ID!) { updateAsset(id: $id, input: { custodian: "村委会" }) { id } }',
    setup: async () => ({ id: await freshAsset() }),
  },
  deleteAsset: {
    roles: MEASURES,
    scope: 'area',
    query: 'mutation($id: ID!) { deleteAsset(id: $id) }',
    setup: async () => ({ id: await freshAsset() }),
  },
  // the asset ledger
  assetRevenue: one('assetRevenue', 'revenue'),
  assetRevenues: many('assetRevenues', 'revenue'),
  assetDisposal: one('assetDisposal', 'disposal'),
  assetDisposals: many('assetDisposals', 'disposal'),
  createAssetRevenue: {
    roles: MEASURES,
    scope: 'area',
    query: `mutation($a: ID!) { createAssetRevenue(input: { assetId: $a, year: 2025, amountYuan: "1000",
      distributions: [{ purpose: MAINTENANCE, amountYuan: "1000" }] }) { id } }`,
    setup: async () => ({ a: await freshAsset() }),
  },
  updateAssetRevenue: {
    roles: MEASURES,
    scope: 'area',
    query: 'mutation($id: ID!) { updateAssetRevenue(id: $id, input: { year: 2023 }) { id } }',
    setup: async () => ({ id: await freshRevenue() }),
  },
  deleteAssetRevenue: {
    roles: MEASURES,
    scope: 'area',
    query: 'mutation($id: ID!) { deleteAssetRevenue(id: $id) }',
    setup: async () => ({ id: await freshRevenue() }),
  },
  confirmAssetRights: {
    roles: MEASURES,
    scope: 'area',
    query:
      'mutation($id: ID!) { confirmAssetRights(id: $id, input: { documentNo: "白区确〔2025〕1号", operator: "合作社" }) { id } }',
    setup: async () => ({ id: await freshAsset() }),
  },
  handOverAsset: {
    roles: MEASURES,
    scope: 'area',
    query: 'mutation($id: ID!) { handOverAsset(id: $id, input: { documentNo: "移交〔2025〕1号" }) { id } }',
    setup: async () => ({ id: await freshAsset({ rightsConfirmedAt: '2024-01-01', operator: '合作社' }) }),
  },
  assignAssetCustodian: {
    roles: MEASURES,
    scope: 'area',
    query:
      'mutation($id: ID!) { assignAssetCustodian(id: $id, input: { custodian: "村委会", custodianPerson: "李四" }) { id } }',
    setup: async () => ({ id: await freshAsset() }),
  },
  changeAssetStatus: {
    roles: MEASURES,
    scope: 'area',
    query:
      'mutation($id: ID!) { changeAssetStatus(id: $id, input: { status: IDLE, reason: "停产检修" }) { id } }',
    setup: async () => ({ id: await freshAsset() }),
  },
  requestAssetDisposal: {
    roles: MEASURES,
    scope: 'area',
    query: `mutation($id: ID!) { requestAssetDisposal(input: { assetId: $id, reason: END_OF_LIFE, method: SCRAP,
      explanation: "到期报废", expectedProceedsYuan: "0" }) { id } }`,
    setup: async () => ({ id: await freshAsset() }),
  },
  approveAssetDisposal: {
    roles: DISTRICT,
    scope: 'area',
    query:
      'mutation($id: ID!) { approveAssetDisposal(id: $id, input: { approvalDocumentNo: "白区处〔2025〕1号", proceedsYuan: "0" }) { id } }',
    setup: async () => ({ id: await freshDisposal() }),
  },
  rejectAssetDisposal: {
    roles: DISTRICT,
    scope: 'area',
    query: 'mutation($id: ID!) { rejectAssetDisposal(id: $id, input: { reason: "尚可使用" }) { id } }',
    setup: async () => ({ id: await freshDisposal() }),
  },
  assetLedger: {
    roles: READERS,
    scope: 'area',
    query: 'query($id: ID!) { x: assetLedger(groupBy: ASSET_CLASS, filter: { id: { eq: $id } }) { count } }',
    setup: async (fx) => ({ id: fx.asset }),
    visible: (d) => d.x.some((r: any) => r.count > 0),
  },
  assetLedgerByFundingSource: {
    roles: READERS,
    scope: 'area',
    query: 'query($id: ID!) { x: assetLedgerByFundingSource(filter: { id: { eq: $id } }) { count } }',
    setup: async (fx) => ({ id: fx.asset }),
    visible: (d) => d.x.some((r: any) => r.count > 0),
  },
  // statistics and worklists
  householdStatistics: {
    roles: READERS,
    scope: 'area',
    query:
      'query($id: ID!) { x: householdStatistics(groupBy: VILLAGE, filter: { id: { eq: $id } }) { count } }',
    setup: async (fx) => ({ id: fx.household }),
    visible: (d) => d.x.some((r: any) => r.count > 0),
  },
  assistanceMeasureStatistics: {
    roles: READERS,
    scope: 'area',
    query:
      'query($id: ID!) { x: assistanceMeasureStatistics(groupBy: TYPE, filter: { id: { eq: $id } }) { count } }',
    setup: async (fx) => ({ id: fx.measure }),
    visible: (d) => d.x.some((r: any) => r.count > 0),
  },
  assetStatistics: {
    roles: READERS,
    scope: 'area',
    query:
      'query($id: ID!) { x: assetStatistics(groupBy: ASSET_CLASS, filter: { id: { eq: $id } }) { count } }',
    setup: async (fx) => ({ id: fx.asset }),
    visible: (d) => d.x.some((r: any) => r.count > 0),
  },
  overdueMonitoringCases: worklist('overdueMonitoringCases', 'clue'),
  cluesAwaitingVerification: worklist('cluesAwaitingVerification', 'clue'),
  monitoredHouseholdsWithoutActiveMeasure: worklist(
    'monitoredHouseholdsWithoutActiveMeasure',
    'approvedHousehold',
  ),
  monitoredHouseholdsWithoutRecentVisit: worklist(
    'monitoredHouseholdsWithoutRecentVisit',
    'approvedHousehold',
  ),
  // the monitoring workflow
  reportRisk: {
    roles: MEASURES,
    scope: 'area',
    query:
      'mutation($h: ID!) { reportRisk(input: { householdId: $h, source: DEPARTMENT_ALERT, description: "比对" }) { id } }',
    setup: async () => ({ h: (await freshHousehold()).id }),
  },
  verifyMonitoringCase: {
    roles: AREA,
    scope: 'area',
    query:
      'mutation($id: ID!) { verifyMonitoringCase(id: $id, input: { category: MARGINAL, riskTypes: [OTHER], findings: "核实" }) { id } }',
    setup: async () => ({ id: (await freshCase('CLUE')).caseId }),
  },
  publicizeMonitoringCase: {
    roles: AREA,
    scope: 'area',
    query: 'mutation($id: ID!) { publicizeMonitoringCase(id: $id, input: {}) { id } }',
    setup: async () => ({ id: (await freshCase('VERIFIED')).caseId }),
  },
  approveMonitoringCase: {
    roles: TOWNSHIP_UP,
    scope: 'area',
    query: 'mutation($id: ID!) { approveMonitoringCase(id: $id, input: {}) { id } }',
    setup: async () => ({ id: (await freshCase('PUBLICIZED')).caseId }),
  },
  rejectMonitoringCase: {
    roles: TOWNSHIP_UP,
    scope: 'area',
    query: 'mutation($id: ID!) { rejectMonitoringCase(id: $id, input: { reason: "收入稳定" }) { id } }',
    setup: async () => ({ id: (await freshCase('VERIFIED')).caseId }),
  },
  eliminateRisk: {
    roles: TOWNSHIP_UP,
    scope: 'area',
    query: 'mutation($id: ID!) { eliminateRisk(id: $id, input: { method: ASSISTED }) { id } }',
    setup: async () => ({ id: (await freshCase('APPROVED')).caseId }),
    domain: ['CONDITIONS_UNMET'],
  },
  recordMonitoringVisit: {
    roles: AREA,
    scope: 'area',
    query:
      'mutation($id: ID!) { recordMonitoringVisit(input: { monitoringCaseId: $id, findings: "走访" }) { id } }',
    setup: async () => ({ id: (await freshCase('VERIFIED')).caseId }),
  },
  recordHouseholdVisit: {
    roles: AREA,
    scope: 'area',
    query:
      'mutation($h: ID!) { recordHouseholdVisit(input: { householdId: $h, findings: "日常走访" }) { id } }',
    setup: async () => ({ h: (await freshHousehold()).id }),
  },
  runScreening: { roles: DISTRICT, query: 'mutation { runScreening(year: 2025) { checked } }' },
  // cross-sector data exchange (issue #16): D1 and D2 own no sector field, so their officers get through
  // the policy and are refused by the field's owner (NOT_FIELD_OWNER, tested in exchange.test.ts).
  setMemberSectorField: {
    roles: MEASURES,
    scope: 'area',
    query:
      'mutation($m: ID!, $d: Date!) { setMemberSectorField(input: { memberId: $m, field: FAMILY_DOCTOR_SIGNED, value: "true", source: SELF_REPORT, asOf: $d }) { field } }',
    setup: async (fx) => ({ m: fx.member, d: daysAgo(0) }),
    domain: ['NOT_FIELD_OWNER'],
  },
  feedRuns: { roles: [ADMIN, DISTRICT_OFFICER, DEPARTMENT_OFFICER], query: '{ feedRuns { id } }' },
  // follow-ups after elimination: an approved case gets through the policy and is refused by the step rule
  recordFollowUpVisit: {
    roles: AREA,
    scope: 'area',
    query:
      'mutation($id: ID!) { recordFollowUpVisit(input: { monitoringCaseId: $id, findings: "回访" }) { visit { id } } }',
    setup: async () => ({ id: (await freshCase('APPROVED')).caseId }),
    domain: ['INVALID_TRANSITION'],
  },
  reopenMonitoringCase: {
    roles: TOWNSHIP_UP,
    scope: 'area',
    query: 'mutation($id: ID!) { reopenMonitoringCase(id: $id, reason: "反弹") { id } }',
    setup: async () => ({ id: (await freshCase('APPROVED')).caseId }),
    domain: ['INVALID_TRANSITION'],
  },
  followUpsDue: { roles: READERS, query: '{ followUpsDue { dueOn } }' },
  monitoringCaseStatistics: {
    roles: READERS,
    query: '{ monitoringCaseStatistics(groupBy: RISK_TYPE) { key count } }',
  },
  // plan tasks and monthly progress reports
  planTask: { ...publicOne('planTask', 'planTask'), roles: ALL_READERS },
  planTasks: { ...publicMany('planTasks', 'planTask'), roles: ALL_READERS },
  planTaskUnit: { ...publicOne('planTaskUnit', 'planTaskUnit'), roles: ALL_READERS },
  planTaskUnits: { ...publicMany('planTaskUnits', 'planTaskUnit'), roles: ALL_READERS },
  planMeasure: { ...publicOne('planMeasure', 'planMeasure'), roles: ALL_READERS },
  planMeasures: { ...publicMany('planMeasures', 'planMeasure'), roles: ALL_READERS },
  createPlanTask: {
    roles: DISTRICT,
    query:
      'mutation($n: Int!) { createPlanTask(input: { sectionNo: 8, sectionTitle: "测试", taskNo: $n, clause: "八", title: "任务" }) { id } }',
    setup: async () => ({ n: next('createTask') + 1 }),
  },
  updatePlanTask: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { updatePlanTask(id: $id, input: { title: "改" }) { id } }',
    setup: async () => ({ id: await freshPlanTask() }),
  },
  deletePlanTask: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { deletePlanTask(id: $id) }',
    setup: async () => ({ id: await freshPlanTask() }),
  },
  createPlanTaskUnit: {
    roles: DISTRICT,
    query:
      'mutation($t: ID!, $d: ID!) { createPlanTaskUnit(input: { planTaskId: $t, departmentId: $d }) { id } }',
    setup: async (fx) => ({ t: await freshPlanTask(), d: fx.d1 }),
  },
  updatePlanTaskUnit: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { updatePlanTaskUnit(id: $id, input: { isLead: true }) { id } }',
    setup: async (fx) => ({ id: fx.planTaskUnit }),
  },
  deletePlanTaskUnit: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { deletePlanTaskUnit(id: $id) }',
    setup: async (fx) => ({
      id: ok(
        await app.gql(
          'mutation($t: ID!, $d: ID!) { createPlanTaskUnit(input: { planTaskId: $t, departmentId: $d }) { id } }',
          { t: await freshPlanTask(), d: fx.d2 },
        ),
      ).createPlanTaskUnit.id,
    }),
  },
  createPlanMeasure: {
    roles: UNIT_WRITERS,
    scope: 'unit',
    query: 'mutation($i: CreatePlanMeasureInput!) { createPlanMeasure(input: $i) { id } }',
    setup: async (fx) => ({ i: planMeasureInput(fx, fx.planTask) }),
  },
  updatePlanMeasure: {
    roles: UNIT_WRITERS,
    scope: 'unit',
    query: 'mutation($id: ID!) { updatePlanMeasure(id: $id, input: { content: "调整" }) { id } }',
    setup: async (fx) => ({ id: fx.planMeasure }),
  },
  deletePlanMeasure: {
    roles: UNIT_WRITERS,
    scope: 'unit',
    query: 'mutation($id: ID!) { deletePlanMeasure(id: $id) }',
    setup: async (fx) => ({
      id: ok(
        await app.gql('mutation($i: CreatePlanMeasureInput!) { createPlanMeasure(input: $i) { id } }', {
          i: planMeasureInput(fx, fx.planTask),
        }),
      ).createPlanMeasure.id,
    }),
  },
  progressReport: { ...one('progressReport', 'report'), roles: REPORT_READERS, scope: 'unit' },
  progressReports: many('progressReports', 'report', REPORT_READERS, 'unit'),
  saveProgressReport: {
    roles: UNIT_REPORTERS,
    scope: 'unit',
    query:
      'mutation($d: ID!, $m: String!) { saveProgressReport(input: { departmentId: $d, month: $m }) { id } }',
    setup: async (fx) => ({ d: fx.d1, m: freshMonth() }),
  },
  submitProgressReport: {
    roles: UNIT_REPORTERS,
    scope: 'unit',
    query: 'mutation($id: ID!) { submitProgressReport(id: $id) { id } }',
    setup: async () => ({ id: await freshReport('DRAFT') }),
  },
  acceptProgressReport: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { acceptProgressReport(id: $id) { id } }',
    setup: async () => ({ id: await freshReport('SUBMITTED') }),
  },
  returnProgressReport: {
    roles: DISTRICT,
    query: 'mutation($id: ID!) { returnProgressReport(id: $id, input: { reason: "补充" }) { id } }',
    setup: async () => ({ id: await freshReport('SUBMITTED') }),
  },
  reportingRates: { roles: ALL_READERS, query: '{ reportingRates(month: "2026-01") { expected } }' },
  overdueProgressReports: {
    roles: ALL_READERS,
    query: '{ overdueProgressReports(month: "2026-01") { timeliness } }',
  },
  compiledProgressReport: {
    roles: [...DISTRICT, AUDITOR],
    query: '{ compiledProgressReport(month: "2026-01", format: XLSX) { reports } }',
  },
  // the plan's indicators: figures of V1 are hidden from callers outside it (NOT_FOUND)
  indicatorCatalogue: { roles: READERS, query: 'query { x: indicatorCatalogue { key } }' },
  planIndicators: inArea('planIndicators', '{ key }'),
  indicatorBreakdown: inArea(
    'indicatorBreakdown',
    '{ key }',
    'key: "unsafe_housing_new", groupBy: VILLAGE, ',
  ),
  indicatorHistory: inArea('indicatorHistory', '{ key }', 'months: 2, '),
  indicatorDrillDown: {
    ...inArea('indicatorDrillDown', '{ totalCount }', 'key: "unsafe_housing_new", '),
    roles: AREA,
  },
  memberStatistics: inArea('memberStatistics', '{ rows { count } }', 'groupBy: [GENDER], '),
  indicatorReports: { roles: READERS, query: 'query { x: indicatorReports { id } }' },
  indicatorSnapshots: { roles: READERS, query: 'query { x: indicatorSnapshots { id } }' },
  reportIndicatorValue: {
    roles: [ADMIN, DISTRICT_OFFICER, DEPARTMENT_OFFICER],
    // D owns the indicator; a second entry of the month is a domain conflict, not a refusal
    setup: async (fx) => {
      ok(
        await app.gql(
          'mutation($d: ID!) { updatePlanIndicator(key: "rural_homestays", input: { departmentId: $d }) { key } }',
          {
            d: fx.d1,
          },
        ),
      );
      return {};
    },
    query:
      'mutation { reportIndicatorValue(input: { key: "rural_homestays", value: "12", sourceDocument: "白文旅〔2026〕1号" }) { id } }',
    domain: ['INDICATOR_VALUE_EXISTS'],
  },
  updatePlanIndicator: {
    roles: DISTRICT,
    query: 'mutation { updatePlanIndicator(key: "rural_homestays", input: { margin: "10" }) { key } }',
  },
  setIndicatorTownshipTarget: {
    roles: DISTRICT,
    query:
      'mutation($t: ID!) { setIndicatorTownshipTarget(key: "rural_homestays", townshipId: $t, target: "10") { key } }',
    setup: async (fx) => ({ t: fx.t1 }),
  },
  takeIndicatorSnapshot: { roles: DISTRICT, query: 'mutation { takeIndicatorSnapshot { id } }' },
};

/** An indicator read of village V1: callers outside it get NOT_FOUND (hidden). */
function inArea(field: string, selection: string, args = ''): Op {
  return {
    roles: READERS,
    scope: 'area',
    query: `query($v: ID!) { x: ${field}(${args}area: { villageId: $v }) ${selection} }`,
    setup: async (fx) => ({ v: fx.v1 }),
  };
}

function worklist(field: string, key: keyof Fixtures): Op {
  return {
    roles: READERS,
    scope: 'area',
    query: `query { x: ${field}(scope: { first: 500 }) { nodes { id } } }`,
    visible: (d, fx) =>
      d.x.nodes.some(
        (r: any) => r.id === fx[key] || (key === 'approvedHousehold' && r.id === fx.approvedHousehold),
      ),
  };
}

async function codeOf(townshipId: string): Promise<string> {
  const t = ok(await app.gql('query($id: ID!) { township(id: $id) { code } }', { id: townshipId })).township;
  return t.code.slice(0, 9);
}

interface Subject {
  label: string;
  actor: () => Promise<Actor>;
  /** Outside T1/V1 (area-scoped rows are hidden). */
  outside?: boolean;
  /** A department officer of another department than D. */
  otherDepartment?: boolean;
}

function expected(op: Op, s: Subject, actor: Actor): Outcome {
  if (op.roles === 'ANYONE') return 'allow';
  if (actor.kind === 'ANONYMOUS') return 'anon';
  if (op.roles === 'USER') return actor.kind === 'USER' ? 'allow' : 'deny';
  if (!op.roles.includes(actor.role as Who)) return 'deny';
  if (op.scope === 'unit')
    return actor.role === TOWNSHIP_OFFICER || (actor.role === DEPARTMENT_OFFICER && s.otherDepartment)
      ? 'hidden'
      : 'allow';
  if (op.scope === 'area' && s.outside) return 'hidden';
  // A department officer writes only its department's measures and assets (reads are district-wide).
  const departmentWrites =
    /^((create|update|delete)(AssistanceMeasure|Asset|AssetRevenue)|confirmAssetRights|handOverAsset|assignAssetCustodian|changeAssetStatus|requestAssetDisposal)$/;
  if (s.otherDepartment && departmentWrites.test(currentOp)) return 'hidden';
  // Reported figures: another department's indicator is refused outright (NOT_OWNING_DEPARTMENT).
  if (s.otherDepartment && currentOp === 'reportIndicatorValue') return 'deny';
  return 'allow';
}
let currentOp = '';

function classify(
  op: Op,
  res: { data?: any; errors?: any[] },
  vars: Record<string, unknown>,
): Outcome | string {
  const e = res.errors?.[0];
  if (e) {
    const code = e.extensions?.code;
    const reason = e.extensions?.reason;
    if (op.domain?.includes(reason)) return 'allow';
    if (code === 'UNAUTHENTICATED') return 'anon';
    if (code === 'FORBIDDEN' && reason === 'OUT_OF_SCOPE') return 'hidden';
    if (code === 'FORBIDDEN') return 'deny';
    if (code === 'NOT_FOUND' || reason === 'REFERENCE_NOT_FOUND') return 'hidden';
    return `${code}/${reason}: ${e.message}`;
  }
  return !op.visible || op.visible(res.data, f, vars) ? 'allow' : 'hidden';
}

beforeAll(async () => {
  app = await startTestApp();
  const towns = ok(
    await app.gql(
      '{ townships(orderBy: [{ field: CODE }], first: 2, filter: { kind: { ne: STREET } }) { nodes { id } } }',
    ),
  ).townships.nodes;
  const village = async (t: string) =>
    ok(
      await app.gql(
        'query($t: ID!) { villages(first: 1, filter: { townshipId: { eq: $t }, committeeType: { eq: VILLAGE } }) { nodes { id } } }',
        { t },
      ),
    ).villages.nodes[0].id;
  const depts = ok(await app.gql('{ departments(first: 2, orderBy: [{ field: CODE }]) { nodes { id } } }'))
    .departments.nodes;
  f = { t1: towns[0].id, t2: towns[1].id, d1: depts[0].id, d2: depts[1].id } as Fixtures;
  f.v1 = await village(f.t1);
  f.v2 = await village(f.t2);
  const h = await freshHousehold();
  f.household = h.id;
  const detail = ok(
    await app.gql('query($id: ID!) { household(id: $id) { members { nodes { id } } } }', { id: h.id }),
  );
  f.member = detail.household.members.nodes[0].id;
  f.income = ok(
    await app.gql('mutation($i: CreateHouseholdIncomeInput!) { createHouseholdIncome(input: $i) { id } }', {
      i: incomeInput(h.id, 2025),
    }),
  ).createHouseholdIncome.id;
  f.measure = await freshMeasure();
  f.asset = await freshAsset();
  f.clue = (await freshCase('CLUE')).caseId;
  const approvedHousehold = await aHousehold(app, {
    villageId: f.v1,
    members: [aMember({ healthStatus: 'CHRONIC_ILLNESS' })],
  });
  const c = ok(
    await app.gql(
      `mutation($h: ID!, $d: Date) { reportRisk(input: { householdId: $h, source: SELF_REPORT, description: "申请", date: $d }) { id } }`,
      { h: approvedHousehold.id, d: daysAgo(60) },
    ),
  ).reportRisk;
  await approveCase(app, c.id, { verified: 55, publicized: 50, approved: 40 });
  f.approved = c.id;
  f.approvedHousehold = approvedHousehold.id;
  f.visit = ok(
    await app.gql('query($id: ID!) { monitoringCase(id: $id) { visits { nodes { id } } } }', { id: c.id }),
  ).monitoringCase.visits.nodes[0].id;
  f.collectiveIncome = ok(
    await app.gql(
      'mutation($v: ID!) { createVillageCollectiveIncome(input: { villageId: $v, year: 2024, amountYuan: "80000" }) { id } }',
      {
        v: f.v1,
      },
    ),
  ).createVillageCollectiveIncome.id;
  f.threshold = ok(
    await app.gql('mutation { createMonitoringThreshold(input: { year: 2025, amountYuan: "7000" }) { id } }'),
  ).createMonitoringThreshold.id;
  f.site = ok(await app.gql('{ relocationSites(first: 1) { nodes { id } } }')).relocationSites.nodes[0].id;
  f.revenue = await freshRevenue();
  f.disposal = await freshDisposal();
  // A task D is responsible for, and D's row among its units.
  const unit = ok(
    await app.gql(
      'query($d: ID!) { planTaskUnits(first: 1, filter: { departmentId: { eq: $d } }) { nodes { id planTaskId } } }',
      {
        d: f.d1,
      },
    ),
  ).planTaskUnits.nodes[0];
  f.planTask = unit.planTaskId;
  f.planTaskUnit = unit.id;
  f.planMeasure = ok(
    await app.gql('mutation($i: CreatePlanMeasureInput!) { createPlanMeasure(input: $i) { id } }', {
      i: planMeasureInput(f, f.planTask),
    }),
  ).createPlanMeasure.id;
  f.report = await freshReport('DRAFT');
  f.user = (await app.user(Role.AUDITOR)).id!.toString();
  f.apiKey = ok(await app.gql('{ apiKeys(first: 1) { nodes { id } } }')).apiKeys.nodes[0]?.id;
  if (!f.apiKey) {
    await app.apiKey();
    f.apiKey = ok(await app.gql('{ apiKeys(first: 1) { nodes { id } } }')).apiKeys.nodes[0].id;
  }
}, 120000);

afterAll(() => app?.close());

const subjects: Subject[] = [
  { label: 'anonymous', actor: async () => ANONYMOUS },
  { label: 'ADMIN', actor: () => app.user(ADMIN) },
  { label: 'DISTRICT_OFFICER', actor: () => app.user(DISTRICT_OFFICER) },
  { label: 'TOWNSHIP_OFFICER@T1', actor: () => app.user(TOWNSHIP_OFFICER, { townshipId: f.t1 }) },
  {
    label: 'TOWNSHIP_OFFICER@T2',
    actor: () => app.user(TOWNSHIP_OFFICER, { townshipId: f.t2 }),
    outside: true,
  },
  { label: 'VILLAGE_CADRE@V1', actor: () => app.user(VILLAGE_CADRE, { villageId: f.v1 }) },
  { label: 'VILLAGE_CADRE@V2', actor: () => app.user(VILLAGE_CADRE, { villageId: f.v2 }), outside: true },
  { label: 'DEPARTMENT_OFFICER@D1', actor: () => app.user(DEPARTMENT_OFFICER, { departmentId: f.d1 }) },
  {
    label: 'DEPARTMENT_OFFICER@D2',
    actor: () => app.user(DEPARTMENT_OFFICER, { departmentId: f.d2 }),
    otherDepartment: true,
  },
  { label: 'AUDITOR', actor: () => app.user(AUDITOR) },
  { label: 'API key', actor: () => app.apiKey() },
  { label: 'API key@T2', actor: () => app.apiKey(f.t2), outside: true },
];

describe('the permission matrix', () => {
  it('has an entry for every query and mutation of the schema', () => {
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8'));
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
    ].sort();
    expect(Object.keys(OPS).sort()).toEqual(fields);
  });

  it('gives every actor exactly the expected outcome of every operation', async () => {
    const mismatches: string[] = [];
    const shared: Record<string, Record<string, unknown>> = {};
    let cells = 0;
    for (const s of subjects) {
      const actor = await s.actor();
      for (const [name, op] of Object.entries(OPS)) {
        currentOp = name;
        const want = expected(op, s, actor);
        // Only a call that goes through consumes its rows; the others share one setup per operation.
        const setup = async () => {
          try {
            return await op.setup!(f);
          } catch (error) {
            throw new Error(
              `setup of ${name} for ${s.label} failed: ${(error as Error).message.slice(0, 1500)}`,
            );
          }
        };
        const vars = !op.setup ? {} : want === 'allow' ? await setup() : (shared[name] ??= await setup());
        const got = classify(op, await app.gqlAs(actor, op.query, vars), vars);
        cells++;
        if (got !== want) mismatches.push(`${name} as ${s.label}: expected ${want}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBe(Object.keys(OPS).length * subjects.length);
  }, 600000);
});
