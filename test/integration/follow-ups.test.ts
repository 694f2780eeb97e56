import { today } from '../../server/common/today';
import {
  aHousehold,
  aMember,
  anIdNumber,
  approveCase,
  daysAgo,
  departmentIdByCode,
  villageIdByName,
} from '../support/builders';
import { errorOf, ok, startTestApp, TestApp } from '../support/harness';

const TODAY = today();
const YEAR = Number(TODAY.slice(0, 4));

/**
 * 事后回访巩固 (work plan §2.2; issue #16): follow-up visits on closed cases on the schedule (every 90
 * days for a year by default), the worklist of those due, and the reopen path.
 */
describe('follow-up visits after the risk is eliminated', () => {
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

  /** A household whose ILLNESS case was approved and then closed today (assisted). */
  async function closedCase() {
    const h = await aHousehold(app, {
      villageId,
      members: [
        aMember({
          idNumber: anIdNumber('1975-03-03'),
          healthStatus: 'CHRONIC_ILLNESS',
          medicalInsured: true,
        }),
      ],
      fields: { housingSafety: 'A', drinkingWaterSafe: true },
    });
    const clue = ok(
      await app.gql(
        `mutation($h: ID!, $d: Date) { reportRisk(input: { householdId: $h, source: CADRE_VISIT, description: "因病", date: $d }) { id } }`,
        {
          h: h.id,
          d: daysAgo(25),
        },
      ),
    ).reportRisk;
    await approveCase(app, clue.id, { verified: 20, publicized: 15, approved: 5 });
    ok(
      await app.gql(
        `mutation($h: ID!, $y: Int!) { createHouseholdIncome(input: { householdId: $h, year: $y, wageIncomeYuan: "30000" }) { id } }`,
        {
          h: h.id,
          y: YEAR,
        },
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
            startDate: daysAgo(4),
            status: 'IN_PROGRESS',
          },
        },
      ),
    );
    ok(
      await app.gql(`mutation($id: ID!) { eliminateRisk(id: $id, input: { method: ASSISTED }) { status } }`, {
        id: clue.id,
      }),
    );
    return { householdId: h.id, caseId: clue.id as string };
  }
  const follow = (input: Record<string, unknown>) =>
    app.gql(
      `mutation($input: RecordFollowUpVisitInput!) { recordFollowUpVisit(input: $input) { visit { id visitDate findings } reopenedCase { id status discoverySource triggerReasons } } }`,
      { input },
    );
  const due = async () =>
    ok(
      await app.gql(
        `{ followUpsDue { monitoringCase { id } riskEliminatedAt lastFollowUpOn dueOn daysOverdue } }`,
      ),
    ).followUpsDue;
  /** Moves a closed case's elimination `days` into the past (as if that time had gone by). */
  const age = async (caseId: string, days: number) => {
    await app.db.query(
      `UPDATE monitoring_case SET risk_eliminated_at = risk_eliminated_at - $2::int WHERE id = $1`,
      [caseId, days],
    );
    await app.db.query(
      `UPDATE monitoring_visit SET visit_date = visit_date - $2::int WHERE monitoring_case_id = $1`,
      [caseId, days],
    );
  };

  it('lists a closed case once a quarter has passed, and not after its follow-up', async () => {
    const c = await closedCase();
    expect((await due()).map((d: any) => d.monitoringCase.id)).not.toContain(c.caseId);
    await age(c.caseId, 100);
    const listed = (await due()).find((d: any) => d.monitoringCase.id === c.caseId);
    expect(listed).toMatchObject({
      riskEliminatedAt: daysAgo(100),
      lastFollowUpOn: null,
      dueOn: daysAgo(10),
      daysOverdue: 10,
    });
    const r = ok(
      await follow({ monitoringCaseId: c.caseId, findings: '收入稳定，慢病按时服药' }),
    ).recordFollowUpVisit;
    expect(r).toMatchObject({
      visit: { visitDate: TODAY, findings: '事后回访：收入稳定，慢病按时服药' },
      reopenedCase: null,
    });
    // The visit belongs to the case's household: it is listed under the household.
    const visits = ok(
      await app.gql(
        `query($h: ID!) { monitoringVisits(filter: { householdId: { eq: $h } }) { nodes { id householdId monitoringCaseId } } }`,
        { h: c.householdId },
      ),
    ).monitoringVisits.nodes;
    expect(visits).toContainEqual({ id: r.visit.id, householdId: c.householdId, monitoringCaseId: c.caseId });
    expect((await due()).map((d: any) => d.monitoringCase.id)).not.toContain(c.caseId);
    // A year and more after elimination: no follow-up is due or accepted.
    await age(c.caseId, 300);
    expect((await due()).map((d: any) => d.monitoringCase.id)).not.toContain(c.caseId);
    expect(errorOf(await follow({ monitoringCaseId: c.caseId, findings: '回访' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.date', reason: 'FOLLOW_UP_PERIOD_OVER' }],
    });
  });

  it('refuses follow-ups on open cases and before the elimination; the risk back reopens the household once', async () => {
    const c = await closedCase();
    expect(
      errorOf(await follow({ monitoringCaseId: c.caseId, findings: '回访', date: daysAgo(1) })).fields,
    ).toEqual([{ field: 'input.date', reason: 'BEFORE_PREVIOUS_STEP' }]);
    const reopened = ok(
      await follow({ monitoringCaseId: c.caseId, findings: '再次住院，支出骤增', riskReturned: true }),
    ).recordFollowUpVisit.reopenedCase;
    expect(reopened).toMatchObject({ status: 'CLUE', discoverySource: 'CADRE_VISIT' });
    expect(reopened.triggerReasons[0]).toContain(`原监测记录 ${c.caseId}`);
    // The new clue is open: following it up is refused, reopening again too; the closed case is unchanged.
    expect(errorOf(await follow({ monitoringCaseId: reopened.id, findings: '回访' }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    expect(
      errorOf(
        await app.gql(`mutation($id: ID!) { reopenMonitoringCase(id: $id, reason: "反弹") { id } }`, {
          id: c.caseId,
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', reason: 'OPEN_CASE_EXISTS' });
    const cases = ok(
      await app.gql(`query($id: ID!) { household(id: $id) { monitoringCases { nodes { id status } } } }`, {
        id: c.householdId,
      }),
    ).household.monitoringCases.nodes;
    expect(cases.map((x: any) => x.status).sort()).toEqual(['CLUE', 'RISK_ELIMINATED']);
  });

  it('reopens a closed case directly (township decision) with a reason', async () => {
    const c = await closedCase();
    const r = ok(
      await app.gql(
        `mutation($id: ID!) { reopenMonitoringCase(id: $id, reason: "家庭成员突发重病") { status triggerReasons } }`,
        { id: c.caseId },
      ),
    ).reopenMonitoringCase;
    expect(r.status).toBe('CLUE');
    expect(r.triggerReasons[0]).toContain('家庭成员突发重病');
  });
});
