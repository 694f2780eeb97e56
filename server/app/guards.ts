import type { ApolloServerPlugin } from '@apollo/server';
import cors from 'cors';
import type express from 'express';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionNode,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  getNamedType,
} from 'graphql';
import { currentActor } from '../auth/actor';
import { appendAudit } from '../auth/audit';
import { personalFieldsOf } from '../auth/personal-data';
import type { RateLimiter, RateLimitState } from '../auth/rate-limit';
import { AppError } from '../common/errors';
import type { AppConfig } from '../config/config';
import type { Database } from '../database/database';
import type { Context } from './context';
import { LIMITS } from './limits';

/** Root fields of an operation (through fragments), each occurrence once (aliases count apart). */
export function rootFieldNodes(operation: OperationDefinitionNode, document: DocumentNode) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const out: { name: string; node: SelectionNode & { kind: Kind.FIELD } }[] = [];
  const seen = new Set<string>();
  const stack: (readonly SelectionNode[])[] = [operation.selectionSet.selections];
  while (stack.length) {
    for (const s of stack.pop()!) {
      if (s.kind === Kind.FIELD) out.push({ name: s.name.value, node: s });
      else if (s.kind === Kind.INLINE_FRAGMENT) stack.push(s.selectionSet.selections);
      else if (!seen.has(s.name.value) && fragments.has(s.name.value)) {
        seen.add(s.name.value);
        stack.push(fragments.get(s.name.value)!.selectionSet.selections);
      }
    }
  }
  return out;
}

/** 429 as a GraphQL error, with `Retry-After`. */
function tooMany(message: string, state: RateLimitState): GraphQLError {
  return new GraphQLError(message, {
    originalError: new AppError('TOO_MANY_REQUESTS', 'RATE_LIMITED', message),
    extensions: {
      http: { status: 429, headers: new Map([['retry-after', String(state.resetSeconds)]]) },
    },
  });
}

/**
 * Sign-in attempts per client address, LOGIN_RATE_LIMIT per 15 minutes (issue #11 faults 3 and 4):
 * counted once the operation is resolved, so a persisted (hash-only), aliased or fragment-wrapped
 * `login` counts like a plain one, each `login` field once; the counter is in the database, shared
 * by every instance.
 */
export function loginRateLimit(limiter: RateLimiter, config: AppConfig): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document }) {
          if (!operation) return;
          const logins = rootFieldNodes(operation, document).filter((f) => f.name === 'login').length;
          if (!logins) return;
          const actor = currentActor();
          const state = await limiter.hit(
            `login:ip:${actor.clientAddress ?? 'unknown'}`,
            config.loginRateLimit,
            15 * 60,
            logins,
          );
          if (!state.allowed) throw tooMany('too many sign-in attempts: wait 15 minutes', state);
        },
      };
    },
  };
}

/** Arguments of a root field that name a row (`id`, `memberId`, …), for the audit of a refusal. */
function targetIds(node: SelectionNode & { kind: Kind.FIELD }, variables: Record<string, unknown>) {
  const ids: Record<string, string> = {};
  for (const arg of node.arguments ?? []) {
    if (arg.name.value !== 'id' && !arg.name.value.endsWith('Id')) continue;
    const v = valueFromASTUntyped(arg.value, variables);
    if (typeof v === 'string' || typeof v === 'number') ids[arg.name.value] = String(v).slice(0, 40);
  }
  return ids;
}

/** Refusals audited per actor per 10 minutes; beyond, they are only counted (the trail cannot be flooded). */
const DENIED_PER_10_MINUTES = 30;

/**
 * Counts one refusal of the current actor: true while it is to be audited; the first one over the
 * limit appends a single `refusalsSuppressed` event, so the trail shows that more were made.
 */
