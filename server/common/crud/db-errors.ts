import { QueryFailedError } from 'typeorm';
import { AppError, invalidInput, toCamel } from '../errors';

/**
 * Maps an integrity error from PostgreSQL (or PGlite) to a coded application error. Constraint names
 * follow `<kind>_<table>__<column>` (set in the entities), so the offending input field is known:
 * 23505 unique → CONFLICT/DUPLICATE, 23503 foreign key → REFERENCE_NOT_FOUND on write or
 * CONFLICT/IN_USE on delete (23001 restrict likewise), 23514 check → BAD_USER_INPUT/CHECK_FAILED. Anything else is rethrown.
 */
/**
 * A unique value already taken (ID number, household number, asset code, …). The row may be in
 * another area, so the answer says where to ask and nothing more (issue #11 fault 8): no row, no
 * area, no internal column; the hit is audited (`duplicateRejected`, app/guards.ts).
 */
export function duplicate(field: string): AppError {
  const message = 'already registered in the district (perhaps outside your area); ask the district office';
  return new AppError('CONFLICT', 'DUPLICATE', `${field}: ${message}`, [
    { field, reason: 'DUPLICATE', message },
  ]);
}

export function mapDbError(error: unknown, operation: 'write' | 'delete'): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driverError = (error as any).driverError ?? error;
  const code: string | undefined = driverError.code;
  const constraint: string = driverError.constraint ?? '';
  const column = constraint.includes('__') ? toCamel(constraint.split('__').pop()!) : '';
  // A keyed-hash column stands for the input field it is computed from (idNumberHash → idNumber).
  const field = column ? `input.${column.replace(/Hash$/, '')}` : 'input';
  switch (code) {
    case '23505':
      return duplicate(field);
    case '23001': // restrict_violation: ON DELETE RESTRICT
    case '23503':
      if (operation === 'delete' || code === '23001') {
        const table = /^fk_(.+?)__/.exec(constraint)?.[1];
        const by = table ? `${table} rows` : 'other rows';
        return new AppError(
          'CONFLICT',
          'IN_USE',
          `the row is still referenced by ${by}; remove or reassign those first`,
        );
      }
      return invalidInput([
        { field, reason: 'REFERENCE_NOT_FOUND', message: 'the referenced row does not exist' },
      ]);
    case '23514':
      return invalidInput([{ field, reason: 'CHECK_FAILED', message: `violates ${constraint}` }]);
    case '22003':
      return invalidInput([{ field: 'input', reason: 'OUT_OF_RANGE', message: 'a number is out of range' }]);
    default:
      return error;
  }
}
