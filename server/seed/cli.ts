/**
 * `npm run seed -- [--households N] [--seed S] [--batch B]`: loads the reference data and, when the
 * database has no households yet, a demo population of N households (default DEMO_HOUSEHOLDS or 3000).
 * Uses DATABASE_URL, else the embedded database. Prints timings and throughput.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { config } from '../config/config';
import { openDatabase } from '../database/data-source';
import { seedIfEmpty } from './seed';
import { demoStatus, demoWarning } from './demo-status';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { households: { type: 'string' }, seed: { type: 'string' }, batch: { type: 'string' } },
  });
  const households = values.households ? Number(values.households) : config.demoHouseholds;
  const seed = values.seed ? Number(values.seed) : config.demoSeed;
  if (!Number.isInteger(households) || households < 0) throw new Error('--households must be a whole number');
  const db = await openDatabase({ url: config.databaseUrl, pgliteDataDir: config.pgliteDataDir });
  const before = await demoStatus(db);
  if (
    before.state === 'incomplete' &&
    households > 0 &&
    (before.households !== households || before.seed !== seed)
  )
    console.log(
      `an interrupted demo seed of ${before.households} households (seed ${before.seed}) is incomplete: ` +
        `finishing it first (not the ${households} households, seed ${seed}, asked for now)`,
    );
  const result = await seedIfEmpty(db, {
    households,
    seed,
    batchSize: values.batch ? Number(values.batch) : undefined,
  });
  if (result) {
    const rate = Math.round((result.households / result.ms) * 1000);
    console.log(
      `${result.resumed ? 'finished the interrupted seed: ' : ''}seeded ${result.households} households, ${result.members} members, ${result.measures} measures, ` +
        `${result.assets} assets in ${(result.ms / 1000).toFixed(1)} s (${rate} households/s)`,
    );
  } else {
    const status = await demoStatus(db);
    console.log(
      demoWarning(status) ??
        (status.state === 'complete'
          ? `reference data up to date; the demo population (${status.households} households, seed ${status.seed}) is complete`
          : 'reference data up to date; households already present (not from a demo seed), demo population not generated'),
    );
  }
  await db.dataSource.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
