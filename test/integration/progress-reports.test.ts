import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Actor, Role } from '../../server/auth/actor';
import { setClock } from '../../server/common/today';
import { seedDemoReports } from '../../server/modules/progress-report/progress-report.demo';
import { aHousehold, approveCase, daysAgo, departmentIdByCode } from '../support/builders';
import { errorOf, ok, startTestApp, TestApp } from '../support/harness';

/**
 * Monthly progress reports (work plan, closing clause: 每月20日前报送工作进展情况): pre-filled figures
 * equal the same query through the API, the state machine, lateness around the 20th in China
 * Standard Time, scope, and the compiled XLSX/DOCX read back.
 */
let app: TestApp;
let hrs: string; // 区人社局 (D04): lead of 二（四）
let poverty: string; // 区农业农村局 (D01): lead of 二（三）
let t1: string;
let t1Unit: string;
let t2: string;
let v1: string;
let hrsOfficer: Actor;
let povertyOfficer: Actor;
let t1Officer: Actor;
let t2Officer: Actor;
let district: Actor;
let seq = 0;

const MONTH = '2026-11'; // period 2026-10-21 … 2026-11-20, due 2026-11-20 23:59:59.999 CST
const FROM = '2026-10-21';
const TO = '2026-11-20';
const at = (iso: string) => setClock(() => new Date(iso));

const REPORT = `id version status month firstSubmittedAt returnReason timeliness periodFrom periodTo
  sections { planTask { id clause title } progress problems nextMonth otherFigures { label value unit }
             figures { key label definition unit value submittedValue changedSinceSubmission } }`;

async function save(actor: Actor, unit: string, sections?: unknown[], month = MONTH) {
  return app.gqlAs(
    actor,
    `mutation($i: SaveProgressReportInput!) { saveProgressReport(input: $i) { ${REPORT} } }`,
    {
      i: { departmentId: unit, month, sections },
    },
  );
}
const step = (actor: Actor, verb: string, id: string, extra = '') =>
  app.gqlAs(actor, `mutation($id: ID!) { ${verb}(id: $id${extra}) { ${REPORT} } }`, { id });
const read = async (actor: Actor, id: string) =>
  ok(await app.gqlAs(actor, `query($id: ID!) { progressReport(id: $id) { ${REPORT} } }`, { id }))
    .progressReport;

/** Text for every section of a report, so it can be submitted. */
const fullText = (report: any) =>
  report.sections.map((s: any) => ({
    planTaskId: s.planTask.id,
    progress: `${s.planTask.title}：按计划推进。`,
  }));

async function measure(fields: Record<string, unknown>) {
  const h = await aHousehold(app, { villageId: v1 });
  return ok(
    await app.gql(
      `mutation($i: CreateAssistanceMeasureInput!) { createAssistanceMeasure(input: $i) { id } }`,
      { i: { householdId: h.id, description: '帮扶', ...fields } },
    ),
  ).createAssistanceMeasure.id;
}

async function asset(dept: string, extra: Record<string, unknown> = {}) {
  return ok(
    await app.gql(`mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }`, {
      i: {
        assetCode: `PR-${process.pid}-${++seq}`,
        name: '光伏电站',
        assetClass: 'OPERATING',
        category: 'PHOTOVOLTAIC',
        projectName: '光伏扶贫',
        projectYear: 2019,
        villageId: v1,
        responsibleDepartmentId: dept,
        ownershipLevel: 'VILLAGE',
        owner: '村集体',
        operator: '合作社',
        fundings: [{ source: 'CENTRAL_FISCAL', amountYuan: '100000.00' }],
        ...extra,
      },
    }),
  ).createAsset.id;
}

const TYPES: Record<string, string[]> = {
  BASIC_NEEDS: ['HEALTH', 'COMPULSORY_EDUCATION', 'OTHER_EDUCATION', 'HOUSING_SAFETY', 'DRINKING_WATER'],
  INDUSTRY: ['INDUSTRY'],
  EMPLOYMENT: ['EMPLOYMENT', 'PUBLIC_WELFARE_JOB'],
  INFRASTRUCTURE: ['INFRASTRUCTURE', 'LIVING_CONDITIONS'],
  RELOCATION: ['RELOCATION'],
  SOCIAL_SUPPORT: ['SOCIAL_SUPPORT'],
  FINANCE: ['FINANCE'],
  SOCIAL_SECURITY: ['SOCIAL_SECURITY'],
};
const period = { gte: FROM, lte: TO };
const sum = (rows: any[], pick: (r: any) => string | null) =>
  rows.reduce((acc, r) => acc.plus(pick(r) ?? 0), new Decimal(0)).toFixed(2);

