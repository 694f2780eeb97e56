import { seedDemo } from '../../server/seed/seed';
import { errorOf, ok, startTestApp, TestApp } from '../support/harness';

/** Lists: typed filters, multi-key ordering, cursor and offset pages, lazy totalCount (README: the API in brief). */
describe('connection lists', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await seedDemo(app.db, { households: 400, seed: 11, progress: false });
  });
  afterAll(() => app.close());

  const ids = (conn: any) => conn.nodes.map((n: any) => n.id);
  const sql = async (query: string, params: unknown[] = []) =>
    (await app.db.query(query, params)).map((r: any) => String(r.id));

  it('pages through a two-key order with cursors, each row exactly once', async () => {
    const query = `query($after: String) { households(first: 70, after: $after, orderBy: [{ field: HOUSING_SAFETY, direction: DESC }, { field: HOUSEHOLD_NUMBER }]) {
      nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: any = ok(await app.gql(query, { after }));
      seen.push(...ids(data.households));
      pages++;
      expect(data.households.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!data.households.pageInfo.hasNextPage) break;
      after = data.households.pageInfo.endCursor;
    }
    const expected = await sql(
      'SELECT id FROM household ORDER BY housing_safety DESC NULLS FIRST, household_number, id',
    );
    expect(pages).toBe(Math.ceil(400 / 70));
    expect(seen).toEqual(expected);
  });

  it('orders by a nullable key with nulls last ascending and first descending, and pages across the nulls', async () => {
    const query = `query($d: OrderDirection!, $after: String) { assistanceMeasures(first: 500, after: $after, filter: { type: { eq: INDUSTRY } }, orderBy: [{ field: END_DATE, direction: $d }]) {
      nodes { id endDate } pageInfo { endCursor hasNextPage } } }`;
    const asc = ok(await app.gql(query, { d: 'ASC' })).assistanceMeasures;
    const dates = asc.nodes.map((n: any) => n.endDate);
    const firstNull = dates.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(dates.slice(firstNull).every((d: any) => d === null)).toBe(true);
    const desc = ok(await app.gql(query, { d: 'DESC' })).assistanceMeasures;
    expect(desc.nodes[0].endDate).toBeNull();
    // a cursor inside the null block continues correctly
    const small = `query($after: String) { assistanceMeasures(first: 7, after: $after, filter: { type: { eq: INDUSTRY } }, orderBy: [{ field: END_DATE, direction: DESC }]) { nodes { id } pageInfo { endCursor } } }`;
    const p1 = ok(await app.gql(small, {})).assistanceMeasures;
    const p2 = ok(await app.gql(small, { after: p1.pageInfo.endCursor })).assistanceMeasures;
    expect([...ids(p1), ...ids(p2)]).toEqual(ids(desc).slice(0, 14));
  });

  it('handles page edges: empty result, exact last page, offset, size over the limit, malformed cursor', async () => {
    const empty = ok(
      await app.gql(
        `{ households(filter: { householdNumber: { eq: "none" } }) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
      ),
    );
    expect(empty.households).toEqual({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    const exact = ok(await app.gql(`{ townships(first: 10) { nodes { id } pageInfo { hasNextPage } } }`));
    expect(exact.townships.nodes).toHaveLength(10);
    expect(exact.townships.pageInfo.hasNextPage).toBe(false);
    const offset = ok(
      await app.gql(
        `{ a: villages(first: 5, offset: 10, orderBy: [{ field: CODE }]) { nodes { id } } b: villages(first: 15, orderBy: [{ field: CODE }]) { nodes { id } } }`,
      ),
    );
    expect(ids(offset.a)).toEqual(ids(offset.b).slice(10));
    expect(errorOf(await app.gql(`{ households(first: 501) { nodes { id } } }`))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PAGE_SIZE_TOO_LARGE',
      fields: [{ field: 'first', reason: 'PAGE_SIZE_TOO_LARGE' }],
    });
    expect(errorOf(await app.gql(`{ households(first: -1) { nodes { id } } }`)).reason).toBe(
      'INVALID_PAGE_SIZE',
    );
    expect(errorOf(await app.gql(`{ households(after: "not-a-cursor") { nodes { id } } }`)).reason).toBe(
      'INVALID_CURSOR',
    );
    const cursor = ok(await app.gql(`{ households(first: 1) { pageInfo { endCursor } } }`)).households
      .pageInfo.endCursor;
    const other = await app.gql(
      `query($c: String) { households(after: $c, orderBy: [{ field: HOUSEHOLD_NUMBER }]) { nodes { id } } }`,
      { c: cursor },
    );
    expect(errorOf(other).reason).toBe('INVALID_CURSOR');
    expect(ok(await app.gql(`{ households(first: 500) { nodes { id } } }`)).households.nodes).toHaveLength(
      400,
    );
    // a tampered cursor whose values do not fit the sort columns is refused, not sent to the database
    const tampered = Buffer.from(JSON.stringify({ o: 'id:ASC', v: ['x'] })).toString('base64url');
    expect(
      errorOf(await app.gql(`query($c: String) { households(after: $c) { nodes { id } } }`, { c: tampered }))
        .reason,
    ).toBe('INVALID_CURSOR');
    const wrongDate = Buffer.from(
      JSON.stringify({ o: 'movedInAt:ASC,id:ASC', v: ['2024-02-30', 1] }),
    ).toString('base64url');
    const q = `query($c: String) { households(after: $c, orderBy: [{ field: MOVED_IN_AT }]) { nodes { id } } }`;
    expect(errorOf(await app.gql(q, { c: wrongDate })).reason).toBe('INVALID_CURSOR');
  });

  it('runs no page query when only totalCount is selected, at the top level or on relations', async () => {
    const before = app.statements();
    const data = ok(
      await app.gql(
        `{ households { totalCount } villages(first: 40) { nodes { households { totalCount } } } }`,
      ),
    );
    expect(data.households.totalCount).toBe(400);
    // households count, villages page, one batched count of households per village
    expect(app.statements() - before).toBe(3);
  });

  it('reads only the selected columns, keeping what computed fields, fragments and relations need', async () => {
    const data = ok(
      await app.gql(`query { householdMembers(first: 3, orderBy: [{ field: BIRTH_MONTH }]) { nodes { age ...M household { householdNumber } } } }
        fragment M on HouseholdMember { name }`),
    );
    const expected = await app.db.query(
      `SELECT m.name, h.household_number FROM household_member m JOIN household h ON h.id = m.household_id ORDER BY m.birth_month, m.id LIMIT 3`,
    );
    expect(data.householdMembers.nodes.map((n: any) => [n.name, n.household.householdNumber])).toEqual(
      expected.map((r: any) => [r.name, r.household_number]),
    );
    expect(data.householdMembers.nodes.every((n: any) => Number.isInteger(n.age) && n.age >= 0)).toBe(true);
  });

  it('counts only when totalCount is selected', async () => {
    const before = app.statements();
    ok(await app.gql(`{ households(first: 5) { nodes { id } } }`));
    const without = app.statements() - before;
    const mid = app.statements();
    ok(await app.gql(`{ households(first: 5) { totalCount nodes { id } } }`));
    expect(app.statements() - mid).toBe(without + 1);
  });

  it('filters by text, enum, boolean, integer, money, date and instant operators', async () => {
    const count = async (filter: string, list = 'households') =>
      ok(await app.gql(`{ x: ${list}(filter: ${filter}) { totalCount } }`)).x.totalCount;
    const total = async (where: string, table = 'household') =>
      (await app.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n;
    expect(await count(`{ householdNumber: { startsWith: "620402100211" } }`)).toBe(
      await total(`household_number LIKE '620402100211%'`),
    );
    expect(await count(`{ householdType: { eq: ALLEVIATED } }`)).toBe(
      await total(`household_type = 'ALLEVIATED'`),
    );
    expect(await count(`{ housingSafety: { in: [C, D] } }`)).toBe(await total(`housing_safety IN ('C','D')`));
    expect(await count(`{ housingSafety: { notIn: [A] } }`)).toBe(await total(`housing_safety <> 'A'`));
    expect(await count(`{ relocationSiteId: { isNull: false } }`)).toBe(
      await total(`relocation_site_id IS NOT NULL`),
    );
    expect(await count(`{ hasSubsistenceAllowance: { eq: true } }`)).toBe(
      await total(`has_subsistence_allowance`),
    );
    expect(await count(`{ movedInAt: { gte: "2019-01-01", lt: "2020-01-01" } }`)).toBe(
      await total(`moved_in_at >= '2019-01-01' AND moved_in_at < '2020-01-01'`),
    );
    expect(await count(`{ createdAt: { lte: "2000-01-01T00:00:00Z" } }`)).toBe(0);
    expect(await count(`{ amountYuan: { gte: "10000", lte: "50000.00" } }`, 'assistanceMeasures')).toBe(
      await total(`amount_yuan BETWEEN 10000 AND 50000`, 'assistance_measure'),
    );
    expect(await count(`{ workMonths: { gt: 6 }, gender: { eq: FEMALE } }`, 'householdMembers')).toBe(
      await total(`work_months > 6 AND gender = 'FEMALE'`, 'household_member'),
    );
    expect(await count(`{ name: { contains: "川" } }`, 'villages')).toBe(
      await total(`name LIKE '%川%'`, 'village'),
    );
    expect(await count(`{ name: { contains: "%" } }`, 'villages')).toBe(0);
    // out-of-range numbers match nothing instead of failing: workMonths is a smallint, ids are int4
    expect(await count(`{ workMonths: { gt: 2000000000 } }`, 'householdMembers')).toBe(0);
    expect(
      errorOf(await app.gql(`{ households(filter: { id: { eq: "99999999999" } }) { totalCount } }`)).reason,
    ).toBe('INVALID_ID');
    expect(ok(await app.gql(`{ household(id: "99999999999") { id } }`)).household).toBeNull();
  });

  it('combines filters with and / or / not, text search and relation filters', async () => {
    const total = async (where: string) =>
      (await app.db.query(`SELECT count(*)::int AS n FROM household h WHERE ${where}`))[0].n;
    const count = async (filter: string) =>
      ok(await app.gql(`{ households(filter: ${filter}) { totalCount } }`)).households.totalCount;
    expect(
      await count(`{ or: [{ housingSafety: { eq: C } }, { hasSubsistenceAllowance: { eq: true } }] }`),
    ).toBe(await total(`housing_safety = 'C' OR has_subsistence_allowance`));
    expect(await count(`{ not: { householdType: { eq: ALLEVIATED } } }`)).toBe(
      await total(`household_type <> 'ALLEVIATED'`),
    );
    expect(
      await count(
        `{ and: [{ householdType: { eq: ALLEVIATED } }, { not: { relocationSiteId: { isNull: true } } }] }`,
      ),
    ).toBe(await total(`household_type = 'ALLEVIATED' AND relocation_site_id IS NOT NULL`));
    expect(await count(`{ village: { township: { name: { eq: "水川镇" } } } }`)).toBe(
      await total(
        `village_id IN (SELECT v.id FROM village v JOIN township t ON t.id = v.township_id WHERE t.name = '水川镇')`,
      ),
    );
    expect(await count(`{ members: { schoolStatus: { eq: DROPPED_OUT } } }`)).toBe(
      await total(
        `EXISTS (SELECT 1 FROM household_member m WHERE m.household_id = h.id AND m.school_status = 'DROPPED_OUT')`,
      ),
    );
    expect(await count(`{ measures: { type: { eq: RELOCATION } } }`)).toBe(
      await total(`relocation_site_id IS NOT NULL`),
    );
    const [one] = await app.db.query(`SELECT household_number FROM household ORDER BY id LIMIT 1`);
    expect(await count(`{ q: "${one.household_number}" }`)).toBe(1);
    expect(await count(`{ q: "${one.household_number.slice(0, 12)}" }`)).toBe(
      await total(`household_number LIKE '${one.household_number.slice(0, 12)}%'`),
    );
    expect(
      errorOf(await app.gql(`{ households(filter: { villageId: { in: ["1", "x"] } }) { totalCount } }`)),
    ).toMatchObject({
      reason: 'INVALID_ID',
      fields: [{ field: 'filter.villageId.in.1', reason: 'INVALID_ID' }],
    });
  });

  it('relation connections take the same arguments, per parent', async () => {
    const data = ok(
      await app.gql(`{ villages(first: 3, filter: { committeeType: { eq: VILLAGE } }, orderBy: [{ field: CODE }]) { nodes { id
        households(first: 2, orderBy: [{ field: HOUSEHOLD_NUMBER, direction: DESC }], filter: { householdType: { eq: ORDINARY } }) {
          totalCount nodes { householdNumber villageId } pageInfo { hasNextPage endCursor } } } } }`),
    );
    for (const v of data.villages.nodes) {
      const expected = await app.db.query(
        `SELECT household_number FROM household WHERE village_id = $1 AND household_type = 'ORDINARY' ORDER BY household_number DESC`,
        [Number(v.id)],
      );
      expect(v.households.totalCount).toBe(expected.length);
      expect(v.households.nodes.map((h: any) => h.householdNumber)).toEqual(
        expected.slice(0, 2).map((r: any) => r.household_number),
      );
      expect(v.households.nodes.every((h: any) => h.villageId === v.id)).toBe(true);
      const next = ok(
        await app.gql(
          `query($id: ID!, $after: String) { village(id: $id) { households(first: 2, after: $after, orderBy: [{ field: HOUSEHOLD_NUMBER, direction: DESC }], filter: { householdType: { eq: ORDINARY } }) { nodes { householdNumber } } } }`,
          {
            id: v.id,
            after: v.households.pageInfo.endCursor,
          },
        ),
      );
      expect(next.village.households.nodes.map((h: any) => h.householdNumber)).toEqual(
        expected.slice(2, 4).map((r: any) => r.household_number),
      );
    }
  });

  it('a page of 50 households with members, measures and village → township costs a constant number of statements', async () => {
    const query = (
      n: number,
    ) => `{ households(first: ${n}) { nodes { householdNumber memberCount head { name }
      village { name township { name } } members { nodes { name } } measures { totalCount nodes { type responsibleDepartment { name } } } } } }`;
    const cost = async (n: number) => {
      const before = app.statements();
      const data = ok(await app.gql(query(n)));
      expect(data.households.nodes).toHaveLength(n);
      return app.statements() - before;
    };
    const small = await cost(5);
    const large = await cost(50);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(10);
  });
});
