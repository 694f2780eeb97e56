import type { RunningServer } from '../../server/app/app';
import { errorOf, ok, startTestApp, startTestServer, TestApp } from '../support/harness';

/** Hostile or careless requests are refused up front with coded errors, and the server stays up. */
describe('request limits', () => {
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

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
    });

  it('refuses cyclic queries deeper than 12 levels', async () => {
    let inner = 'name';
    for (let i = 0; i < 4; i++)
      inner = `households(first: 2) { nodes { members(first: 2) { nodes { household { village { ${inner} } } } } } }`;
    const res = await app.gql(`{ villages(first: 2) { nodes { ${inner} } } }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses too many aliases and queries whose page sizes multiply past the cost limit', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: townships { totalCount }`).join(' ');
    expect((await app.gql(`{ ${aliases} }`)).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const costly = await app.gql(
      `{ households(first: 500) { nodes { members(first: 500) { nodes { measures(first: 500) { nodes { id description } } } } } } }`,
    );
    expect(errorOf(costly)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' });
    // a realistic heavy page stays allowed
    ok(
      await app.gql(
        `{ households(first: 500) { nodes { id village { name township { name } } members { nodes { name } } measures { nodes { type } } } } }`,
      ),
    );
  });

  it('bounds filters: search length, list sizes and nesting', async () => {
    expect(
      errorOf(
        await app.gql(`query($q: String) { householdMembers(filter: { q: $q }) { totalCount } }`, {
          q: 'x'.repeat(101),
        }),
      ),
    ).toMatchObject({
      reason: 'TOO_LONG',
      fields: [{ field: 'filter.q', reason: 'TOO_LONG' }],
    });
    const ids = Array.from({ length: 1001 }, (_, i) => String(i + 1));
    expect(
      errorOf(
        await app.gql(`query($ids: [ID!]) { households(filter: { id: { in: $ids } }) { totalCount } }`, {
          ids,
        }),
      ).reason,
    ).toBe('TOO_MANY');
    let nested: any = { householdType: { eq: 'ORDINARY' } };
    for (let i = 0; i < 20; i++) nested = { not: nested };
    expect(
      errorOf(
        await app.gql(`query($f: HouseholdFilter) { households(filter: $f) { totalCount } }`, { f: nested }),
      ).reason,
    ).toBe('FILTER_TOO_DEEP');
    const long = `1.${'1'.repeat(200)}`;
    expect(
      errorOf(
        await app.gql(
          `query($v: Decimal) { assets(filter: { originalValueYuan: { gt: $v } }) { totalCount } }`,
          { v: long },
        ),
      ).code,
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses text with NUL characters, in variables and inline', async () => {
    const res = await app.gql(
      `query($n: String) { households(filter: { householdNumber: { eq: $n } }) { totalCount } }`,
      { n: 'a\u0000b' },
    );
    expect(errorOf(res)).toMatchObject({
      reason: 'INVALID_CHARACTER',
      fields: [{ field: 'n', reason: 'INVALID_CHARACTER' }],
    });
    expect(errorOf(await app.gql(`{ households(filter: { q: "a\\u0000b" }) { totalCount } }`)).reason).toBe(
      'INVALID_CHARACTER',
    );
  });

  it('names the field of an invalid variable value', async () => {
    const res = await app.gql(
      `mutation($input: CreateVillageCollectiveIncomeInput!) { createVillageCollectiveIncome(input: $input) { id } }`,
      {
        input: { villageId: '1', year: 2025, amountYuan: '1e5' },
      },
    );
    expect(errorOf(res)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_VALUE',
      fields: [{ field: 'input.amountYuan', reason: 'INVALID_VALUE' }],
    });
  });

  it('answers malformed and oversized bodies with JSON errors, and keeps serving', async () => {
    const malformed = await post('{"query": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as any).errors[0].extensions).toEqual({
      code: 'BAD_REQUEST',
      reason: 'MALFORMED_REQUEST',
    });
    const big = await post(
      JSON.stringify({ query: `{ townships { totalCount } }`, variables: { pad: 'x'.repeat(1_100_000) } }),
    );
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.reason).toBe('PAYLOAD_TOO_LARGE');
    const after = await post(JSON.stringify({ query: '{ townships { totalCount } }' }));
    expect((await after.json()) as any).toEqual({ data: { townships: { totalCount: 10 } } });
  });

  it('rejects hostile requests quickly with coded errors and stays responsive (over HTTP)', async () => {
    const timed = async (body: string) => {
      const started = Date.now();
      const res = await post(body);
      return { res, ms: Date.now() - started, json: (await res.json()) as any };
    };
    let deep = 'name';
    for (let i = 0; i < 6; i++) deep = `households(first: 2) { nodes { village { ${deep} } } }`;
    const attacks = [
      // a deep query
      JSON.stringify({ query: `{ villages(first: 2) { nodes { ${deep} } } }` }),
      // an expensive one: pages that multiply
      JSON.stringify({
        query:
          '{ villages(first: 500) { nodes { households(first: 500) { nodes { members(first: 500) { nodes { id } } } } } } }',
      }),
      // 1,000 aliases
      JSON.stringify({
        query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: townships { totalCount }`).join(' ')} }`,
      }),
      // 10 MB
      JSON.stringify({ query: '{ townships { totalCount } }', variables: { pad: 'x'.repeat(10_000_000) } }),
    ];
    for (const body of attacks) {
      const { res, ms, json } = await timed(body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(json.errors[0].extensions.code).toMatch(
        /GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED|BAD_REQUEST|BAD_USER_INPUT/,
      );
      expect(ms).toBeLessThan(2000);
    }
    const { json } = await timed(JSON.stringify({ query: '{ townships { totalCount } }' }));
    expect(json).toEqual({ data: { townships: { totalCount: 10 } } });
  });

  it('in production hides field suggestions and does not echo an unsafe request id', async () => {
    const typo = (await (await post(JSON.stringify({ query: '{ househol { totalCount } }' }))).json()) as any;
    expect(typo.errors[0].message).not.toMatch(/Did you mean/);
    const res = await post(JSON.stringify({ query: '{ households(first: 501) { totalCount } }' }), {
      'x-request-id': '<script>x</script>',
    });
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.requestId).not.toContain('<');
    const mine = await post(JSON.stringify({ query: '{ households(first: 501) { totalCount } }' }), {
      'x-request-id': 'dash-42',
    });
    expect(((await mine.json()) as any).errors[0].extensions.requestId).toBe('dash-42');
  });
});
