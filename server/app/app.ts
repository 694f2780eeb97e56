import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ArgumentValidationError } from 'type-graphql';
import { AppError } from '../common/errors';
import { databaseFault, httpStatusOf, RETRY_AFTER_SECONDS } from '../common/database-faults';
import express from 'express';
import helmet from 'helmet';
import { parse as parseCookie } from 'cookie';
import {
  coerceInputValue,
  GraphQLInputObjectType,
  NoSchemaIntrospectionCustomRule,
  printSchema,
  validate,
} from 'graphql';
import { anonymous, currentActor, runAs } from '../auth/actor';
import { accessPolicyPlugin, authorize } from '../auth/permissions';
import { SESSION_COOKIE } from '../auth/auth.resolver';
import type { AppConfig } from '../config/config';
import { Loaders } from '../common/crud/loaders';
import { logger } from '../common/logger';
import { projectRoot } from '../common/paths';
import type { Database } from '../database/database';
import type { Context } from './context';
import { formatError } from './format-error';
import { armor, inspectInput, LIMITS, requestLimits } from './limits';
import {
  anonymousGate,
  apiKeyRateLimit,
  auditHttpRefusal,
  cachingHeaders,
  corsFor,
  crossOrigin,
  loginRateLimit,
  refusalAudit,
} from './guards';
import { buildAppSchema } from './schema';
import { demoStatus, demoWarning } from '../seed/demo-status';
import { createServices, Services } from './services';
import { FeedKind, FEEDS } from '../modules/exchange/feeds';

/** Logs unexpected errors with the request id and stamps the id on every error of the response. */
const errorLogging: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (error.extensions)
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          const original = error.originalError;
          // Only unexpected failures are logged, by message and stack: never the input (personal data).
          if (
            original &&
            !(original instanceof AppError) &&
            !(original instanceof ArgumentValidationError) &&
            error.path
          ) {
            const err = { name: original.name, message: original.message, stack: original.stack };
            logger.error({ requestId: contextValue.requestId, path: error.path, err }, 'resolver failed');
          }
        }
      },
    };
  },
};

/**
 * A response carrying SERVICE_UNAVAILABLE (the database was unreachable) answers HTTP 503 with
 * Retry-After, so clients and load balancers see the outage as one (issue #12, fault 5).
 */
const unavailableStatus: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        }
      },
    };
  },
};

/** In production, introspection (`__schema`, `__type`) is for signed-in users only. */
const introspectionGate: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, schema }) {
        if (currentActor().kind !== 'ANONYMOUS') return;
        if (validate(schema, document, [NoSchemaIntrospectionCustomRule]).length)
          throw new AppError('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'introspection is for signed-in users');
      },
    };
  },
};

/** The Apollo server over the registry schema, with a context factory for tests and HTTP alike. */
export async function createGraphQL(
  db: Database,
  config: AppConfig,
  plugins: ApolloServerPlugin<Context>[] = [],
) {
  const services = createServices(db, config);
  const production = config.env === 'production';
  const protection = armor(production);
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    formatError: formatError(production),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // main.ts handles SIGINT/SIGTERM (HTTP, then the database); Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    // Introspection: open in development; in production only for signed-in users (introspectionGate).
    introspection: true,
    csrfPrevention: true,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: protection.validationRules,
    // No HTTP caching of GraphQL responses here: the cache-control plugin would wrap every field resolver.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      errorLogging,
      unavailableStatus,
      accessPolicyPlugin,
      ...(production ? [introspectionGate] : []),
      requestLimits,
      loginRateLimit(services.rateLimits, config),
      refusalAudit(db, services.rateLimits),
      cachingHeaders,
      ...protection.plugins,
      ...plugins,
    ],
  });
  const context = (
    requestId: string = randomUUID(),
    setCookie?: (name: string, value: string | null) => void,
  ): Context => ({
    services,
    loaders: new Loaders(db),
    requestId,
    config,
    setCookie,
  });
  return { apollo, services, context };
}

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  services: Services;
  stop: () => Promise<void>;
}

