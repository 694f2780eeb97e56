import { HttpError } from 'react-admin';

/** Posts one operation to the public GraphQL API (same origin: `/graphql`). */
export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'include',
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json().catch(() => ({ errors: [{ message: res.statusText }] }));
  if (body.errors?.length) throw toHttpError(body.errors[0]);
  return body.data as T;
}

/**
 * Maps a coded GraphQL error to react-admin's HttpError: BAD_USER_INPUT field errors go to their form
 * fields (`input.members.0.idNumber` → `members.0.idNumber`), the rest become a notification.
 */
function toHttpError(error: any): HttpError {
  const ext = error.extensions ?? {};
  const status =
    { BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, UNAUTHENTICATED: 401, FORBIDDEN: 403 }[
      ext.code as string
    ] ?? 500;
  const errors: Record<string, string> = {};
  for (const f of ext.fields ?? []) errors[String(f.field).replace(/^input\./, '')] = `errors.${f.reason}`;
  // Every `<ENTITY>_NOT_FOUND` reads the same: absent, or outside the user's scope.
  if (
    typeof ext.reason === 'string' &&
    ext.reason.endsWith('_NOT_FOUND') &&
    ext.reason !== 'REFERENCE_NOT_FOUND'
  )
    ext.reason = 'NOT_FOUND';
  const message =
    ext.reason === 'STALE_VERSION'
      ? 'errors.STALE_VERSION'
      : ext.reason
        ? `errors.${ext.reason}`
        : error.message;
  return new HttpError(message, status, {
    errors,
    message: error.message,
    reason: ext.reason,
    fields: ext.fields ?? [],
  });
}