/**
 * The figure as an API client would count it: the department's rows (responsibleDepartmentId) or,
 * for a township government, the rows its township officer sees; dates in the reporting period.
 */
async function throughApi(key: string, actor: Actor, dept: string | null): Promise<string> {
  const q = async (query: string, variables: Record<string, unknown>) =>
    ok(await app.gqlAs(actor, query, variables));
  const byDept = dept ? { responsibleDepartmentId: { eq: dept } } : {};
  const m = /^(.*)_MEASURES_(STARTED|COMPLETED)(_YUAN)?$/.exec(key);
  if (key.startsWith('INDICATOR_')) {
    // The caller's own area: the district for a department officer, its township for a township officer.
    const d = await q('query($p: String) { planIndicators(period: $p) { key value } }', { p: MONTH });
    const v = d.planIndicators.find((x: any) => `INDICATOR_${x.key}` === key);
    return v.value ?? '—';
  }
  if (m) {
    const filter =
      m[2] === 'STARTED'
        ? { type: { in: TYPES[m[1]] }, status: { ne: 'CANCELLED' }, startDate: period, ...byDept }
        : { type: { in: TYPES[m[1]] }, status: { eq: 'COMPLETED' }, endDate: period, ...byDept };
    const d = await q(
      'query($f: AssistanceMeasureFilter) { x: assistanceMeasures(filter: $f, first: 500) { totalCount nodes { amountYuan } } }',
      { f: filter },
    );
    return m[3] ? sum(d.x.nodes, (r) => r.amountYuan) : String(d.x.totalCount);
  }
  const count = async (field: string, type: string, filter: object) =>
    String(
      (await q(`query($f: ${type}) { x: ${field}(filter: $f) { totalCount } }`, { f: filter })).x.totalCount,
    );
  switch (key) {
    case 'CASES_OPENED':
      return count('monitoringCases', 'MonitoringCaseFilter', { clueDate: period });
    case 'CASES_APPROVED':
      return count('monitoringCases', 'MonitoringCaseFilter', { approvedAt: period });
    case 'CASES_ELIMINATED':
      return count('monitoringCases', 'MonitoringCaseFilter', { riskEliminatedAt: period });
    case 'VISITS':
      return count('monitoringVisits', 'MonitoringVisitFilter', { visitDate: period });
    case 'ASSETS_CONFIRMED':
      return count('assets', 'AssetFilter', { rightsConfirmedAt: period, ...byDept });
    case 'ASSETS_HANDED_OVER':
      return count('assets', 'AssetFilter', { handedOverAt: period, ...byDept });
    case 'ASSETS_DISPOSED': {
      const d = await q(
        'query { x: assetDisposals(filter: { status: { eq: APPROVED }, decidedAt: { gte: "' +
          FROM +
          '", lte: "' +
          TO +
          '" } }, first: 500) { nodes { asset { id responsibleDepartmentId } } } }',
        {},
      );
      return String(
        new Set(
          d.x.nodes
            .filter((n: any) => !dept || n.asset.responsibleDepartmentId === dept)
            .map((n: any) => n.asset.id),
        ).size,
      );
    }
    case 'ASSET_REVENUE_YEAR': {
      const ids = (
        await q('query($f: AssetFilter) { x: assets(filter: $f, first: 500) { nodes { id } } }', {
          f: byDept,
        })
      ).x.nodes.map((n: any) => n.id);
      const d = await q(
        'query($ids: [ID!]) { x: assetRevenues(filter: { year: { eq: 2026 }, assetId: { in: $ids } }, first: 500) { nodes { amountYuan } } }',
        { ids },
      );
      return sum(d.x.nodes, (r) => r.amountYuan);
    }
  }
  throw new Error(`no API query for figure ${key}`);
}

