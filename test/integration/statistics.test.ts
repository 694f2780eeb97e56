import { Role } from '../../server/auth/actor';
import { seedDemo } from '../../server/seed/seed';
import { ok, startTestApp, TestApp } from '../support/harness';

/** Dashboard aggregates: each group's count and sum equal what the rows themselves add up to. */
describe('statistics', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await seedDemo(app.db, { households: 300, seed: 5, progress: false });
  });
  afterAll(() => app.close());

  it('counts households by township with township names, over a filter', async () => {
    const data = ok(
      await app.gql(
        `{ householdStatistics(groupBy: TOWNSHIP, filter: { householdType: { eq: ALLEVIATED } }) { key label count sumYuan } }`,
      ),
    );
    const expected = await app.db.query(
      `SELECT t.id::text AS key, t.name AS label, count(*)::int AS count FROM household h JOIN village v ON v.id = h.village_id
         JOIN township t ON t.id = v.township_id WHERE h.household_type = 'ALLEVIATED' GROUP BY t.id, t.name ORDER BY t.id`,
    );
    expect(data.householdStatistics).toEqual(expected.map((r: any) => ({ ...r, sumYuan: null })));
  });

  it('lists zero-count groups only when asked (includeEmpty), within the caller’s scope', async () => {
    const filter = 'filter: { householdType: { eq: ALLEVIATED } }';
    const plain = ok(
      await app.gql(`{ householdStatistics(groupBy: TOWNSHIP, ${filter}) { key count } }`),
    ).householdStatistics;
    const all = ok(
      await app.gql(
        `{ householdStatistics(groupBy: TOWNSHIP, ${filter}, includeEmpty: true) { key label count } }`,
      ),
    ).householdStatistics;
    expect(all).toHaveLength(10);
    expect(all.filter((r: any) => r.count > 0)).toEqual(
      plain.map((r: any) => ({ ...r, label: expect.any(String) })),
    );
    expect(all.find((r: any) => r.count === 0)).toBeTruthy();
    const types = ok(
      await app.gql(
        `{ assistanceMeasureStatistics(groupBy: STATUS, filter: { status: { eq: PLANNED } }, includeEmpty: true) { key count sumYuan } }`,
      ),
    ).assistanceMeasureStatistics;
    expect(types.map((r: any) => r.key)).toEqual(['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED']);
    expect(types.slice(1).every((r: any) => r.count === 0 && r.sumYuan === '0.00')).toBe(true);
    // A township officer gets the villages of its township only.
    const [t] = await app.db.query(`SELECT id FROM township ORDER BY code LIMIT 1`);
    const officer = await app.user(Role.TOWNSHIP_OFFICER, { townshipId: String(t.id) });
    const villages = ok(
      await app.gqlAs(officer, `{ householdStatistics(groupBy: VILLAGE, includeEmpty: true) { key } }`),
    ).householdStatistics;
    const [{ n }] = await app.db.query('SELECT count(*)::int AS n FROM village WHERE township_id = $1', [
      t.id,
    ]);
    expect(villages).toHaveLength(n);
  });

  it('sums measure amounts by type with Chinese labels, exactly', async () => {
    const rows = ok(
      await app.gql(`{ assistanceMeasureStatistics(groupBy: TYPE) { key label count sumYuan } }`),
    ).assistanceMeasureStatistics;
    const expected = await app.db.query(
      `SELECT type::text AS key, count(*)::int AS count, coalesce(sum(amount_yuan), 0)::numeric(14,2)::text AS sum
         FROM assistance_measure GROUP BY type ORDER BY type`,
    );
    expect(rows.map((r: any) => [r.key, r.count, r.sumYuan])).toEqual(
      expected.map((r: any) => [r.key, r.count, r.sum]),
    );
    expect(rows.find((r: any) => r.key === 'INDUSTRY').label).toBe('产业帮扶');
  });

  it('sums asset original values by class and by department', async () => {
    const data = ok(
      await app.gql(`{ byClass: assetStatistics(groupBy: ASSET_CLASS) { key label count sumYuan }
        byDept: assetStatistics(groupBy: DEPARTMENT, filter: { assetClass: { eq: PUBLIC_WELFARE } }) { label count } }`),
    );
    const [total] = await app.db.query(
      `SELECT count(*)::int AS n, sum(original_value_yuan)::text AS s FROM asset`,
    );
    expect(data.byClass.reduce((n: number, r: any) => n + r.count, 0)).toBe(total.n);
    const cents = data.byClass.reduce((c: bigint, r: any) => c + BigInt(r.sumYuan.replace('.', '')), 0n);
    expect(cents).toBe(BigInt(total.s.replace('.', '')));
    expect(data.byClass.map((r: any) => r.label)).toEqual(
      expect.arrayContaining(['经营性资产', '公益性资产', '到户类资产']),
    );
    expect(data.byDept.length).toBeGreaterThan(1);
    expect(data.byDept.every((r: any) => r.label.startsWith('区') || r.label.startsWith('市'))).toBe(true);
  });
});
