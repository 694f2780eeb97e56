import { AppError } from './errors';
import { INVALID_CHARACTER } from './validation/text';

/**
 * Database failures every caller may meet, mapped once (issue #12, faults 2, 4 and 5), whatever the
 * path: GraphQL resolvers and plugins (app/format-error.ts), the session lookup and the spreadsheet
 * routes (app/app.ts). Integrity errors a service expects (its own fields) are mapped by the service
 * (crud/db-errors.ts); these are the ones left.
 */

/** Seconds a client should wait before retrying when the database is unreachable (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 5;

/** SQLSTATE classes and codes meaning the connection is gone or refused, not that the statement was wrong. */
const CONNECTION_CODES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
  '3D000', // invalid_catalog_name: the database is gone
]);
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|terminating connection|is not currently accepting connections|PGlite is closed|Connection is not established|connection is not yet established|Client was closed|Driver not Connected|Cannot use a pool after calling end/i;

function driverErrorOf(error: unknown): any {
  const e = error as any;
  return e?.driverError ?? e;
}

/** True when the error says the database connection was lost or could not be made (not a bad statement). */
export function isConnectionLost(error: unknown): boolean {
  const e = driverErrorOf(error);
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (CONNECTION_CODES.has(code) || code.startsWith('08') || CONNECTION_ERRNOS.has(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return CONNECTION_MESSAGES.test(message) || (e.errors instanceof Array && e.errors.some(isConnectionLost));
}

/** True for a unique violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return driverErrorOf(error)?.code === '23505';
}

/** The database could not be reached: SERVICE_UNAVAILABLE (HTTP 503 with Retry-After). */
export function serviceUnavailable(): AppError {
  return new AppError(
    'SERVICE_UNAVAILABLE',
    'DATABASE_UNAVAILABLE',
    `the database is not reachable at the moment; nothing was changed by a refused write: retry in ${RETRY_AFTER_SECONDS} seconds`,
  );
}

/**
 * The coded error for a database failure no service mapped, or null for anything else (which stays
 * INTERNAL_SERVER_ERROR): a lost connection → SERVICE_UNAVAILABLE; a unique violation → CONFLICT
 * DUPLICATE (no constraint name in the message); text PostgreSQL cannot hold (22021, 22P05) →
 * BAD_USER_INPUT INVALID_CHARACTER.
 */
export function databaseFault(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isConnectionLost(error)) return serviceUnavailable();
  const code = driverErrorOf(error)?.code;
  if (code === '23505')
    return new AppError(
      'CONFLICT',
      'DUPLICATE',
      'a row with the same unique value was written at the same time or already exists; reload and retry',
    );
  if (code === '22021' || code === '22P05')
    return new AppError(
      'BAD_USER_INPUT',
      INVALID_CHARACTER,
      'text contains a character that cannot be stored',
    );
  return null;
}

/** HTTP status of a coded error (for the non-GraphQL routes and the GraphQL response status). */
export function httpStatusOf(code: string): number {
  return (
    {
      BAD_USER_INPUT: 400,
      BAD_REQUEST: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      TOO_MANY_REQUESTS: 429,
      SERVICE_UNAVAILABLE: 503,
    }[code] ?? 500
  );
}
