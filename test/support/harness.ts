import 'reflect-metadata';
import { Client } from 'pg';
import { createGraphQL, RunningServer, startHttpServer } from '../../server/app/app';
import { loadConfig } from '../../server/config/config';
import type { Database } from '../../server/database/database';
import { openDatabase, statementCount } from '../../server/database/data-source';
import { seedReference } from '../../server/seed/reference';

/**
 * One test database per test file: the embedded PGlite in memory by default, or, when
 * TEST_DATABASE_URL is set (`postgres://postgres@127.0.0.1:5432/postgres`), a fresh database created
 * on that server for this file and dropped afterwards.
 */
export interface TestApp {
  db: Database;
  /** Runs an operation through Apollo (a fresh context, so fresh DataLoaders, per call). */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  /** SQL statements sent so far (all kinds). */
  statements(): number;
  close(): Promise<void>;
}

async function freshPostgres(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startTestApp(options: { reference?: boolean } = {}): Promise<TestApp> {
  const base = process.env.TEST_DATABASE_URL;
  const pg = base ? await freshPostgres(base) : null;
  const db = await openDatabase({ url: pg?.url, pgliteDataDir: 'memory://' });
  if (options.reference !== false) await seedReference(db);
  const { apollo, context } = await createGraphQL(db, { ...loadConfig(), env: 'test' });
  return {
    db,
    async gql(query, variables) {
      const res = await apollo.executeOperation({ query, variables }, { contextValue: context() });
      if (res.body.kind !== 'single') throw new Error('incremental delivery not expected');
      return res.body.singleResult as any;
    },
    statements: () => statementCount(db.dataSource),
    async close() {
      await db.dataSource.destroy();
      await pg?.drop();
    },
  };
}

/** The first error's code and reason (and its fields), for assertions. */
export function errorOf(res: { errors?: any[] }): {
  code: string;
  reason: string;
  fields: { field: string; reason: string }[];
} {
  const e = res.errors?.[0];
  if (!e) throw new Error(`expected an error, got data ${JSON.stringify((res as any).data)}`);
  return {
    code: e.extensions?.code,
    reason: e.extensions?.reason,
    fields: (e.extensions?.fields ?? []).map((f: any) => ({ field: f.field, reason: f.reason })),
  };
}

/** Asserts no errors and returns data. */
export function ok(res: { data?: any; errors?: any[] }): any {
  if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors, null, 1)}`);
  return res.data;
}

/** The HTTP server over a test app's database, on a free port, with production settings by default. */
export function startTestServer(app: TestApp, env = 'production'): Promise<RunningServer> {
  return startHttpServer(app.db, { ...loadConfig(), env, port: 0 });
}
