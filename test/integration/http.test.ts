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
});
