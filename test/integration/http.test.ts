import type { RunningServer } from '../../server/app/app';
import { startTestApp, startTestServer, TestApp } from '../support/harness';

/** The HTTP surface: one port, /graphql and /health, errors with codes over the wire. */
describe('HTTP server', () => {
  let app: TestApp;
  let server: RunningServer;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp();
    server = await startTestServer(app);
    token = await app.token(app.admin);
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  const post = (body: unknown) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it('reports health', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect((await res.json()) as any).toMatchObject({ status: 'ok' });
  });

  it('answers a query over HTTP', async () => {
    const res = await post({
      query: '{ townships(filter: { code: { eq: "620402100000" } }) { nodes { name } } }',
    });
    expect(res.status).toBe(200);
    expect((await res.json()) as any).toEqual({ data: { townships: { nodes: [{ name: '水川镇' }] } } });
  });

  it('returns coded errors, and rejects malformed requests with 400', async () => {
    const bad = await post({ query: '{ households(first: 9999) { nodes { id } } }' });
    const body = (await bad.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PAGE_SIZE_TOO_LARGE',
    });
    expect(body.errors[0].extensions.requestId).toEqual(expect.any(String));
    expect((await post({ query: '{ households { nope } }' })).status).toBe(400);
    expect((await post({ query: '{' })).status).toBe(400);
  });

  // Robustness round (attack report, item 3): unreadable requests answer 400 with a code, never 500.
  it('answers 400 with a code to several operations without (or with an unknown) operationName, signed out', async () => {
    const anon = (body: unknown) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const body of [
      { query: 'query A{__typename} query B{__typename}' },
      {
        query:
          'mutation A{login(input:{username:"a",password:"b"}){token}} mutation B{login(input:{username:"a",password:"b"}){token}}',
      },
      { query: 'query A{__typename}', operationName: 'Z' },
    ]) {
      const res = await anon(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
    }
    for (const body of [
      { query: 'query A{me{id}} query B{me{id}}' },
      { query: 'mutation A{logout} mutation B{logout}' },
      { query: 'query A{me{id}} query B{me{id}}', operationName: 'Z' },
    ]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
    }
  });

  it('gives a mismatched persisted-query hash a proper code', async () => {
    const res = await post({
      query: '{ me { id } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
    });
    expect(res.status).toBe(400);
    const error = ((await res.json()) as any).errors[0];
    expect(error.extensions.code).toBe('BAD_REQUEST');
    expect(error.extensions.reason).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });

  it('refuses a repeated (array) export parameter with 400', async () => {
    const res = await fetch(`${server.url}/api/assets/export.xlsx?filter=1&filter=2`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_FORMAT',
    });
  });
});
