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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { households: { type: 'string' }, seed: { type: 'string' }, batch: { type: 'string' } },
  });
  const households = values.households ? Number(values.households) : config.demoHouseholds;
  const seed = values.seed ? Number(values.seed) : config.demoSeed;
  if (!Number.isInteger(households) || households < 0) throw new Error('--households must be a whole number');
  const db = await openDatabase({ url: config.databaseUrl, pgliteDataDir: config.pgliteDataDir });
  const result = await seedIfEmpty(db, {
    households,
    seed,
    batchSize: values.batch ? Number(values.batch) : undefined,
  });
  if (result) {
    const rate = Math.round((result.households / result.ms) * 1000);
    console.log(
      `seeded ${result.households} households, ${result.members} members, ${result.measures} measures, ` +
        `${result.assets} assets in ${(result.ms / 1000).toFixed(1)} s (${rate} households/s)`,
    );
  } else {
    console.log('reference data up to date; households already present, demo population not generated');
  }
  await db.dataSource.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