async function auditable(db: Database, limiter: RateLimiter): Promise<boolean> {
  const actor = currentActor();
  const state = await limiter.hit(`denied:${actor.kind}:${actor.id}`, DENIED_PER_10_MINUTES, 600);
  if (state.hits === DENIED_PER_10_MINUTES + 1)
    await appendAudit(
      db,
      { operation: 'refusalsSuppressed', after: { perTenMinutes: DENIED_PER_10_MINUTES } },
      actor,
    );
  return state.allowed;
}

/**
 * Failed attempts leave a trace (issue #11 faults 7 and 8): a mutation (write, reveal) refused by the
 * policy (FORBIDDEN), aimed at a row outside the caller's area (NOT_FOUND) or hitting a unique value
 * registered elsewhere (CONFLICT/DUPLICATE) appends `accessDenied` / `duplicateRejected` with the
 * operation and the target ids, in its own transaction (the write itself rolled back), at most
 * DENIED_PER_10_MINUTES per actor.
 */
export function refusalAudit(db: Database, limiter: RateLimiter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operation, document, request }) {
          if (operation?.operation !== 'mutation' || !document) return;
          const actor = currentActor();
          if (actor.kind === 'ANONYMOUS' || actor.kind === 'SYSTEM') return;
          const roots = rootFieldNodes(operation, document);
          for (const error of errors) {
            const original = error.originalError;
            if (!(original instanceof AppError)) continue;
            const duplicate = original.code === 'CONFLICT' && original.reason === 'DUPLICATE';
            if (!duplicate && original.code !== 'NOT_FOUND' && original.code !== 'FORBIDDEN') continue;
            // A resolver's error names its field; the policy's refuses the whole operation.
            const hit = error.path
              ? roots.filter((r) => (r.node.alias?.value ?? r.name) === error.path![0])
              : roots;
            for (const root of hit) {
              if (!(await auditable(db, limiter))) return;
              const ids = targetIds(root.node, request.variables ?? {});
              await appendAudit(
                db,
                {
                  operation: duplicate ? 'duplicateRejected' : 'accessDenied',
                  entityId: Object.values(ids)[0] ?? null,
                  after: {
                    operation: root.name,
                    code: original.code,
                    reason: original.reason,
                    targets: ids,
                    ...(duplicate ? { fields: original.fields.map((f) => f.field) } : {}),
                  },
                },
                actor,
              );
            }
          }
        },
      };
    },
  };
}

/** Audits an HTTP route's refusal (the ledger export and import) like the GraphQL ones. */
export async function auditHttpRefusal(
  db: Database,
  limiter: RateLimiter,
  operation: string,
  error: unknown,
): Promise<void> {
  const actor = currentActor();
  if (!(error instanceof AppError) || actor.kind === 'ANONYMOUS') return;
  if (error.code !== 'FORBIDDEN' && error.code !== 'NOT_FOUND') return;
  if (!(await auditable(db, limiter))) return;
  await appendAudit(
    db,
    { operation: 'accessDenied', after: { operation, code: error.code, reason: error.reason, targets: {} } },
    actor,
  );
}

/** Root fields whose answers are personal or secret whatever they select. */
const SECRET_ROOTS = new Set([
  'login',
  'revealIdNumber',
  'auditEvents',
  'createUser',
  'resetUserPassword',
  'createApiKey',
]);

/**
 * Caching headers (issue #11, dashboard clients): an answer selecting a personal field (declared with
 * `@Personal`) or a secret (tokens, passwords, the audit trail, a revealed number) is
 * `Cache-Control: no-store`; any other is `private, no-cache` with `Vary: Authorization, Cookie`.
 */
export const cachingHeaders: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    let personal = true; // until the operation is known (errors before it: no-store)
    return {
      async didResolveOperation({ operation, document, schema }) {
        if (!operation) return;
        personal = rootFieldNodes(operation, document).some((f) => SECRET_ROOTS.has(f.name));
        if (personal) return;
        const typeInfo = new TypeInfo(schema);
        visit(
          document,
          visitWithTypeInfo(typeInfo, {
            Field(node) {
              const parent = typeInfo.getParentType();
              if (parent && personalFieldsOf(getNamedType(parent).name).has(node.name.value)) personal = true;
            },
          }),
        );
      },
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', personal ? 'no-store' : 'private, no-cache');
        response.http.headers.set('vary', 'Authorization, Cookie, Origin');
      },
    };
  },
};

