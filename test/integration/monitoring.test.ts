import { today } from '../../server/common/today';
import {
  aHousehold,
  aMember,
  anIdNumber,
  departmentIdByCode,
  villageIdByName,
  approveCase,
} from '../support/builders';
import { errorOf, ok, startTestApp, TestApp } from '../support/harness';

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** The server's today (China Standard Time), which its date rules use. */
const TODAY = today();
const YEAR = Number(TODAY.slice(0, 4));

const CASE = `id status category riskTypes deadline verifiedAt publicizedAt approvedAt riskEliminatedAt eliminationMethod isOverdue`;

/** The monitoring mechanism (work plan §2.2): workflow, consistency rules, elimination, screening, worklists. */
describe('monitoring of households at risk', () => {
  let app: TestApp;
  let villageId: string;
  let health: string;
  beforeAll(async () => {
    app = await startTestApp();
    villageId = await villageIdByName(app, '大川渡村村民委员会');
    health = await departmentIdByCode(app, 'D05');
    ok(
      await app.gql(
        `mutation($y: Int!) { createMonitoringThreshold(input: { year: $y, amountYuan: "7000" }) { id } }`,
        { y: YEAR },
      ),
    );
  });
  afterAll(() => app.close());

  const report = (householdId: string, date = TODAY) =>
    app.gql(`mutation($input: ReportRiskInput!) { reportRisk(input: $input) { ${CASE} } }`, {
      input: { householdId, source: 'CADRE_VISIT', description: '家中主要劳动力患病', date },
    });
  const step = (name: string, id: string, input: Record<string, unknown>) =>
    app.gql(
      `mutation($id: ID!, $input: ${inputType(name)}!) { ${name}(id: $id, input: $input) { ${CASE} } }`,
      { id, input },
    );
  const inputType = (name: string) =>
    ({
      verifyMonitoringCase: 'VerifyMonitoringCaseInput',
      publicizeMonitoringCase: 'MonitoringStepInput',
      approveMonitoringCase: 'MonitoringStepInput',
      rejectMonitoringCase: 'RejectMonitoringCaseInput',
      eliminateRisk: 'EliminateRiskInput',
    })[name];
  const verify = (id: string, riskTypes = ['ILLNESS'], date = addDays(TODAY, -20)) =>
    step('verifyMonitoringCase', id, {
      category: 'MARGINAL',
      riskTypes,
      findings: '入户核实：因病支出大',
      date,
    });

  /** A household with an ill head able to work, insured, safe housing and water. */
  const household = (
    members = [
      aMember({ idNumber: anIdNumber('1975-03-03'), healthStatus: 'CHRONIC_ILLNESS', medicalInsured: true }),
    ],
    fields = {},
  ) =>
    aHousehold(app, {
      villageId,
      members,
      fields: { housingSafety: 'A', drinkingWaterSafe: true, ...fields },
    });

  /** Brings a new case to APPROVED: clue 25 days ago, verified 20, notice 15, approved 5 days ago. */
  async function approvedCase(h: { id: string }, riskTypes = ['ILLNESS']) {
    const c = ok(await report(h.id, addDays(TODAY, -25))).reportRisk;
    ok(await verify(c.id, riskTypes));
    ok(await step('publicizeMonitoringCase', c.id, { date: addDays(TODAY, -15) }));
    return ok(await step('approveMonitoringCase', c.id, { date: addDays(TODAY, -5) })).approveMonitoringCase;
  }

  it('runs the whole cycle clue → verified → publicized → approved → risk eliminated, recording each step', async () => {
    const h = await household();
    const clue = ok(await report(h.id, addDays(TODAY, -25))).reportRisk;
    expect(clue).toMatchObject({ status: 'CLUE', deadline: addDays(TODAY, -10), isOverdue: true });
    expect(ok(await verify(clue.id)).verifyMonitoringCase).toMatchObject({
      status: 'VERIFIED',
      category: 'MARGINAL',
      riskTypes: ['ILLNESS'],
    });
    const publicized = addDays(TODAY, -15);
    ok(await step('publicizeMonitoringCase', clue.id, { date: publicized }));
    const tooSoon = await step('approveMonitoringCase', clue.id, {
      date: addDays(publicized, 4),
    });
    expect(errorOf(tooSoon)).toMatchObject({
      reason: 'CONDITIONS_UNMET',
      fields: [{ field: 'input.date', reason: 'NOTICE_TOO_SHORT' }],
    });
    const approved = ok(
      await step('approveMonitoringCase', clue.id, { date: addDays(publicized, 5) }),
    ).approveMonitoringCase;
    expect(approved).toMatchObject({
      status: 'APPROVED',
      approvedAt: addDays(publicized, 5),
      isOverdue: false,
    });

    const refused = await step('eliminateRisk', clue.id, { method: 'ASSISTED' });
    expect(errorOf(refused).fields).toEqual(
      expect.arrayContaining([
        { field: 'income', reason: 'INCOME_MISSING' },
        { field: 'riskTypes.ILLNESS', reason: 'RISK_NOT_ADDRESSED' },
      ]),
    );
    ok(
      await app.gql(
        `mutation($h: ID!, $y: Int!) { createHouseholdIncome(input: { householdId: $h, year: $y, wageIncomeYuan: "30000", compliantSpendingYuan: "6000.50" }) { perCapitaNetIncomeYuan } }`,
        { h: h.id, y: YEAR },
      ),
    );
    ok(
      await app.gql(
        `mutation($input: CreateAssistanceMeasureInput!) { createAssistanceMeasure(input: $input) { id } }`,
        {
          input: {
            householdId: h.id,
            monitoringCaseId: clue.id,
            type: 'HEALTH',
            description: '慢病签约服务',
            responsibleDepartmentId: health,
            startDate: addDays(TODAY, -4),
            status: 'IN_PROGRESS',
          },
        },
      ),
    );
    const done = ok(await step('eliminateRisk', clue.id, { method: 'ASSISTED' })).eliminateRisk;
    expect(done).toMatchObject({
      status: 'RISK_ELIMINATED',
      riskEliminatedAt: TODAY,
      eliminationMethod: 'ASSISTED',
    });
    const data = ok(
      await app.gql(
        `query($id: ID!) { household(id: $id) { currentMonitoringCase { id } latestPerCapitaNetIncomeYuan monitoringCases { nodes { status visits { totalCount } measures { totalCount } } } } }`,
        { id: h.id },
      ),
    );
    expect(data.household).toEqual({
      currentMonitoringCase: null,
      latestPerCapitaNetIncomeYuan: '23999.50',
      monitoringCases: {
        nodes: [{ status: 'RISK_ELIMINATED', visits: { totalCount: 1 }, measures: { totalCount: 1 } }],
      },
    });
  });

  it('refuses steps out of order, a second open case, and allows a new clue after rejection', async () => {
    const h = await household();
    const c = ok(await report(h.id)).reportRisk;
    expect(errorOf(await report(h.id))).toMatchObject({ code: 'CONFLICT', reason: 'OPEN_CASE_EXISTS' });
    for (const [name, input] of [
      ['publicizeMonitoringCase', {}],
      ['approveMonitoringCase', {}],
      ['eliminateRisk', { method: 'ASSISTED' }],
    ] as const) {
      expect(errorOf(await step(name, c.id, input))).toMatchObject({
        code: 'CONFLICT',
        reason: 'INVALID_TRANSITION',
      });
    }
    ok(await verify(c.id, ['ILLNESS'], TODAY));
    expect(errorOf(await verify(c.id, ['ILLNESS'], TODAY)).reason).toBe('INVALID_TRANSITION');
    expect(
      ok(await step('rejectMonitoringCase', c.id, { reason: '收入稳定，无返贫风险' })).rejectMonitoringCase
        .status,
    ).toBe('REJECTED');
    expect(errorOf(await step('rejectMonitoringCase', c.id, { reason: 'again' })).reason).toBe(
      'INVALID_TRANSITION',
    );
    expect(ok(await report(h.id)).reportRisk.status).toBe('CLUE');
    const approved = await approvedCase(await household());
    expect(errorOf(await step('rejectMonitoringCase', approved.id, { reason: 'late' })).reason).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('checks risk types against the household: work, disability, illness', async () => {
    const h = await household([
      aMember({ idNumber: anIdNumber('1940-01-01'), laborCapacity: 'LOST', medicalInsured: true }),
    ]);
    const c = ok(await report(h.id)).reportRisk;
    const res = await verify(c.id, ['UNSTABLE_EMPLOYMENT', 'DISABILITY', 'ILLNESS'], TODAY);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONDITIONS_UNMET' });
    expect(errorOf(res).fields.map((f) => f.reason)).toEqual([
      'NO_MEMBER_ABLE_TO_WORK',
      'NO_DISABLED_MEMBER',
      'NO_ILL_MEMBER',
    ]);
    expect(errorOf(await verify(c.id, ['A', 'B', 'C', 'D', 'E', 'F'] as any, TODAY)).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(ok(await verify(c.id, ['LABOR_SHORTAGE'], TODAY)).verifyMonitoringCase.status).toBe('VERIFIED');
  });

  it('refuses elimination with each condition missing in turn, each with its own reason', async () => {
    const child = anIdNumber(`${YEAR - 10}-02-02`);
    const h = await household([
      aMember({ idNumber: anIdNumber('1978-04-04'), healthStatus: 'CHRONIC_ILLNESS', medicalInsured: true }),
      aMember({
        relationToHead: 'SON',
        idNumber: child,
        laborCapacity: 'NONE',
        educationLevel: 'PRIMARY',
        schoolStatus: 'PRIMARY',
        medicalInsured: true,
      }),
    ]);
    const c = await approvedCase(h, ['ILLNESS', 'HOUSING_SAFETY']);
    await app.gql(
      `mutation($h: ID!, $y: Int!) { createHouseholdIncome(input: { householdId: $h, year: $y, wageIncomeYuan: "40000" }) { id } }`,
      { h: h.id, y: YEAR },
    );
    for (const type of ['HEALTH', 'HOUSING_SAFETY']) {
      ok(
        await app.gql(
          `mutation($input: CreateAssistanceMeasureInput!) { createAssistanceMeasure(input: $input) { id } }`,
          {
            input: {
              householdId: h.id,
              type,
              description: '帮扶',
              responsibleDepartmentId: health,
              startDate: addDays(TODAY, -3),
              status: 'COMPLETED',
            },
          },
        ),
      );
    }
    const members = ok(
      await app.gql(
        `query($id: ID!) { household(id: $id) { members(orderBy: [{ field: BIRTH_MONTH }]) { nodes { id } } } }`,
        { id: h.id },
      ),
    );
    const [headId, childId] = members.household.members.nodes.map((n: any) => n.id);
    const eliminate = (extra: Record<string, unknown> = {}) =>
      step('eliminateRisk', c.id, { method: 'ASSISTED', ...extra });
    const reasons = async (extra?: Record<string, unknown>) =>
      errorOf(await eliminate(extra)).fields.map((f) => f.reason);
    const upd = (mutation: string, id: string, input: string) =>
      app.gql(`mutation($id: ID!) { ${mutation}(id: $id, input: ${input}) { id } }`, { id });

    await upd('updateHousehold', h.id, '{ housingSafety: C }');
    expect(await reasons()).toEqual(['HOUSING_UNSAFE']);
    await upd('updateHousehold', h.id, '{ housingSafety: B, drinkingWaterSafe: false }');
    expect(await reasons()).toEqual(['DRINKING_WATER_UNSAFE']);
    await upd('updateHousehold', h.id, '{ drinkingWaterSafe: true }');
    await upd('updateHouseholdMember', childId, '{ schoolStatus: DROPPED_OUT }');
    expect(await reasons()).toEqual(['CHILD_OUT_OF_SCHOOL']);
    await upd('updateHouseholdMember', childId, '{ schoolStatus: PRIMARY, medicalInsured: false }');
    expect(await reasons()).toEqual(['MEMBER_NOT_INSURED']);
    await upd('updateHouseholdMember', childId, '{ medicalInsured: true }');
    const incomeId = ok(
      await app.gql(`query($id: ID!) { household(id: $id) { incomes { nodes { id } } } }`, { id: h.id }),
    ).household.incomes.nodes[0].id;
    await upd('updateHouseholdIncome', incomeId, '{ wageIncomeYuan: "10000" }');
    expect(await reasons()).toEqual(['INCOME_BELOW_THRESHOLD']);
    await upd('updateHouseholdIncome', incomeId, '{ wageIncomeYuan: "40000" }');
    expect(await reasons({ date: addDays(TODAY, 40) })).toEqual(expect.arrayContaining(['NO_RECENT_VISIT']));
    await upd('updateHouseholdMember', headId, '{ laborCapacity: LOST }');
    expect(await reasons({ method: 'NATURAL' })).toEqual(['NATURAL_NOT_ALLOWED']);
    await upd('updateHouseholdMember', headId, '{ laborCapacity: FULL }');
    expect(ok(await eliminate({ method: 'NATURAL' })).eliminateRisk.eliminationMethod).toBe('NATURAL');
  });

  it('lists every unmet risk type and refuses without a monitoring line for the year', async () => {
    const h = await household();
    const c = await approvedCase(h, ['ILLNESS']);
    const res = await step('eliminateRisk', c.id, {
      method: 'ASSISTED',
      date: `${YEAR + 1}-01-02`,
    });
    expect(errorOf(res).fields.map((f) => f.reason)).toEqual(
      expect.arrayContaining([
        'THRESHOLD_MISSING',
        'INCOME_MISSING',
        'RISK_NOT_ADDRESSED',
        'NO_RECENT_VISIT',
      ]),
    );
  });

  it('keeps measures on the household of their case', async () => {
    const a = await household();
    const b = await household();
    const c = ok(await report(a.id)).reportRisk;
    const res = await app.gql(
      `mutation($input: CreateAssistanceMeasureInput!) { createAssistanceMeasure(input: $input) { id } }`,
      {
        input: {
          householdId: b.id,
          monitoringCaseId: c.id,
          type: 'HEALTH',
          description: '帮扶',
          responsibleDepartmentId: health,
          startDate: TODAY,
        },
      },
    );
    expect(errorOf(res).fields).toEqual([
      { field: 'input.monitoringCaseId', reason: 'CASE_NOT_OF_HOUSEHOLD' },
    ]);
  });
});

describe('monitoring: refusals found by attack', () => {
  let app: TestApp;
  let villageId: string;
  beforeAll(async () => {
    app = await startTestApp();
    villageId = await villageIdByName(app, '大川渡村村民委员会');
  });
  afterAll(() => app.close());

  const newCase = async (date = addDays(TODAY, -10)) => {
    const h = await aHousehold(app, {
      villageId,
      members: [aMember({ medicalInsured: true, healthStatus: 'CHRONIC_ILLNESS' })],
      fields: { housingSafety: 'A' },
    });
    const c = ok(
      await app.gql(
        `mutation($h: ID!, $d: Date) { reportRisk(input: { householdId: $h, source: SELF_REPORT, description: "申请", date: $d }) { id } }`,
        { h: h.id, d: date },
      ),
    ).reportRisk;
    return { h, c };
  };

  it('refuses future dates, dates before the previous step and dates outside 1900–2100', async () => {
    const h = await aHousehold(app, { villageId, members: [aMember({ medicalInsured: true })] });
    const future = await app.gql(
      `mutation($h: ID!) { reportRisk(input: { householdId: $h, source: SELF_REPORT, description: "x", date: "${addDays(TODAY, 3)}" }) { id } }`,
      { h: h.id },
    );
    expect(errorOf(future).fields).toEqual([{ field: 'input.date', reason: 'FUTURE_DATE' }]);
    const far = await app.gql(
      `mutation($h: ID!) { reportRisk(input: { householdId: $h, source: SELF_REPORT, description: "x", date: "9999-12-31" }) { id } }`,
      { h: h.id },
    );
    expect(errorOf(far).code).toBe('GRAPHQL_VALIDATION_FAILED'); // an inline literal: refused by validation
    expect(
      errorOf(
        await app.gql(`{ monitoringCases(filter: { clueDate: { gte: "0000-01-01" } }) { totalCount } }`),
      ).code,
    ).toBe('GRAPHQL_VALIDATION_FAILED');
    const { c } = await newCase();
    const early = await app.gql(
      `mutation($id: ID!) { rejectMonitoringCase(id: $id, input: { reason: "x", date: "2001-01-01" }) { id } }`,
      { id: c.id },
    );
    expect(errorOf(early).fields).toEqual([{ field: 'input.date', reason: 'BEFORE_PREVIOUS_STEP' }]);
    const visit = await app.gql(
      `mutation($id: ID!) { recordMonitoringVisit(input: { monitoringCaseId: $id, visitor: "丙", findings: "x" }) { id } }`,
      { id: c.id },
    );
    expect(errorOf(visit).reason).toBe('CASE_NOT_VERIFIED');
  });

  it('keeps a household with monitoring history, and reads fresh rows after each mutation of a request', async () => {
    const { h, c } = await newCase();
    expect(
      errorOf(await app.gql(`mutation($id: ID!) { deleteHousehold(id: $id) }`, { id: h.id })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE' });
    const res = ok(
      await app.gql(
        `mutation($id: ID!) {
        a: verifyMonitoringCase(id: $id, input: { category: MARGINAL, riskTypes: [ILLNESS], findings: "核实" }) { household { currentMonitoringCase { status } } }
        b: rejectMonitoringCase(id: $id, input: { reason: "收入稳定" }) { status household { currentMonitoringCase { id } monitoringCases { nodes { status } } } } }`,
        { id: c.id },
      ),
    );
    expect(res.a.household.currentMonitoringCase.status).toBe('VERIFIED');
    expect(res.b).toEqual({
      status: 'REJECTED',
      household: { currentMonitoringCase: null, monitoringCases: { nodes: [{ status: 'REJECTED' }] } },
    });
  });

  it('does not count an old measure that ended before the clue as addressing a risk', async () => {
    const { h, c } = await newCase(addDays(TODAY, -25));
    const health = await departmentIdByCode(app, 'D05');
    ok(
      await app.gql(
        `mutation($h: ID!, $d: ID!) { createAssistanceMeasure(input: { householdId: $h, type: HEALTH, description: "旧措施", responsibleDepartmentId: $d, startDate: "2015-01-01", endDate: "2015-06-30", status: COMPLETED }) { id } }`,
        { h: h.id, d: health },
      ),
    );
    await approveCase(app, c.id, { verified: 20, publicized: 15, approved: 5 });
    const res = await app.gql(
      `mutation($id: ID!) { eliminateRisk(id: $id, input: { method: ASSISTED }) { id } }`,
      { id: c.id },
    );
    expect(errorOf(res).fields).toEqual(
      expect.arrayContaining([{ field: 'riskTypes.ILLNESS', reason: 'RISK_NOT_ADDRESSED' }]),
    );
  });

  it('validates screening arguments, income references and worklist scopes', async () => {
    expect(
      errorOf(await app.gql(`mutation { runScreening(year: -5) { opened } }`)).fields.map((f) => f.reason),
    ).toEqual(['OUT_OF_RANGE']);
    expect(
      errorOf(
        await app.gql(
          `mutation { createHouseholdIncome(input: { householdId: "999999", year: 2024 }) { id } }`,
        ),
      ).fields,
    ).toEqual([{ field: 'input.householdId', reason: 'REFERENCE_NOT_FOUND' }]);
    expect(
      errorOf(await app.gql(`{ overdueMonitoringCases(scope: { townshipId: "abc" }) { totalCount } }`))
        .fields,
    ).toEqual([{ field: 'scope.townshipId', reason: 'INVALID_ID' }]);
  });
});
