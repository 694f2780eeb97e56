import type { Database } from '../database/database';
import { AppError, invalidInput } from '../common/errors';
import { currentActor, type Actor } from './actor';
import { appendAudit } from './audit';
import { RateLimiter } from './rate-limit';

/**
 * Lookups by ID number (work plan, issue #11's invariant: nothing readable without the audited reveal
 * narrows a number below 1,000 candidates). A filter or `q` may name at most ONE ID number per request
 * (`in`, `or`, relation filters and `q` all count): more is BAD_USER_INPUT/ID_NUMBER_LOOKUP_LIMIT, so a
 * count over a candidate list cannot bisect a member's number. Each distinct number looked up is
 * audited as `idNumberLookup` (its region code only, never the number) and counted per actor:
 * beyond ID_NUMBER_LOOKUPS per window, TOO_MANY_REQUESTS/RATE_LIMITED. Bisecting 1,273 candidates
 * one number at a time then costs 1,273 lookups, over seven hours of windows.
 */
export const ID_NUMBER_LOOKUPS = { limit: 30, windowSeconds: 600 };

/** The numbers (normalised) each request has looked up so far; keyed by the request's actor. */
const seen = new WeakMap<Actor, Set<string>>();

/** Normalises a typed ID number for counting and hashing. */
export const normaliseIdNumber = (v: unknown) => String(v).trim().toUpperCase();

/**
 * Checks the ID numbers one SQL statement is about to look up (`numbers`, collected while the filter
 * was built), before it runs. Refuses a second distinct number in the same request.
 */
export async function guardIdNumberLookups(db: Database, numbers: string[], path = 'filter.idNumber') {
  if (!numbers.length) return;
  const actor = currentActor();
  if (actor.kind === 'SYSTEM') return;
  let mine = seen.get(actor);
  if (!mine) seen.set(actor, (mine = new Set()));
  const fresh = [...new Set(numbers)].filter((n) => !mine!.has(n));
  if (mine.size + fresh.length > 1)
    throw invalidInput([
      {
        field: path,
        reason: 'ID_NUMBER_LOOKUP_LIMIT',
        message: 'a request looks up at most one ID number (exact match)',
      },
    ]);
  if (!fresh.length) return;
  // noted before the first await, so root fields resolved side by side see each other's number
  mine.add(fresh[0]);
  const state = await new RateLimiter(db).hit(
    `idlookup:${actor.kind}:${actor.id}`,
    ID_NUMBER_LOOKUPS.limit,
    ID_NUMBER_LOOKUPS.windowSeconds,
  );
  if (!state.allowed)
    throw new AppError(
      'TOO_MANY_REQUESTS',
      'RATE_LIMITED',
      `at most ${ID_NUMBER_LOOKUPS.limit} ID-number lookups per ${ID_NUMBER_LOOKUPS.windowSeconds / 60} minutes; retry in ${state.resetSeconds} s`,
    );
  await appendAudit(
    db,
    {
      operation: 'idNumberLookup',
      entity: 'HouseholdMember',
      after: { regionCode: /^\d{6}/.test(fresh[0]) ? fresh[0].slice(0, 6) : null, field: path },
    },
    actor,
  );
}
