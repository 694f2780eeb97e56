import { aHousehold, aMember, anIdNumber, villageIdByName } from '../support/builders';
import { errorOf, ok, startTestApp, TestApp } from '../support/harness';

const CREATE = `mutation($input: CreateHouseholdInput!) {
  createHousehold(input: $input) { id version householdNumber memberCount head { name gender birthMonth }
    village { name township { name } } members(orderBy: [{ field: BIRTH_MONTH }]) { totalCount nodes { name relationToHead gender birthMonth age } } }
}`;

describe('households and members', () => {
  let app: TestApp;
  let villageId: string;
  const count = async (table: string) => (await app.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    app = await startTestApp();
    villageId = await villageIdByName(app, '大川渡村村民委员会');
  });
  afterAll(() => app.close());

  it('creates a household with two members; gender and birth date come from the ID numbers', async () => {
    const data = ok(
      await app.gql(CREATE, {
        input: {
          householdNumber: 'H-0001',
          villageId,
          householdType: 'ALLEVIATED',
          members: [
            aMember({ name: '张建国', idNumber: anIdNumber('1970-03-09', true) }),
            aMember({ name: '李秀英', idNumber: anIdNumber('1972-11-30', false), relationToHead: 'SPOUSE' }),
          ],
        },
      }),
    );
    const h = data.createHousehold;
    expect(h).toMatchObject({ version: 1, householdNumber: 'H-0001', memberCount: 2 });
    expect(h.head).toEqual({ name: '张建国', gender: 'MALE', birthMonth: '1970-03' });
    expect(h.village).toEqual({ name: '大川渡村村民委员会', township: { name: '水川镇' } });
    expect(h.members.nodes.map((m: any) => [m.name, m.relationToHead, m.gender, m.birthMonth])).toEqual([
      ['张建国', 'HEAD', 'MALE', '1970-03'],
      ['李秀英', 'SPOUSE', 'FEMALE', '1972-11'],
    ]);
    expect(h.members.nodes[0].age).toBeGreaterThanOrEqual(55);
  });

  it.each([
    [
      'wrong check digit',
      (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0'),
      'ID_NUMBER_CHECK_DIGIT',
    ],
    ['impossible birth date', () => '620402198002301234', 'ID_NUMBER_BIRTH_DATE'],
    ['letters', () => '62040219800101123A'.replace('3A', 'AA'), 'ID_NUMBER_FORMAT'],
  ])(
    'rejects an ID number with a %s, naming the member field, and writes nothing',
    async (_, mutate, reason) => {
      const before = [await count('household'), await count('household_member')];
      const res = await app.gql(CREATE, {
        input: {
          householdNumber: 'H-BAD',
          villageId,
          householdType: 'ORDINARY',
          members: [
            aMember(),
            aMember({ relationToHead: 'SON', idNumber: mutate(anIdNumber('2001-04-05')) }),
          ],
        },
      });
      expect(errorOf(res)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason,
        fields: [{ field: 'input.members.1.idNumber', reason }],
      });
      expect([await count('household'), await count('household_member')]).toEqual(before);
    },
  );

  it('reports every failed rule of a write at once', async () => {
    const res = await app.gql(CREATE, {
      input: {
        householdNumber: 'H-MANY',
        villageId,
        householdType: 'ORDINARY',
        members: [
          aMember({ relationToHead: 'SON', healthStatus: 'DISABLED' }),
          aMember({ relationToHead: 'SPOUSE', idNumber: '1' + anIdNumber().slice(1) }),
        ],
      },
    });
    const err = errorOf(res);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.fields).toEqual(
      expect.arrayContaining([
        { field: 'input.members.0.disabilityGrade', reason: 'REQUIRED' },
        { field: 'input.members.1.idNumber', reason: 'ID_NUMBER_CHECK_DIGIT' },
        { field: 'input.members', reason: 'HEAD_COUNT' },
      ]),
    );
  });

  it('rejects input-shape errors with the field and a stable reason', async () => {
    const res = await app.gql(CREATE, {
      input: { householdNumber: 'bad number!', villageId, householdType: 'ORDINARY' },
    });
    expect(errorOf(res)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_FORMAT',
      fields: [{ field: 'input.householdNumber', reason: 'INVALID_FORMAT' }],
    });
  });

  it('keeps exactly one head per household', async () => {
    const h = await aHousehold(app, { villageId });
    const addMember = `mutation($input: CreateHouseholdMemberInput!) { createHouseholdMember(input: $input) { id relationToHead } }`;
    const second = await app.gql(addMember, { input: { ...aMember(), householdId: h.id } });
    expect(errorOf(second)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'HEAD_ALREADY_EXISTS' });
    const spouse = ok(
      await app.gql(addMember, { input: { ...aMember({ relationToHead: 'SPOUSE' }), householdId: h.id } }),
    );
    const data = ok(await app.gql(`query($id: ID!) { household(id: $id) { head { id } } }`, { id: h.id }));
    const headId = data.household.head.id;
    const deleteHead = await app.gql(`mutation($id: ID!) { deleteHouseholdMember(id: $id) }`, { id: headId });
    expect(errorOf(deleteHead).reason).toBe('HEAD_REQUIRED');
    const demote = await app.gql(
      `mutation($id: ID!) { updateHouseholdMember(id: $id, input: { relationToHead: FATHER }) { id } }`,
      { id: headId },
    );
    expect(errorOf(demote).reason).toBe('HEAD_REQUIRED');
    const changed = ok(
      await app.gql(
        `mutation($m: ID!) { changeHouseholdHead(memberId: $m, formerHeadRelation: SPOUSE) { id relationToHead household { head { id } } } }`,
        {
          m: spouse.createHouseholdMember.id,
        },
      ),
    );
    expect(changed.changeHouseholdHead).toMatchObject({
      relationToHead: 'HEAD',
      household: { head: { id: spouse.createHouseholdMember.id } },
    });
    const [{ heads }] = await app.db.query(
      `SELECT count(*)::int AS heads FROM household_member WHERE household_id = $1 AND relation_to_head = 'HEAD'`,
      [Number(h.id)],
    );
    expect(heads).toBe(1);
  });

  it('a household without members takes its head first', async () => {
    const h = await aHousehold(app, { villageId, members: [] });
    const res = await app.gql(
      `mutation($input: CreateHouseholdMemberInput!) { createHouseholdMember(input: $input) { id } }`,
      {
        input: { ...aMember({ relationToHead: 'SON' }), householdId: h.id },
      },
    );
    expect(errorOf(res).reason).toBe('HEAD_REQUIRED');
  });

  it('updates with expectedVersion; a stale version is a CONFLICT and changes nothing', async () => {
    const h = await aHousehold(app, { villageId });
    const update = `mutation($id: ID!, $v: Int, $input: UpdateHouseholdInput!) { updateHousehold(id: $id, expectedVersion: $v, input: $input) { version address } }`;
    const first = ok(await app.gql(update, { id: h.id, v: 1, input: { address: '水川镇大川渡村一组' } }));
    expect(first.updateHousehold).toEqual({ version: 2, address: '水川镇大川渡村一组' });
    const stale = await app.gql(update, { id: h.id, v: 1, input: { address: '别处' } });
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const now = ok(await app.gql(`query($id: ID!) { household(id: $id) { version address } }`, { id: h.id }));
    expect(now.household).toEqual({ version: 2, address: '水川镇大川渡村一组' });
  });

  it('refuses to clear a required field, a duplicate number, and relocation details without a site', async () => {
    const h = await aHousehold(app, { villageId });
    const update = `mutation($id: ID!, $input: UpdateHouseholdInput!) { updateHousehold(id: $id, input: $input) { id } }`;
    expect(errorOf(await app.gql(update, { id: h.id, input: { householdType: null } })).reason).toBe(
      'REQUIRED',
    );
    expect(errorOf(await app.gql(update, { id: h.id, input: { householdNumber: 'H-0001' } }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'DUPLICATE',
      fields: [{ field: 'input.householdNumber', reason: 'DUPLICATE' }],
    });
    expect(
      errorOf(await app.gql(update, { id: h.id, input: { movedInAt: '2019-05-01' } })).fields[0],
    ).toEqual({
      field: 'input.movedInAt',
      reason: 'NOT_ALLOWED',
    });
    expect(errorOf(await app.gql(update, { id: h.id, input: { villageId: '999999' } })).fields[0]).toEqual({
      field: 'input.villageId',
      reason: 'REFERENCE_NOT_FOUND',
    });
  });

  it('reads null for an absent or malformed id, NOT_FOUND when writing to one, and deletes with its members', async () => {
    const absent = ok(await app.gql(`{ a: household(id: "999999") { id } b: household(id: "abc") { id } }`));
    expect(absent).toEqual({ a: null, b: null });
    expect(errorOf(await app.gql(`mutation { deleteHousehold(id: "999999") }`))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'HOUSEHOLD_NOT_FOUND',
    });
    const h = await aHousehold(app, {
      villageId,
      members: [aMember(), aMember({ relationToHead: 'SON', idNumber: anIdNumber('2010-01-01') })],
    });
    expect(
      ok(await app.gql(`mutation($id: ID!) { deleteHousehold(id: $id, expectedVersion: 1) }`, { id: h.id })),
    ).toEqual({ deleteHousehold: h.id });
    const [{ n }] = await app.db.query(
      'SELECT count(*)::int AS n FROM household_member WHERE household_id = $1',
      [Number(h.id)],
    );
    expect(n).toBe(0);
  });
});

