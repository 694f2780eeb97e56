/**
 * The one text check of the register (issue #12, faults 2 and 3): every text that reaches the
 * database — GraphQL variables and inline strings (app/limits.ts) and every cell of an import — is
 * checked here first. PostgreSQL's text cannot hold NUL (U+0000), and a lone UTF-16 surrogate has no
 * UTF-8 form (the driver would store U+FFFD in its place, jsonb refuses it outright). Both are refused
 * with reason INVALID_CHARACTER; characters outside the BMP written as proper surrogate pairs (𠮷) are
 * ordinary text.
 */

/** A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const INVALID = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The stable reason for refused text. */
export const INVALID_CHARACTER = 'INVALID_CHARACTER';

/** What is wrong with a text, or null when it may be stored: `NUL` or `LONE_SURROGATE`. */
export function textProblem(value: string): 'NUL' | 'LONE_SURROGATE' | null {
  const m = INVALID.exec(value);
  if (!m) return null;
  return m[0] === '\u0000' ? 'NUL' : 'LONE_SURROGATE';
}

/** True when the text may be stored (no NUL, no lone surrogate). */
export function isStorableText(value: string): boolean {
  return !INVALID.test(value);
}

/** Why a text was refused, in words (for `message`). */
export function textProblemMessage(problem: 'NUL' | 'LONE_SURROGATE'): string {
  return problem === 'NUL'
    ? 'text may not contain NUL characters'
    : 'text may not contain a lone UTF-16 surrogate (a broken character)';
}

/**
 * The path (`input.members.0.name`) and problem of the first refused string anywhere in a JSON-like
 * value (strings, arrays, objects; object keys included), or null.
 */
export function findInvalidText(
  value: unknown,
  path: string,
): { path: string; problem: 'NUL' | 'LONE_SURROGATE' } | null {
  // Iterative, so no nesting depth of an untrusted value can exhaust the stack.
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path: p, problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${p}.${i}`]);
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (const [k] of entries) {
        const problem = textProblem(k);
        if (problem) return { path: p, problem };
      }
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i][1], `${p}.${entries[i][0]}`]);
    }
  }
  return null;
}