beforeAll(async () => {
  app = await startTestApp();
  at('2026-11-18T10:00:00+08:00');
  hrs = await departmentIdByCode(app, 'D04');
  poverty = await departmentIdByCode(app, 'D01');
  const towns = ok(
    await app.gql(
      '{ townships(orderBy: [{ field: CODE }], first: 2, filter: { kind: { ne: STREET } }) { nodes { id } } }',
    ),
  ).townships.nodes;
  [t1, t2] = [towns[0].id, towns[1].id];
  t1Unit = ok(
    await app.gql('query($t: ID!) { departments(filter: { townshipId: { eq: $t } }) { nodes { id } } }', {
      t: t1,
    }),
  ).departments.nodes[0].id;
  v1 = ok(
    await app.gql(
      'query($t: ID!) { villages(first: 1, filter: { townshipId: { eq: $t }, committeeType: { eq: VILLAGE } }) { nodes { id } } }',
      { t: t1 },
    ),
  ).villages.nodes[0].id;
  hrsOfficer = await app.user(Role.DEPARTMENT_OFFICER, { departmentId: hrs });
  povertyOfficer = await app.user(Role.DEPARTMENT_OFFICER, { departmentId: poverty });
  t1Officer = await app.user(Role.TOWNSHIP_OFFICER, { townshipId: t1 });
  t2Officer = await app.user(Role.TOWNSHIP_OFFICER, { townshipId: t2 });
  district = await app.user(Role.DISTRICT_OFFICER);

  // The register in and around the period: measures of 区人社局 and of 区农业农村局 in T1's village.
  const inside = { startDate: '2026-11-02', amountYuan: '1200.50', status: 'IN_PROGRESS' };
  await measure({ type: 'EMPLOYMENT', responsibleDepartmentId: hrs, ...inside });
  await measure({ type: 'PUBLIC_WELFARE_JOB', responsibleDepartmentId: hrs, ...inside, startDate: FROM });
  await measure({ type: 'EMPLOYMENT', responsibleDepartmentId: hrs, ...inside, startDate: '2026-10-20' }); // before
  // Completed on the period's last day: recorded once that day has come (an end date is a past fact).
  at('2026-11-20T18:00:00+08:00');
  await measure({
    type: 'EMPLOYMENT',
    responsibleDepartmentId: hrs,
    startDate: '2026-06-01',
    endDate: TO,
    status: 'COMPLETED',
    amountYuan: '800',
  });
  at('2026-11-18T10:00:00+08:00');
  await measure({ type: 'EMPLOYMENT', responsibleDepartmentId: hrs, ...inside, status: 'CANCELLED' });
  await measure({ type: 'INDUSTRY', responsibleDepartmentId: poverty, ...inside });
  // Monitoring in T1: a case through approval within the period (its visit too).
  const h = await aHousehold(app, {
    villageId: v1,
    members: [{ ...(await import('../support/builders')).aMember({ healthStatus: 'CHRONIC_ILLNESS' }) }],
  });
  const c = ok(
    await app.gql(
      `mutation($h: ID!, $d: Date) { reportRisk(input: { householdId: $h, source: SELF_REPORT, description: "因病", date: $d }) { id } }`,
      { h: h.id, d: daysAgo(20) },
    ),
  ).reportRisk;
  await approveCase(app, c.id, { verified: 15, publicized: 12, approved: 5 });
  // Assets: confirmed and handed over in the period, revenue of 2026, one disposal approved.
  const a = await asset(hrs, { rightsConfirmedAt: '2026-11-01' });
  ok(
    await app.gql(
      `mutation($id: ID!) { handOverAsset(id: $id, input: { date: "2026-11-03", documentNo: "移交〔2026〕1号", custodian: "村委会" }) { id } }`,
      { id: a },
    ),
  );
  ok(
    await app.gql(
      `mutation($a: ID!) { createAssetRevenue(input: { assetId: $a, year: 2026, amountYuan: "5000.25", distributions: [{ purpose: MAINTENANCE, amountYuan: "5000.25" }] }) { id } }`,
      { a },
    ),
  );
  const b = await asset(hrs);
  at('2026-11-08T10:00:00+08:00');
  const d = ok(
    await app.gqlAs(
      t1Officer,
      `mutation($id: ID!) { requestAssetDisposal(input: { assetId: $id, reason: DISASTER, method: SCRAP, explanation: "损毁", expectedProceedsYuan: "0" }) { id } }`,
      { id: b },
    ),
  ).requestAssetDisposal;
  at('2026-11-18T10:00:00+08:00');
  ok(
    await app.gqlAs(
      district,
      `mutation($id: ID!) { approveAssetDisposal(id: $id, input: { approvalDocumentNo: "白区发〔2026〕9号", proceedsYuan: "0", date: "2026-11-10" }) { id } }`,
      { id: d.id },
    ),
  );
}, 120000);

beforeEach(() => at('2026-11-18T10:00:00+08:00'));

afterAll(async () => {
  setClock(null);
  await app?.close();
});