/** Sets `RateLimit-*` headers of a limit on an HTTP response. */
function rateLimitHeaders(res: express.Response, state: RateLimitState) {
  res.setHeader('RateLimit-Policy', `${state.limit};w=60`);
  res.setHeader('RateLimit-Limit', String(state.limit));
  res.setHeader('RateLimit-Remaining', String(state.remaining));
  res.setHeader('RateLimit-Reset', String(state.resetSeconds));
}

/**
 * API keys' requests per minute (their own `rateLimitPerMinute` or API_KEY_RATE_LIMIT), counted in
 * the database so every instance shares them; `RateLimit-*` headers on every answer, 429 with
 * `Retry-After` beyond. Runs after `identify`.
 */
export function apiKeyRateLimit(limiter: RateLimiter) {
  return async (_req: express.Request, res: express.Response, next: express.NextFunction) => {
    const actor = currentActor();
    if (actor.kind !== 'API_KEY') return next();
    try {
      const state = await limiter.hit(`apikey:${actor.id}`, actor.rateLimitPerMinute ?? 600, 60);
      rateLimitHeaders(res, state);
      if (state.allowed) return next();
      res.setHeader('Retry-After', String(state.resetSeconds));
      res.setHeader('Cache-Control', 'no-store');
      res.status(429).json({
        errors: [
          {
            message: `this API key may make ${state.limit} requests a minute: retry in ${state.resetSeconds} s`,
            extensions: { code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' },
          },
        ],
      });
    } catch (error) {
      next(error);
    }
  };
}

/**
 * CORS for browser dashboards on CORS_ORIGINS (off when empty): the listed origins may call with an
 * API key in `Authorization`; credentials (cookies) are never allowed cross-origin, and `identify`
 * accepts only API keys from such requests. Preflights are answered here.
 */
export function corsFor(config: AppConfig): express.RequestHandler[] {
  if (!config.corsOrigins.length) return [];
  const allowed = new Set(config.corsOrigins);
  return [
    cors({
      origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin)),
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Apollo-Require-Preflight'],
      exposedHeaders: [
        'RateLimit-Policy',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'Retry-After',
      ],
      credentials: false,
      maxAge: 600,
    }),
  ];
}

/** Whether a request comes from a browser page on another origin (an allowed dashboard, or not). */
export function crossOrigin(req: express.Request): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/**
 * Production, nobody signed in: anything but `login` is answered 401 before validation, so an
 * anonymous caller cannot tell real field names from made-up ones (issue #11 fault 11). An
 * unparsable document goes on to Apollo (a syntax error says nothing of the schema).
 */
export function anonymousGate(production: boolean) {
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!production || currentActor().kind !== 'ANONYMOUS') return next();
    // What Apollo's CSRF prevention refuses anyway (a simple request without a preflight header) goes on to it.
    const json = (req.headers['content-type'] ?? '').includes('json');
    if (!json && !req.headers['apollo-require-preflight'] && !req.headers['x-apollo-operation-name'])
      return next();
    const query = req.method === 'GET' ? req.query.query : req.body?.query;
    if (typeof query !== 'string') return next();
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: LIMITS.maxTokens });
    } catch {
      return next();
    }
    const other = document.definitions.some(
      (d) =>
        d.kind === Kind.OPERATION_DEFINITION &&
        rootFieldNodes(d, document).some((f) => f.name !== 'login' && f.name !== '__typename'),
    );
    if (!other) return next();
    res.setHeader('Cache-Control', 'no-store');
    res.status(401).json({
      errors: [
        {
          message: 'sign in first (POST login, or send an API key)',
          extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' },
        },
      ],
    });
  };
}
