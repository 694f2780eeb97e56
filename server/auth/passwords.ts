import { Algorithm, hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import type { FieldError } from '../common/errors';

/**
 * Password hashing with argon2id (memory-hard; OWASP's minimum profile: 19 MiB, 2 passes, 1 lane)
 * through @node-rs/argon2.
 */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified against when the username is unknown, so timing does not tell. */
let decoy: Promise<string> | null = null;
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await decoy, password);
}

const COMMON = ['password', '12345678', 'qwerty', 'admin', 'baiyin', 'welcome', 'abc123', '11111111'];

/**
 * Password rules (README: accounts, roles and personal data): 10–128 characters, at least three of lower case, upper case, digits
 * and symbols, not containing the username, not a common password. Returns every failed rule.
 */
export function passwordProblems(
  password: string,
  username: string,
  field = 'input.newPassword',
): FieldError[] {
  const problems: FieldError[] = [];
  if (password.length < 10 || password.length > 128)
    problems.push({ field, reason: 'PASSWORD_LENGTH', message: 'a password has 10–128 characters' });
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3)
    problems.push({
      field,
      reason: 'PASSWORD_TOO_SIMPLE',
      message: 'use at least three of: lower case, upper case, digits, symbols',
    });
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase()))
    problems.push({
      field,
      reason: 'PASSWORD_CONTAINS_USERNAME',
      message: 'a password may not contain the username',
    });
  if (COMMON.some((c) => lower.includes(c)))
    problems.push({
      field,
      reason: 'PASSWORD_TOO_COMMON',
      message: 'a password may not contain a common password',
    });
  return problems;
}

/** A one-time password that meets the rules: 16 characters of four classes. */
export function oneTimePassword(): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#%+=?'];
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b, i) => {
    const set = sets[i % sets.length];
    return set[b % set.length];
  });
  // Shuffle so the classes are not in a fixed order.
  const order = randomBytes(16);
  return chars
    .map((c, i) => [order[i], c] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, c]) => c)
    .join('');
}