describe('plan tasks', () => {
  it('loads the plan’s sections, tasks, lead and co-responsible units', async () => {
    const d = ok(
      await app.gql(`{ planTasks(first: 100, orderBy: [{ field: SECTION_NO }, { field: TASK_NO }]) { totalCount
      nodes { clause title includesTownships units(orderBy: [{ field: IS_LEAD, direction: DESC }], first: 30) { totalCount nodes { isLead department { name } } } } } }`),
    );
    expect(d.planTasks.totalCount).toBe(24);
    const task = d.planTasks.nodes.find((t: any) => t.clause === '二（四）');
    expect(task.title).toBe('全力保障脱贫人口稳定就业');
    expect(task.includesTownships).toBe(true);
    expect(task.units.nodes[0]).toEqual({ isLead: true, department: { name: '区人社局' } });
    expect(task.units.totalCount).toBe(10);
    expect(d.planTasks.nodes[0]).toMatchObject({
      clause: '一（一）',
      includesTownships: false,
      units: { totalCount: 0 },
    });
  });

  it('lets a unit add yearly measures to its own tasks only, audited', async () => {
    const tasks = ok(
      await app.gql(
        '{ planTasks(filter: { clause: { in: ["二（四）", "二（三）"] } }, orderBy: [{ field: TASK_NO }]) { nodes { id clause } } }',
      ),
    ).planTasks.nodes;
    const [industry, jobs] = tasks.map((t: any) => t.id);
    const add = (actor: Actor, i: Record<string, unknown>) =>
      app.gqlAs(
        actor,
        'mutation($i: CreatePlanMeasureInput!) { createPlanMeasure(input: $i) { id year responsibleLeader } }',
        {
          i: {
            planTaskId: jobs,
            departmentId: hrs,
            year: 2026,
            content: '开发公益性岗位200个',
            responsibleLeader: '张局长',
            deadline: '2026-12-31',
            ...i,
          },
        },
      );
    const created = ok(await add(hrsOfficer, {})).createPlanMeasure;
    expect(created.responsibleLeader).toBe('张局长');
    expect(errorOf(await add(hrsOfficer, { planTaskId: industry }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNIT_NOT_RESPONSIBLE',
    });
    expect(errorOf(await add(hrsOfficer, { deadline: '2027-01-31' })).fields).toEqual([
      { field: 'input.deadline', reason: 'DEADLINE_OUTSIDE_YEAR' },
    ]);
    expect(errorOf(await add(povertyOfficer, {}))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUT_OF_SCOPE',
    });
    expect(
      errorOf(
        await app.gqlAs(povertyOfficer, 'mutation($id: ID!) { deletePlanMeasure(id: $id) }', {
          id: created.id,
        }),
      ).code,
    ).toBe('NOT_FOUND');
    const events = ok(
      await app.gql(
        'query($id: String) { auditEvents(filter: { entity: { eq: "PlanMeasure" }, entityId: { eq: $id } }) { nodes { operation } } }',
        { id: created.id },
      ),
    );
    expect(events.auditEvents.nodes.map((e: any) => e.operation)).toEqual(['createPlanMeasure']);
  });
});

describe('pre-filled figures', () => {
  it('equal the same query through the API for a department and the month', async () => {
    const report = ok(await save(hrsOfficer, hrs)).saveProgressReport;
    expect(report.sections.map((s: any) => s.planTask.clause)).toEqual([
      '二（二）',
      '二（四）',
      '二（五）',
      '二（八）',
      '四（四）',
      '四（五）',
      '五（二）',
      '五（三）',
    ]);
    const figures = report.sections.flatMap((s: any) => s.figures);
    expect(figures.map((f: any) => f.key)).toContain('EMPLOYMENT_MEASURES_STARTED');
    // A department's 二（二） section has no township figures (cases are the townships').
    expect(report.sections[0].figures).toEqual([]);
    for (const f of figures) {
      expect(f.definition.length).toBeGreaterThan(5);
      expect({ key: f.key, value: f.value }).toEqual({
        key: f.key,
        value: await throughApi(f.key, hrsOfficer, hrs),
      });
    }
    const byKey = Object.fromEntries(figures.map((f: any) => [f.key, f.value]));
    expect(byKey).toMatchObject({
      EMPLOYMENT_MEASURES_STARTED: '2',
      EMPLOYMENT_MEASURES_STARTED_YUAN: '2401.00',
      EMPLOYMENT_MEASURES_COMPLETED: '1',
      EMPLOYMENT_MEASURES_COMPLETED_YUAN: '800.00',
      ASSETS_CONFIRMED: '1',
      ASSETS_HANDED_OVER: '1',
      ASSETS_DISPOSED: '1',
      ASSET_REVENUE_YEAR: '5000.25',
    });
  });

  it('equal the same query through the API for a township government (its area)', async () => {
    const report = ok(await save(t1Officer, t1Unit)).saveProgressReport;
    const figures = report.sections.flatMap((s: any) => s.figures);
    expect(figures.map((f: any) => f.key)).toEqual(
      expect.arrayContaining(['CASES_OPENED', 'VISITS', 'INDUSTRY_MEASURES_STARTED']),
    );
    for (const f of figures)
      expect({ key: f.key, value: f.value }).toEqual({
        key: f.key,
        value: await throughApi(f.key, t1Officer, null),
      });
    const byKey = Object.fromEntries(figures.map((f: any) => [f.key, f.value]));
    expect(byKey).toMatchObject({
      CASES_OPENED: '1',
      CASES_APPROVED: '1',
      INDUSTRY_MEASURES_STARTED: '1',
      EMPLOYMENT_MEASURES_STARTED: '2',
    });
    expect(Number(byKey.VISITS)).toBeGreaterThan(0);
  });
});