/** A client's X-Request-Id when it is a plain token (letters, digits, `._-`, ≤ 64), else a new UUID. */
function requestIdOf(header: unknown): string {
  return typeof header === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(header) ? header : randomUUID();
}

/**
 * Who is calling: a session (Bearer token or the console's HttpOnly cookie) or an API key (Bearer);
 * anonymous otherwise. The rest of the request runs as that actor (auth/actor.ts).
 */
function identify(services: Services, requestId: (req: express.Request) => string) {
  return async (req: express.Request, _res: express.Response, next: express.NextFunction) => {
    try {
      const base = anonymous(req.ip ?? null, requestId(req));
      const header = req.headers.authorization;
      const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
      // From a page on another origin (a CORS dashboard) only API keys count, never sessions or cookies.
      const token = crossOrigin(req)
        ? bearer?.startsWith('bk_')
          ? bearer
          : null
        : (bearer ?? parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE] ?? null);
      const actor = (token && (await services.auth.authenticate(token, base))) || base;
      runAs(actor, next);
    } catch (error) {
      next(error);
    }
  };
}

/** Largest ledger file accepted: about 90,000 rows of .xlsx, well above the row limit. */
const IMPORT_LIMIT = '5mb';

/** Serves `/graphql` and `/health` on one port. */
export async function startHttpServer(db: Database, config: AppConfig): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const { apollo, services, context } = await createGraphQL(db, config, [
    ApolloServerPluginDrainHttpServer({ httpServer }),
  ]);
  await apollo.start();
  app.disable('x-powered-by');
  // Whose X-Forwarded-For to believe (TRUST_PROXY): by default nobody's, so req.ip is the peer.
  app.set('trust proxy', config.trustProxy);
  // Security headers (CSP, no sniffing, frame denial, HSTS in production, …).
  app.use(helmet({ hsts: config.env === 'production' }));
  // Honest health: 503 while the database cannot be reached; says when the demo population is
  // incomplete (an interrupted seed), which the API still serves but which lacks rows.
  app.get('/health', async (_req, res) => {
    try {
      const demo = await demoStatus(db);
      const warning = demoWarning(demo);
      res.json({
        status: 'ok',
        database: db.embedded ? 'embedded' : 'postgresql',
        demoPopulation: demo.state,
        ...(warning ? { warnings: [warning] } : {}),
      });
    } catch {
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      res.status(503).json({ status: 'unavailable' });
    }
  });
  const secureCookie = config.env === 'production';
  app.use(
    '/graphql',
    ...corsFor(config),
    express.json({ limit: '1mb' }),
    identify(services, (req) => requestIdOf(req.headers['x-request-id'])),
    apiKeyRateLimit(services.rateLimits),
    anonymousGate(config.env === 'production'),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        context(currentActor().requestId ?? requestIdOf(req.headers['x-request-id']), (name, value) => {
          if (value === null) res.clearCookie(name, { path: '/' });
          else
            res.cookie(name, value, { httpOnly: true, sameSite: 'strict', secure: secureCookie, path: '/' });
        }),
    }),
  );
  // The asset ledger as a spreadsheet: import (dry run first) and export, for the roles of the policy.
  /** A coded error as the same JSON body GraphQL errors have. */
  const sendError = (res: express.Response, operation: string, error: unknown) => {
    const e = databaseFault(error);
    if (!e) logger.error({ err: error }, `${operation} failed`);
    const status = e ? httpStatusOf(e.code) : 500;
    if (status === 503) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    res.status(status).json({
      errors: [
        {
          message: e?.message ?? 'internal error',
          extensions: {
            code: e?.code ?? 'INTERNAL_SERVER_ERROR',
            reason: e?.reason ?? 'INTERNAL',
            ...(e?.fields.length ? { fields: e.fields } : {}),
          },
        },
      ],
    });
  };
  /**
   * An HTTP route of the ledger spreadsheet: who calls, whether the policy lets them (before any
   * body is read), the body parser if any, then the handler.
   */
  const ledgerRoute = (
    operation: string,
    run: (req: express.Request, res: express.Response) => Promise<void>,
    body?: express.RequestHandler,
  ) => [
    ...corsFor(config),
    identify(services, (req) => requestIdOf(req.headers['x-request-id'])),
    apiKeyRateLimit(services.rateLimits),
    async (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.setHeader('Cache-Control', 'no-store');
      try {
        authorize(operation, currentActor());
        next();
      } catch (error) {
        await auditHttpRefusal(services.db, services.rateLimits, operation, error).catch(() => undefined);
        sendError(res, operation, error);
      }
    },
    ...(body ? [body] : []),
    async (req: express.Request, res: express.Response) => {
      try {
        await run(req, res);
      } catch (error) {
        sendError(res, operation, error);
      }
    },
  ];
  app.post(
    '/api/assets/import',
    ...ledgerRoute(
      'importAssets',
      async (req, res) => {
        // A custom header: a cross-site form cannot send it, so the request cannot be forged (CSRF).
        const format = req.headers['x-import-format'];
        if (format !== 'xlsx' && format !== 'csv')
          throw new AppError(
            'BAD_USER_INPUT',
            'INVALID_FORMAT',
            'send the file as the body with header X-Import-Format: xlsx or csv',
          );
        const dryRun = req.query.dryRun !== 'false';
        const report = await services.assetExcel.import(
          Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          format,
          dryRun,
        );
        res.json(report);
      },
      express.raw({ type: () => true, limit: IMPORT_LIMIT }),
    ),
  );
  // Department feeds (issue #16): one template per feed, an upload checked (dry run) then applied.
  const feedOf = (req: express.Request): FeedKind => {
    const feed = String(req.params.feed ?? '');
    if (!(feed in FEEDS))
      throw new AppError(
        'NOT_FOUND',
        'UNKNOWN_FEED',
        `no feed ${feed.slice(0, 40)}; one of ${Object.keys(FEEDS).join(', ')}`,
      );
    return feed as FeedKind;
  };
  app.post(
    '/api/feeds/:feed/import',
    ...ledgerRoute(
      'importFeed',
      async (req, res) => {
        const feed = feedOf(req);
        const format = req.headers['x-import-format'];
        if (format !== 'xlsx' && format !== 'csv')
          throw new AppError(
            'BAD_USER_INPUT',
            'INVALID_FORMAT',
            'send the file as the body with header X-Import-Format: xlsx or csv',
          );
        const report = await services.exchange.importFeed(
          feed,
          Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          format,
          req.query.dryRun !== 'false',
        );
        res.json(report);
      },
      express.raw({ type: () => true, limit: IMPORT_LIMIT }),
    ),
  );
  app.get(
    '/api/feeds/:feed/template.xlsx',
    ...ledgerRoute('feedTemplate', async (req, res) => {
      const feed = feedOf(req);
      const buffer = await services.exchange.template(feed);
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`${FEEDS[feed].label}模板.xlsx`)}`,
      );
      res.send(buffer);
    }),
  );
  if (config.corsOrigins.length) app.options('/api/assets/export.xlsx', ...corsFor(config));
  app.get(
    '/api/assets/export.xlsx',
    ...ledgerRoute('exportAssets', async (req, res) => {
      let filter: Record<string, any> | null = null;
      try {
        // One `filter` parameter: a repeated one (`?filter=1&filter=2`, an array) is refused, not ignored.
        if (req.query.filter !== undefined && typeof req.query.filter !== 'string')
          throw new AppError('BAD_USER_INPUT', 'INVALID_FORMAT', 'filter: one JSON AssetFilter parameter');
        const raw =
          typeof req.query.filter === 'string' && req.query.filter ? JSON.parse(req.query.filter) : null;
        // Checked before graphql-js coerces it (recursively).
        const hit = inspectInput(raw, 'filter');
        if (hit.tooDeep)
          throw new AppError('BAD_USER_INPUT', 'FILTER_TOO_DEEP', `filter: nests more than the limit`, [
            {
              field: hit.tooDeep.split('.').slice(0, 6).join('.'),
              reason: 'FILTER_TOO_DEEP',
              message: 'too deep',
            },
          ]);
        // The same AssetFilter as the API's: no field, relation or value it would not accept.
        const type = (await buildAppSchema()).getType('AssetFilter') as GraphQLInputObjectType;
        filter = raw === null ? null : (coerceInputValue(raw, type) as Record<string, any>);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('BAD_USER_INPUT', 'INVALID_FORMAT', 'filter: JSON of an AssetFilter');
      }
      // The client disconnecting stops the export (no work for nobody, nothing outlives the request).
      const abort = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) abort.abort();
      });
      await services.assetExcel.export(filter, res, {
        maxRows: config.exportMaxRows,
        signal: abort.signal,
        beforeWrite: () => {
          res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
          res.setHeader(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent('扶贫项目资产台账.xlsx')}`,
          );
        },
      });
      if (abort.signal.aborted && !res.destroyed) res.destroy();
    }),
  );
  // The schema as SDL, for signed-in users (and anyone in development).
  app.get(
    '/schema.graphql',
    identify(services, () => randomUUID()),
    async (_req, res) => {
      if (config.env === 'production' && currentActor().kind === 'ANONYMOUS') {
        res
          .status(401)
          .json({ errors: [{ message: 'sign in first', extensions: { code: 'UNAUTHENTICATED' } }] });
        return;
      }
      res.type('text/plain; charset=utf-8').send(printSchema(await buildAppSchema()));
    },
  );
  // The console (admin/dist, built by `npm run build`): static files, and index.html for its routes.
  const consoleDir = path.join(projectRoot(), 'admin', 'dist');
  if (fs.existsSync(path.join(consoleDir, 'index.html'))) {
    app.use('/admin', express.static(consoleDir, { index: false, maxAge: '1h' }));
    app.get(/^\/admin(\/.*)?$/, (_req, res) => res.sendFile(path.join(consoleDir, 'index.html')));
    app.get('/', (_req, res) => res.redirect('/admin/'));
  }
  // Body errors (malformed JSON, over 1 MB) answer as GraphQL errors, never as an HTML page.
  app.use((err: any, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    // The session lookup (identify) failing on a lost connection: 503 with a code, like GraphQL's.
    const fault = databaseFault(err);
    if (fault && fault.code === 'SERVICE_UNAVAILABLE') {
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      res.status(503).json({
        errors: [{ message: fault.message, extensions: { code: fault.code, reason: fault.reason } }],
      });
      return;
    }
    const tooLarge = err?.type === 'entity.too.large';
    const limit =
      req.path.startsWith('/api/assets/import') || req.path.startsWith('/api/feeds/')
        ? IMPORT_LIMIT.toUpperCase()
        : '1 MB';
    const status = tooLarge ? 413 : typeof err?.status === 'number' && err.status < 500 ? err.status : 500;
    if (status >= 500) logger.error({ err }, 'request failed');
    const reason = tooLarge ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'MALFORMED_REQUEST' : 'INTERNAL';
    const message = tooLarge
      ? `request body exceeds ${limit}`
      : status < 500
        ? 'request body is not valid JSON'
        : 'internal error';
    res.status(status).json({
      errors: [
        { message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR', reason } },
      ],
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host}:${port}`,
    httpServer,
    services,
    // Resolves once the port and every connection are closed (Apollo's drain only starts closing
    // them): nothing of the server outlives `stop()`, so test workers exit cleanly (issue #12, fault 12).
    stop: async () => {
      const closed = new Promise<void>((resolve) => httpServer.once('close', () => resolve()));
      await apollo.stop();
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
