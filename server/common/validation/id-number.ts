import { isCalendarDate } from '../scalars';

/** GB 11643-1999 weights of the first 17 digits and the check characters (ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type Gender = 'MALE' | 'FEMALE';

export interface IdNumberFacts {
  /** Birth date, YYYY-MM-DD, from digits 7–14. */
  birthDate: string;
  /** From digit 17 (odd: male, even: female). */
  gender: Gender;
  /** First 6 digits: county-level division code of the registration address. */
  regionCode: string;
}

/** The check character of the first 17 digits of a citizen ID number (GB 11643-1999). */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/**
 * Validates an 18-character citizen ID number (居民身份证号, GB 11643-1999) and derives its facts.
 * Returns `{ reason }` on failure: ID_NUMBER_FORMAT (not 17 digits + digit/X), ID_NUMBER_BIRTH_DATE (no
 * such date, or in the future / before 1900), ID_NUMBER_CHECK_DIGIT (wrong check character).
 */
export function parseIdNumber(
  raw: string,
  today = new Date(),
): IdNumberFacts | { reason: string; message: string } {
  const value = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { reason: 'ID_NUMBER_FORMAT', message: 'must be 17 digits followed by a digit or X' };
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (
    !isCalendarDate(birthDate) ||
    birthDate < '1900-01-01' ||
    birthDate > today.toISOString().slice(0, 10)
  ) {
    return { reason: 'ID_NUMBER_BIRTH_DATE', message: `birth date ${birthDate} is not a real past date` };
  }
  if (idNumberCheckChar(value) !== value[17]) {
    return { reason: 'ID_NUMBER_CHECK_DIGIT', message: 'check digit does not match (GB 11643-1999)' };
  }
  return {
    birthDate,
    gender: Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
    regionCode: value.slice(0, 6),
  };
}
