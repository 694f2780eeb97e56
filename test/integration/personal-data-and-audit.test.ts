import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '../../server/auth/actor';
import { decrypt, lookupHash } from '../../server/auth/personal-data';
import { createDataSource } from '../../server/database/data-source';
import { aHousehold, aMember, anIdNumber } from '../support/builders';
import { errorOf, freshPostgres, ok, startTestApp, TestApp } from '../support/harness';

/** ID and phone numbers encrypted at rest and masked; IDOR attempts; the append-only audit trail. */
describe('personal data, scope and the audit trail', () => {
  let app: TestApp;
  let t1: string;
  let t2: string;
  let v1: string;
  let v2: string;
  beforeAll(async () => {
    app = await startTestApp();
    const towns = ok(
      await app.gql(
        '{ townships(orderBy: [{ field: CODE }], filter: { kind: { ne: STREET } }, first: 2) { nodes { id } } }',
      ),
    ).townships.nodes;
    [t1, t2] = towns.map((t: any) => t.id);
    const village = async (t: string) =>
      ok(
        await app.gql(
          'query($t: ID!) { villages(first: 1, filter: { townshipId: { eq: $t } }) { nodes { id } } }',
          { t },
        ),
      ).villages.nodes[0].id;
    v1 = await village(t1);
    v2 = await village(t2);
  });
  afterAll(() => app.close());

  it('stores ID and phone numbers encrypted, masks them, and reveals an ID number only on request, audited', async () => {
    const idNumber = anIdNumber('1968-02-29');
    const h = await aHousehold(app, {
      villageId: v1,
      members: [aMember({ name: '王建国', idNumber })],
      fields: { phone: '13909431234', address: '水川镇大坪村3组' },
    });
    const [row] = await app.db.query(
      'SELECT m.id, m.id_number_encrypted, m.id_number_hash, h.phone_encrypted FROM household_member m JOIN household h ON h.id = m.household_id WHERE h.id = $1',
      [h.id],
    );
    expect(row.id_number_encrypted).toMatch(/^v1\./);
    expect(row.id_number_encrypted).not.toContain(idNumber.slice(6, 14));
    expect(decrypt(row.id_number_encrypted)).toBe(idNumber);
    expect(row.id_number_hash).toBe(lookupHash(idNumber));
    expect(row.phone_encrypted).not.toContain('13909431234');
    const columns = (
      await app.db.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'household_member'`,
      )
    ).map((c: any) => c.column_name);
    expect(columns).not.toContain('id_number');

    const read = `query($id: ID!) { household(id: $id) { phone address head { id name idNumber } } }`;
    const asOfficer = ok(await app.gql(read, { id: h.id })).household;
    expect(asOfficer).toMatchObject({ phone: '13909431234', address: '水川镇大坪村3组' });
    expect(asOfficer.head.idNumber).toBe(`${idNumber.slice(0, 6)}***********${idNumber.slice(17)}`);
    expect(asOfficer.head.name).toBe('王建国');

    const dept = ok(await app.gql('{ departments(first: 1) { nodes { id } } }')).departments.nodes[0].id;
    for (const actor of [
      await app.user(Role.DEPARTMENT_OFFICER, { departmentId: dept }),
      await app.apiKey(),
    ]) {
      const seen = ok(await app.gqlAs(actor, read, { id: h.id })).household;
      expect(seen).toMatchObject({ phone: '139****1234', address: null, head: { name: '王**' } });
      expect(seen.head.idNumber).not.toContain(idNumber.slice(6, 14));
      // nor may they search by personal data
      expect(
        errorOf(
          await app.gqlAs(
            actor,
            `{ householdMembers(filter: { idNumber: { eq: "${idNumber}" } }) { totalCount } }`,
          ),
        ).reason,
      ).toBe('PERSONAL_DATA');
      expect(
        errorOf(await app.gqlAs(actor, `{ householdMembers(filter: { q: "${idNumber}" }) { totalCount } }`))
          .code,
      ).toBe('FORBIDDEN');
      expect(
        errorOf(await app.gqlAs(actor, `mutation { revealIdNumber(memberId: "${asOfficer.head.id}") }`)).code,
      ).toBe('FORBIDDEN');
    }

    // exact lookup through the keyed hash, by filter and by `q`
    const find = (filter: string) => app.gql(`{ householdMembers(filter: ${filter}) { nodes { id } } }`);
    expect(ok(await find(`{ idNumber: { eq: "${idNumber}" } }`)).householdMembers.nodes).toEqual([
      { id: asOfficer.head.id },
    ]);
    expect(
      ok(await find(`{ idNumber: { in: ["${idNumber.toLowerCase()}"] } }`)).householdMembers.nodes,
    ).toHaveLength(1);
    expect(ok(await find(`{ q: "${idNumber}" }`)).householdMembers.nodes).toEqual([
      { id: asOfficer.head.id },
    ]);
    // a duplicate is still refused
    const dup = await app.gql(
      'mutation($i: CreateHouseholdMemberInput!) { createHouseholdMember(input: $i) { id } }',
      { i: { ...aMember({ idNumber, relationToHead: 'SPOUSE' }), householdId: h.id } },
    );
    expect(errorOf(dup)).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });

    const revealed = ok(
      await app.gql(`mutation { revealIdNumber(memberId: "${asOfficer.head.id}") }`),
    ).revealIdNumber;
    expect(revealed).toBe(idNumber);
    const [event] = await app.db.query(
      `SELECT actor_name, role, entity, entity_id FROM audit_event WHERE operation = 'revealIdNumber' ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toEqual({
      actor_name: app.admin.name,
      role: 'ADMIN',
      entity: 'HouseholdMember',
      entity_id: asOfficer.head.id,
    });
  });

  it('gives masked roles no way around the masks: birth dates, sorting, filters, cursors, size', async () => {
    const h = await aHousehold(app, {
      villageId: v1,
      members: [aMember({ name: '欧阳秘密' })],
      fields: { address: '水川镇五柳村三社12号' },
    });
    const key = await app.apiKey();
    const member = ok(
      await app.gqlAs(
        key,
        `query($h: ID!) { householdMembers(filter: { householdId: { eq: $h } }) { nodes { name birthMonth age } } }`,
        { h: h.id },
      ),
    ).householdMembers.nodes[0];
    expect(member).toMatchObject({ name: '欧**', birthMonth: null });
    expect(member.age).toBeGreaterThan(0);
    for (const q of [
      '{ householdMembers(orderBy: [{ field: NAME }]) { pageInfo { startCursor } } }',
      '{ householdMembers(filter: { name: { eq: "欧阳秘密" } }) { totalCount } }',
      '{ householdMembers(filter: { birthMonth: { gte: "1980-01" } }) { totalCount } }',
      '{ householdMembers(orderBy: [{ field: BIRTH_MONTH }]) { totalCount } }',
      '{ households(filter: { address: { startsWith: "水川镇五柳村" } }) { totalCount } }',
      '{ relocationSites(filter: { households: { address: { contains: "三社" } } }) { totalCount } }',
    ])
      expect(errorOf(await app.gqlAs(key, q)).reason).toBe('PERSONAL_DATA');
    // `q` on households skips the address for them (and finds it for an officer)
    expect(
      ok(await app.gqlAs(key, '{ households(filter: { q: "三社12号" }) { totalCount } }')).households
        .totalCount,
    ).toBe(0);
    expect(
      ok(await app.gql('{ households(filter: { q: "三社12号" }) { totalCount } }')).households.totalCount,
    ).toBe(1);
    // a filter of a thousand conditions is refused before it reaches the database
    const huge = { or: Array.from({ length: 300 }, (_, i) => ({ householdNumber: { eq: `X${i}` } })) };
    expect(
      errorOf(
        await app.gql('query($f: HouseholdFilter) { households(filter: $f) { totalCount } }', { f: huge }),
      ).reason,
    ).toBe('FILTER_TOO_LARGE');
  });

  it('hides another township’s household on every path (IDOR)', async () => {
    const idNumber = anIdNumber('1971-07-07');
    const h = await aHousehold(app, { villageId: v1, members: [aMember({ idNumber })] });
    const other = await app.user(Role.TOWNSHIP_OFFICER, { townshipId: t2 });
    const as = (q: string, v: Record<string, unknown> = {}) => app.gqlAs(other, q, v).then(ok);
    expect((await as('query($id: ID!) { household(id: $id) { id } }', { id: h.id })).household).toBeNull();
    expect(
      (await as('query($id: ID!) { village(id: $id) { households { totalCount } } }', { id: v1 })).village,
    ).toBeNull();
    expect(
      (await as('query($id: ID!) { households(filter: { id: { eq: $id } }) { totalCount } }', { id: h.id }))
        .households.totalCount,
    ).toBe(0);
    expect(
      (await as(`{ householdMembers(filter: { idNumber: { eq: "${idNumber}" } }) { totalCount } }`))
        .householdMembers.totalCount,
    ).toBe(0);
    expect(
      (await as(`{ householdMembers(filter: { q: "${idNumber}" }) { totalCount } }`)).householdMembers
        .totalCount,
    ).toBe(0);
    // through a public parent (relocation sites are reference data) and a relation filter
    const site = ok(await app.gql('{ relocationSites(first: 1) { nodes { id } } }')).relocationSites.nodes[0]
      .id;
    ok(
      await app.gql(
        'mutation($id: ID!, $s: ID!) { updateHousehold(id: $id, input: { relocationSiteId: $s }) { id } }',
        { id: h.id, s: site },
      ),
    );
    const viaSite = await as(
      `query($s: ID!) { relocationSite(id: $s) { households(filter: { id: { eq: "${h.id}" } }) { totalCount nodes { id } } } }`,
      { s: site },
    );
    expect(viaSite.relocationSite.households).toEqual({ totalCount: 0, nodes: [] });
    const probe = await as(
      `{ relocationSites(filter: { households: { members: { idNumber: { eq: "${idNumber}" } } } }) { totalCount } }`,
    );
    expect(probe.relocationSites.totalCount).toBe(0);
    expect(
      ok(
        await app.gql(
          `{ relocationSites(filter: { households: { members: { idNumber: { eq: "${idNumber}" } } } }) { totalCount } }`,
        ),
      ).relocationSites.totalCount,
    ).toBe(1);
    // aggregates
    const stats = await as(
      `query($id: ID!) { householdStatistics(groupBy: TOWNSHIP, filter: { id: { eq: $id } }) { count } }`,
      { id: h.id },
    );
    expect(stats.householdStatistics).toEqual([]);
    // writes: not found, and no moving a household of its own into another township
    expect(
      errorOf(await app.gqlAs(other, 'mutation($id: ID!) { deleteHousehold(id: $id) }', { id: h.id })).code,
    ).toBe('NOT_FOUND');
    const own = await aHousehold(app, { villageId: v2 });
    expect(
      errorOf(
        await app.gqlAs(
          other,
          'mutation($id: ID!, $v: ID!) { updateHousehold(id: $id, input: { villageId: $v }) { id } }',
          { id: own.id, v: v1 },
        ),
      ).fields,
    ).toEqual([{ field: 'input.villageId', reason: 'REFERENCE_NOT_FOUND' }]);
    const [still] = await app.db.query('SELECT village_id FROM household WHERE id = $1', [own.id]);
    expect(String(still.village_id)).toBe(v2);
  });

  it('audits each successful write once with before and after, and none for a failed one', async () => {
    const h = await aHousehold(app, { villageId: v1, fields: { address: '旧址' } });
    const count = async () => (await app.db.query('SELECT count(*)::int AS n FROM audit_event'))[0].n;
    const before = await count();
    ok(
      await app.gql(
        'mutation($id: ID!) { updateHousehold(id: $id, input: { cadreName: "李干部", address: "新址" }) { id } }',
        { id: h.id },
      ),
    );
    const events = await app.db.query(
      `SELECT * FROM audit_event WHERE id > (SELECT max(id) - 1 FROM audit_event)`,
    );
    expect(await count()).toBe(before + 1);
    expect(events[0]).toMatchObject({
      actor_kind: 'USER',
      actor_name: app.admin.name,
      role: 'ADMIN',
      operation: 'updateHousehold',
      entity: 'Household',
      entity_id: h.id,
    });
    expect(events[0].before).toMatchObject({ cadreName: null, address: '***' });
    expect(events[0].after).toMatchObject({ cadreName: '李干部', address: '***' });

    const failed = await app.gql(
      'mutation($id: ID!) { updateHousehold(id: $id, input: { villageId: "999999" }) { id } }',
      { id: h.id },
    );
    expect(errorOf(failed).code).toBe('BAD_USER_INPUT');
    const dupMember = await app.gql(
      'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }',
      {
        i: {
          householdNumber: 'AUD-1',
          villageId: v1,
          householdType: 'ORDINARY',
          members: [aMember(), aMember()],
        },
      },
    );
    expect(errorOf(dupMember).reason).toBe('HEAD_COUNT');
    expect(await count()).toBe(before + 1);

    // a member's ID number and name never reach the trail in clear
    const created = ok(
      await app.gql('mutation($i: CreateHouseholdMemberInput!) { createHouseholdMember(input: $i) { id } }', {
        i: { ...aMember({ name: '赵秀英', relationToHead: 'SPOUSE' }), householdId: h.id },
      }),
    ).createHouseholdMember;
    const [memberEvent] = await app.db.query(
      `SELECT after FROM audit_event WHERE entity = 'HouseholdMember' AND entity_id = $1`,
      [created.id],
    );
    expect(memberEvent.after.name).toBe('赵**');
    expect(memberEvent.after.idNumber).toMatch(/^620402\*{8}/);
    expect(memberEvent.after).not.toHaveProperty('idNumberHash');
  });

  it('audits nested members, head changes and exports without personal values', async () => {
    const h = await aHousehold(app, {
      villageId: v1,
      members: [aMember({ name: '户主甲' }), aMember({ name: '配偶乙', relationToHead: 'SPOUSE' })],
    });
    const members = await app.db.query(
      'SELECT id, relation_to_head FROM household_member WHERE household_id = $1 ORDER BY id',
      [h.id],
    );
    const events = async (entity: string, ids: string[]) =>
      app.db.query(
        `SELECT operation, entity_id, after FROM audit_event WHERE entity = $1 AND entity_id = ANY($2) ORDER BY id`,
        [entity, ids],
      );
    const created = await events(
      'HouseholdMember',
      members.map((m: any) => String(m.id)),
    );
    expect(created.map((e: any) => e.operation)).toEqual(['createHousehold', 'createHousehold']);
    // the region only: with the birth month beside it, for years
    expect(created[0].after.idNumber).toMatch(/^620402\*{12}$/);
    const spouse = members.find((m: any) => m.relation_to_head === 'SPOUSE');
    ok(
      await app.gql(
        'mutation($id: ID!) { changeHouseholdHead(memberId: $id, formerHeadRelation: SPOUSE) { id } }',
        { id: String(spouse.id) },
      ),
    );
    const changed = (
      await events(
        'HouseholdMember',
        members.map((m: any) => String(m.id)),
      )
    ).filter((e: any) => e.operation === 'changeHouseholdHead');
    expect(changed.map((e: any) => e.after.relationToHead).sort()).toEqual(['HEAD', 'SPOUSE']);
    ok(
      await app.gql(
        'mutation($f: String) { recordExport(resource: "householdMembers", rows: 1, filter: $f) }',
        {
          f: JSON.stringify({ idNumber: '620402198503121231', q: '13912345678' }),
        },
      ),
    );
    const [exported] = await app.db.query(
      `SELECT after FROM audit_event WHERE operation = 'export' ORDER BY id DESC LIMIT 1`,
    );
    expect(exported.after).toEqual({ rows: 1, filterFields: ['idNumber', 'q'] });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit trail', async () => {
    for (const sql of [
      "UPDATE audit_event SET operation = 'x'",
      'DELETE FROM audit_event',
      'TRUNCATE audit_event',
    ]) {
      await expect(app.db.query(sql)).rejects.toThrow(/append-only/);
    }
    expect((await app.db.query('SELECT count(*)::int AS n FROM audit_event'))[0].n).toBeGreaterThan(0);
  });

  it('lists the trail to auditors and administrators, with filters and pages', async () => {
    const auditor = await app.user(Role.AUDITOR);
    const q = `{ auditEvents(first: 2, filter: { operation: { eq: "updateHousehold" } }) { totalCount nodes { operation actorName before after at } pageInfo { hasNextPage } } }`;
    const page = ok(await app.gqlAs(auditor, q)).auditEvents;
    expect(page.totalCount).toBeGreaterThanOrEqual(2);
    expect(page.nodes[0].operation).toBe('updateHousehold');
    expect(JSON.parse(page.nodes[0].after)).toHaveProperty('householdNumber');
    expect(errorOf(await app.gqlAs(auditor, '{ households { totalCount } }')).code).toBe('FORBIDDEN');
    const cadre = await app.user(Role.VILLAGE_CADRE, { villageId: v1 });
    expect(errorOf(await app.gqlAs(cadre, q)).code).toBe('FORBIDDEN');
  });
});

describe('migrating existing personal data', () => {
  it('encrypts plaintext ID and phone numbers of an existing database and drops the plaintext', async () => {
    // On PostgreSQL a fresh database; embedded, a data folder both data sources open in turn.
    const pg = process.env.TEST_DATABASE_URL ? await freshPostgres(process.env.TEST_DATABASE_URL) : null;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-'));
    const open = (count?: number) => {
      const ds = createDataSource({ url: pg?.url, pgliteDataDir: dir });
      const all = ds.options.migrations as Function[];
      return new DataSource({
        ...(ds.options as any),
        migrations: count === undefined ? all : all.slice(0, count),
      });
    };
    const all = open().options.migrations as Function[];
    const cut = all.findIndex((m) => m.name.startsWith('EncryptPersonalData'));
    expect(cut).toBeGreaterThan(0);
    // a database as it was before the migration, with plaintext personal data
    const before = open(cut);
    await before.initialize();
    await before.runMigrations();
    await before.query(`INSERT INTO township (code, name, kind) VALUES ('620402100000', '水川镇', 'TOWN')`);
    await before.query(
      `INSERT INTO village (code, name, township_id, committee_type) VALUES ('620402100201', '大川渡村', 1, 'VILLAGE')`,
    );
    await before.query(
      `INSERT INTO household (household_number, village_id, household_type, phone) VALUES ('H1', 1, 'ORDINARY', '13800001111')`,
    );
    const id = anIdNumber('1955-01-01');
    await before.query(
      `INSERT INTO household_member (household_id, name, id_number, gender, birth_date, relation_to_head, education_level, labor_capacity)
       VALUES (1, '老户主', $1, 'MALE', '1955-01-01', 'HEAD', 'PRIMARY', 'NONE')`,
      [id],
    );
    await before.destroy();
    // the next start applies the rest
    const after = open();
    await after.initialize();
    await after.runMigrations();
    const [m] = await after.query('SELECT * FROM household_member');
    const [h] = await after.query('SELECT * FROM household');
    expect(m).not.toHaveProperty('id_number');
    expect(h).not.toHaveProperty('phone');
    expect(decrypt(m.id_number_encrypted)).toBe(id);
    expect(m.id_number_hash).toBe(lookupHash(id));
    expect(decrypt(h.phone_encrypted)).toBe('13800001111');
    await after.destroy();
    await pg?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