describe('the plan indicators a unit reports', () => {
  const planValues = async (actor: Actor, township: string | null) =>
    Object.fromEntries(
      ok(
        await app.gqlAs(
          actor,
          'query($p: String, $a: IndicatorAreaInput) { planIndicators(period: $p, area: $a) { key value } }',
          {
            p: MONTH,
            a: township ? { townshipId: township } : null,
          },
        ),
      ).planIndicators.map((v: any) => [`INDICATOR_${v.key}`, v.value ?? '—']),
    );

  it('gives a department the indicators it owns, equal to planIndicators for the district', async () => {
    const education = await departmentIdByCode(app, 'D09');
    const officer = await app.user(Role.DEPARTMENT_OFFICER, { departmentId: education });
    const report = ok(await save(officer, education)).saveProgressReport;
    const basic = report.sections.find((s: any) => s.planTask.clause === '二（一）');
    const owned = basic.figures.filter((f: any) => f.key.startsWith('INDICATOR_'));
    expect(owned.map((f: any) => f.key)).toEqual(['INDICATOR_compulsory_education_retention']);
    expect(owned[0]).toMatchObject({ label: '九年义务教育巩固率', unit: '%' });
    const api = await planValues(officer, null);
    for (const f of owned) expect(f.value).toBe(api[f.key]);
    // Indicators it does not own (医保局's enrolment rate, 住建局's houses) are not in its section.
    expect(basic.figures.map((f: any) => f.key)).not.toContain('INDICATOR_alleviated_medical_insurance');
  });

  it('gives a township government every indicator of its tasks, valued in its township', async () => {
    const report = ok(await save(t1Officer, t1Unit)).saveProgressReport;
    const all = report.sections
      .flatMap((s: any) => s.figures)
      .filter((f: any) => f.key.startsWith('INDICATOR_'));
    expect(all.map((f: any) => f.key)).toEqual(
      expect.arrayContaining([
        'INDICATOR_compulsory_education_retention',
        'INDICATOR_alleviated_medical_insurance',
        'INDICATOR_village_collective_income_min',
      ]),
    );
    const api = await planValues(t1Officer, t1);
    for (const f of all) expect({ key: f.key, value: f.value }).toEqual({ key: f.key, value: api[f.key] });
  });
});

