import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { AppConfig } from '../config/config';
import { Loaders } from '../common/crud/loaders';
import { logger } from '../common/logger';
import type { Database } from '../database/database';
import type { Context } from './context';
import { formatError } from './format-error';
import { buildAppSchema } from './schema';
import { createServices, Services } from './services';

/** Logs unexpected errors with the request id and stamps the id on every error of the response. */
const errorLogging: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          const original = error.originalError;
          if (
            original &&
            original.name !== 'AppError' &&
            original.name !== 'ArgumentValidationError' &&
            error.path
          ) {
            logger.error(
              { requestId: contextValue.requestId, err: original, path: error.path },
              'resolver failed',
            );
          }
        }
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
  const services = createServices(db);
  const production = config.env === 'production';
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    formatError: formatError(production),
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    plugins: [errorLogging, ...plugins],
  });
  const context = (requestId: string = randomUUID()): Context => ({
    services,
    loaders: new Loaders(db),
    requestId,
  });
  return { apollo, services, context };
}

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  services: Services;
  stop: () => Promise<void>;
}

/** Serves `/graphql` and `/health` on one port. */
export async function startHttpServer(db: Database, config: AppConfig): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const { apollo, services, context } = await createGraphQL(db, config, [
    ApolloServerPluginDrainHttpServer({ httpServer }),
  ]);
  await apollo.start();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ok', database: db.embedded ? 'embedded' : 'postgresql' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => context((req.headers['x-request-id'] as string) || randomUUID()),
    }),
  );
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host}:${port}`,
    httpServer,
    services,
    stop: async () => {
      await apollo.stop();
    },
  };
}
