import { Client } from 'pg';
import type { RunningServer } from '../../server/app/app';
import { aMember } from '../support/builders';
import { ok, startTestApp, startTestServer, TestApp } from '../support/harness';

/**
 * A lost database connection (issue #12, fault 5): requests answer SERVICE_UNAVAILABLE with HTTP 503
 * and Retry-After (the session lookup too), never PostgreSQL's own text; a read is retried once on a
 * fresh connection, a write never; /health says so honestly.
 */
const LOGIN = 'mutation { login(input: { username: "nobody", password: "wrong-password-1" }) { token } }';

describe('when the database connection is lost', () => {
  let app: TestApp;
  let server: RunningServer;
  let token: string;
  let villageId: string;

  beforeAll(async () => {
    app = await startTestApp();
    // Development: where internal errors would show the driver's text.
    server = await startTestServer(app, 'development');
    token = await app.token(app.admin);
    villageId = ok(
      await app.gql('{ villages(first: 1, filter: { committeeType: { eq: VILLAGE } }) { nodes { id } } }'),
    ).villages.nodes[0].id;
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  const post = async (query: string, variables: object = {}, bearer: string | null = token) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as any,
    };
  };
  const health = async () => {
    const res = await fetch(`${server.url}/health`);
    return { status: res.status, body: (await res.json()) as any };
  };
  const expectUnavailable = (res: { status: number; retryAfter: string | null; body: any }) => {
    expect(res.status).toBe(503);
    expect(res.retryAfter).toBe('5');
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'DATABASE_UNAVAILABLE',
    });
    expect(res.body.errors[0].message).not.toMatch(/terminat|connection|accepting/i);
  };

  // pg_terminate_backend and refused connections need a server database: PostgreSQL only. The
  // closed database below is the same fault as PGlite can have it, and runs on both.
  if (process.env.TEST_DATABASE_URL) {
    const database = () => new URL(app.databaseUrl!).pathname.slice(1);
    /** A second connection that locks a table, so the API's statement on it waits and can be cut. */
    const withLockedTable = async (table: string, during: () => Promise<void>) => {
      const locker = new Client({ connectionString: app.databaseUrl! });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      try {
        await during();
      } finally {
        await locker.query('COMMIT');
        await locker.end();
      }
    };
    /** Terminates the backend waiting for the lock (the API's in-flight statement). */
    const terminateWaiting = async () => {
      const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        for (let i = 0; i < 200; i++) {
          const { rows } = await admin.query(
            `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
            [database()],
          );
          if (rows.length) return;
          await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error('no statement waited for the lock');
      } finally {
        await admin.end();
      }
    };

    it('retries a read cut off by pg_terminate_backend once, on a fresh connection', async () => {
      let pending!: Promise<Awaited<ReturnType<typeof post>>>;
      await withLockedTable('household', async () => {
        pending = post('{ households(first: 1) { totalCount } }');
        await terminateWaiting();
      });
      // The retry waited for the lock like the first attempt, and ran once it was released.
      const res = await pending;
      expect(res.status).toBe(200);
      expect(res.body.data.households.totalCount).toBeGreaterThanOrEqual(0);
    });

    it('never retries a write: SERVICE_UNAVAILABLE, 503, Retry-After, and no row', async () => {
      const number = `CUT-${process.pid}`;
      let pending!: Promise<Awaited<ReturnType<typeof post>>>;
      await withLockedTable('household', async () => {
        pending = post('mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }', {
          i: { householdNumber: number, villageId, householdType: 'ALLEVIATED', members: [aMember()] },
        });
        await terminateWaiting();
      });
      expectUnavailable(await pending);
      expect(await app.db.query('SELECT id FROM household WHERE household_number = $1', [number])).toEqual(
        [],
      );
    });

    it('answers refused connections (session lookup included) with 503, and /health says so until it is back', async () => {
      const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE ${database()} WITH ALLOW_CONNECTIONS false`);
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
          database(),
        ]);
        expectUnavailable(await post('{ me { username } }')); // the session lookup fails first
        expectUnavailable(await post(LOGIN, {}, null));
        const upload = await fetch(`${server.url}/api/assets/import?dryRun=true`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'x-import-format': 'csv' },
          body: 'x',
        });
        expect(upload.status).toBe(503);
        expect(((await upload.json()) as any).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        expect(await health()).toEqual({ status: 503, body: { status: 'unavailable' } });
      } finally {
        await admin.query(`ALTER DATABASE ${database()} WITH ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      expect((await health()).status).toBe(200);
      expect((await post('{ me { username } }')).body.data.me.username).toBeTruthy();
    });
  }

  it('answers a closed database with SERVICE_UNAVAILABLE and an honest /health (last: it closes it)', async () => {
    expect((await health()).status).toBe(200);
    await app.db.dataSource.destroy();
    expectUnavailable(await post('{ me { username } }'));
    expectUnavailable(await post(LOGIN, {}, null));
    expect((await health()).status).toBe(503);
  });
});
