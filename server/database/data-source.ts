import fs from 'node:fs';
import path from 'node:path';
import { types as pgTypes } from 'pg';
import { DataSource, Logger, QueryRunner } from 'typeorm';
import { types as PGliteTypes } from '@electric-sql/pglite';
import { PGliteDriver } from 'typeorm-pglite';
import { logger } from '../common/logger';
import { Database } from './database';
import { entities } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';

/** Where the data lives: a PostgreSQL URL, or the embedded PGlite's folder (`memory://` for RAM). */
export interface DatabaseOptions {
  url?: string;
  pgliteDataDir: string;
}

/** Counts every SQL statement TypeORM sends (used by the N+1 guard test and the benchmark). */
class CountingLogger implements Logger {
  statements = 0;
  logQuery(): void {
    this.statements++;
  }
  logQueryError(error: string | Error, query: string): void {
    logger.debug({ err: String(error), query: query.slice(0, 500) }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    logger.warn({ ms: time, query: query.slice(0, 500) }, 'slow query');
  }
  logSchemaBuild(message: string): void {
    logger.debug(message);
  }
  logMigration(message: string, _queryRunner?: QueryRunner): void {
    logger.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    logger[level === 'log' ? 'info' : level]({ typeorm: message });
  }
}

/** Migration classes from `migrations/` (TypeScript under jest, compiled JavaScript under dist/). */
export function loadMigrations(): Function[] {
  const dir = path.resolve(__dirname, '..', '..', 'migrations');
  if (!fs.existsSync(dir)) return [];
  return (
    fs
      .readdirSync(dir)
      .filter((f) => /^\d+-.+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
      .sort()
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous load of .ts (jest) or .js (dist)
      .flatMap((f) => Object.values(require(path.join(dir, f))) as Function[])
  );
}

export function createDataSource(options: DatabaseOptions): DataSource {
  const common = {
    type: 'postgres' as const,
    entities,
    migrations: loadMigrations(),
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new CountingLogger(),
    maxQueryExecutionTime: 1000,
  };
  if (options.url) {
    // `date` columns stay 'YYYY-MM-DD' strings (as PGlite returns them): no time-zone shift, no Date round trip.
    pgTypes.setTypeParser(pgTypes.builtins.DATE, (value: string) => value);
    // statement_timeout: no single statement may hold a connection longer than 30 s.
    // allowExitOnIdle: idle connections (and those still closing after `destroy()`, whose pool has
    // already returned) do not keep the process alive: jest workers and the seed CLI exit at once
    // (issue #12, fault 12: "A worker process has failed to exit gracefully").
    return new DataSource({
      ...common,
      url: options.url,
      extra: { max: 10, statement_timeout: 30_000, allowExitOnIdle: true },
    });
  }
  if (options.pgliteDataDir !== 'memory://') fs.mkdirSync(options.pgliteDataDir, { recursive: true });
  return new DataSource({
    ...common,
    // `date` columns stay 'YYYY-MM-DD' strings, as on PostgreSQL (see the type parser above).
    driver: new PGliteDriver({
      dataDir: options.pgliteDataDir,
      parsers: { [PGliteTypes.DATE]: (value: string) => value },
    }).driver,
  });
}

/** Statements sent so far through this data source (all kinds). */
export function statementCount(dataSource: DataSource): number {
  return (dataSource.logger as CountingLogger).statements;
}

/** Connects, applies pending migrations, and wraps the data source in a `Database`. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return new Database(dataSource, !options.url);
}