describe('the state machine', () => {
  it('DRAFT → SUBMITTED (frozen) → RETURNED → resubmitted → ACCEPTED, with coded refusals', async () => {
    at('2026-11-18T10:00:00+08:00');
    let r = ok(await save(povertyOfficer, poverty)).saveProgressReport;
    expect(r.status).toBe('DRAFT');
    const refused = errorOf(await step(povertyOfficer, 'submitProgressReport', r.id));
    expect(refused.reason).toBe('PROGRESS_REQUIRED');
    expect(refused.fields.length).toBe(r.sections.length);
    const other = r.sections[0].planTask.id;
    expect(
      errorOf(await save(povertyOfficer, poverty, [{ planTaskId: '999999', progress: 'x' }])).fields,
    ).toEqual([{ field: 'input.sections.0.planTaskId', reason: 'UNIT_NOT_RESPONSIBLE' }]);
    r = ok(
      await save(povertyOfficer, poverty, [
        ...fullText(r),
        {
          planTaskId: other,
          progress: '进展',
          problems: '资金到位慢',
          nextMonth: '加快拨付',
          otherFigures: [{ label: '培训人次', value: '120', unit: '人次' }],
        },
      ]),
    ).saveProgressReport;
    expect(r.sections[0]).toMatchObject({
      problems: '资金到位慢',
      otherFigures: [{ label: '培训人次', value: '120', unit: '人次' }],
    });
    r = ok(await step(povertyOfficer, 'submitProgressReport', r.id)).submitProgressReport;
    expect(r.status).toBe('SUBMITTED');
    const industry = r.sections.find((s: any) => s.planTask.clause === '二（三）');
    const started = () => industry.figures.find((f: any) => f.key === 'INDUSTRY_MEASURES_STARTED');
    expect(started()).toMatchObject({ value: '1', submittedValue: '1', changedSinceSubmission: false });
    expect(errorOf(await save(povertyOfficer, poverty, fullText(r)))).toMatchObject({
      code: 'CONFLICT',
      reason: 'REPORT_NOT_EDITABLE',
    });
    expect(errorOf(await step(povertyOfficer, 'submitProgressReport', r.id)).reason).toBe(
      'REPORT_ALREADY_SUBMITTED',
    );
    expect(errorOf(await step(povertyOfficer, 'acceptProgressReport', r.id)).code).toBe('FORBIDDEN');
    // The register moves on after the submission: the office sees the change beside the frozen value.
    await measure({
      type: 'INDUSTRY',
      responsibleDepartmentId: poverty,
      startDate: '2026-11-15',
      status: 'IN_PROGRESS',
    });
    const seen = (await read(district, r.id)).sections.find((s: any) => s.planTask.clause === '二（三）');
    expect(seen.figures.find((f: any) => f.key === 'INDUSTRY_MEASURES_STARTED')).toMatchObject({
      value: '2',
      submittedValue: '1',
      changedSinceSubmission: true,
    });
    expect(
      errorOf(
        await app.gqlAs(
          district,
          'mutation($id: ID!) { returnProgressReport(id: $id, input: { reason: "" }) { id } }',
          { id: r.id },
        ),
      ).code,
    ).toBe('BAD_USER_INPUT');
    expect((await read(district, r.id)).status).toBe('SUBMITTED');
    r = ok(
      await step(district, 'returnProgressReport', r.id, ', input: { reason: "请补充产业项目进展" }'),
    ).returnProgressReport;
    expect(r).toMatchObject({ status: 'RETURNED', returnReason: '请补充产业项目进展' });
    expect(errorOf(await step(district, 'acceptProgressReport', r.id)).reason).toBe('REPORT_NOT_SUBMITTED');
    r = ok(
      await save(povertyOfficer, poverty, [
        { planTaskId: industry.planTask.id, progress: '补充：新开工产业项目2个' },
      ]),
    ).saveProgressReport;
    at('2026-11-19T09:00:00+08:00');
    r = ok(await step(povertyOfficer, 'submitProgressReport', r.id)).submitProgressReport;
    expect(
      r.sections
        .find((s: any) => s.planTask.clause === '二（三）')
        .figures.find((f: any) => f.key === 'INDUSTRY_MEASURES_STARTED'),
    ).toMatchObject({ submittedValue: '2', changedSinceSubmission: false });
    r = ok(await step(district, 'acceptProgressReport', r.id)).acceptProgressReport;
    expect(r.status).toBe('ACCEPTED');
    expect(errorOf(await step(povertyOfficer, 'submitProgressReport', r.id)).reason).toBe(
      'REPORT_ALREADY_ACCEPTED',
    );
    expect(
      errorOf(await step(district, 'returnProgressReport', r.id, ', input: { reason: "再改" }')).reason,
    ).toBe('REPORT_NOT_SUBMITTED');
    expect(errorOf(await save(povertyOfficer, poverty, undefined, '2026-12'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'FUTURE_MONTH',
    });
    expect(errorOf(await save(povertyOfficer, poverty, undefined, '2026-13')).reason).toBe('INVALID_MONTH');
    const trail = ok(
      await app.gql(
        'query($id: String) { auditEvents(filter: { entity: { eq: "ProgressReport" }, entityId: { eq: $id } }, first: 50) { nodes { operation } } }',
        { id: r.id },
      ),
    );
    expect(trail.auditEvents.nodes.map((e: any) => e.operation).sort()).toEqual(
      [
        'acceptProgressReport',
        'returnProgressReport',
        'saveProgressReport',
        'saveProgressReport',
        'saveProgressReport',
        'submitProgressReport',
        'submitProgressReport',
      ].sort(),
    );
  });
});

describe('lateness around the 20th in China Standard Time', () => {
  it('counts a report first submitted at 23:59 CST on the 20th on time and one a minute later late', async () => {
    const month = '2026-10'; // due 2026-10-20 23:59:59.999 CST = 15:59:59.999 UTC
    const d1 = await departmentIdByCode(app, 'D05');
    const d2 = await departmentIdByCode(app, 'D06');
    const o1 = await app.user(Role.DEPARTMENT_OFFICER, { departmentId: d1 });
    const o2 = await app.user(Role.DEPARTMENT_OFFICER, { departmentId: d2 });
    at('2026-10-15T09:00:00+08:00');
    const r1 = ok(await save(o1, d1, undefined, month)).saveProgressReport;
    ok(await save(o1, d1, fullText(r1), month));
    const r2 = ok(await save(o2, d2, undefined, month)).saveProgressReport;
    ok(await save(o2, d2, fullText(r2), month));
    const rates = async () =>
      ok(
        await app.gql(
          'query($m: String!) { reportingRates(month: $m) { expected onTime late missing notDue reportingRatePercent units { unit { id code } timeliness status } } }',
          { m: month },
        ),
      ).reportingRates;
    expect((await rates()).notDue).toBe((await rates()).expected);
    expect(
      ok(await app.gql('{ overdueProgressReports(month: "2026-10") { unit { id } } }'))
        .overdueProgressReports,
    ).toEqual([]);
    at('2026-10-20T15:59:00Z'); // 23:59 CST on the 20th; the UTC date is the 20th as well
    expect(ok(await step(o1, 'submitProgressReport', r1.id)).submitProgressReport.timeliness).toBe('ON_TIME');
    at('2026-10-20T16:00:30Z'); // 00:00:30 CST on the 21st, still the 20th in UTC
    expect(ok(await step(o2, 'submitProgressReport', r2.id)).submitProgressReport.timeliness).toBe('LATE');
    const r = await rates();
    const of = (id: string) => r.units.find((u: any) => u.unit.id === id);
    expect(of(d1)).toMatchObject({ timeliness: 'ON_TIME', status: 'SUBMITTED' });
    expect(of(d2)).toMatchObject({ timeliness: 'LATE', status: 'SUBMITTED' });
    expect(r).toMatchObject({ onTime: 1, late: 1, notDue: 0, missing: r.expected - 2 });
    expect(r.expected).toBe(45); // the 35 units the plan names (各帮扶单位 included) + 10 township governments
    expect(r.reportingRatePercent).toBe(new Decimal(200).dividedBy(r.expected).toFixed(1));
    const overdue = ok(
      await app.gql('{ overdueProgressReports(month: "2026-10") { unit { id } timeliness } }'),
    ).overdueProgressReports;
    expect(overdue.length).toBe(r.expected - 2);
    expect(overdue.map((u: any) => u.unit.id)).not.toContain(d1);
    // A return and resubmission keeps the first submission's timeliness.
    ok(await step(district, 'returnProgressReport', r1.id, ', input: { reason: "补充数据" }'));
    at('2026-10-25T10:00:00+08:00');
    expect(ok(await step(o1, 'submitProgressReport', r1.id)).submitProgressReport.timeliness).toBe('ON_TIME');
    at('2026-11-18T10:00:00+08:00');
  });

  it('moves the due day with REPORT_DUE_DAY', async () => {
    process.env.REPORT_DUE_DAY = '25';
    try {
      const r = ok(await save(hrsOfficer, hrs)).saveProgressReport;
      expect([r.periodFrom, r.periodTo]).toEqual(['2026-10-26', '2026-11-25']);
      const { dueAt } = ok(await app.gql('{ reportingRates(month: "2026-11") { dueAt } }')).reportingRates;
      expect(new Date(dueAt).toISOString()).toBe('2026-11-25T15:59:59.999Z');
    } finally {
      delete process.env.REPORT_DUE_DAY;
    }
  });
});

describe('scope', () => {
  it('shows a unit only its own reports, drafts included; the office and the auditor all', async () => {
    const draft = ok(await save(hrsOfficer, hrs)).saveProgressReport;
    expect(draft.status).toBe('DRAFT');
    const list = async (actor: Actor) =>
      app.gqlAs(actor, 'query { progressReports(first: 500) { totalCount nodes { id departmentId } } }');
    const ids = async (actor: Actor) => ok(await list(actor)).progressReports.nodes.map((n: any) => n.id);
    expect(await ids(hrsOfficer)).toContain(draft.id);
    expect(ok(await list(hrsOfficer)).progressReports.nodes.every((n: any) => n.departmentId === hrs)).toBe(
      true,
    );
    expect(await ids(povertyOfficer)).not.toContain(draft.id);
    expect(await read(povertyOfficer, draft.id)).toBeNull();
    expect(await read(t1Officer, draft.id)).toBeNull();
    const t1Reports = ok(await list(t1Officer)).progressReports.nodes;
    expect(t1Reports.length).toBeGreaterThan(0);
    expect(t1Reports.every((n: any) => n.departmentId === t1Unit)).toBe(true);
    expect(await ids(t2Officer)).toEqual([]);
    expect(await ids(district)).toContain(draft.id);
    expect(await ids(await app.user(Role.AUDITOR))).toContain(draft.id);
    expect(errorOf(await list(await app.user(Role.VILLAGE_CADRE, { villageId: v1 }))).code).toBe('FORBIDDEN');
    const key = await app.apiKey();
    expect(errorOf(await list(key)).code).toBe('FORBIDDEN');
    expect(
      ok(await app.gqlAs(key, '{ reportingRates(month: "2026-11") { expected } }')).reportingRates.expected,
    ).toBe(45);
    // Writing another unit's report: as absent as reading it.
    expect(errorOf(await save(povertyOfficer, hrs))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await save(t2Officer, t1Unit, undefined, '2026-09'))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUT_OF_SCOPE',
    });
    expect(
      ok(await app.gql('{ progressReports(filter: { month: { eq: "2026-09" } }) { totalCount } }'))
        .progressReports.totalCount,
    ).toBe(0);
    expect(errorOf(await step(povertyOfficer, 'submitProgressReport', draft.id)).code).toBe('NOT_FOUND');
  });
});

