import { get } from 'node:http';
import type { RunningServer } from '../../server/app/app';
import type { Database } from '../../server/database/database';
import { demoStatus } from '../../server/seed/demo-status';
import { seedIfEmpty } from '../../server/seed/seed';
import { startTestApp, startTestServer, TestApp } from '../support/harness';

/** What a demo population consists of, to compare two databases. */
async function population(db: Database) {
  const [row] = await db.query(
    `SELECT (SELECT count(*)::int FROM household) AS households, (SELECT count(*)::int FROM household_member) AS members,
            (SELECT count(*)::int FROM assistance_measure) AS measures, (SELECT count(*)::int FROM asset) AS assets,
            (SELECT count(*)::int FROM monitoring_case) AS cases, (SELECT count(*)::int FROM household_income) AS incomes,
            (SELECT md5(string_agg(household_number || natural_village, ',' ORDER BY household_number)) FROM household) AS numbers,
            (SELECT md5(string_agg(asset_code || name, ',' ORDER BY asset_code)) FROM asset) AS assetCodes`,
  );
  return row;
}

/**
 * An interrupted demo seed (issue #12, fault 1): recorded as incomplete, said so by /health, and
 * finished by the next run into exactly the population an uninterrupted seed gives.
 */
describe('an interrupted demo seed', () => {
  let app: TestApp;
  let server: RunningServer;
  const options = { households: 250, seed: 7, batchSize: 60, progress: false };

  beforeAll(async () => {
    app = await startTestApp();
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  /** Removes the demo population (and its record) so the next seed starts from an empty register. */
  const wipe = () =>
    app.db.query(
      'TRUNCATE household, asset, demo_seed_run, monitoring_threshold, village_collective_income RESTART IDENTITY CASCADE',
    );

  // A fresh connection per read: the seed runs in this process and blocks its event loop for
  // seconds, so a kept-alive socket may be closed by the server's idle timer as the next read reuses it.
  const health = () =>
    new Promise<any>((resolve, reject) =>
      get(`${server.url}/health`, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body)));
      }).on('error', reject),
    );

  it('is recorded as incomplete, reported by /health, and finished by the next run', async () => {
    expect(await health()).toMatchObject({ status: 'ok', demoPopulation: 'none' });
    // What an uninterrupted seed gives (the same database: PGlite's is one per process).
    expect(await seedIfEmpty(app.db, options)).toMatchObject({ resumed: false, households: 250 });
    const whole = await population(app.db);
    await wipe();
    expect(await demoStatus(app.db)).toEqual({ state: 'none' });

    // Killed after the third batch (a throw where a kill -9 would stop it: the batches committed stay).
    await expect(
      seedIfEmpty(app.db, {
        ...options,
        onBatch: (stored) => {
          if (stored >= 180) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(await demoStatus(app.db)).toEqual({ state: 'incomplete', households: 250, stored: 180, seed: 7 });
    const h = await health();
    expect(h).toMatchObject({ status: 'ok', demoPopulation: 'incomplete' });
    expect(h.warnings[0]).toMatch(/180 of 250 households/);
    expect((await population(app.db)).cases).toBe(0);

    // The re-run finishes it (whatever size it is asked for), it does not say "already present".
    const result = await seedIfEmpty(app.db, { ...options, households: 3000 });
    expect(result).toMatchObject({ resumed: true, households: 250 });
    expect(await demoStatus(app.db)).toMatchObject({ state: 'complete', stored: 250 });
    expect(await health()).toMatchObject({ demoPopulation: 'complete' });
    expect((await health()).warnings).toBeUndefined();

    // Exactly the population of an uninterrupted seed.
    const finished = await population(app.db);
    expect(finished).toEqual(whole);
    expect(finished.cases).toBeGreaterThan(0);
    // And a third run changes nothing.
    expect(await seedIfEmpty(app.db, options)).toBeNull();
    expect(await population(app.db)).toEqual(finished);
  });
});
