import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { databaseFault } from '../common/database-faults';
import { AppError, FieldError, toSnake } from '../common/errors';

/** Stable reasons for class-validator constraints (input-shape layer). */
const CONSTRAINT_REASONS: Record<string, string> = {
  isLength: 'INVALID_LENGTH',
  matches: 'INVALID_FORMAT',
  min: 'OUT_OF_RANGE',
  max: 'OUT_OF_RANGE',
  isMoney: 'INVALID_MONEY',
  arrayMinSize: 'TOO_FEW',
  arrayMaxSize: 'TOO_MANY',
};

/** Flattens class-validator errors into `{ field: "input.members.0.idNumber", reason, message }`. */
export function validationFields(errors: ValidationError[], prefix: string): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [constraint, message] of Object.entries(e.constraints ?? {})) {
      out.push({
        field,
        reason: CONSTRAINT_REASONS[constraint] ?? toSnake(constraint).toUpperCase(),
        message,
      });
    }
    if (e.children?.length) out.push(...validationFields(e.children, field));
  }
  return out;
}

/** Error codes graphql-js / Apollo raise themselves for bad requests; their messages are safe to show. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The one place where errors become GraphQL errors (README: the API in brief): AppError → its code, reason and fields;
 * database faults (common/database-faults.ts) → SERVICE_UNAVAILABLE, CONFLICT or INVALID_CHARACTER;
 * argument validation → BAD_USER_INPUT with per-field reasons; request errors pass through; anything
 * else → INTERNAL_SERVER_ERROR, its message masked in production (the request id stays, for the logs).
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error) as any;
    // Plugins' AppErrors arrive wrapped in a GraphQLError (resolvers' are unwrapped above).
    const inner = unwrapped?.originalError ?? unwrapped;
    // A lost connection, a unique violation no service mapped, text PostgreSQL refused: coded too.
    const original = databaseFault(inner) ?? unwrapped;
    const requestId = formatted.extensions?.requestId;
    if (original instanceof AppError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, reason: original.reason, fields: original.fields, requestId },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const errors = original.extensions.validationErrors as ValidationError[];
      const isInput = errors[0]?.target?.constructor?.name?.endsWith('Input');
      const fields = validationFields(errors, isInput ? 'input' : '');
      return {
        message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: 'BAD_USER_INPUT',
          reason: fields[0]?.reason ?? 'INVALID_INPUT',
          fields,
          requestId,
        },
      };
    }
    // Apollo's automatic persisted queries: a hash that is not the query's comes without a code of its own.
    if (
      formatted.message === 'provided sha does not match query' &&
      !(unwrapped?.originalError instanceof Error)
    )
      return {
        message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query',
        extensions: { code: 'BAD_REQUEST', reason: 'PERSISTED_QUERY_HASH_MISMATCH', requestId },
      };
    const code = formatted.extensions?.code as string | undefined;
    if (code && REQUEST_CODES.has(code)) {
      const extensions: Record<string, unknown> = {
        ...formatted.extensions,
        stacktrace: undefined,
        http: undefined,
      };
      extensions.reason ??= code;
      // graphql-js variable coercion: `Variable "$input" got invalid value … at "input.fundings[0].amountYuan"; …`
      const variable = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?;/s.exec(
        formatted.message,
      );
      if (variable && !extensions.fields) {
        const field = (variable[2] ?? variable[1]).replace(/\[(\d+)\]/g, '.$1');
        extensions.reason = 'INVALID_VALUE';
        extensions.fields = [{ field, reason: 'INVALID_VALUE', message: formatted.message }];
      }
      return { ...formatted, extensions };
    }
    return {
      message: production ? `Internal server error (request ${requestId ?? 'unknown'})` : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL', requestId },
    };
  };
}
