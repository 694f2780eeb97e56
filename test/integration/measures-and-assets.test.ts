import { aHousehold, aMember, anIdNumber, departmentIdByCode, villageIdByName } from '../support/builders';
import { errorOf, ok, startTestApp, TestApp } from '../support/harness';

describe('assistance measures and the asset ledger', () => {
  let app: TestApp;
  let villageId: string;
  let health: string;
  let agri: string;
  beforeAll(async () => {
    app = await startTestApp();
    villageId = await villageIdByName(app, '大川渡村村民委员会');
    health = await departmentIdByCode(app, 'D05');
    agri = await departmentIdByCode(app, 'D01');
  });
  afterAll(() => app.close());

  const createMeasure = `mutation($input: CreateAssistanceMeasureInput!) { createAssistanceMeasure(input: $input) {
    id type amountYuan status household { householdNumber } responsibleDepartment { name } beneficiaryMember { name } } }`;

  it('records a measure for a household member and lists it on the household and the department', async () => {
    const h = await aHousehold(app, {
      villageId,
      members: [aMember({ name: '王大病', healthStatus: 'SERIOUS_ILLNESS' })],
    });
    const member = ok(await app.gql(`query($id: ID!) { household(id: $id) { head { id } } }`, { id: h.id }))
      .household.head.id;
    const m = ok(
      await app.gql(createMeasure, {
        input: {
          householdId: h.id,
          type: 'HEALTH',
          description: '大病专项救治',
          responsibleDepartmentId: health,
          beneficiaryMemberId: member,
          amountYuan: '12000.5', // read back as stored: '12000.50',
          startDate: '2025-03-01',
          endDate: '2025-12-31',
        },
      }),
    ).createAssistanceMeasure;
    expect(m).toMatchObject({
      type: 'HEALTH',
      amountYuan: '12000.50',
      status: 'PLANNED',
      responsibleDepartment: { name: '区卫健局' },
      beneficiaryMember: { name: '王大病' },
    });
    const data = ok(
      await app.gql(
        `query($h: ID!, $d: ID!) { household(id: $h) { measures { totalCount nodes { id } } }
        department(id: $d) { measures(filter: { householdId: { eq: $h } }) { nodes { id } } } }`,
        { h: h.id, d: health },
      ),
    );
    expect(data.household.measures).toEqual({ totalCount: 1, nodes: [{ id: m.id }] });
    // the member a measure is for cannot silently disappear from it
    const del = await app.gql(`mutation($id: ID!) { deleteHouseholdMember(id: $id) }`, { id: member });
    expect(errorOf(del)).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE' });
    expect(del.errors![0].message).toContain('assistance_measure');
    expect(data.department.measures.nodes).toEqual([{ id: m.id }]);
  });

  it('rejects a measure without exactly one target, ending before it starts, or for a member of another household', async () => {
    const a = await aHousehold(app, { villageId });
    const b = await aHousehold(app, {
      villageId,
      members: [aMember({ idNumber: anIdNumber('1990-09-09') })],
    });
    const other = ok(await app.gql(`query($id: ID!) { household(id: $id) { head { id } } }`, { id: b.id }))
      .household.head.id;
    const base = {
      type: 'INDUSTRY',
      description: '发展养殖',
      responsibleDepartmentId: agri,
      startDate: '2025-05-01',
    };
    const none = await app.gql(createMeasure, { input: base });
    expect(errorOf(none).fields).toEqual([{ field: 'input.householdId', reason: 'TARGET_COUNT' }]);
    const both = await app.gql(createMeasure, { input: { ...base, householdId: a.id, villageId } });
    expect(errorOf(both).fields).toEqual([{ field: 'input.householdId', reason: 'TARGET_COUNT' }]);
    const backwards = await app.gql(createMeasure, {
      input: { ...base, householdId: a.id, endDate: '2025-04-30' },
    });
    expect(errorOf(backwards).fields).toEqual([{ field: 'input.endDate', reason: 'END_BEFORE_START' }]);
    const stranger = await app.gql(createMeasure, {
      input: { ...base, householdId: a.id, beneficiaryMemberId: other },
    });
    expect(errorOf(stranger).fields).toEqual([
      { field: 'input.beneficiaryMemberId', reason: 'BENEFICIARY_NOT_IN_HOUSEHOLD' },
    ]);
    const badDate = await app.gql(createMeasure, {
      input: { ...base, householdId: a.id, startDate: '2025-02-30' },
    });
    expect(errorOf(badDate).code).toBe('BAD_USER_INPUT');
    const [{ n }] = await app.db.query(
      'SELECT count(*)::int AS n FROM assistance_measure WHERE household_id = $1',
      [Number(a.id)],
    );
    expect(n).toBe(0);
  });

  const createAsset = `mutation($input: CreateAssetInput!) { createAsset(input: $input) { id version originalValueYuan village { name }
    fundings(orderBy: [{ field: AMOUNT_YUAN, direction: DESC }]) { totalCount nodes { source amountYuan } } } }`;
  const assetInput = (overrides: Record<string, unknown> = {}) => ({
    assetCode: `A-${Math.random().toString(36).slice(2, 10)}`,
    name: '日光温室',
    assetClass: 'OPERATING',
    category: 'GREENHOUSE',
    projectName: '2023年度日光温室项目',
    projectYear: 2023,
    villageId,
    ownershipLevel: 'VILLAGE',
    owner: '村股份经济合作社',
    responsibleDepartmentId: agri,
    fundings: [
      { source: 'CENTRAL_FISCAL', amountYuan: '300000.10' },
      { source: 'DISTRICT_FISCAL', amountYuan: '50000.05' },
    ],
    ...overrides,
  });

  it('derives the original value from the funding rows and replaces them on update', async () => {
    const a = ok(await app.gql(createAsset, { input: assetInput() })).createAsset;
    expect(a.originalValueYuan).toBe('350000.15');
    expect(a.version).toBe(1);
    expect(a.fundings.totalCount).toBe(2);
    const updated = ok(
      await app.gql(
        `mutation($id: ID!, $input: UpdateAssetInput!) { updateAsset(id: $id, expectedVersion: 1, input: $input) { version originalValueYuan fundings { nodes { source amountYuan } } } }`,
        {
          id: a.id,
          input: {
            fundings: [{ source: 'EAST_WEST_COOPERATION', amountYuan: '1000.00' }],
            originalValueYuan: '1000',
          },
        },
      ),
    ).updateAsset;
    expect(updated).toEqual({
      version: 2,
      originalValueYuan: '1000.00',
      fundings: { nodes: [{ source: 'EAST_WEST_COOPERATION', amountYuan: '1000.00' }] },
    });
    const listed = ok(
      await app.gql(
        `query($id: ID!) { assets(filter: { id: { eq: $id }, originalValueYuan: { eq: "1000" } }) { totalCount } }`,
        { id: a.id },
      ),
    );
    expect(listed.assets.totalCount).toBe(1);
  });

  it('rejects an original value that differs from the funding total, and writes nothing', async () => {
    const input = assetInput({ originalValueYuan: '350000.16' });
    expect(errorOf(await app.gql(createAsset, { input })).fields).toEqual([
      { field: 'input.originalValueYuan', reason: 'ORIGINAL_VALUE_MISMATCH' },
    ]);
    const [{ n }] = await app.db.query('SELECT count(*)::int AS n FROM asset WHERE asset_code = $1', [
      input.assetCode,
    ]);
    expect(n).toBe(0);
    expect(errorOf(await app.gql(createAsset, { input: assetInput({ fundings: [] }) })).fields[0]).toEqual({
      field: 'input.fundings',
      reason: 'TOO_FEW',
    });
    const badAmount = assetInput({ fundings: [{ source: 'OTHER', amountYuan: '10.001' }] });
    expect(errorOf(await app.gql(createAsset, { input: badAmount })).fields[0]).toEqual({
      field: 'input.fundings.0.amountYuan',
      reason: 'INVALID_MONEY',
    });
  });

  it('refuses fewer benefiting people than benefiting households', async () => {
    const res = await app.gql(createAsset, {
      input: assetInput({ beneficiaryHouseholds: 10, beneficiaryPeople: 2 }),
    });
    expect(errorOf(res).fields).toEqual([
      { field: 'input.beneficiaryPeople', reason: 'FEWER_PEOPLE_THAN_HOUSEHOLDS' },
    ]);
  });

  it('a household asset names its household and takes its village', async () => {
    expect(
      errorOf(
        await app.gql(createAsset, {
          input: assetInput({ assetClass: 'HOUSEHOLD', ownershipLevel: 'HOUSEHOLD' }),
        }),
      ).fields,
    ).toEqual([{ field: 'input.householdId', reason: 'HOUSEHOLD_REQUIRED' }]);
    const h = await aHousehold(app, {
      villageId,
      members: [aMember({ idNumber: anIdNumber('1985-08-08') })],
    });
    const a = ok(
      await app.gql(createAsset, {
        input: assetInput({
          assetClass: 'HOUSEHOLD',
          ownershipLevel: 'HOUSEHOLD',
          villageId: null,
          householdId: h.id,
        }),
      }),
    ).createAsset;
    expect(a.village.name).toBe('大川渡村村民委员会');
    expect(
      errorOf(await app.gql(`mutation($id: ID!) { deleteHousehold(id: $id) }`, { id: h.id })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE' });
  });
});
