import { aHousehold, aMember, anIdNumber, villageIdByName } from '../support/builders';
import { startTestApp, TestApp } from '../support/harness';

/**
 * Concurrent writes, some failing late (after rows were inserted in their transaction), must leave
 * exactly the committed ones. On the embedded database this guards the transaction serialisation
 * (one connection: a ROLLBACK there undid other transactions' committed rows).
 */
describe('concurrent mutations', () => {
  let app: TestApp;
  let villageId: string;
  beforeAll(async () => {
    app = await startTestApp();
    villageId = await villageIdByName(app, '大川渡村村民委员会');
  });
  afterAll(() => app.close());

  it('keeps every committed write when failing writes run alongside', async () => {
    const taken = anIdNumber('1966-06-06');
    await aHousehold(app, { villageId, members: [aMember({ idNumber: taken })] });
    const create = `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }`;
    const jobs = Array.from({ length: 30 }, (_, i) => {
      const failing = i % 3 === 0;
      // A failing job passes validation, inserts its household, then hits the unique ID number on its
      // second member, so its transaction has written rows before it rolls back.
      const members = [
        aMember({ idNumber: anIdNumber('1975-01-0' + ((i % 9) + 1)) }),
        aMember({
          relationToHead: 'SON',
          idNumber: failing ? taken : anIdNumber('2005-02-0' + ((i % 9) + 1)),
        }),
      ];
      return app
        .gql(create, { input: { householdNumber: `C-${i}`, villageId, householdType: 'ORDINARY', members } })
        .then((res) => ({ i, failing, res }));
    });
    const results = await Promise.all(jobs);
    for (const { failing, res } of results) {
      if (failing) expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      else expect(res.errors).toBeUndefined();
    }
    const rows = await app.db.query(
      `SELECT h.household_number, count(m.id)::int AS members FROM household h LEFT JOIN household_member m ON m.household_id = h.id
        WHERE h.household_number LIKE 'C-%' GROUP BY h.household_number ORDER BY h.household_number`,
    );
    const expected = results
      .filter((r) => !r.failing)
      .map((r) => `C-${r.i}`)
      .sort();
    expect(rows.map((r: any) => r.household_number)).toEqual(expected);
    expect(rows.every((r: any) => r.members === 2)).toBe(true);
  });

  it('lets exactly one of many concurrent updates with the same expectedVersion win', async () => {
    const h = await aHousehold(app, { villageId });
    const update = `mutation($id: ID!, $a: String) { updateHousehold(id: $id, expectedVersion: 1, input: { address: $a }) { version address } }`;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => app.gql(update, { id: h.id, a: `地址${i}` })),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.reason === 'STALE_VERSION')).toHaveLength(11);
    const [row] = await app.db.query('SELECT version, address FROM household WHERE id = $1', [Number(h.id)]);
    expect(row).toEqual({ version: 2, address: winners[0].data!.updateHousehold.address });
  });
});
