import path from 'node:path';

/** Typed runtime configuration, parsed once from the environment. */
export interface AppConfig {
  /** `development` | `production` | `test`; production masks internal errors. */
  env: string;
  /** HTTP port of the API (and later the console). Default 4000. */
  port: number;
  /** Host to bind. Default 127.0.0.1. */
  host: string;
  /** `postgres://…` to use a PostgreSQL server; absent → embedded PGlite. */
  databaseUrl?: string;
  /** Folder of the embedded database's files (git-ignored). Default `./data/pglite`. `memory://` keeps it in memory. */
  pgliteDataDir: string;
  /** Demo households generated on the first start (0 to skip). Default 3000. */
  demoHouseholds: number;
  /** Seed number of the deterministic demo generator. Default 20210422 (the plan's issue date). */
  demoSeed: number;
  /** Page size when `first` is omitted (DESIGN §4: 50). */
  defaultPageSize: number;
  /** Largest allowed `first` (DESIGN §4: 500). */
  maxPageSize: number;
  /** pino log level. */
  logLevel: string;
  /** Minutes without a request after which a session expires (SESSION_IDLE_MINUTES). Default 30. */
  sessionIdleMinutes: number;
  /** Password of the first administrator (ADMIN_PASSWORD); absent → a one-time password is printed once. */
  adminPassword?: string;
  /** Sign-in attempts per client address per 15 minutes (LOGIN_RATE_LIMIT). Default 20. */
  loginRateLimit: number;
  /** Member statistics: cells below this many people are suppressed for masked roles and API keys (SMALL_CELL_MIN). Default 5. */
  smallCellMin: number;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/**
 * Reads the environment (PORT, HOST, DATABASE_URL, PGLITE_DATA_DIR, DEMO_HOUSEHOLDS, DEMO_SEED, LOG_LEVEL,
 * NODE_ENV, SESSION_IDLE_MINUTES, ADMIN_PASSWORD, LOGIN_RATE_LIMIT, SMALL_CELL_MIN; DATA_KEY and DATA_KEY_FILE are read by
 * auth/personal-data.ts).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = env.PGLITE_DATA_DIR || path.resolve(process.cwd(), 'data', 'pglite');
  return {
    env: env.NODE_ENV || 'development',
    port: int('PORT', 4000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDataDir: dataDir,
    demoHouseholds: int('DEMO_HOUSEHOLDS', 3000),
    demoSeed: int('DEMO_SEED', 20210422),
    defaultPageSize: 50,
    maxPageSize: 500,
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30) || 30,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    loginRateLimit: int('LOGIN_RATE_LIMIT', 20) || 20,
    smallCellMin: int('SMALL_CELL_MIN', 5) || 5,
  };
}

export const config: AppConfig = loadConfig();
