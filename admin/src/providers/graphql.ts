import { HttpError } from 'react-admin';
import { ERROR_REASONS } from '../i18n/errors';

/**
 * A connection failure's message in words, in the console's language (react-admin keeps it in the
 * store as `RaStore.locale`): components that show `error.message` untranslated, such as a reference
 * field's error icon, would otherwise print the key `errors.NETWORK`.
 */
function connectionMessage(reason: 'NETWORK' | 'SERVICE_UNAVAILABLE' | 'BAD_RESPONSE'): string {
  let english = false;
  try {
    const store = (globalThis as { localStorage?: { getItem(key: string): string | null } }).localStorage;
    english = JSON.parse(store?.getItem('RaStore.locale') ?? '""') === 'en';
  } catch {
    // no store or an unreadable value: the default language (Chinese)
  }
  const words = ERROR_REASONS[reason];
  return words ? words[english ? 1 : 0] : `errors.${reason}`;
}

/**
 * Posts one operation to the public GraphQL API (same origin: `/graphql`). A dropped connection or a
 * server fault is its own coded error (NETWORK, SERVICE_UNAVAILABLE), never "not found" (issue #17 item 4).
 */
export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'include',
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new HttpError(connectionMessage('NETWORK'), 0, { reason: 'NETWORK', network: true, errors: {} });
  }
  const body: any = await res.json().catch(() => null);
  if (!body || (!body.errors?.length && !body.data)) {
    const reason = res.status >= 500 || res.status === 0 ? 'SERVICE_UNAVAILABLE' : 'BAD_RESPONSE';
    throw new HttpError(connectionMessage(reason), res.status || 503, { reason, network: true, errors: {} });
  }
  if (body.errors?.length) throw toHttpError(body.errors[0]);
  return body.data as T;
}

/** A failure of the connection or the server (worth a retry), not an answer about the data. */
export const isNetworkError = (error: any) =>
  Boolean(error?.body?.network) ||
  ['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE'].includes(error?.body?.code) ||
  error?.status === 503;

/**
 * Maps a coded GraphQL error to react-admin's HttpError: BAD_USER_INPUT field errors go to their form
 * fields (`input.members.0.idNumber` → `members.0.idNumber`), the rest become a notification.
 */
function toHttpError(error: any): HttpError {
  const ext = error.extensions ?? {};
  const status =
    {
      BAD_USER_INPUT: 400,
      NOT_FOUND: 404,
      CONFLICT: 409,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      SERVICE_UNAVAILABLE: 503,
    }[ext.code as string] ?? 500;
  const errors: Record<string, string> = {};
  for (const f of ext.fields ?? []) errors[String(f.field).replace(/^input\./, '')] = `errors.${f.reason}`;
  // Every `<ENTITY>_NOT_FOUND` reads the same: absent, or outside the user's scope.
  if (
    typeof ext.reason === 'string' &&
    ext.reason.endsWith('_NOT_FOUND') &&
    ext.reason !== 'REFERENCE_NOT_FOUND'
  )
    ext.reason = 'NOT_FOUND';
  // A code without a reason still reads as words (GraphQL's own codes are their own reasons).
  const reason = ext.reason ?? ext.code ?? 'INTERNAL';
  return new HttpError(`errors.${reason}`, status, {
    errors,
    message: error.message,
    reason,
    code: ext.code,
    fields: ext.fields ?? [],
  });
}
