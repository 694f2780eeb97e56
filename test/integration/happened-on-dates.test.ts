import { thisYear, today } from '../../server/common/today';
import { aHousehold, aMember } from '../support/builders';
import { errorOf, ok, startTestApp, TestApp } from '../support/harness';

/** `YYYY-MM-DD` of `n` days after today in China Standard Time. */
function daysAhead(n: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * One rule for every "happened on" date of the register (issue #12, fault 9): a date that records a
 * fact is not after today (China Standard Time), FUTURE_DATE; a year of income not after this year,
 * FUTURE_YEAR; planned dates may lie ahead.
 */
describe('dates of facts are never in the future', () => {
  let app: TestApp;
  let villageId: string;
  let siteId: string;
  let departmentId: string;
  const tomorrow = daysAhead(1);

  beforeAll(async () => {
    app = await startTestApp();
    const v = ok(
      await app.gql('{ villages(first: 1, filter: { committeeType: { eq: VILLAGE } }) { nodes { id } } }'),
    );
    villageId = v.villages.nodes[0].id;
    siteId = ok(await app.gql('{ relocationSites(first: 1) { nodes { id } } }')).relocationSites.nodes[0].id;
    departmentId = ok(await app.gql('{ departments(first: 1) { nodes { id } } }')).departments.nodes[0].id;
  });
  afterAll(() => app.close());

  const refused = (res: any, field: string, reason = 'FUTURE_DATE') =>
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field, reason }] });

  it('refuses a future move-in date on create and update, and takes today', async () => {
    const create = `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id version } }`;
    const input = (movedInAt: string, n: string) => ({
      householdNumber: `D${process.pid}-${n}`,
      villageId,
      householdType: 'ALLEVIATED',
      relocationSiteId: siteId,
      movedInAt,
      members: [aMember()],
    });
    refused(await app.gql(create, { input: input(tomorrow, 'a') }), 'input.movedInAt');
    const h = await aHousehold(app, { villageId, fields: { relocationSiteId: siteId, movedInAt: today() } });
    refused(
      await app.gql(
        `mutation($id: ID!, $v: Int!) { updateHousehold(id: $id, expectedVersion: $v, input: { movedInAt: "${tomorrow}" }) { id } }`,
        { id: h.id, v: h.version },
      ),
      'input.movedInAt',
    );
  });

  it('refuses a future completion of a relocation site', async () => {
    refused(
      await app.gql(
        `mutation { createRelocationSite(input: { name: "未来安置点", placement: SCATTERED, completedAt: "${tomorrow}" }) { id } }`,
      ),
      'input.completedAt',
    );
    ok(
      await app.gql(
        `mutation { createRelocationSite(input: { name: "今日安置点", placement: SCATTERED, completedAt: "${today()}" }) { id } }`,
      ),
    );
  });

  it('takes a planned measure ahead, but not a started or completed one', async () => {
    const h = await aHousehold(app, { villageId });
    const create = (fields: string) =>
      app.gql(
        `mutation($h: ID!, $d: ID!) { createAssistanceMeasure(input: { householdId: $h, type: HEALTH, description: "签约", responsibleDepartmentId: $d, ${fields} }) { id } }`,
        { h: h.id, d: departmentId },
      );
    ok(await create(`startDate: "${daysAhead(30)}", status: PLANNED`));
    ok(await create(`startDate: "${today()}", endDate: "${daysAhead(90)}", status: IN_PROGRESS`));
    refused(await create(`startDate: "${tomorrow}", status: IN_PROGRESS`), 'input.startDate');
    refused(
      await create(`startDate: "2024-01-01", endDate: "${tomorrow}", status: COMPLETED`),
      'input.endDate',
    );
  });

  it('refuses collective income of a year not begun', async () => {
    refused(
      await app.gql(
        `mutation($v: ID!) { createVillageCollectiveIncome(input: { villageId: $v, year: ${thisYear() + 1}, amountYuan: "1.00" }) { id } }`,
        { v: villageId },
      ),
      'input.year',
      'FUTURE_YEAR',
    );
    ok(
      await app.gql(
        `mutation($v: ID!) { createVillageCollectiveIncome(input: { villageId: $v, year: ${thisYear()}, amountYuan: "1.00" }) { id } }`,
        { v: villageId },
      ),
    );
  });

  it('refuses future dates of monitoring steps and assets as before, with the same reason', async () => {
    const h = await aHousehold(app, { villageId });
    refused(
      await app.gql(
        `mutation($h: ID!) { reportRisk(input: { householdId: $h, source: CADRE_VISIT, description: "病", date: "${tomorrow}" }) { id } }`,
        { h: h.id },
      ),
      'input.date',
    );
    refused(
      await app.gql(
        `mutation($v: ID!, $d: ID!) { createAsset(input: { assetCode: "FUT-1", name: "渠", assetClass: PUBLIC_WELFARE, category: IRRIGATION, projectName: "项目", projectYear: 2021, villageId: $v, responsibleDepartmentId: $d, ownershipLevel: VILLAGE, owner: "村", completedAt: "${tomorrow}", fundings: [{ source: CENTRAL_FISCAL, amountYuan: "1.00" }] }) { id } }`,
        { v: villageId, d: departmentId },
      ),
      'input.completedAt',
    );
  });
});
