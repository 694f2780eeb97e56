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
  /** Page size when `first` is omitted (README: the API in brief: 50). */
  defaultPageSize: number;
  /** Largest allowed `first` (README: the API in brief: 500). */
  maxPageSize: number;
  /** pino log level. */
  logLevel: string;
  /** Minutes without a request after which a session expires (SESSION_IDLE_MINUTES). Default 30. */
  sessionIdleMinutes: number;
  /** Password of the first administrator (ADMIN_PASSWORD); absent → a one-time password is printed once. */
  adminPassword?: string;
  /** Sign-in attempts per client address per 15 minutes (LOGIN_RATE_LIMIT). Default 20. */
  loginRateLimit: number;
  /** Requests per minute of an API key without a limit of its own (API_KEY_RATE_LIMIT). Default 600. */
  apiKeyRateLimit: number;
  /**
   * Which peers' `X-Forwarded-For` to believe (TRUST_PROXY), as express's `trust proxy`: false (the
   * default: the peer's address is the client's), a hop count, or a list of addresses / CIDRs /
   * `loopback`, `linklocal`, `uniquelocal`.
   */
  trustProxy: false | number | string[];
  /** Origins of browser dashboards allowed to call the API with API keys (CORS_ORIGINS); empty: CORS off. */
  corsOrigins: string[];
  /** Member statistics: cells below this many people are suppressed for masked roles and API keys (SMALL_CELL_MIN). Default 5. */
  smallCellMin: number;
  /** Most rows one ledger export (`/api/assets/export.xlsx`) may hold (EXPORT_MAX_ROWS); more: TOO_MANY_ROWS. Default 50000. */
  exportMaxRows: number;
}

/** TRUST_PROXY: unset/empty/`false` → trust nobody; digits → hops; else a comma-separated list. */
export function parseTrustProxy(raw: string | undefined): false | number | string[] {
  const value = (raw ?? '').trim();
  if (!value || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === '*')
    throw new Error("TRUST_PROXY=true would believe any client: give the proxies' addresses or a hop count");
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** CORS_ORIGINS: comma-separated `https://host[:port]` origins; `*` is refused (keys would leak to any page). */
export function parseOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const o of origins)
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(o))
      throw new Error(`CORS_ORIGINS: "${o}" is not an origin like https://dashboard.example.org`);
  return origins;
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
 * NODE_ENV, SESSION_IDLE_MINUTES, ADMIN_PASSWORD, LOGIN_RATE_LIMIT, API_KEY_RATE_LIMIT, TRUST_PROXY,
 * CORS_ORIGINS, SMALL_CELL_MIN, EXPORT_MAX_ROWS; DATA_KEY and DATA_KEY_FILE are read by
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
    apiKeyRateLimit: int('API_KEY_RATE_LIMIT', 600) || 600,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    corsOrigins: parseOrigins(env.CORS_ORIGINS),
    smallCellMin: int('SMALL_CELL_MIN', 5) || 5,
    exportMaxRows: int('EXPORT_MAX_ROWS', 50000) || 50000,
  };
}

export const config: AppConfig = loadConfig();
