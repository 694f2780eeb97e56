import { today } from '../../server/common/today';
import {
  aHousehold,
  aMember,
  anIdNumber,
  departmentIdByCode,
  villageIdByName,
  approveCase,
  daysAgo,
} from '../support/builders';
import { ok, startTestApp, TestApp } from '../support/harness';

/** The server's today (China Standard Time), which its date rules use. */
const TODAY = today();
const YEAR = Number(TODAY.slice(0, 4));

/** 部门筛查预警 on a constructed population, and the worklists of the monitoring desk. */
describe('screening and worklists', () => {
  let app: TestApp;
  let villageId: string;
  const ids: Record<string, string> = {};
  const insured = (o: Record<string, unknown> = {}) => aMember({ medicalInsured: true, ...o });

  beforeAll(async () => {
    app = await startTestApp();
    villageId = await villageIdByName(app, '大川渡村村民委员会');
    ok(
      await app.gql(
        `mutation($y: Int!) { createMonitoringThreshold(input: { year: $y, amountYuan: "7000" }) { id } }`,
        { y: YEAR },
      ),
    );
    const make = async (
      name: string,
      members: Record<string, unknown>[],
      fields: Record<string, unknown> = {},
      perCapita = '40000',
    ) => {
      const h = await aHousehold(app, {
        villageId,
        members,
        fields: { housingSafety: 'A', drinkingWaterSafe: true, ...fields },
      });
      ok(
        await app.gql(
          `mutation($h: ID!, $y: Int!, $w: Decimal!) { createHouseholdIncome(input: { householdId: $h, year: $y, people: 1, wageIncomeYuan: $w }) { id } }`,
          { h: h.id, y: YEAR, w: perCapita },
        ),
      );
      ids[name] = h.id;
    };
    await make('lowIncome', [insured()], {}, '10000');
    await make('dropout', [
      insured(),
      insured({
        relationToHead: 'SON',
        idNumber: anIdNumber(`${YEAR - 11}-05-05`),
        laborCapacity: 'NONE',
        educationLevel: 'PRIMARY',
        schoolStatus: 'DROPPED_OUT',
      }),
    ]);
    await make('uninsured', [aMember({ medicalInsured: false })]);
    await make('unsafeHouse', [insured()], { housingSafety: 'D' });
    await make('unsafeWater', [insured()], { drinkingWaterSafe: false });
    await make('seriousIll', [insured({ healthStatus: 'SERIOUS_ILLNESS', laborCapacity: 'LOST' })]);
    await make('fine', [insured()]);
    await make('illButHelped', [insured({ healthStatus: 'SERIOUS_ILLNESS', laborCapacity: 'LOST' })]);
    const health = await departmentIdByCode(app, 'D05');
    ok(
      await app.gql(
        `mutation($h: ID!, $d: ID!) { createAssistanceMeasure(input: { householdId: $h, type: HEALTH, description: "大病救治", responsibleDepartmentId: $d, startDate: "${TODAY}" }) { id } }`,
        { h: ids.illButHelped, d: health },
      ),
    );
  });
  afterAll(() => app.close());

  const RUN = `mutation($y: Int!) { runScreening(year: $y) { year checked skipped opened incomeRuleApplied byReason { reason label count } } }`;

  it('opens exactly the expected clues, with their reasons, and none on a second run', async () => {
    const first = ok(await app.gql(RUN, { y: YEAR })).runScreening;
    expect(first).toMatchObject({ checked: 8, skipped: 0, opened: 6, incomeRuleApplied: true });
    const count = Object.fromEntries(first.byReason.map((r: any) => [r.reason, r.count]));
    expect(count).toEqual({
      INCOME_BELOW_1_5X_LINE: 1,
      CHILD_OUT_OF_SCHOOL: 1,
      MEMBER_NOT_MEDICALLY_INSURED: 1,
      HOUSING_UNSAFE: 1,
      DRINKING_WATER_UNSAFE: 1,
      SERIOUS_ILLNESS_WITHOUT_HEALTH_MEASURE: 1,
    });
    const cases = ok(
      await app.gql(
        `{ monitoringCases(first: 50) { nodes { household { id } discoverySource status triggerReasons } } }`,
      ),
    ).monitoringCases.nodes;
    const byHousehold = Object.fromEntries(cases.map((c: any) => [c.household.id, c.triggerReasons]));
    expect(byHousehold).toEqual({
      [ids.lowIncome]: ['INCOME_BELOW_1_5X_LINE'],
      [ids.dropout]: ['CHILD_OUT_OF_SCHOOL'],
      [ids.uninsured]: ['MEMBER_NOT_MEDICALLY_INSURED'],
      [ids.unsafeHouse]: ['HOUSING_UNSAFE'],
      [ids.unsafeWater]: ['DRINKING_WATER_UNSAFE'],
      [ids.seriousIll]: ['SERIOUS_ILLNESS_WITHOUT_HEALTH_MEASURE'],
    });
    expect(cases.every((c: any) => c.discoverySource === 'DEPARTMENT_ALERT' && c.status === 'CLUE')).toBe(
      true,
    );
    const second = ok(await app.gql(RUN, { y: YEAR })).runScreening;
    expect(second).toMatchObject({ checked: 8, skipped: 6, opened: 0 });
  });

  it('lists clues awaiting verification and overdue cases by township and village', async () => {
    const township = ok(await app.gql(`{ townships(filter: { name: { eq: "水川镇" } }) { nodes { id } } }`))
      .townships.nodes[0].id;
    const other = ok(await app.gql(`{ townships(filter: { name: { eq: "武川乡" } }) { nodes { id } } }`))
      .townships.nodes[0].id;
    const clues = ok(
      await app.gql(`query($t: ID) { cluesAwaitingVerification(scope: { townshipId: $t }) { totalCount } }`, {
        t: township,
      }),
    );
    expect(clues.cluesAwaitingVerification.totalCount).toBe(6);
    expect(
      ok(
        await app.gql(
          `query($t: ID) { cluesAwaitingVerification(scope: { townshipId: $t }) { totalCount } }`,
          { t: other },
        ),
      ).cluesAwaitingVerification.totalCount,
    ).toBe(0);
    // a clue from 20 days ago is past its 15-day deadline
    const old = await aHousehold(app, {
      villageId,
      members: [aMember({ medicalInsured: true })],
      fields: { housingSafety: 'A' },
    });
    ok(
      await app.gql(
        `mutation($h: ID!) { reportRisk(input: { householdId: $h, source: SELF_REPORT, description: "申请", date: "${daysAgo(20)}" }) { id } }`,
        { h: old.id },
      ),
    );
    const overdue = ok(
      await app.gql(
        `query($v: ID) { overdueMonitoringCases(scope: { villageId: $v }) { totalCount nodes { household { id } isOverdue } } }`,
        { v: villageId },
      ),
    );
    expect(overdue.overdueMonitoringCases).toEqual({
      totalCount: 1,
      nodes: [{ household: { id: old.id }, isOverdue: true }],
    });
  });

  it('lists monitored households without an active measure or a recent visit', async () => {
    const h = await aHousehold(app, {
      villageId,
      members: [aMember({ medicalInsured: true, healthStatus: 'CHRONIC_ILLNESS' })],
      fields: { housingSafety: 'A' },
    });
    const c = ok(
      await app.gql(
        `mutation($h: ID!) { reportRisk(input: { householdId: $h, source: CADRE_VISIT, description: "因病", date: "${daysAgo(60)}" }) { id } }`,
        { h: h.id },
      ),
    ).reportRisk;
    await approveCase(app, c.id, { verified: 55, publicized: 50, approved: 44 });
    const lists = `{ a: monitoredHouseholdsWithoutActiveMeasure { nodes { id } } b: monitoredHouseholdsWithoutRecentVisit { nodes { id } } }`;
    expect(ok(await app.gql(lists))).toEqual({ a: { nodes: [{ id: h.id }] }, b: { nodes: [{ id: h.id }] } });
    ok(
      await app.gql(
        `mutation($id: ID!) { recordMonitoringVisit(input: { monitoringCaseId: $id, visitor: "帮扶干部", findings: "两不愁三保障达标", guaranteesChecked: true }) { id } }`,
        { id: c.id },
      ),
    );
    const health = await departmentIdByCode(app, 'D05');
    ok(
      await app.gql(
        `mutation($h: ID!, $d: ID!) { createAssistanceMeasure(input: { householdId: $h, type: HEALTH, description: "慢病签约", responsibleDepartmentId: $d, startDate: "${TODAY}", status: IN_PROGRESS }) { id } }`,
        { h: h.id, d: health },
      ),
    );
    expect(ok(await app.gql(lists))).toEqual({ a: { nodes: [] }, b: { nodes: [] } });
  });
});
