import { Role } from '../../server/auth/actor';
import { aHousehold, aMember, approveCase, daysAgo } from '../support/builders';
import { errorOf, ok, startTestApp, TestApp } from '../support/harness';

/**
 * Issue #17 gap 2 and 3: routine visits (日常走访) without an open case, idempotent by the device's key;
 * households found by the head's name; phone numbers validated.
 */
describe('routine visits, the head’s name, phone numbers', () => {
  let app: TestApp;
  let v1: string;
  let t1: string;
  let v2: string;
  beforeAll(async () => {
    app = await startTestApp();
    const towns = ok(
      await app.gql(
        '{ townships(orderBy: [{ field: CODE }], filter: { kind: { ne: STREET } }, first: 2) { nodes { id villages(first: 1) { nodes { id } } } } }',
      ),
    ).townships.nodes;
    t1 = towns[0].id;
    v1 = towns[0].villages.nodes[0].id;
    v2 = towns[1].villages.nodes[0].id;
  });
  afterAll(() => app.close());

  const RECORD = `mutation($input: RecordHouseholdVisitInput!) {
    recordHouseholdVisit(input: $input) { id householdId monitoringCaseId visitDate visitor findings household { id } } }`;
  const visitsOf = async (h: string) =>
    ok(
      await app.gql(
        'query($h: ID!) { monitoringVisits(filter: { householdId: { eq: $h } }) { totalCount } }',
        {
          h,
        },
      ),
    ).monitoringVisits.totalCount;

  it('records a visit to a household without a case; the same idempotency key never records it twice', async () => {
    const h = await aHousehold(app, { villageId: v1 });
    const cadre = await app.user(Role.VILLAGE_CADRE, { villageId: v1 });
    const input = {
      householdId: h.id,
      findings: '日常走访：两不愁三保障正常',
      guaranteesChecked: true,
      idempotencyKey: 'device-7f3c2a91-0001',
    };
    const first = ok(await app.gqlAs(cadre, RECORD, { input })).recordHouseholdVisit;
    expect(first).toMatchObject({ householdId: h.id, monitoringCaseId: null, household: { id: h.id } });
    // the offline queue's retry (the first answer was lost): the same visit, nothing new
    const again = ok(
      await app.gqlAs(cadre, RECORD, { input: { ...input, findings: '重发' } }),
    ).recordHouseholdVisit;
    expect(again.id).toBe(first.id);
    expect(again.findings).toBe('日常走访：两不愁三保障正常');
    expect(await visitsOf(h.id)).toBe(1);
    // two retries at once still make one
    const both = await Promise.all([
      app.gqlAs(cadre, RECORD, { input: { ...input, idempotencyKey: 'device-7f3c2a91-0002' } }),
      app.gqlAs(cadre, RECORD, { input: { ...input, idempotencyKey: 'device-7f3c2a91-0002' } }),
    ]);
    expect(both.map((r) => ok(r).recordHouseholdVisit.id)[0]).toBe(ok(both[1]).recordHouseholdVisit.id);
    expect(await visitsOf(h.id)).toBe(2);
    // without a key each request is a visit of its own
    ok(await app.gqlAs(cadre, RECORD, { input: { householdId: h.id, findings: '再访' } }));
    expect(await visitsOf(h.id)).toBe(3);
    // the key of another household's visit is refused, not silently answered
    const other = await aHousehold(app, { villageId: v1 });
    expect(
      errorOf(await app.gqlAs(cadre, RECORD, { input: { ...input, householdId: other.id } })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await visitsOf(other.id)).toBe(0);
  });

  it('attaches the visit to the household’s approved case, which leaves the no-recent-visit worklist', async () => {
    const h = await aHousehold(app, {
      villageId: v1,
      members: [aMember({ healthStatus: 'CHRONIC_ILLNESS' })],
    });
    const c = ok(
      await app.gql(
        `mutation($h: ID!) { reportRisk(input: { householdId: $h, source: CADRE_VISIT, description: "因病", date: "${daysAgo(80)}" }) { id } }`,
        { h: h.id },
      ),
    ).reportRisk;
    await approveCase(app, c.id, { verified: 70, publicized: 60, approved: 50 });
    const worklist = async () =>
      ok(
        await app.gql(
          'query($v: ID!) { monitoredHouseholdsWithoutRecentVisit(scope: { villageId: $v, first: 500 }) { nodes { id } } }',
          { v: v1 },
        ),
      ).monitoredHouseholdsWithoutRecentVisit.nodes.map((x: any) => x.id);
    expect(await worklist()).toContain(h.id);
    const visit = ok(
      await app.gql(RECORD, { input: { householdId: h.id, findings: '月度走访', visitDate: daysAgo(1) } }),
    ).recordHouseholdVisit;
    expect(visit.monitoringCaseId).toBe(c.id);
    expect(await worklist()).not.toContain(h.id);
  });

  it('refuses a visit out of scope, to no household, or dated ahead — and writes nothing', async () => {
    const h = await aHousehold(app, { villageId: v2 });
    const cadre = await app.user(Role.VILLAGE_CADRE, { villageId: v1 });
    expect(
      errorOf(await app.gqlAs(cadre, RECORD, { input: { householdId: h.id, findings: '越界' } })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REFERENCE_NOT_FOUND' });
    expect(errorOf(await app.gql(RECORD, { input: { householdId: '999999', findings: 'x' } }))).toMatchObject(
      {
        reason: 'REFERENCE_NOT_FOUND',
      },
    );
    const ahead = errorOf(
      await app.gql(RECORD, { input: { householdId: h.id, findings: 'x', visitDate: daysAgo(-3) } }),
    );
    expect(ahead).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONDITIONS_UNMET' });
    expect(ahead.fields).toEqual([{ field: 'input.visitDate', reason: 'FUTURE_DATE' }]);
    const badKey = errorOf(
      await app.gql(RECORD, { input: { householdId: h.id, findings: 'x', idempotencyKey: 'a b' } }),
    );
    expect(badKey.code).toBe('BAD_USER_INPUT');
    expect(badKey.fields[0].field).toMatch(/idempotencyKey/);
    expect(await visitsOf(h.id)).toBe(0);
    // a department officer reads no visits of the area and records none
    const dept = ok(await app.gql('{ departments(first: 1) { nodes { id } } }')).departments.nodes[0].id;
    const officer = await app.user(Role.DEPARTMENT_OFFICER, { departmentId: dept });
    expect(
      errorOf(await app.gqlAs(officer, RECORD, { input: { householdId: h.id, findings: 'x' } })).code,
    ).toBe('FORBIDDEN');
    // a township officer elsewhere sees none of this village's visits
    const officerT1 = await app.user(Role.TOWNSHIP_OFFICER, { townshipId: t1 });
    ok(await app.gql(RECORD, { input: { householdId: h.id, findings: '区级走访' } }));
    expect(
      ok(
        await app.gqlAs(
          officerT1,
          'query($h: ID!) { monitoringVisits(filter: { householdId: { eq: $h } }) { totalCount } }',
          { h: h.id },
        ),
      ).monitoringVisits.totalCount,
    ).toBe(0);
  });

  it('finds a household by its head’s name, for roles that see names only', async () => {
    const h = await aHousehold(app, {
      villageId: v1,
      members: [aMember({ name: '慕容秋菊' }), aMember({ name: '司徒春生', relationToHead: 'SON' })],
    });
    const search = `query($q: String!) { households(filter: { q: $q }) { nodes { id head { name } } } }`;
    const found = ok(await app.gql(search, { q: '秋菊' })).households.nodes;
    expect(found).toEqual([{ id: h.id, head: { name: '慕容秋菊' } }]);
    // a son's name is not the household's name
    expect(ok(await app.gql(search, { q: '司徒春生' })).households.nodes).toEqual([]);
    const cadre = await app.user(Role.VILLAGE_CADRE, { villageId: v1 });
    expect(ok(await app.gqlAs(cadre, search, { q: '慕容' })).households.nodes.map((x: any) => x.id)).toEqual([
      h.id,
    ]);
    const dept = ok(await app.gql('{ departments(first: 1) { nodes { id } } }')).departments.nodes[0].id;
    const officer = await app.user(Role.DEPARTMENT_OFFICER, { departmentId: dept });
    expect(ok(await app.gqlAs(officer, search, { q: '慕容秋菊' })).households.nodes).toEqual([]);
  });

  it('accepts mobile and landline phone numbers and refuses others, on its field', async () => {
    for (const phone of ['13909431234', '+8618609431234', '0943-8221234', '09438221234', '0943-8221234-12'])
      await aHousehold(app, { villageId: v1, fields: { phone } });
    for (const phone of ['12345', '1290943123', '139094312345', '8221234', 'abc', '0943-82']) {
      const e = errorOf(
        await app.gql(`mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }`, {
          input: {
            householdNumber: `PHONE-${phone}`,
            villageId: v1,
            householdType: 'ALLEVIATED',
            phone,
          },
        }),
      );
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(e.fields).toEqual([{ field: 'input.phone', reason: 'INVALID_FORMAT' }]);
    }
    expect(
      ok(
        await app.gql('{ households(filter: { householdNumber: { startsWith: "PHONE-" } }) { totalCount } }'),
      ).households.totalCount,
    ).toBe(0);
  });
});
