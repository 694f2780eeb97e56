import fs from 'node:fs';
import path from 'node:path';
import { seedReference } from '../../server/seed/reference';
import { seedDemo } from '../../server/seed/seed';
import { ok, startTestApp, TestApp } from '../support/harness';

/** The reference CSV as committed in the repository (the product's own copy). */
function divisions(level: string): { code: string; name: string; parent: string }[] {
  const text = fs.readFileSync(path.join(__dirname, '../../server/seed/data/baiyin-divisions.csv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[2] === level)
    .map((c) => ({ code: c[0], name: c[1], parent: c[3] }));
}

describe('seed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('loads the 10 township-level units with the exact codes and names of the CSV', async () => {
    const data = ok(
      await app.gql(
        `{ townships(first: 500, orderBy: [{ field: CODE }]) { totalCount nodes { code name kind } } }`,
      ),
    );
    const expected = divisions('township').sort((a, b) => a.code.localeCompare(b.code));
    expect(data.townships.totalCount).toBe(10);
    expect(data.townships.nodes.map((t: any) => [t.code, t.name])).toEqual(
      expected.map((t) => [t.code, t.name]),
    );
    expect(data.townships.nodes.find((t: any) => t.name === '水川镇').kind).toBe('TOWN');
  });

  it('loads the 99 village-level units with exact codes, names and townships', async () => {
    const data = ok(
      await app.gql(
        `{ villages(first: 500, orderBy: [{ field: CODE }]) { totalCount nodes { code name committeeType township { code } } } }`,
      ),
    );
    const expected = divisions('village').sort((a, b) => a.code.localeCompare(b.code));
    expect(data.villages.totalCount).toBe(99);
    expect(data.villages.nodes.map((v: any) => [v.code, v.name, v.township.code])).toEqual(
      expected.map((v) => [v.code, v.name, v.parent]),
    );
    const committees = data.villages.nodes.filter((v: any) => v.committeeType === 'VILLAGE');
    expect(committees.every((v: any) => v.code.slice(9) >= '200')).toBe(true);
    expect(committees).toHaveLength(45);
  });

  it('creates one township government per township and the plan’s departments and sites', async () => {
    const data = ok(
      await app.gql(`{
        towns: departments(filter: { kind: { eq: TOWNSHIP } }) { totalCount nodes { name township { name kind } } }
        all: departments { totalCount }
        agri: departments(filter: { code: { eq: "D01" } }) { nodes { name kind } }
        relocationSites { nodes { name placement } }
      }`),
    );
    expect(data.towns.totalCount).toBe(10);
    // street offices are 党工委办事处, towns and townships 党委政府
    const expected = (t: any) => `${t.name}${t.kind === 'STREET' ? '党工委办事处' : '党委政府'}`;
    expect(data.towns.nodes.map((d: any) => d.name)).toEqual(
      data.towns.nodes.map((d: any) => expected(d.township)),
    );
    expect(data.all.totalCount).toBe(35 + 10);
    expect(data.agri.nodes[0]).toEqual({ name: '区农业农村局', kind: 'GOVERNMENT' });
    expect(data.relocationSites.nodes.map((s: any) => s.name).sort()).toEqual(
      ['银馨家园', '锦华苑小区'].sort(),
    );
  });

  it('keeps edits made through the API when the reference data is loaded again (every start)', async () => {
    const id = ok(await app.gql(`{ villages(filter: { code: { eq: "620402100211" } }) { nodes { id } } }`))
      .villages.nodes[0].id;
    ok(
      await app.gql(
        `mutation($id: ID!) { updateVillage(id: $id, input: { name: "大川渡村村民委员会（更名）" }) { id } }`,
        { id },
      ),
    );
    await seedReference(app.db);
    expect(
      ok(await app.gql(`query($id: ID!) { village(id: $id) { name version } }`, { id })).village,
    ).toEqual({
      name: '大川渡村村民委员会（更名）',
      version: 2,
    });
    ok(
      await app.gql(
        `mutation($id: ID!) { updateVillage(id: $id, input: { name: "大川渡村村民委员会" }) { id } }`,
        { id },
      ),
    );
  });

  it('a second reference seed changes nothing', async () => {
    const snapshot = () =>
      app.db.query(
        `SELECT (SELECT json_agg(t ORDER BY id) FROM township t) AS t, (SELECT json_agg(v ORDER BY id) FROM village v) AS v,
                (SELECT json_agg(d ORDER BY id) FROM department d) AS d, (SELECT json_agg(s ORDER BY id) FROM relocation_site s) AS s`,
      );
    const before = await snapshot();
    expect(await seedReference(app.db)).toEqual({
      townships: 0,
      villages: 0,
      departments: 0,
      relocationSites: 0,
      planTasks: 0,
      indicators: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('generates a demo population with the plan’s relocation totals, only in village committees', async () => {
    const result = await seedDemo(app.db, { households: 2200, seed: 7, progress: false });
    expect(result.households).toBe(2200);
    const data = ok(
      await app.gql(`{
        relocationSites { nodes { relocatedHouseholds relocatedPeople } }
        households(filter: { village: { committeeType: { eq: COMMUNITY } } }) { totalCount }
        all: households { totalCount }
        noHead: households(filter: { not: { members: { relationToHead: { eq: HEAD } } } }) { totalCount }
      }`),
    );
    const sites = data.relocationSites.nodes;
    expect(sites.reduce((s: number, x: any) => s + x.relocatedHouseholds, 0)).toBe(1082);
    expect(sites.reduce((s: number, x: any) => s + x.relocatedPeople, 0)).toBe(3601);
    expect(data.households.totalCount).toBe(0);
    expect(data.all.totalCount).toBe(2200);
    expect(data.noHead.totalCount).toBe(0);
    const [sums] = await app.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE a.original_value_yuan <> f.total)::int AS mismatched
         FROM asset a JOIN (SELECT asset_id, sum(amount_yuan) AS total FROM asset_funding GROUP BY asset_id) f ON f.asset_id = a.id`,
    );
    expect(sums.n).toBeGreaterThan(200);
    expect(sums.mismatched).toBe(0);
    const statuses = await app.db.query('SELECT DISTINCT status::text AS s FROM monitoring_case ORDER BY 1');
    expect(statuses.map((r: any) => r.s)).toEqual([
      'APPROVED',
      'CLUE',
      'PUBLICIZED',
      'REJECTED',
      'RISK_ELIMINATED',
      'VERIFIED',
    ]);
    // one income row per household for the year before the demo date (the indicator demo adds the
    // year before that for alleviated households)
    const [incomes] = await app.db.query('SELECT count(*)::int AS n FROM household_income WHERE year = 2025');
    expect(incomes.n).toBe(2200);
    // Person-level sector fields of every owning department, from feeds, each with its history row (issue #16).
    const fields = await app.db.query(
      `SELECT d.code, count(*)::int AS n, bool_and(v.source = 'FEED') AS feed,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM member_sector_value_change c
                WHERE c.member_id = v.member_id AND c.field = v.field))::int AS without_history
         FROM member_sector_value v JOIN department d ON d.id = v.department_id GROUP BY d.code ORDER BY d.code`,
    );
    expect(fields.map((f: any) => f.code)).toEqual(['D04', 'D05', 'D06', 'D09', 'D10', 'D11', 'D14', 'D18']);
    for (const f of fields) expect(f).toMatchObject({ feed: true, without_history: 0 });
    expect(fields.every((f: any) => f.n > 0)).toBe(true);
  });
});