describe('the compiled district report', () => {
  it('opens as XLSX (one sheet per task, one row per accepted unit) and DOCX (headings by section), with the annex', async () => {
    const file = async (format: string) =>
      ok(
        await app.gqlAs(
          district,
          `{ compiledProgressReport(month: "${MONTH}", format: ${format}) { filename contentType base64 reports } }`,
        ),
      ).compiledProgressReport;
    const x = await file('XLSX');
    expect(x.reports).toBe(1);
    expect(x.filename).toBe('白银区巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作进展汇总-2026-11.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as any);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.length).toBe(22); // 21 tasks with responsible units + the annex
    expect(names).toContain('二（三）持续发展壮大乡村特色产业');
    expect(names[names.length - 1]).toBe('附件 预填数据口径');
    const industry = wb.getWorksheet('二（三）持续发展壮大乡村特色产业')!;
    expect(industry.getRow(2).getCell(1).value).toBe('报送单位');
    expect(industry.getRow(2).getCell(2).value).toBe('新开始帮扶措施（项）');
    expect(industry.getRow(3).getCell(1).value).toBe('区农业农村局');
    expect(industry.getRow(3).getCell(2).value).toBe(2);
    expect(industry.rowCount).toBe(3);
    expect(wb.getWorksheet('附件 预填数据口径')!.rowCount).toBeGreaterThan(20);

    const w = await file('DOCX');
    const zip = await JSZip.loadAsync(Buffer.from(w.base64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const headings = [
      ...xml.matchAll(
        /<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="(Heading\d|Title)"\/>(?:(?!<\/w:p>).)*?<\/w:p>/g,
      ),
    ].map((m) => [m[1], [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')]);
    const h1 = headings.filter(([s]) => s === 'Heading1').map(([, t]) => t);
    expect(h1).toEqual([
      '二、巩固拓展脱贫攻坚成果',
      '三、持续深化帮扶工作',
      '四、做好政策有效衔接',
      '五、工作保障举措',
      '附件：预填数据口径',
    ]);
    expect(headings).toContainEqual(['Heading2', '（三）持续发展壮大乡村特色产业']);
    expect(headings).toContainEqual(['Heading3', '区农业农村局']);
    expect(xml).toContain('补充：新开工产业项目2个');
    expect(xml).toContain('培训人次120人次');
    expect(
      errorOf(
        await app.gqlAs(hrsOfficer, '{ compiledProgressReport(month: "2026-11", format: XLSX) { reports } }'),
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('demo data', () => {
  it('has last month’s reports in every state, on time and late', async () => {
    at('2027-01-05T09:00:00+08:00');
    const made = await seedDemoReports(app.db);
    expect(made).toBeGreaterThan(30);
    const r = ok(
      await app.gql(
        '{ reportingRates(month: "2026-12") { onTime late missing units { status timeliness } } }',
      ),
    ).reportingRates;
    expect(new Set(r.units.map((u: any) => u.status))).toEqual(
      new Set(['ACCEPTED', 'SUBMITTED', 'RETURNED', 'DRAFT', null]),
    );
    expect(r.late).toBeGreaterThan(0);
    expect(r.missing).toBeGreaterThan(0);
    expect(r.onTime).toBeGreaterThan(0);
    expect(await seedDemoReports(app.db)).toBe(0);
  });
});