describe('rules that span records', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('names the member whose ID number is already registered, or repeated in the same household', async () => {
    const villageId = await villageIdByName(app, '大川渡村村民委员会');
    const taken = anIdNumber('1977-07-07');
    await aHousehold(app, { villageId, members: [aMember({ idNumber: taken })] });
    const create = `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }`;
    const again = await app.gql(create, {
      input: {
        householdNumber: 'DUP-1',
        villageId,
        householdType: 'ORDINARY',
        members: [aMember(), aMember({ relationToHead: 'SON', idNumber: taken })],
      },
    });
    expect(errorOf(again)).toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'input.members.1.idNumber', reason: 'DUPLICATE' }],
    });
    const twin = anIdNumber('1999-09-09');
    const repeated = await app.gql(create, {
      input: {
        householdNumber: 'DUP-2',
        villageId,
        householdType: 'ORDINARY',
        members: [aMember({ idNumber: twin }), aMember({ relationToHead: 'SON', idNumber: twin })],
      },
    });
    expect(errorOf(repeated).fields).toEqual([{ field: 'input.members.1.idNumber', reason: 'DUPLICATE' }]);
  });

  it('moves household-level assets with their household, and relocation sites with their village', async () => {
    const from = await villageIdByName(app, '大川渡村村民委员会');
    const to = await villageIdByName(app, '顾家善村村民委员会');
    const h = await aHousehold(app, {
      villageId: from,
      members: [aMember({ idNumber: anIdNumber('1960-06-16') })],
    });
    const agri = ok(await app.gql(`{ departments(filter: { code: { eq: "D01" } }) { nodes { id } } }`))
      .departments.nodes[0].id;
    const asset = ok(
      await app.gql(`mutation($input: CreateAssetInput!) { createAsset(input: $input) { id } }`, {
        input: {
          assetCode: 'MOVE-1',
          name: '到户圈舍',
          assetClass: 'HOUSEHOLD',
          category: 'LIVESTOCK',
          projectName: '到户养殖',
          projectYear: 2022,
          householdId: h.id,
          ownershipLevel: 'HOUSEHOLD',
          owner: '农户',
          responsibleDepartmentId: agri,
          fundings: [{ source: 'CENTRAL_FISCAL', amountYuan: '8000' }],
        },
      }),
    ).createAsset;
    ok(
      await app.gql(
        `mutation($id: ID!, $v: ID!) { updateHousehold(id: $id, input: { villageId: $v }) { id } }`,
        { id: h.id, v: to },
      ),
    );
    const moved = ok(
      await app.gql(`query($id: ID!) { asset(id: $id) { village { name } } }`, { id: asset.id }),
    );
    expect(moved.asset.village.name).toBe('顾家善村村民委员会');
    ok(
      await app.gql(`mutation($id: ID!) { updateAsset(id: $id, input: { name: "到户圈舍（改）" }) { id } }`, {
        id: asset.id,
      }),
    );

    const township = ok(
      await app.gql(`{ townships(filter: { code: { eq: "620402202000" } }) { nodes { id } } }`),
    ).townships.nodes[0].id;
    const village = ok(
      await app.gql(
        `mutation($t: ID!) { createVillage(input: { code: "620402201250", name: "迁移测试村", townshipId: $t }) { id } }`,
        {
          t: ok(await app.gql(`{ townships(filter: { code: { eq: "620402201000" } }) { nodes { id } } }`))
            .townships.nodes[0].id,
        },
      ),
    ).createVillage;
    const site = ok(
      await app.gql(
        `mutation($v: ID!) { createRelocationSite(input: { name: "迁移测试点", placement: SCATTERED, villageId: $v }) { id } }`,
        { v: village.id },
      ),
    ).createRelocationSite;
    ok(
      await app.gql(
        `mutation($id: ID!, $t: ID!) { updateVillage(id: $id, input: { townshipId: $t, code: "620402202250" }) { id } }`,
        { id: village.id, t: township },
      ),
    );
    const after = ok(
      await app.gql(`query($id: ID!) { relocationSite(id: $id) { township { code } } }`, { id: site.id }),
    );
    expect(after.relocationSite.township.code).toBe('620402202000');
    ok(
      await app.gql(`mutation($id: ID!) { updateRelocationSite(id: $id, input: { houses: 5 }) { id } }`, {
        id: site.id,
      }),
    );
  });
});
