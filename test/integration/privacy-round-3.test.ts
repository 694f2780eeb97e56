import { Actor, Role } from '../../server/auth/actor';
import { aHousehold, aMember, anIdNumber, departmentIdByCode } from '../support/builders';
import { ANONYMOUS, errorOf, ok, startTestApp, TestApp } from '../support/harness';

/**
 * Privacy round 3 (issue #11's invariants, faults an outside attacker found): each kept as a test
 * through the API.
 */
describe('privacy round 3', () => {
  let app: TestApp;
  let villageId: string;
  let townshipId: string;
  let memberId: string;
  let householdId: string;
  const idNumber = anIdNumber('1981-02-14', true);

  const clearCounters = () => app.db.query('DELETE FROM rate_limit_counter');
  const events = (operation: string) =>
    app.db.query(`SELECT actor_name, entity, after FROM audit_event WHERE operation = $1 ORDER BY id`, [
      operation,
    ]);
  /** Candidates an attacker would bisect: other numbers of the same region and birth day, and the true one. */
  const candidates = (n: number) => {
    const list: string[] = [];
    for (let i = 1; list.length < n - 1; i++) {
      const other = anIdNumber('1981-02-14', true);
      if (other !== idNumber && !list.includes(other)) list.push(other);
      if (i > 100_000) break;
    }
    return [...list, idNumber];
  };

  beforeAll(async () => {
    app = await startTestApp();
    const v = ok(await app.gql('{ villages(first: 1) { nodes { id townshipId } } }')).villages.nodes[0];
    villageId = v.id;
    townshipId = v.townshipId;
    const h = await aHousehold(app, {
      villageId,
      members: [aMember({ name: '马红', idNumber, relationToHead: 'HEAD' })],
    });
    householdId = h.id;
    memberId = ok(
      await app.gql(
        'query($h: ID!) { householdMembers(filter: { householdId: { eq: $h } }) { nodes { id } } }',
        {
          h: h.id,
        },
      ),
    ).householdMembers.nodes[0].id;
  });
  afterAll(async () => {
    await app.close();
  });

  describe('ID-number oracle: one exact, audited, rate-limited lookup per request', () => {
    let officers: [string, Actor][];
    beforeAll(async () => {
      officers = [
        ['TOWNSHIP_OFFICER', await app.user(Role.TOWNSHIP_OFFICER, { townshipId })],
        ['VILLAGE_CADRE', await app.user(Role.VILLAGE_CADRE, { villageId })],
        ['DISTRICT_OFFICER', await app.user(Role.DISTRICT_OFFICER)],
      ];
    });
    beforeEach(clearCounters);

    it('refuses the bisection: `in` over candidates, `or` of numbers, `q` with another number, relation filters', async () => {
      const list = candidates(8);
      const attacks: [string, Record<string, unknown>][] = [
        [
          'query($id: ID!, $c: [String!]) { householdMembers(filter: { id: { eq: $id }, idNumber: { in: $c } }) { totalCount } }',
          { id: memberId, c: list.slice(0, 4) },
        ],
        [
          'query($id: ID!, $a: String, $b: String) { householdMembers(filter: { id: { eq: $id }, or: [{ idNumber: { eq: $a } }, { idNumber: { eq: $b } }] }) { totalCount } }',
          { id: memberId, a: list[0], b: list[7] },
        ],
        [
          'query($id: ID!, $a: String, $b: String!) { householdMembers(filter: { id: { eq: $id }, idNumber: { eq: $a }, q: $b }) { totalCount } }',
          { id: memberId, a: list[0], b: list[7] },
        ],
        [
          'query($c: [String!]) { households(filter: { members: { idNumber: { in: $c } } }) { totalCount } }',
          { c: list.slice(4) },
        ],
        // two root fields of one request, one number each
        [
          'query($a: String, $b: String) { x: householdMembers(filter: { idNumber: { eq: $a } }) { totalCount } y: householdMembers(filter: { idNumber: { eq: $b } }) { totalCount } }',
          { a: list[0], b: list[7] },
        ],
      ];
      for (const [role, actor] of officers) {
        for (const [query, variables] of attacks) {
          const res = await app.gqlAs(actor, query, variables);
          const e = errorOf(res);
          expect({ role, query, code: e.code, reason: e.reason }).toEqual({
            role,
            query,
            code: 'BAD_USER_INPUT',
            reason: 'ID_NUMBER_LOOKUP_LIMIT',
          });
        }
      }
    });

    it('still answers a single exact lookup (filter or q), audited with the region code only', async () => {
      // an actor the refusals above did not use (a refused request's first lookup may still be committing)
      const officer = app.admin;
      // this officer's events only (an earlier refused request's first lookup may still be committing)
      const mine = async () =>
        (await events('idNumberLookup')).filter((e: any) => e.actor_name === officer.name);
      const before = (await mine()).length;
      const byFilter = ok(
        await app.gqlAs(
          officer,
          'query($n: String) { householdMembers(filter: { idNumber: { eq: $n } }) { totalCount nodes { id } } }',
          { n: idNumber },
        ),
      ).householdMembers;
      expect(byFilter).toEqual({ totalCount: 1, nodes: [{ id: memberId }] });
      const byQ = ok(
        await app.gqlAs(
          officer,
          'query($n: String!) { householdMembers(filter: { q: $n }) { nodes { id } } }',
          {
            n: idNumber.toLowerCase(),
          },
        ),
      ).householdMembers;
      expect(byQ.nodes).toEqual([{ id: memberId }]);
      const after = (await mine()).slice(before);
      expect(after).toHaveLength(2);
      for (const e of after) {
        expect(e.actor_name).toBe(officer.name);
        expect(JSON.stringify(e.after)).not.toContain(idNumber.slice(6, 14));
        expect((typeof e.after === 'string' ? JSON.parse(e.after) : e.after).regionCode).toBe(
          idNumber.slice(0, 6),
        );
      }
    });

    it('refuses the 31st lookup in 10 minutes with TOO_MANY_REQUESTS', async () => {
      const [, cadre] = officers[1];
      const list = candidates(31);
      const q = 'query($n: String) { householdMembers(filter: { idNumber: { eq: $n } }) { totalCount } }';
      for (const n of list.slice(0, 30)) ok(await app.gqlAs(cadre, q, { n }));
      const e = errorOf(await app.gqlAs(cadre, q, { n: list[30] }));
      expect([e.code, e.reason]).toEqual(['TOO_MANY_REQUESTS', 'RATE_LIMITED']);
      // another caller is not held up by it
      ok(await app.gqlAs(officers[0][1], q, { n: list[30] }));
    });
  });

  describe('free text holds no ID or mobile number, and is masked for roles without personal data', () => {
    const REPORT =
      'mutation($h: ID!, $d: String!) { reportRisk(input: { householdId: $h, source: CADRE_VISIT, description: $d }) { id triggerReasons } }';
    const cases = async () =>
      (await app.db.query('SELECT count(*)::int AS n FROM monitoring_case'))[0].n as number;

    it('refuses an ID number (18 with a valid check character, or 15 digits) or a mobile number in free text', async () => {
      const cadre = await app.user(Role.VILLAGE_CADRE, { villageId });
      const before = await cases();
      for (const d of [
        `户主身份证${idNumber}，因病`,
        `户主身份证${idNumber.toLowerCase()}`,
        '旧证号620402810214123因病',
        '联系电话13912345678',
        'call 139 1234 5678'.replace(/ /g, ''),
      ]) {
        const e = errorOf(await app.gqlAs(cadre, REPORT, { h: householdId, d }));
        expect({ d, code: e.code, reason: e.reason, fields: e.fields }).toEqual({
          d,
          code: 'BAD_USER_INPUT',
          reason: 'PERSONAL_DATA_IN_TEXT',
          fields: [{ field: 'input.description', reason: 'PERSONAL_DATA_IN_TEXT' }],
        });
      }
      expect(await cases()).toBe(before);
      // other digits are ordinary text: amounts, dates, 18 digits with a wrong check character, codes
      const wrongCheck = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
      ok(
        await app.gqlAs(cadre, REPORT, {
          h: householdId,
          d: `2025年医疗支出12000元，编号${wrongCheck}，村代码620402100201`,
        }),
      );
      expect(await cases()).toBe(before + 1);
    });

    it('shows monitoring cases’ trigger reasons as *** to department officers and API keys', async () => {
      const dept = await app.user(Role.DEPARTMENT_OFFICER, {
        departmentId: await departmentIdByCode(app, 'D01'),
      });
      const key = await app.apiKey();
      const q = '{ monitoringCases(first: 50) { nodes { id triggerReasons } } }';
      const admin = ok(await app.gql(q)).monitoringCases.nodes;
      expect(admin.length).toBeGreaterThan(0);
      expect(admin.some((c: any) => c.triggerReasons.some((t: string) => t !== '***'))).toBe(true);
      for (const actor of [dept, key]) {
        const nodes = ok(await app.gqlAs(actor, q)).monitoringCases.nodes;
        expect(nodes.length).toBe(admin.length);
        for (const c of nodes) expect(c.triggerReasons.every((t: string) => t === '***')).toBe(true);
      }
    });
  });

  describe('the audit trail keeps no typed secrets, no birth months, no name lengths', () => {
    const LOGIN =
      'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }';

    it('keeps a failed sign-in’s username only when it is an account', async () => {
      await clearCounters();
      const typed = 'Secret-Passw0rd!';
      expect(errorOf(await app.gqlAs(ANONYMOUS, LOGIN, { u: typed, p: 'whatever-1234' })).code).toBe(
        'UNAUTHENTICATED',
      );
      const known = await app.user(Role.AUDITOR);
      errorOf(await app.gqlAs(ANONYMOUS, LOGIN, { u: known.name, p: 'not-the-password' }));
      const names = (await events('loginFailed')).map((e: any) => e.actor_name);
      expect(names).toEqual(['(unknown, 16 chars)', known.name]);
      const all = await app.db.query('SELECT actor_name, after::text AS after FROM audit_event');
      expect(JSON.stringify(all)).not.toContain(typed);
    });

    it('stores no birth date or month of a new member, and masks names to a fixed length', async () => {
      const h = await aHousehold(app, {
        villageId,
        members: [aMember({ name: '审计', relationToHead: 'HEAD' })],
      });
      const input = { ...aMember({ name: '审计员工', relationToHead: 'SON' }), householdId: h.id };
      ok(
        await app.gql(
          'mutation($i: CreateHouseholdMemberInput!) { createHouseholdMember(input: $i) { id } }',
          {
            i: input,
          },
        ),
      );
      const [event] = await events('createHouseholdMember');
      const after = typeof event.after === 'string' ? JSON.parse(event.after) : event.after;
      expect(after).toMatchObject({ name: '审**', birthDate: null, birthMonth: null });
      const dept = await app.user(Role.DEPARTMENT_OFFICER, {
        departmentId: await departmentIdByCode(app, 'D01'),
      });
      const names = ok(
        await app.gqlAs(
          dept,
          'query($h: ID!) { householdMembers(filter: { householdId: { eq: $h } }) { nodes { name } } }',
          {
            h: h.id,
          },
        ),
      ).householdMembers.nodes.map((n: any) => n.name);
      expect(names.sort()).toEqual(['审**', '审**']);
    });
  });

  describe('recordExport records only real lists the caller may read, with a sane row count', () => {
    const RECORD = 'mutation($r: String!, $n: Int!) { recordExport(resource: $r, rows: $n) }';
    it('refuses unknown names, lists the caller may not read and absurd row counts; records the rest', async () => {
      const officer = await app.user(Role.TOWNSHIP_OFFICER, { townshipId });
      const before = (await events('export')).length;
      const refusals: [string, number, string, string][] = [
        ['passwordsOfEveryone', 1, 'BAD_USER_INPUT', 'UNKNOWN_LIST'],
        ['household', 1, 'BAD_USER_INPUT', 'UNKNOWN_LIST'],
        ['auditEvents', 1, 'FORBIDDEN', 'ROLE_NOT_ALLOWED'],
        ['households', -1, 'BAD_USER_INPUT', 'OUT_OF_RANGE'],
        ['households', 1_000_001, 'BAD_USER_INPUT', 'OUT_OF_RANGE'],
      ];
      for (const [r, n, code, reason] of refusals) {
        const e = errorOf(await app.gqlAs(officer, RECORD, { r, n }));
        expect({ r, n, code: e.code, reason: e.reason }).toEqual({ r, n, code, reason });
      }
      expect((await events('export')).length).toBe(before);
      expect(ok(await app.gqlAs(officer, RECORD, { r: 'households', n: 3 })).recordExport).toBe(true);
      expect(ok(await app.gqlAs(officer, RECORD, { r: 'assetLedger', n: 0 })).recordExport).toBe(true);
      expect((await events('export')).length).toBe(before + 2);
    });
  });
});
