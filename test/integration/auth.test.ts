import { createHash } from 'node:crypto';
import type { RunningServer } from '../../server/app/app';
import { AuthService } from '../../server/auth/auth.service';
import { loadConfig } from '../../server/config/config';
import { errorOf, ok, startTestApp, startTestServer, TestApp } from '../support/harness';

/** Sign-in over HTTP: first login, password rules, lockout, idle expiry, logout, cookies, limits. */
describe('accounts and sessions', () => {
  let app: TestApp;
  let server: RunningServer;
  let adminPassword = '';

  beforeAll(async () => {
    app = await startTestApp();
    // The first start: no user yet → `admin` with a one-time password printed once.
    await app.db.query('DELETE FROM user_session');
    await app.db.query('DELETE FROM api_key');
    await app.db.query('DELETE FROM app_user');
    const printed: string[] = [];
    await new AuthService(app.db, loadConfig()).ensureAdministrator((line) => printed.push(line));
    adminPassword = printed.join('\n').match(/admin \/ (\S+)/)![1];
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  const post = async (
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };
  const login = (username: string, password: string) =>
    post(
      'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token user { username role mustChangePassword } } }',
      {
        u: username,
        p: password,
      },
    );
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const code = (r: { body: any }) => r.body.errors?.[0]?.extensions?.code;
  const reason = (r: { body: any }) => r.body.errors?.[0]?.extensions?.reason;

  it('asks anonymous callers to sign in', async () => {
    const r = await post('{ households { totalCount } }');
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect(reason(r)).toBe('SIGN_IN_REQUIRED');
  });

  it('creates the first administrator only once, whose one-time password must be changed first', async () => {
    const again: string[] = [];
    await new AuthService(app.db, loadConfig()).ensureAdministrator((line) => again.push(line));
    expect(again).toEqual([]);

    const r = await login('admin', adminPassword);
    expect(r.body.data.login.user).toEqual({ username: 'admin', role: 'ADMIN', mustChangePassword: true });
    // the console's cookie: HttpOnly, SameSite=Strict
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^baiyin_session=bs_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const token = r.body.data.login.token;

    expect(reason(await post('{ townships { totalCount } }', {}, bearer(token)))).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    expect((await post('{ me { username } }', {}, bearer(token))).body.data.me.username).toBe('admin');

    const change = (current: string, next: string) =>
      post(
        'mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { mustChangePassword } }',
        { c: current, n: next },
        bearer(token),
      );
    const weak = await change(adminPassword, 'short');
    expect(weak.body.errors[0].extensions.fields.map((f: any) => f.reason)).toEqual([
      'PASSWORD_LENGTH',
      'PASSWORD_TOO_SIMPLE',
    ]);
    expect(reason(await change('wrong', 'Yellow-River-2026'))).toBe('WRONG_PASSWORD');
    expect(reason(await change(adminPassword, 'admin-Password-1'))).toBe('PASSWORD_CONTAINS_USERNAME');
    const changed = await change(adminPassword, 'Yellow-River-2026');
    expect(changed.body.errors).toBeUndefined();
    expect(changed.body.data.changePassword.mustChangePassword).toBe(false);
    adminPassword = 'Yellow-River-2026';
    // the cookie works as well as the Bearer header
    const viaCookie = await post('{ townships { totalCount } }', {}, { cookie: `baiyin_session=${token}` });
    expect(viaCookie.body.data.townships.totalCount).toBe(10);
  });

  it('locks an account after 5 failed sign-ins in a row for 15 minutes, and audits it', async () => {
    const admin = (await login('admin', adminPassword)).body.data.login.token;
    const created = await post(
      'mutation { createUser(input: { username: "cadre01", displayName: "村干部甲", role: AUDITOR }) { oneTimePassword user { id } } }',
      {},
      bearer(admin),
    );
    const { oneTimePassword, user } = created.body.data.createUser;
    for (let i = 0; i < 5; i++)
      expect(reason(await login('cadre01', 'wrong-password'))).toBe('INVALID_CREDENTIALS');
    // the right password no longer opens it
    expect(reason(await login('cadre01', oneTimePassword))).toBe('ACCOUNT_LOCKED');
    const [row] = await app.db.query(
      `SELECT locked_until > now() + interval '14 minutes' AND locked_until <= now() + interval '15 minutes' AS fifteen FROM app_user WHERE id = $1`,
      [user.id],
    );
    expect(row.fifteen).toBe(true);
    const events = await app.db.query(
      `SELECT operation FROM audit_event WHERE entity = 'AppUser' AND entity_id = $1 AND operation IN ('loginFailed', 'lockout') ORDER BY id`,
      [user.id],
    );
    expect(events.map((e: any) => e.operation)).toEqual([
      ...Array(5).fill('loginFailed'),
      'lockout',
      'loginFailed',
    ]);
    // an unknown user gets the same answer as a wrong password
    expect(reason(await login('nobody-here', 'x'))).toBe('INVALID_CREDENTIALS');
    // 15 minutes later
    await app.db.query(`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE id = $1`, [
      user.id,
    ]);
    expect((await login('cadre01', oneTimePassword)).body.data.login.user.mustChangePassword).toBe(true);
  });

  it('expires a session after the idle timeout and revokes it at logout', async () => {
    const token = (await login('admin', adminPassword)).body.data.login.token;
    expect((await post('{ me { username } }', {}, bearer(token))).body.data.me.username).toBe('admin');
    await app.db.query(
      `UPDATE user_session SET last_seen_at = now() - make_interval(mins => $1) WHERE token_hash = $2`,
      [loadConfig().sessionIdleMinutes + 1, createHash('sha256').update(token).digest('hex')],
    );
    expect(code(await post('{ me { username } }', {}, bearer(token)))).toBe('UNAUTHENTICATED');

    const second = (await login('admin', adminPassword)).body.data.login.token;
    const out = await post('mutation { logout }', {}, bearer(second));
    expect(out.body.data.logout).toBe(true);
    expect(out.headers.get('set-cookie')).toMatch(/baiyin_session=;/);
    expect(code(await post('{ me { username } }', {}, bearer(second)))).toBe('UNAUTHENTICATED');
  });

  it('lets API keys read without personal fields, never write, and stop at revocation', async () => {
    const admin = (await login('admin', adminPassword)).body.data.login.token;
    const created = ok(
      (
        await post(
          'mutation { createApiKey(input: { name: "区级看板" }) { key apiKey { id prefix } } }',
          {},
          bearer(admin),
        )
      ).body,
    ).createApiKey;
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);
    const [stored] = await app.db.query('SELECT key_hash FROM api_key WHERE id = $1', [created.apiKey.id]);
    expect(stored.key_hash).not.toContain(created.key.slice(3));
    const key = bearer(created.key);
    expect((await post('{ townships { totalCount } }', {}, key)).body.data.townships.totalCount).toBe(10);
    expect(
      code(
        await post(
          'mutation { createDepartment(input: { code: "K1", name: "K1", kind: OTHER }) { id } }',
          {},
          key,
        ),
      ),
    ).toBe('FORBIDDEN');
    const [used] = await app.db.query('SELECT last_used_at IS NOT NULL AS used FROM api_key WHERE id = $1', [
      created.apiKey.id,
    ]);
    expect(used.used).toBe(true);
    await post(
      'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: created.apiKey.id },
      bearer(admin),
    );
    expect(code(await post('{ townships { totalCount } }', {}, key))).toBe('UNAUTHENTICATED');
  });

  it('sends security headers and refuses GraphQL GETs without a preflight header (CSRF)', async () => {
    const res = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ townships { totalCount } }')}`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });

  it('opens introspection and the schema file to signed-in users only in production', async () => {
    const intro = '{ __schema { queryType { name } } }';
    const anon = await post(intro);
    expect(code(anon)).toBe('UNAUTHENTICATED');
    expect((await fetch(`${server.url}/schema.graphql`)).status).toBe(401);
    const token = (await login('admin', adminPassword)).body.data.login.token;
    expect((await post(intro, {}, bearer(token))).body.data.__schema.queryType.name).toBe('Query');
    const sdl = await fetch(`${server.url}/schema.graphql`, { headers: bearer(token) });
    expect(sdl.status).toBe(200);
    expect(await sdl.text()).toMatch(/type Household \{/);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const limited = await startTestServer(app, 'production', { loginRateLimit: 3 });
    // The counters live in the database, shared by every server on it: start from none.
    await app.db.query(`DELETE FROM rate_limit_counter WHERE key LIKE 'login:%'`);
    try {
      const attempt = () =>
        fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation { login(input: { username: "x", password: "y" }) { token } }',
          }),
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(200);
      // commas and comments do not hide a sign-in from the limit
      for (const query of [
        'mutation { login, (input: { username: "x", password: "y" }) { token } }',
        'mutation { login#x\n(input: { username: "x", password: "y" }) { token } }',
      ]) {
        const sneaky = await fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        expect(sneaky.status).toBe(429);
      }
      const blocked = await attempt();
      expect(blocked.status).toBe(429);
      expect(((await blocked.json()) as any).errors[0].extensions.reason).toBe('RATE_LIMITED');
      // other operations are not counted
      const token = (await login('admin', adminPassword)).body.data.login.token;
      const other = await fetch(`${limited.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token) },
        body: JSON.stringify({ query: '{ townships { totalCount } }' }),
      });
      expect(other.status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it('refuses a wrong role with FORBIDDEN and a disabled user at sign-in', async () => {
    const admin = (await login('admin', adminPassword)).body.data.login.token;
    const u = ok(
      (
        await post(
          'mutation { createUser(input: { username: "auditor1", displayName: "审计员", role: AUDITOR }) { oneTimePassword user { id version } } }',
          {},
          bearer(admin),
        )
      ).body,
    ).createUser;
    expect(
      errorOf(
        (
          await post(
            'mutation { createUser(input: { username: "town1", displayName: "x", role: TOWNSHIP_OFFICER }) { oneTimePassword } }',
            {},
            bearer(admin),
          )
        ).body,
      ).fields,
    ).toEqual([{ field: 'input.townshipId', reason: 'REQUIRED' }]);
    const session = (await login('auditor1', u.oneTimePassword)).body.data.login.token;
    const disable = (disabled: boolean) =>
      post(
        'mutation($id: ID!, $d: Boolean) { updateUser(id: $id, input: { disabled: $d }) { disabled } }',
        { id: u.user.id, d: disabled },
        bearer(admin),
      );
    await disable(true);
    expect(reason(await login('auditor1', u.oneTimePassword))).toBe('INVALID_CREDENTIALS');
    // enabling it again does not revive the old session
    await disable(false);
    expect(code(await post('{ me { id } }', {}, bearer(session)))).toBe('UNAUTHENTICATED');
    // every role can change its own password (a department officer too)
    const dept = (await app.db.query('SELECT id FROM department LIMIT 1'))[0].id;
    const officer = ok(
      (
        await post(
          `mutation { createUser(input: { username: "dept01", displayName: "部门干部", role: DEPARTMENT_OFFICER, departmentId: "${dept}" }) { oneTimePassword } }`,
          {},
          bearer(admin),
        )
      ).body,
    ).createUser.oneTimePassword;
    const t = (await login('dept01', officer)).body.data.login.token;
    const changed = await post(
      'mutation($c: String!) { changePassword(input: { currentPassword: $c, newPassword: "Lanzhou-Road-77" }) { mustChangePassword } }',
      { c: officer },
      bearer(t),
    );
    expect(changed.body.data.changePassword.mustChangePassword).toBe(false);
  });
});
