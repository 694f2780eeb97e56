import { errorOf, ok, startTestApp, TestApp } from '../support/harness';

/** Townships, villages and collective income: CRUD, code rules, relations. */
describe('divisions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const createTownship = `mutation($input: CreateTownshipInput!) { createTownship(input: $input) { id code name kind version } }`;
  const createVillage = `mutation($input: CreateVillageInput!) { createVillage(input: $input) { id code name committeeType township { code } } }`;

  it('creates, reads, updates and deletes a township; its kind follows from the code', async () => {
    const created = ok(
      await app.gql(createTownship, { input: { code: '620402203000', name: '测试乡' } }),
    ).createTownship;
    expect(created).toMatchObject({ code: '620402203000', kind: 'TOWNSHIP', version: 1 });
    const updated = ok(
      await app.gql(
        `mutation($id: ID!) { updateTownship(id: $id, expectedVersion: 1, input: { code: "620402006000", name: "测试街道" }) { kind name version } }`,
        { id: created.id },
      ),
    ).updateTownship;
    expect(updated).toEqual({ kind: 'STREET', name: '测试街道', version: 2 });
    expect(
      ok(await app.gql(`query($id: ID!) { township(id: $id) { name } }`, { id: created.id })).township.name,
    ).toBe('测试街道');
    expect(
      ok(await app.gql(`mutation($id: ID!) { deleteTownship(id: $id) }`, { id: created.id })).deleteTownship,
    ).toBe(created.id);
    expect(
      ok(await app.gql(`query($id: ID!) { township(id: $id) { name } }`, { id: created.id })).township,
    ).toBeNull();
  });

  it.each([
    ['12345', 'INVALID_FORMAT'],
    ['620403100000', 'DIVISION_CODE_PARENT'],
    ['620402100001', 'DIVISION_CODE_FORMAT'],
    ['620402500000', 'DIVISION_CODE_KIND'],
  ])('rejects township code %s with %s', async (code, reason) => {
    expect(errorOf(await app.gql(createTownship, { input: { code, name: '坏' } })).fields[0]).toEqual({
      field: 'input.code',
      reason,
    });
  });

  it('rejects a duplicate code with CONFLICT, and a township with villages cannot change its code or be deleted', async () => {
    expect(
      errorOf(await app.gql(createTownship, { input: { code: '620402100000', name: '重复' } })),
    ).toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'input.code', reason: 'DUPLICATE' }],
    });
    const id = ok(await app.gql(`{ townships(filter: { code: { eq: "620402100000" } }) { nodes { id } } }`))
      .townships.nodes[0].id;
    expect(
      errorOf(
        await app.gql(
          `mutation($id: ID!) { updateTownship(id: $id, input: { code: "620402103000" }) { id } }`,
          { id },
        ),
      ).reason,
    ).toBe('DIVISION_CODE_IN_USE');
    expect(errorOf(await app.gql(`mutation($id: ID!) { deleteTownship(id: $id) }`, { id }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'IN_USE',
    });
  });

  it('creates villages whose codes extend the township code; the committee type follows from the code', async () => {
    const townshipId = ok(
      await app.gql(`{ townships(filter: { name: { eq: "武川乡" } }) { nodes { id code } } }`),
    ).townships.nodes[0];
    const v = ok(
      await app.gql(createVillage, {
        input: { code: '620402202299', name: '测试村村民委员会', townshipId: townshipId.id },
      }),
    ).createVillage;
    expect(v).toMatchObject({ committeeType: 'VILLAGE', township: { code: '620402202000' } });
    const c = ok(
      await app.gql(createVillage, {
        input: { code: '620402202099', name: '测试社区居民委员会', townshipId: townshipId.id },
      }),
    ).createVillage;
    expect(c.committeeType).toBe('COMMUNITY');
    const wrong = await app.gql(createVillage, {
      input: { code: '620402100299', name: '错', townshipId: townshipId.id },
    });
    expect(errorOf(wrong).fields[0]).toEqual({ field: 'input.code', reason: 'DIVISION_CODE_PARENT' });
    const none = await app.gql(createVillage, {
      input: { code: '620402202298', name: '错', townshipId: '99999' },
    });
    expect(errorOf(none).fields[0]).toEqual({ field: 'input.townshipId', reason: 'REFERENCE_NOT_FOUND' });
  });

  it('answers township → villages with the real names (水川镇 → 大川渡村村民委员会)', async () => {
    const data = ok(
      await app.gql(
        `{ townships(filter: { name: { eq: "水川镇" } }) { nodes { villages(first: 100, filter: { q: "大川渡" }) { totalCount nodes { name code township { name } } } } } }`,
      ),
    );
    expect(data.townships.nodes[0].villages).toEqual({
      totalCount: 1,
      nodes: [{ name: '大川渡村村民委员会', code: '620402100211', township: { name: '水川镇' } }],
    });
  });

  it('keeps one collective-income row per village and year, money exact to the fen', async () => {
    const villageId = ok(
      await app.gql(`{ villages(filter: { code: { eq: "620402100211" } }) { nodes { id } } }`),
    ).villages.nodes[0].id;
    const create = `mutation($input: CreateVillageCollectiveIncomeInput!) { createVillageCollectiveIncome(input: $input) { id amountYuan } }`;
    const row = ok(
      await app.gql(create, { input: { villageId, year: 2024, amountYuan: '123456789012.34' } }),
    ).createVillageCollectiveIncome;
    expect(row.amountYuan).toBe('123456789012.34');
    expect(
      errorOf(await app.gql(create, { input: { villageId, year: 2024, amountYuan: '1.00' } })),
    ).toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'input.year', reason: 'DUPLICATE' }],
    });
    expect(
      errorOf(await app.gql(create, { input: { villageId, year: 2025, amountYuan: '1.005' } })).fields[0],
    ).toEqual({
      field: 'input.amountYuan',
      reason: 'INVALID_MONEY',
    });
    expect(
      errorOf(await app.gql(create, { input: { villageId, year: 2025, amountYuan: '-5' } })).fields[0].reason,
    ).toBe('INVALID_MONEY');
    const bad = await app.gql(create, { input: { villageId, year: 2025, amountYuan: 'abc' } });
    expect(errorOf(bad).code).toBe('BAD_USER_INPUT');
    const listed = ok(
      await app.gql(
        `query($id: ID!) { village(id: $id) { collectiveIncomes(orderBy: [{ field: YEAR, direction: DESC }]) { nodes { year amountYuan village { name } } } } }`,
        {
          id: villageId,
        },
      ),
    );
    expect(listed.village.collectiveIncomes.nodes[0]).toEqual({
      year: 2024,
      amountYuan: '123456789012.34',
      village: { name: '大川渡村村民委员会' },
    });
  });
});
