/** Bootstrap: open the database (migrating it), seed on first start, serve. Ctrl-C stops cleanly. */
import 'reflect-metadata';
import { config } from './config/config';
import { logger } from './common/logger';
import { openDatabase } from './database/data-source';
import { startHttpServer } from './app/app';
import { seedIfEmpty } from './seed/seed';
import { demoStatus, demoWarning } from './seed/demo-status';

async function main(): Promise<void> {
  const started = Date.now();
  const db = await openDatabase({ url: config.databaseUrl, pgliteDataDir: config.pgliteDataDir });
  logger.info({ database: db.embedded ? config.pgliteDataDir : 'postgresql' }, 'database ready');
  await seedIfEmpty(db, { households: config.demoHouseholds, seed: config.demoSeed });
  const server = await startHttpServer(db, config);
  await server.services.auth.ensureAdministrator();
  server.services.indicatorSnapshot.startMonthEndJob();
  logger.info({ ms: Date.now() - started, url: `${server.url}/graphql` }, 'server started');
  console.log(
    `\n  GraphQL API: ${server.url}/graphql\n  Console:     ${server.url}/admin/\n  Health:      ${server.url}/health\n`,
  );
  // An interrupted demo seed that was not finished (DEMO_HOUSEHOLDS=0): said, not silently accepted.
  const warning = demoWarning(await demoStatus(db));
  if (warning) {
    logger.warn(warning);
    console.log(`  Warning: ${warning}\n`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await server.stop();
    logger.info('http stopped');
    await db.dataSource.destroy();
    logger.info('database closed');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
});
