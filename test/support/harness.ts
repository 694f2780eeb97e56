import { createHash, randomBytes } from 'node:crypto';
import 'reflect-metadata';
import { Client } from 'pg';
import { createGraphQL, RunningServer, startHttpServer } from '../../server/app/app';
import { AppConfig, loadConfig } from '../../server/config/config';
import type { Database } from '../../server/database/database';
import { openDatabase, statementCount } from '../../server/database/data-source';
import { seedReference } from '../../server/seed/reference';
import { Actor, anonymous, Role, runAs } from '../../server/auth/actor';

/**
 * One test database per test file: the embedded PGlite in memory by default, or, when
 * TEST_DATABASE_URL is set (`postgres://postgres@127.0.0.1:5432/postgres`), a fresh database created
 * on that server for this file and dropped afterwards.
 */
export interface TestApp {
  db: Database;
  /** Runs an operation through Apollo (a fresh context, so fresh DataLoaders, per call) as the test administrator. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  /** The same as another actor (see `user`, `ANONYMOUS`). */
  gqlAs<T = any>(
    actor: Actor,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: any[] }>;
  /** A user with this role and scope (created once per distinct key), as the actor a session would give. */
  user(
    role: Role,
    scope?: { townshipId?: string; villageId?: string; departmentId?: string },
  ): Promise<Actor>;
  /** An API key's actor (optionally limited to a township). */
  apiKey(townshipId?: string): Promise<Actor>;
  /** The administrator the plain `gql` runs as. */
  admin: Actor;
  /** A live session of a user actor: the Bearer token an HTTP client sends. */
  token(actor: Actor): Promise<string>;
  /** SQL statements sent so far (all kinds). */
  statements(): number;
  /** The PostgreSQL URL of this file's database (null on the embedded PGlite): for a second instance. */
  databaseUrl: string | null;
  close(): Promise<void>;
}

/** A new, empty database on the PostgreSQL server at `base`, and how to drop it. */
export async function freshPostgres(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
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
  // Suites sign in many actors in-process: the sign-in limit is exercised over HTTP (startTestServer).
  const { apollo, context, services } = await createGraphQL(db, {
    ...loadConfig(),
    env: 'test',
    loginRateLimit: 10_000,
  });
  const run = async (actor: Actor, query: string, variables?: Record<string, unknown>) => {
    // A copy per operation, as each HTTP request gets its own actor.
    const res = await runAs({ ...actor, area: { ...actor.area } }, () =>
      apollo.executeOperation({ query, variables }, { contextValue: context() }),
    );
    if (res.body.kind !== 'single') throw new Error('incremental delivery not expected');
    return res.body.singleResult as any;
  };
  const users = new Map<string, Actor>();
  const user = async (
    role: Role,
    scope: { townshipId?: string; villageId?: string; departmentId?: string } = {},
  ) => {
    const key = `${role}:${scope.townshipId ?? ''}:${scope.villageId ?? ''}:${scope.departmentId ?? ''}`;
    let actor = users.get(key);
    if (!actor) {
      const [row] = await db.query(
        `INSERT INTO app_user (username, display_name, role, township_id, village_id, department_id, password_hash, must_change_password)
         VALUES ($1, $2, $3, $4, $5, $6, 'not-a-hash', false) RETURNING id`,
        [
          `t${users.size}_${role.toLowerCase()}`.slice(0, 40),
          `测试${role}`,
          role,
          scope.townshipId ?? null,
          scope.villageId ?? null,
          scope.departmentId ?? null,
        ],
      );
      actor = (await services.auth.actorForUser(row.id, anonymous('127.0.0.1', 'test')))!;
      users.set(key, actor);
    }
    return actor;
  };
  const admin = await user(Role.ADMIN);
  let keys = 0;
  return {
    db,
    admin,
    gql: (query, variables) => run(admin, query, variables),
    gqlAs: run,
    user,
    async token(actor) {
      const token = `bs_${randomBytes(32).toString('base64url')}`;
      await db.query('INSERT INTO user_session (user_id, token_hash, last_seen_at) VALUES ($1, $2, now())', [
        actor.id,
        createHash('sha256').update(token).digest('hex'),
      ]);
      return token;
    },
    async apiKey(townshipId) {
      const { key } = await runAs(admin, () =>
        services.auth.createApiKey({ name: `dashboard ${keys++}`, townshipId: townshipId ?? null }),
      );
      return (await services.auth.authenticate(key, anonymous('127.0.0.1', 'test')))!;
    },
    statements: () => statementCount(db.dataSource),
    databaseUrl: pg?.url ?? null,
    async close() {
      if (db.dataSource.isInitialized) await db.dataSource.destroy();
      await pg?.drop();
    },
  };
}

/** Nobody signed in. */
export const ANONYMOUS: Actor = anonymous('127.0.0.1', 'test');

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
export function startTestServer(
  app: TestApp,
  env = 'production',
  overrides: Partial<AppConfig> = {},
): Promise<RunningServer> {
  return startHttpServer(app.db, { ...loadConfig(), env, port: 0, ...overrides });
}
