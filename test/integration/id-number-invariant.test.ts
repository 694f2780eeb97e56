import ExcelJS from 'exceljs';
import type { RunningServer } from '../../server/app/app';
import { Actor, Role } from '../../server/auth/actor';
import { idNumberCheckChar } from '../../server/common/validation/id-number';
import { ageOn } from '../../server/modules/household-member/household-member.resolver';
import { aHousehold, aMember, anIdNumber, departmentIdByCode } from '../support/builders';
import { errorOf, ok, startTestApp, startTestServer, TestApp } from '../support/harness';

/** What a caller could read about one member without a reveal. */
interface Seen {
  idNumber?: string | null;
  gender?: string | null;
  birthMonth?: string | null;
  birthDate?: string | null;
  age?: number | null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * How many 18-character ID numbers agree with everything seen (issue #11 fault 1): the visible
 * characters of the masked number, the sex (parity of digit 17), the birth month or date, the age,
 * and the check character. Counting stops at `cap`.
 */
function candidates(seen: Seen, cap = 100_000): number {
  const mask = seen.idNumber ?? '*'.repeat(18);
  const fits = (text: string, at: number) =>
    [...text].every((c, i) => mask[at + i] === '*' || mask[at + i] === c);
  const today = new Date();
  let n = 0;
  for (let y = 1900; y <= today.getUTCFullYear(); y++)
    for (let m = 1; m <= 12; m++) {
      const month = `${y}-${pad(m)}`;
      if (seen.birthMonth && seen.birthMonth !== month) continue;
      if (typeof seen.age === 'number' && ageOn(month, today) !== seen.age) continue;
      for (let d = 1; d <= daysIn(y, m); d++) {
        const date = `${month}-${pad(d)}`;
        // the audit trail keeps birth dates as `YYYY-MM`: compare as many characters as are shown
        if (seen.birthDate && seen.birthDate !== date.slice(0, seen.birthDate.length)) continue;
        const digits = `${y}${pad(m)}${pad(d)}`;
        if (!fits(digits, 6)) continue;
        for (let s = 0; s < 1000; s++) {
          if (seen.gender && (s % 2 === 1) !== (seen.gender === 'MALE')) continue;
          const seq = pad(s, 3);
          if (!fits(seq, 14)) continue;
          const first17 = `${mask.slice(0, 6).includes('*') ? '620402' : mask.slice(0, 6)}${digits}${seq}`;
          if (!fits(idNumberCheckChar(first17), 17)) continue;
          if (++n >= cap) return n;
        }
      }
    }
  return n;
}

describe('no reveal, no ID number: the 1,000-candidate invariant (issue #11 faults 1 and 2)', () => {
  let app: TestApp;
  let server: RunningServer;
  let villageId: string;
  let townshipId: string;
  let household: { id: string };
  const births = [
    ['1981-02-14', true],
    ['1999-02-28', false],
    ['1975-07-31', true],
    ['2016-11-01', false],
  ] as const;
  const ids = births.map(([d, male]) => anIdNumber(d, male));

  beforeAll(async () => {
    app = await startTestApp();
    server = await startTestServer(app);
    const v = ok(await app.gql('{ villages(first: 1) { nodes { id townshipId } } }')).villages.nodes[0];
    villageId = v.id;
    townshipId = v.townshipId;
    household = await aHousehold(app, {
      villageId,
      members: ids.map((idNumber, i) =>
        aMember({ name: `马${'红梅丽华'.slice(0, i + 1)}`, idNumber, relationToHead: i ? 'SON' : 'HEAD' }),
      ),
    });
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  const readers = async (): Promise<[string, Actor][]> => {
    const dept = await departmentIdByCode(app, 'D01');
    return [
      ['ADMIN', app.admin],
      ['DISTRICT_OFFICER', await app.user(Role.DISTRICT_OFFICER)],
      ['TOWNSHIP_OFFICER', await app.user(Role.TOWNSHIP_OFFICER, { townshipId })],
      ['VILLAGE_CADRE', await app.user(Role.VILLAGE_CADRE, { villageId })],
      ['DEPARTMENT_OFFICER', await app.user(Role.DEPARTMENT_OFFICER, { departmentId: dept })],
      ['API_KEY', await app.apiKey()],
    ];
  };

  it('leaves at least 1,000 candidates for every member, whatever each role can read', async () => {
    for (const [role, actor] of await readers()) {
      const nodes = ok(
        await app.gqlAs(
          actor,
          `query($h: ID!) { householdMembers(filter: { householdId: { eq: $h } }, orderBy: [{ field: ID }]) {
             nodes { idNumber gender birthMonth age } } }`,
          { h: household.id },
        ),
      ).householdMembers.nodes as Seen[];
      expect(nodes).toHaveLength(ids.length);
      nodes.forEach((seen, i) => {
        expect(seen.idNumber).not.toBe(ids[i]);
        const count = candidates(seen);
        // the true number is among them, and hides among at least 1,000
        expect({ role, member: i, atLeast1000: count >= 1000 }).toEqual({
          role,
          member: i,
          atLeast1000: true,
        });
      });
      // the birth date is not a field at all, and is no sort key or filter for anyone
      expect(errorOf(await app.gqlAs(actor, '{ householdMembers { nodes { birthDate } } }')).code).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
      expect(
        errorOf(
          await app.gqlAs(
            actor,
            '{ householdMembers(filter: { birthDate: { eq: "1981-02-14" } }) { totalCount } }',
          ),
        ).code,
      ).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    // sanity of the counter: the old mask with a birth date in clear left 1 candidate
    const old = `${ids[0].slice(0, 6)}********${ids[0].slice(14)}`;
    expect(candidates({ idNumber: old, birthDate: births[0][0], gender: 'MALE' })).toBe(1);
    // and the new mask with the full birth date would leave fewer than 1,000 (why the date is never shown)
    expect(
      candidates({ idNumber: `${ids[0].slice(0, 6)}***********${ids[0][17]}`, birthDate: births[0][0] }),
    ).toBeLessThan(1000);
  });

  it('keeps the invariant in the audit trail an auditor reads', async () => {
    const auditor = await app.user(Role.AUDITOR);
    const events = ok(
      await app.gqlAs(
        auditor,
        `{ auditEvents(filter: { entity: { eq: "HouseholdMember" } }, first: 50) { nodes { before after } } }`,
      ),
    ).auditEvents.nodes as { before: string | null; after: string | null }[];
    const rows = events
      .flatMap((e) => [e.before, e.after])
      .filter(Boolean)
      .map((j) => JSON.parse(j!));
    expect(rows.length).toBeGreaterThanOrEqual(ids.length);
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toMatch(/\d{8}/);
      expect(candidates(row)).toBeGreaterThanOrEqual(1000);
    }
  });

  it('masks a household head’s name as an asset owner: field, filter, q, sort, XLSX export and its audit event', async () => {
    const agri = await departmentIdByCode(app, 'D01');
    ok(
      await app.gql('mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }', {
        i: {
          assetCode: 'OWNER-1',
          name: '到户圈舍',
          assetClass: 'HOUSEHOLD',
          category: 'LIVESTOCK',
          projectName: '到户养殖',
          projectYear: 2022,
          householdId: household.id,
          ownershipLevel: 'HOUSEHOLD',
          owner: '马红',
          custodianPerson: '马红',
          responsibleDepartmentId: agri,
          fundings: [{ source: 'CENTRAL_FISCAL', amountYuan: '8000' }],
        },
      }),
    );
    const officer = await app.user(Role.DEPARTMENT_OFFICER, { departmentId: agri });
    const key = await app.apiKey();
    for (const actor of [officer, key]) {
      const seen = ok(
        await app.gqlAs(
          actor,
          '{ assets(filter: { assetCode: { eq: "OWNER-1" } }) { nodes { owner custodianPerson } } }',
        ),
      ).assets.nodes[0];
      expect(seen).toEqual({ owner: '马**', custodianPerson: '马**' });
      for (const q of [
        '{ assets(filter: { owner: { eq: "马红" } }) { totalCount } }',
        '{ assets(filter: { not: { owner: { contains: "红" } } }) { totalCount } }',
        '{ assets(filter: { or: [{ assetCode: { eq: "X" } }, { owner: { startsWith: "马" } }] }) { totalCount } }',
      ])
        expect(errorOf(await app.gqlAs(actor, q)).reason).toBe('PERSONAL_DATA');
      expect(
        ok(await app.gqlAs(actor, '{ assets(filter: { q: "马红" }) { totalCount } }')).assets.totalCount,
      ).toBe(0);
    }
    // an area role sees and finds it
    expect(ok(await app.gql('{ assets(filter: { q: "马红" }) { nodes { owner } } }')).assets.nodes).toEqual([
      { owner: '马红' },
    ]);
    // the export, for the department officer: masked; its audit event keeps no searched name
    const token = await app.token(officer);
    const res = await fetch(`${server.url}/api/assets/export.xlsx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const cells = JSON.stringify(book.worksheets[0].getSheetValues());
    expect(cells).toContain('马**');
    expect(cells).not.toContain('马红');
    // the officer's file imported back changes nothing: the masked owner stands for the stored one
    const back = await fetch(`${server.url}/api/assets/import?dryRun=false`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-import-format': 'xlsx' },
      body: Buffer.from(await book.xlsx.writeBuffer()),
    });
    expect(await back.json()).toMatchObject({ problems: [], created: 0, updated: 0 });
    expect(
      ok(
        await app.gql(
          '{ assets(filter: { assetCode: { eq: "OWNER-1" } }) { nodes { owner custodianPerson } } }',
        ),
      ).assets.nodes,
    ).toEqual([{ owner: '马红', custodianPerson: '马红' }]);
    const adminToken = await app.token(app.admin);
    const filter = encodeURIComponent(JSON.stringify({ owner: { eq: '马红' }, or: [{ q: '马红' }] }));
    const mine = await fetch(`${server.url}/api/assets/export.xlsx?filter=${filter}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(mine.status).toBe(200);
    const trail = await app.db.query(
      `SELECT after::text AS after FROM audit_event WHERE operation = 'export'`,
    );
    expect(trail.length).toBeGreaterThanOrEqual(2);
    for (const e of trail) expect(e.after).not.toContain('马红');
    // the asset's own audit rows mask the owner too
    const [created] = await app.db.query(
      `SELECT after::text AS after FROM audit_event WHERE entity = 'Asset' AND operation = 'createAsset' ORDER BY id DESC LIMIT 1`,
    );
    expect(created.after).not.toContain('马红');
  });
});
