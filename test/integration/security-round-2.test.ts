import { createHash } from 'node:crypto';
import type { RunningServer } from '../../server/app/app';
import { Actor, Role } from '../../server/auth/actor';
import type { Database } from '../../server/database/database';
import { openDatabase } from '../../server/database/data-source';
import { aHousehold, aMember, anIdNumber } from '../support/builders';
import { errorOf, ok, startTestApp, startTestServer, TestApp } from '../support/harness';

/**
 * Security round 2 (issue #11): the faults found by an attack pass with users of two townships, a
 * department officer, an auditor and API keys, each kept as a test through the API.
 */
describe('security round 2', () => {
  let app: TestApp;
  let server: RunningServer;
  let t2: string;
  let v1: string;
  let v2: string;
  let officer2: Actor;

  const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = { text };
    }
    return { status: res.status, headers: res.headers, body: json };
  };
  const LOGIN =
    'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }';
  // (tolerant of a database without the table, so the tests also run against the code before the fix)
  const clearCounters = () => app.db.query('DELETE FROM rate_limit_counter').catch(() => undefined);
  const events = (operation: string) =>
    app.db.query(
      `SELECT actor_name, entity_id, client_address, after FROM audit_event WHERE operation = $1 ORDER BY id`,
      [operation],
    );

  beforeAll(async () => {
    app = await startTestApp();
    server = await startTestServer(app);
    const towns = ok(
      await app.gql(
        '{ townships(orderBy: [{ field: CODE }], filter: { kind: { ne: STREET } }, first: 2) { nodes { id villages(first: 1) { nodes { id } } } } }',
      ),
    ).townships.nodes;
    t2 = towns[1].id;
    [v1, v2] = towns.map((t: any) => t.villages.nodes[0].id);
    officer2 = await app.user(Role.TOWNSHIP_OFFICER, { townshipId: t2 });
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  it('fault 3: counts persisted, aliased and fragment-wrapped sign-ins like plain ones', async () => {
    const limited = await startTestServer(app, 'production', { loginRateLimit: 4 });
    try {
      await clearCounters();
      const query =
        'mutation Sneaky { login(input: { username: "x", password: "wrong-password" }) { token } }';
      const sha256Hash = createHash('sha256').update(query).digest('hex');
      const persisted = { persistedQuery: { version: 1, sha256Hash } };
      // registered once with its text (counted), then sent by hash only (counted too)
      expect((await post(limited.url, { query, extensions: persisted })).status).toBe(200);
      expect((await post(limited.url, { extensions: persisted })).status).toBe(200);
      // two aliased sign-ins in one document count two
      const twice = `mutation { a: login(input: { username: "x", password: "p1" }) { token } ...F }
        fragment F on Mutation { b: login(input: { username: "x", password: "p2" }) { token } }`;
      expect((await post(limited.url, { query: twice })).status).toBe(200);
      const blocked = await post(limited.url, { extensions: persisted });
      expect(blocked.status).toBe(429);
      expect(blocked.body.errors[0].extensions).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        reason: 'RATE_LIMITED',
      });
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.stop();
    }
  });

  it('fault 4 and API-key limits: two instances on one database share every counter', async () => {
    // A second instance with its own connection(s) to the same database (PostgreSQL), or the same
    // embedded database (PGlite has one connection per process).
    const url = (app.db.dataSource.options as { url?: string }).url;
    const other: Database = url ? await openDatabase({ url, pgliteDataDir: 'memory://' }) : app.db;
    const a = await startTestServer(app, 'production', { loginRateLimit: 3 });
    const b = await (
      await import('../../server/app/app')
    ).startHttpServer(other, {
      ...(await import('../../server/config/config')).loadConfig(),
      env: 'production',
      port: 0,
      loginRateLimit: 3,
    });
    try {
      await clearCounters();
      const attempt = (s: RunningServer) =>
        post(s.url, { query: LOGIN, variables: { u: 'x', p: 'wrong-password' } });
      expect((await attempt(a)).status).toBe(200);
      expect((await attempt(b)).status).toBe(200);
      expect((await attempt(a)).status).toBe(200);
      expect((await attempt(b)).status).toBe(429);
      expect((await attempt(a)).status).toBe(429);

      // an API key allowed 3 requests a minute: RateLimit headers, then 429 with Retry-After, on either instance
      const created = ok(
        await app.gql(
          'mutation { createApiKey(input: { name: "大屏", rateLimitPerMinute: 3 }) { key apiKey { rateLimitPerMinute } } }',
        ),
      ).createApiKey;
      expect(created.apiKey.rateLimitPerMinute).toBe(3);
      const read = (s: RunningServer) =>
        post(s.url, { query: '{ townships { totalCount } }' }, { authorization: `Bearer ${created.key}` });
      const first = await read(a);
      expect(first.status).toBe(200);
      expect(first.headers.get('ratelimit-limit')).toBe('3');
      expect(first.headers.get('ratelimit-remaining')).toBe('2');
      expect((await read(b)).headers.get('ratelimit-remaining')).toBe('1');
      expect((await read(a)).status).toBe(200);
      const over = await read(b);
      expect(over.status).toBe(429);
      expect(over.body.errors[0].extensions).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        reason: 'RATE_LIMITED',
      });
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(60);

      // concurrent requests (the embedded database's one connection included) lose no count
      const burst = ok(
        await app.gql('mutation { createApiKey(input: { name: "并发", rateLimitPerMinute: 10 }) { key } }'),
      ).createApiKey.key;
      const statuses = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          post(
            i % 2 ? a.url : b.url,
            { query: '{ townships { totalCount } }' },
            { authorization: `Bearer ${burst}` },
          ).then((r) => r.status),
        ),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(14);
    } finally {
      await a.stop();
      await b.stop();
      if (other !== app.db) await other.dataSource.destroy();
    }
  });

  it('fault 5: unknown and known usernames fail, lock and take as long alike', async () => {
    await clearCounters();
    ok(
      await app.gql(
        'mutation { createUser(input: { username: "real.user", displayName: "真实用户", role: AUDITOR }) { user { id } } }',
      ),
    );
    const timed = async (u: string) => {
      const start = process.hrtime.bigint();
      const res = await post(server.url, { query: LOGIN, variables: { u, p: 'wrong-password-1' } });
      return {
        reason: res.body.errors?.[0]?.extensions?.reason,
        ms: Number(process.hrtime.bigint() - start) / 1e6,
      };
    };
    const known: { reason: string; ms: number }[] = [];
    const unknown: { reason: string; ms: number }[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await timed('real.user'));
      unknown.push(await timed('no.such.user'));
    }
    const reasons = (list: typeof known) => list.map((r) => r.reason);
    expect(reasons(unknown)).toEqual(reasons(known));
    expect(reasons(known)).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'ACCOUNT_LOCKED']);
    // both verify a password hash (argon2) on each of the first five: medians within a factor of 3
    const median = (list: typeof known) =>
      list
        .slice(0, 5)
        .map((r) => r.ms)
        .sort((x, y) => x - y)[2];
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });

  it('fault 6: X-Forwarded-For is believed only from TRUST_PROXY peers', async () => {
    await clearCounters();
    const forged = { 'x-forwarded-for': '203.0.113.9' };
    await post(server.url, { query: LOGIN, variables: { u: 'forged', p: 'wrong-password' } }, forged);
    const [plain] = (await events('loginFailed')).filter((e: any) => e.actor_name === '(unknown, 6 chars)');
    expect(plain.client_address).not.toBe('203.0.113.9');
    // and a forged address gets no fresh budget
    const limited = await startTestServer(app, 'production', { loginRateLimit: 2 });
    try {
      await clearCounters();
      for (const [i, status] of [200, 200, 429].entries())
        expect(
          (
            await post(
              limited.url,
              { query: LOGIN, variables: { u: 'x', p: 'wrong-password' } },
              { 'x-forwarded-for': `198.51.100.${i}` },
            )
          ).status,
        ).toBe(status);
    } finally {
      await limited.stop();
    }
    const proxied = await startTestServer(app, 'production', { trustProxy: ['loopback'] });
    try {
      await post(proxied.url, { query: LOGIN, variables: { u: 'proxied', p: 'wrong-password' } }, forged);
      const [seen] = (await events('loginFailed')).filter((e: any) => e.actor_name === '(unknown, 7 chars)');
      expect(seen.client_address).toBe('203.0.113.9');
    } finally {
      await proxied.stop();
    }
  });

  it('fault 7: refused writes, reveals and exports leave an accessDenied event, at a bounded rate', async () => {
    await clearCounters();
    const h = await aHousehold(app, {
      villageId: v1,
      members: [aMember({ idNumber: anIdNumber('1960-06-06') })],
    });
    const member = ok(await app.gql(`query($id: ID!) { household(id: $id) { head { id } } }`, { id: h.id }))
      .household.head.id;
    // outside the area: NOT_FOUND, audited with the operation and the target
    expect(
      errorOf(
        await app.gqlAs(
          officer2,
          'mutation($id: ID!) { updateHousehold(id: $id, input: { address: "x" }) { id } }',
          {
            id: h.id,
          },
        ),
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      errorOf(await app.gqlAs(officer2, `mutation { revealIdNumber(memberId: "${member}") }`)).code,
    ).toBe('NOT_FOUND');
    // refused by the policy: FORBIDDEN, audited too
    const dept = ok(await app.gql('{ departments(first: 1) { nodes { id } } }')).departments.nodes[0].id;
    const deptOfficer = await app.user(Role.DEPARTMENT_OFFICER, { departmentId: dept });
    expect(
      errorOf(await app.gqlAs(deptOfficer, `mutation { deleteHousehold(id: "${h.id}", expectedVersion: 1) }`))
        .code,
    ).toBe('FORBIDDEN');
    const auditor = await app.user(Role.AUDITOR);
    const exported = await fetch(`${server.url}/api/assets/export.xlsx`, {
      headers: { authorization: `Bearer ${await app.token(auditor)}` },
    });
    expect(exported.status).toBe(403);
    const denied = (await events('accessDenied')).map((e: any) => ({
      actor: e.actor_name,
      target: e.entity_id,
      operation: e.after.operation,
      code: e.after.code,
    }));
    expect(denied).toEqual([
      { actor: officer2.name, target: h.id, operation: 'updateHousehold', code: 'NOT_FOUND' },
      { actor: officer2.name, target: member, operation: 'revealIdNumber', code: 'NOT_FOUND' },
      { actor: deptOfficer.name, target: h.id, operation: 'deleteHousehold', code: 'FORBIDDEN' },
      { actor: auditor.name, target: null, operation: 'exportAssets', code: 'FORBIDDEN' },
    ]);
    // a flood of refusals cannot flood the trail
    for (let i = 0; i < 40; i++)
      await app.gqlAs(officer2, `mutation { revealIdNumber(memberId: "${member}") }`);
    const mine = (await events('accessDenied')).filter((e: any) => e.actor_name === officer2.name);
    expect(mine.length).toBeLessThanOrEqual(30);
    expect(mine.length).toBeGreaterThanOrEqual(20);
    // but the trail says that more were made
    const suppressed = (await events('refusalsSuppressed')).filter(
      (e: any) => e.actor_name === officer2.name,
    );
    expect(suppressed).toHaveLength(1);
  });

  it('fault 8: a value registered in another area says only where to ask, and the hit is audited', async () => {
    await clearCounters();
    const idNumber = anIdNumber('1966-09-09');
    const h = await aHousehold(app, { villageId: v1, members: [aMember({ idNumber })] });
    const number = ok(
      await app.gql(`query($id: ID!) { household(id: $id) { householdNumber } }`, { id: h.id }),
    ).household.householdNumber;
    const create = (householdNumber: string, id: string) =>
      app.gqlAs(officer2, 'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }', {
        i: {
          householdNumber,
          villageId: v2,
          householdType: 'ALLEVIATED',
          members: [aMember({ idNumber: id })],
        },
      });
    const byId = await create('T2-NEW-1', idNumber);
    const byNumber = await create(number, anIdNumber('1967-01-01'));
    // an own member changed to the other area's number (the database's unique constraint answers)
    const own = await aHousehold(app, { villageId: v2 });
    const ownMember = ok(
      await app.gql(`query($id: ID!) { household(id: $id) { head { id version } } }`, { id: own.id }),
    ).household.head;
    const byUpdate = await app.gqlAs(
      officer2,
      'mutation($id: ID!, $v: Int!, $n: String!) { updateHouseholdMember(id: $id, expectedVersion: $v, input: { idNumber: $n }) { id } }',
      { id: ownMember.id, v: ownMember.version, n: idNumber },
    );
    const expected = [
      [byId, 'input.members.0.idNumber'],
      [byNumber, 'input.householdNumber'],
      [byUpdate, 'input.idNumber'],
    ] as const;
    for (const [res, field] of expected) {
      expect(errorOf(res)).toMatchObject({
        code: 'CONFLICT',
        reason: 'DUPLICATE',
        fields: [{ field, reason: 'DUPLICATE' }],
      });
      const text = JSON.stringify(res.errors);
      expect(text).toMatch(/ask the district office/);
      for (const secret of ['Hash', 'hash', number, idNumber, `"${h.id}"`, '水川', 'household_member'])
        expect(text).not.toContain(secret);
    }
    const hits = (await events('duplicateRejected')).filter((e: any) => e.actor_name === officer2.name);
    expect(hits.map((e: any) => e.after.operation)).toEqual([
      'createHousehold',
      'createHousehold',
      'updateHouseholdMember',
    ]);
    expect(JSON.stringify(hits)).not.toContain(idNumber);
  });

  it('fault 9: 10,000 nested not levels or 5,000 nested members are BAD_USER_INPUT, never a crash', async () => {
    const token = await app.token(app.admin);
    // JSON.stringify itself recurses: the bodies are written out as text, as an attacker would.
    const nest = (open: (i: number) => string, inner: string, n: number) => {
      let text = inner;
      for (let i = n - 1; i >= 0; i--) text = `${open(i)}${text}}`;
      return text;
    };
    const raw = async (query: string, variables: string) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: `{"query":${JSON.stringify(query)},"variables":${variables}}`,
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const FILTER = 'query($f: HouseholdFilter) { households(filter: $f) { totalCount } }';
    const nots = nest(() => '{"not":', '{"householdNumber":{"eq":"x"}}', 10_000);
    const deep = await raw(FILTER, `{"f":${nots}}`);
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'FILTER_TOO_DEEP',
    });
    const members = nest((i) => (i % 2 ? '{"household":' : '{"members":'), '{"name":{"eq":"x"}}', 5_000);
    const nested = await raw(FILTER, `{"f":${members}}`);
    expect(nested.status).toBe(400);
    expect(nested.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INPUT_TOO_DEEP',
    });
    // an input object nested deep (not a filter) is refused the same way
    const input = await raw(
      'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }',
      `{"i":{"householdNumber":"D-1","villageId":"${v1}","householdType":"ALLEVIATED","members":[${members}]}}`,
    );
    expect(input.status).toBe(400);
    expect(input.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INPUT_TOO_DEEP',
    });
    // the export's filter parameter too (as deep as a URL can carry)
    const assetNots = nest(() => '{"not":', '{"assetCode":{"eq":"x"}}', 500);
    const exported = await fetch(
      `${server.url}/api/assets/export.xlsx?filter=${encodeURIComponent(assetNots)}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(exported.status).toBe(400);
    expect(((await exported.json()) as any).errors[0].extensions.reason).toBe('FILTER_TOO_DEEP');
  });

  it('fault 10: every timestamp keeps milliseconds, so cursors over them end; tampered cursors are INVALID_CURSOR', async () => {
    const columns = await app.db.query(
      `SELECT table_name, column_name, datetime_precision FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'timestamp with time zone' AND datetime_precision <> 3`,
    );
    expect(columns).toEqual([]);
    for (let i = 0; i < 4; i++) {
      const [u] = await app.db.query(
        `INSERT INTO app_user (username, display_name, role, password_hash) VALUES ($1, '游标', 'AUDITOR', 'x') RETURNING id`,
        [`cursor.${i}`],
      );
      // microseconds written by PostgreSQL itself (now(), or a client)
      await app.db.query(`UPDATE app_user SET last_login_at = $2::timestamptz WHERE id = $1`, [
        u.id,
        `2026-03-0${i + 1} 08:00:00.123456+00`,
      ]);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const data: any = ok(
        await app.gql(
          'query($a: String) { users(first: 1, after: $a, orderBy: [{ field: LAST_LOGIN_AT }], filter: { username: { startsWith: "cursor." } }) { nodes { username } pageInfo { hasNextPage endCursor } } }',
          { a: after },
        ),
      ).users;
      seen.push(...data.nodes.map((n: any) => n.username));
      if (!data.pageInfo.hasNextPage) break;
      after = data.pageInfo.endCursor;
    }
    expect(seen).toEqual(['cursor.0', 'cursor.1', 'cursor.2', 'cursor.3']);
    const signature = JSON.parse(Buffer.from(after!, 'base64url').toString()).o;
    for (const v of [
      '2026-02-30T08:00:00.000Z',
      '2026-03-01T08:00:00.123456Z',
      '\u0000',
      'not a date',
      12,
      true,
    ]) {
      const cursor = Buffer.from(JSON.stringify({ o: signature, v: [v, 1] })).toString('base64url');
      const res = await app.gql(
        'query($a: String) { users(first: 1, after: $a, orderBy: [{ field: LAST_LOGIN_AT }]) { nodes { id } } }',
        { a: cursor },
      );
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    }
  });

  it('fault 11: worklist page sizes count in the cost; anonymous production callers learn no field names', async () => {
    const worklist = (first: number) =>
      app.gql(`{ overdueMonitoringCases(scope: { first: ${first} }) { nodes { household { members(first: 100) {
        nodes { measures(first: 50) { nodes { id } } } } } } } }`);
    ok(await worklist(50));
    expect(errorOf(await worklist(500)).reason).toBe('QUERY_TOO_COMPLEX');
    const real = await post(server.url, { query: '{ townships { totalCount } }' });
    for (const query of [
      '{ noSuchField }',
      '{ townships { noSuchField } }',
      '{ __type(name: "Household") { name } }',
    ]) {
      const fake = await post(server.url, { query });
      expect([fake.status, fake.body.errors[0].extensions.code, fake.body.errors[0].message]).toEqual([
        real.status,
        real.body.errors[0].extensions.code,
        real.body.errors[0].message,
      ]);
    }
    expect(real.status).toBe(401);
  });

  it('dashboard clients: CORS for API keys only, and caching headers by content', async () => {
    const dashboard = 'https://dash.example.org';
    const withCors = await startTestServer(app, 'production', { corsOrigins: [dashboard] });
    try {
      const preflight = await fetch(`${withCors.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: dashboard,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(dashboard);
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      const key = ok(await app.gql('mutation { createApiKey(input: { name: "外部大屏" }) { key } }'))
        .createApiKey.key;
      const viaKey = await post(
        withCors.url,
        { query: '{ townships { totalCount } }' },
        {
          origin: dashboard,
          authorization: `Bearer ${key}`,
        },
      );
      expect(viaKey.status).toBe(200);
      expect(viaKey.headers.get('access-control-allow-origin')).toBe(dashboard);
      // a session, by Bearer token or cookie, does not work from another origin
      const token = await app.token(app.admin);
      const sessions: Record<string, string>[] = [
        { authorization: `Bearer ${token}` },
        { cookie: `baiyin_session=${token}` },
      ];
      for (const headers of sessions) {
        const res = await post(
          withCors.url,
          { query: '{ townships { totalCount } }' },
          { origin: dashboard, ...headers },
        );
        expect(res.status).toBe(401);
      }
      // another origin gets no CORS headers
      const stranger = await fetch(`${withCors.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await withCors.stop();
    }
    // off by default
    const off = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: dashboard, 'access-control-request-method': 'POST' },
    });
    expect(off.headers.get('access-control-allow-origin')).toBeNull();

    const auth = { authorization: `Bearer ${await app.token(app.admin)}` };
    const personal = await post(
      server.url,
      { query: '{ householdMembers(first: 1) { nodes { name } } }' },
      auth,
    );
    expect(personal.headers.get('cache-control')).toBe('no-store');
    const viaFragment = await post(
      server.url,
      { query: '{ households(first: 1) { nodes { ...P } } } fragment P on Household { phone }' },
      auth,
    );
    expect(viaFragment.headers.get('cache-control')).toBe('no-store');
    const plain = await post(server.url, { query: '{ townships { totalCount } }' }, auth);
    expect(plain.headers.get('cache-control')).toBe('private, no-cache');
    expect(plain.headers.get('vary')).toMatch(/Authorization/);
    expect(plain.headers.get('vary')).toMatch(/Cookie/);
    const exported = await fetch(`${server.url}/api/assets/export.xlsx`, { headers: auth });
    expect(exported.headers.get('cache-control')).toBe('no-store');
  });
});
