/**
 * Coded application errors. Services throw these; `app/format-error.ts` is the one place that maps
 * them to GraphQL errors (`extensions.code`, `extensions.reason`, `extensions.fields`).
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  /** The database could not be reached (HTTP 503, Retry-After): retry later. */
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** One failed field of an input: `field` is the input path (`input.members.0.idNumber`), `reason` is stable. */
export interface FieldError {
  field: string;
  reason: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Stable machine-readable reason, e.g. `STALE_VERSION`, `ID_NUMBER_CHECK_DIGIT`. */
    readonly reason: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** BAD_USER_INPUT listing every failed field; the top-level reason is the first field's. */
export function invalidInput(fields: FieldError[]): AppError {
  const message = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new AppError('BAD_USER_INPUT', fields[0]?.reason ?? 'INVALID_INPUT', message, fields);
}

/** Collects field errors, then throws them all at once (a write is rejected with every unmet rule). */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(field: string, reason: string, message: string): this {
    this.list.push({ field, reason, message });
    return this;
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  throwIfAny(): void {
    if (this.list.length) throw invalidInput(this.list);
  }
}

export function notFound(entity: string, id: string | number): AppError {
  return new AppError('NOT_FOUND', `${toSnake(entity).toUpperCase()}_NOT_FOUND`, `${entity} ${id} not found`);
}

/** The row changed since the client read it (`expectedVersion` is stale). */
export function staleVersion(
  entity: string,
  id: string | number,
  expected: number,
  actual: number,
): AppError {
  return new AppError(
    'CONFLICT',
    'STALE_VERSION',
    `${entity} ${id} was changed by someone else (expected version ${expected}, current ${actual}); reload and retry`,
  );
}

export function toSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export function toCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
