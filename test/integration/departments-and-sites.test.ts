import { aHousehold, aMember, anIdNumber, villageIdByName } from '../support/builders';
import { errorOf, ok, startTestApp, TestApp } from '../support/harness';

describe('departments and relocation sites', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('creates, filters, sorts, updates and deletes departments; township governments name their township', async () => {
    const create = `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id kind township { name } } }`;
    const d = ok(
      await app.gql(create, { input: { code: 'X01', name: '区测试局', kind: 'GOVERNMENT' } }),
    ).createDepartment;
    expect(d).toEqual({ id: d.id, kind: 'GOVERNMENT', township: null });
    expect(
      errorOf(await app.gql(create, { input: { code: 'X02', name: '某乡政府', kind: 'TOWNSHIP' } })).fields,
    ).toEqual([{ field: 'input.townshipId', reason: 'REQUIRED' }]);
    const list = ok(
      await app.gql(
        `{ departments(filter: { kind: { in: [PARTY, CITY_BRANCH] } }, orderBy: [{ field: KIND, direction: DESC }, { field: CODE }]) { nodes { code kind } } }`,
      ),
    );
    const nodes = list.departments.nodes;
    // enums sort in their declared order (PARTY, GOVERNMENT, CITY_BRANCH, …)
    expect(nodes.map((n: any) => n.kind)).toEqual([
      'CITY_BRANCH',
      'CITY_BRANCH',
      'PARTY',
      'PARTY',
      'PARTY',
      'PARTY',
    ]);
    expect(nodes.filter((n: any) => n.kind === 'PARTY').map((n: any) => n.code)).toEqual([
      'D08',
      'D28',
      'D33',
      'D34',
    ]);
    const up = ok(
      await app.gql(
        `mutation($id: ID!) { updateDepartment(id: $id, input: { name: "区测试局（改）" }) { name version } }`,
        { id: d.id },
      ),
    );
    expect(up.updateDepartment).toEqual({ name: '区测试局（改）', version: 2 });
    expect(
      ok(await app.gql(`mutation($id: ID!) { deleteDepartment(id: $id, expectedVersion: 2) }`, { id: d.id }))
        .deleteDepartment,
    ).toBe(d.id);
  });

  it('derives a site’s relocated households, people, laborers and employment rate from its households', async () => {
    const villageId = await villageIdByName(app, '大川渡村村民委员会');
    const site = ok(
      await app.gql(
        `mutation($v: ID!) { createRelocationSite(input: { name: "测试安置点", placement: CENTRALIZED_TOWN, villageId: $v, houses: 10 }) { id township { name } } }`,
        {
          v: await villageIdByName(app, '中心街社区居民委员会'),
        },
      ),
    ).createRelocationSite;
    expect(site.township.name).toBe('人民路街道');
    const relocated = { relocationSiteId: site.id, movedInAt: '2019-06-01', originVillageId: villageId };
    await aHousehold(app, {
      villageId,
      fields: relocated,
      members: [
        aMember({
          idNumber: anIdNumber('1980-01-01'),
          laborCapacity: 'FULL',
          workLocation: 'IN_COUNTY',
          workMonths: 10,
        }),
        aMember({
          relationToHead: 'SPOUSE',
          idNumber: anIdNumber('1982-02-02', false),
          laborCapacity: 'PARTIAL',
        }),
        aMember({
          relationToHead: 'SON',
          idNumber: anIdNumber('2015-03-03'),
          laborCapacity: 'NONE',
          schoolStatus: 'PRIMARY',
          educationLevel: 'PRIMARY',
        }),
      ],
    });
    await aHousehold(app, {
      villageId,
      fields: relocated,
      members: [aMember({ idNumber: anIdNumber('1950-04-04'), laborCapacity: 'LOST' })],
    });
    const data = ok(
      await app.gql(
        `query($id: ID!) { relocationSite(id: $id) { relocatedHouseholds relocatedPeople laborers employedLaborers employmentRate
        households(orderBy: [{ field: MOVED_IN_AT }]) { totalCount nodes { relocationSite { name } originVillage { name } } } } }`,
        { id: site.id },
      ),
    );
    expect(data.relocationSite).toMatchObject({
      relocatedHouseholds: 2,
      relocatedPeople: 4,
      laborers: 2,
      employedLaborers: 1,
      employmentRate: 50,
    });
    expect(data.relocationSite.households.nodes[0]).toEqual({
      relocationSite: { name: '测试安置点' },
      originVillage: { name: '大川渡村村民委员会' },
    });
    expect(
      errorOf(await app.gql(`mutation($id: ID!) { deleteRelocationSite(id: $id) }`, { id: site.id })).reason,
    ).toBe('IN_USE');
  });

  it('refuses a site whose village is outside its township', async () => {
    const [t] = (await app.gql(`{ townships(filter: { name: { eq: "水川镇" } }) { nodes { id } } }`)).data!
      .townships.nodes;
    const res = await app.gql(
      `mutation($t: ID!, $v: ID!) { createRelocationSite(input: { name: "错位安置点", placement: SCATTERED, townshipId: $t, villageId: $v }) { id } }`,
      {
        t: t.id,
        v: await villageIdByName(app, '中心街社区居民委员会'),
      },
    );
    expect(errorOf(res).fields).toEqual([{ field: 'input.villageId', reason: 'VILLAGE_NOT_IN_TOWNSHIP' }]);
  });
});
