import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { RunningServer } from '../../server/app/app';
import { Role } from '../../server/auth/actor';
import { FEEDS, FeedKind, feedHeaders } from '../../server/modules/exchange/feeds';
import { SECTOR_FIELDS } from '../../server/modules/exchange/sector-fields';
import { aHousehold, aMember, anIdNumber, daysAgo, departmentIdByCode } from '../support/builders';
import { errorOf, ok, startTestApp, startTestServer, TestApp } from '../support/harness';

/**
 * Cross-sector data exchange (issue #16): person-level sector fields owned by departments, with
 * source, as-of date and history; department feeds matched by ID number that update only the
 * department's own fields, report unmatched and out-of-district rows, open DEPARTMENT_ALERT clues
 * once, and are recorded per run.
 */
describe('cross-sector data exchange', () => {
  let app: TestApp;
  let server: RunningServer;
  let villageId: string;
  const officers: Record<string, { token: string; actor: any }> = {};
  let adminToken: string;

  beforeAll(async () => {
    app = await startTestApp();
    server = await startTestServer(app);
    adminToken = await app.token(app.admin);
    villageId = ok(
      await app.gql('{ villages(first: 1, filter: { committeeType: { eq: VILLAGE } }) { nodes { id } } }'),
    ).villages.nodes[0].id;
    for (const code of ['D14', 'D18', 'D11', 'D09', 'D06', 'D10', 'D04', 'D05']) {
      const actor = await app.user(Role.DEPARTMENT_OFFICER, {
        departmentId: await departmentIdByCode(app, code),
      });
      officers[code] = { actor, token: await app.token(actor) };
    }
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  const MEMBER = `id householdId sectorFields { field label value valueText source asOf recordedBy department { name } }
    sectorFieldHistory { field value source asOf }`;
  const member = async (id: string, actor = app.admin) =>
    ok(await app.gqlAs(actor, `query($id: ID!) { householdMember(id: $id) { ${MEMBER} } }`, { id }))
      .householdMember;
  const set = (actor: any, input: Record<string, unknown>) =>
    app.gqlAs(
      actor,
      `mutation($input: SetMemberSectorFieldInput!) { setMemberSectorField(input: $input) { field value source asOf } }`,
      { input },
    );
  /** A household with one member whose ID number is returned. */
  const person = async (fields: Record<string, unknown> = {}) => {
    const idNumber = anIdNumber();
    const h = await aHousehold(app, { villageId, members: [aMember({ idNumber })], fields });
    const memberId = ok(
      await app.gql(`query($id: ID!) { household(id: $id) { members { nodes { id } } } }`, { id: h.id }),
    ).household.members.nodes[0].id;
    return { householdId: h.id, memberId, idNumber };
  };
  const csv = (feed: FeedKind, rows: Record<string, string>[]) => {
    const headers = feedHeaders(feed);
    const line = (cells: string[]) =>
      cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    return Buffer.from(
      `${[line(headers), ...rows.map((r) => line(headers.map((h) => r[h] ?? '')))].join('\r\n')}\r\n`,
    );
  };
  const upload = async (feed: string, file: Buffer, dryRun: boolean, token = adminToken, format = 'csv') => {
    const res = await fetch(`${server.url}/api/feeds/${feed}/import?dryRun=${dryRun}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'x-import-format': format,
        'content-type': 'application/octet-stream',
      },
      body: file,
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const counts = async () =>
    (
      await app.db.query(
        `SELECT (SELECT count(*)::int FROM member_sector_value) AS vals, (SELECT count(*)::int FROM member_sector_value_change) AS hist,
                (SELECT count(*)::int FROM monitoring_case) AS cases, (SELECT count(*)::int FROM feed_run) AS runs,
                (SELECT count(*)::int FROM feed_alert) AS alerts`,
      )
    )[0];

  it('a department officer writes only its own department’s fields; values carry source and date, with history', async () => {
    const p = await person();
    const medical = officers.D14.actor;
    // 医保 may not write 残联's field: coded refusal, nothing written.
    const before = await counts();
    const refused = await set(medical, {
      memberId: p.memberId,
      field: 'DISABILITY_TYPE',
      value: 'PHYSICAL',
      source: 'FEED',
      asOf: daysAgo(3),
    });
    expect(errorOf(refused)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_FIELD_OWNER' });
    expect(await counts()).toEqual(before);
    // Its own field: written as FEED.
    const mine = ok(
      await set(medical, {
        memberId: p.memberId,
        field: 'MEDICAL_SUBSIDY_CATEGORY',
        value: '全额资助',
        source: 'FEED',
        asOf: daysAgo(3),
      }),
    );
    expect(mine.setMemberSectorField).toMatchObject({
      field: 'MEDICAL_SUBSIDY_CATEGORY',
      value: 'FULL',
      source: 'FEED',
    });
    // A cadre records CADRE, never FEED.
    expect(
      errorOf(
        await set(app.admin, {
          memberId: p.memberId,
          field: 'MEDICAL_SUBSIDY_CATEGORY',
          value: 'FIXED',
          source: 'FEED',
          asOf: daysAgo(1),
        }),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SOURCE_NOT_ALLOWED' });
    ok(
      await set(app.admin, {
        memberId: p.memberId,
        field: 'MEDICAL_SUBSIDY_CATEGORY',
        value: 'FIXED',
        source: 'CADRE',
        asOf: daysAgo(1),
      }),
    );
    // An older as-of date, a bad value, a future date: each its reason.
    expect(
      errorOf(
        await set(medical, {
          memberId: p.memberId,
          field: 'MEDICAL_SUBSIDY_CATEGORY',
          value: 'NONE',
          source: 'FEED',
          asOf: daysAgo(5),
        }),
      ).reason,
    ).toBe('OLDER_THAN_CURRENT');
    expect(
      errorOf(
        await set(medical, {
          memberId: p.memberId,
          field: 'MEDICAL_SUBSIDY_CATEGORY',
          value: 'SOME',
          source: 'FEED',
          asOf: daysAgo(0),
        }),
      ).reason,
    ).toBe('INVALID_VALUE');
    expect(
      errorOf(
        await set(medical, {
          memberId: p.memberId,
          field: 'OUT_OF_POCKET_MEDICAL_YUAN',
          value: '1.234',
          source: 'FEED',
          asOf: daysAgo(0),
        }),
      ).reason,
    ).toBe('INVALID_MONEY');
    const m = await member(p.memberId);
    expect(m.sectorFields).toEqual([
      expect.objectContaining({
        field: 'MEDICAL_SUBSIDY_CATEGORY',
        value: 'FIXED',
        source: 'CADRE',
        asOf: daysAgo(1),
        department: { name: '区医保局' },
      }),
    ]);
    expect(m.sectorFieldHistory.map((h: any) => [h.value, h.source])).toEqual([
      ['FULL', 'FEED'],
      ['FIXED', 'CADRE'],
    ]);
    // Sensitive: another department's officer sees the field but not the value; the owner sees it.
    expect((await member(p.memberId, officers.D18.actor)).sectorFields[0]).toMatchObject({
      value: null,
      valueText: null,
    });
    expect(m.sectorFields[0].valueText).toBe('定额资助');
    expect((await member(p.memberId, medical)).sectorFields[0].value).toBe('FIXED');
  });

  it('the audit trail: each field write and each feed run leave their event, values masked; refused writes none', async () => {
    const events = async (since: number) =>
      app.db.query(
        `SELECT operation, role, entity, entity_id, before, after, after::text AS text FROM audit_event
          WHERE id > $1 ORDER BY id`,
        [since],
      );
    const mark = async (): Promise<number> =>
      (await app.db.query('SELECT coalesce(max(id), 0)::int AS n FROM audit_event'))[0].n;
    const p = await person();
    const medical = officers.D14.actor;
    // Refused writes: the invalid value leaves nothing; the other department's field only accessDenied.
    let since = await mark();
    const input = { memberId: p.memberId, source: 'FEED', asOf: daysAgo(3) };
    expect(
      errorOf(await set(medical, { ...input, field: 'MEDICAL_SUBSIDY_CATEGORY', value: 'SOME' })).reason,
    ).toBe('INVALID_VALUE');
    expect(await events(since)).toEqual([]);
    expect(
      errorOf(await set(medical, { ...input, field: 'DISABILITY_TYPE', value: 'PHYSICAL' })),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_FIELD_OWNER' });
    expect((await events(since)).map((e: any) => [e.operation, e.after.operation, e.after.reason])).toEqual([
      ['accessDenied', 'setMemberSectorField', 'NOT_FIELD_OWNER'],
    ]);
    // A write, an overwrite and a clearing: one event each, the value masked (the owner wrote it).
    since = await mark();
    ok(await set(medical, { ...input, field: 'MEDICAL_SUBSIDY_CATEGORY', value: 'FULL' }));
    ok(
      await set(app.admin, {
        ...input,
        source: 'CADRE',
        asOf: daysAgo(1),
        field: 'MEDICAL_SUBSIDY_CATEGORY',
        value: 'FIXED',
      }),
    );
    ok(
      await set(app.admin, {
        ...input,
        source: 'CADRE',
        asOf: daysAgo(0),
        field: 'MEDICAL_SUBSIDY_CATEGORY',
        value: null,
      }),
    );
    const writes = await events(since);
    expect(
      writes.map((e: any) => [e.operation, e.role, e.entity, e.before?.value ?? null, e.after.value]),
    ).toEqual([
      ['setMemberSectorField', 'DEPARTMENT_OFFICER', 'MemberSectorValue', null, '***'],
      ['setMemberSectorField', 'ADMIN', 'MemberSectorValue', '***', '***'],
      ['setMemberSectorField', 'ADMIN', 'MemberSectorValue', '***', null],
    ]);
    expect(writes[0].after).toMatchObject({
      field: 'MEDICAL_SUBSIDY_CATEGORY',
      source: 'FEED',
      asOf: daysAgo(3),
    });
    expect(writes[1].entity_id).toBe(writes[0].entity_id);
    expect(JSON.stringify(writes)).not.toMatch(/FULL|FIXED/);

    // A feed run: one summarised event with its counts and the file's hash; dry runs and refused files none.
    const q = await person();
    const feed = FeedKind.MEDICAL_INSURANCE;
    const row = { 身份证号: q.idNumber, 姓名: '张三', 医保资助类别: '定额资助', 数据截至日期: daysAgo(2) };
    const file = csv(feed, [{ ...row, '年度个人自付医疗费用(元)': '25000' }]);
    since = await mark();
    expect((await upload(feed, file, true, officers.D14.token)).body.dryRun).toBe(true);
    const bad = await upload(
      feed,
      csv(feed, [{ ...row, '年度个人自付医疗费用(元)': '1.234' }]),
      false,
      officers.D14.token,
    );
    expect(bad.body.problems).toHaveLength(1);
    expect(await events(since)).toEqual([]);
    const run = (await upload(feed, file, false, officers.D14.token)).body;
    expect(run).toMatchObject({ valuesChanged: 2, cluesOpened: 1 });
    const runs = await events(since);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      operation: 'importFeed',
      role: 'DEPARTMENT_OFFICER',
      entity: 'FeedRun',
      entity_id: run.runId,
      after: {
        feed,
        fileHash: run.fileHash,
        rows: 1,
        matched: 1,
        valuesChanged: 2,
        cluesOpened: 1,
        changedMembersByField: {
          MEDICAL_SUBSIDY_CATEGORY: [Number(q.memberId)],
          OUT_OF_POCKET_MEDICAL_YUAN: [Number(q.memberId)],
        },
      },
    });
    expect(runs[0].after.casesOpened).toHaveLength(1);
    expect(runs[0].text).not.toMatch(/25000|FIXED|定额/);
    expect(runs[0].text).not.toContain(q.idNumber);
  });

  it('sectorFieldHistory of a listed household’s members is read in one batch, however many members', async () => {
    const family = async (children: number) => {
      const members = [
        aMember(),
        ...Array.from({ length: children }, () =>
          aMember({ relationToHead: 'DAUGHTER', idNumber: anIdNumber('2005-06-06') }),
        ),
      ];
      const h = await aHousehold(app, { villageId, members });
      const ids = ok(
        await app.gql(`query($id: ID!) { household(id: $id) { members { nodes { id } } } }`, { id: h.id }),
      ).household.members.nodes.map((n: any) => n.id);
      for (const memberId of ids)
        ok(
          await set(app.admin, {
            memberId,
            field: 'SCHOOL_GRADE',
            value: '初一',
            source: 'CADRE',
            asOf: daysAgo(2),
          }),
        );
      return { id: h.id, members: ids.length };
    };
    const read = async (id: string) => {
      const before = app.statements();
      const nodes = ok(
        await app.gql(
          `query($id: ID!) { household(id: $id) { members { nodes { id sectorFieldHistory { field value } all: sectorFieldHistory(field: SCHOOL_GRADE) { value } } } } }`,
          { id },
        ),
      ).household.members.nodes;
      return { statements: app.statements() - before, nodes };
    };
    const one = await read((await family(0)).id);
    const six = await family(5);
    const many = await read(six.id);
    expect(many.nodes).toHaveLength(six.members);
    for (const n of many.nodes) {
      expect(n.sectorFieldHistory).toEqual([{ field: 'SCHOOL_GRADE', value: '初一' }]);
      expect(n.all).toEqual([{ value: '初一' }]);
    }
    expect(many.statements).toBe(one.statements);
  });

  it('the medical feed: matched, unmatched and out-of-district rows; a dry run writes nothing; clues once; each run recorded', async () => {
    const big = await person();
    const small = await person();
    const feed = FeedKind.MEDICAL_INSURANCE;
    const asOf = daysAgo(2);
    const file = csv(feed, [
      {
        身份证号: big.idNumber,
        姓名: '张三',
        医保资助类别: '定额资助',
        '年度个人自付医疗费用(元)': '25000',
        数据截至日期: asOf,
      },
      { 身份证号: small.idNumber, 姓名: '李四', '年度个人自付医疗费用(元)': '300.5', 数据截至日期: asOf },
      { 身份证号: anIdNumber(), 姓名: '王五', '年度个人自付医疗费用(元)': '99999', 数据截至日期: asOf },
      {
        身份证号: anIdNumber(),
        姓名: '赵六',
        户籍所在地行政区划代码: '620102001001',
        '年度个人自付医疗费用(元)': '50000',
        数据截至日期: asOf,
      },
    ]);
    const before = await counts();
    const dry = await upload(feed, file, true, officers.D14.token);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      rows: 4,
      matched: 2,
      unmatched: 1,
      outOfDistrict: 1,
      cluesOpened: 1,
      valuesChanged: 3,
      runId: null,
      problems: [],
    });
    expect(dry.body.notices).toEqual([
      { row: 4, reason: 'UNMATCHED', message: expect.any(String) },
      { row: 5, reason: 'OUT_OF_DISTRICT', message: expect.any(String) },
    ]);
    expect(await counts()).toEqual(before);

    const run = await upload(feed, file, false, officers.D14.token);
    expect(run.body).toMatchObject({
      dryRun: false,
      matched: 2,
      cluesOpened: 1,
      alertsOnOpenCases: 0,
      valuesChanged: 3,
    });
    expect(run.body.alerts).toEqual([
      expect.objectContaining({ row: 2, rule: 'LARGE_MEDICAL_COST', outcome: 'OPENED' }),
    ]);
    const cases = ok(
      await app.gql(
        `query($id: ID!) { household(id: $id) { monitoringCases { nodes { status discoverySource triggerReasons departmentAlerts { feed rule rowNumber rowCells } } } } }`,
        { id: big.householdId },
      ),
    ).household.monitoringCases.nodes;
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ status: 'CLUE', discoverySource: 'DEPARTMENT_ALERT' });
    expect(cases[0].triggerReasons[0]).toContain('25000.00');
    expect(cases[0].departmentAlerts[0]).toMatchObject({ feed, rule: 'LARGE_MEDICAL_COST', rowNumber: 2 });
    const cells = JSON.parse(cases[0].departmentAlerts[0].rowCells);
    expect(cells['年度个人自付医疗费用(元)']).toBe('25000');
    expect(JSON.stringify(cells)).not.toContain(big.idNumber);
    const m = await member(big.memberId);
    expect(m.sectorFields.map((v: any) => [v.field, v.value, v.source, v.asOf])).toEqual([
      ['MEDICAL_SUBSIDY_CATEGORY', 'FIXED', 'FEED', asOf],
      ['OUT_OF_POCKET_MEDICAL_YUAN', '25000.00', 'FEED', asOf],
    ]);
    // Only the department's fields were touched.
    expect(
      m.sectorFields.every(
        (v: any) => SECTOR_FIELDS[v.field as keyof typeof SECTOR_FIELDS].department === 'D14',
      ),
    ).toBe(true);

    // Re-run: nothing changes, no clue, but the run is recorded.
    const mid = await counts();
    const again = await upload(feed, file, false, officers.D14.token);
    expect(again.body).toMatchObject({ cluesOpened: 0, valuesChanged: 0, unchangedRows: 2, alerts: [] });
    const after = await counts();
    expect({ ...after, runs: after.runs - 1 }).toEqual(mid);
    const runs = ok(
      await app.gqlAs(
        officers.D14.actor,
        `{ feedRuns(feed: MEDICAL_INSURANCE) { feed runBy fileHash rows matched unmatched outOfDistrict cluesOpened departmentName } }`,
      ),
    ).feedRuns;
    expect(runs.slice(0, 2)).toEqual([
      expect.objectContaining({
        rows: 4,
        matched: 2,
        unmatched: 1,
        outOfDistrict: 1,
        cluesOpened: 0,
        departmentName: '区医保局',
        fileHash: run.body.fileHash,
      }),
      expect.objectContaining({ cluesOpened: 1 }),
    ]);
    // Another department sees none of 医保's runs.
    expect(
      ok(await app.gqlAs(officers.D18.actor, `{ feedRuns(feed: MEDICAL_INSURANCE) { id } }`)).feedRuns,
    ).toEqual([]);
  });

  it('every feed has a template and takes matched, unmatched, out-of-district rows; an invalid row refuses the file', async () => {
    for (const feed of Object.values(FeedKind)) {
      const spec = FEEDS[feed];
      const officer = officers[spec.department];
      const tpl = await fetch(`${server.url}/api/feeds/${feed}/template.xlsx`, {
        headers: { authorization: `Bearer ${officer.token}` },
      });
      expect(tpl.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await tpl.arrayBuffer()) as any);
      expect((book.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(feedHeaders(feed));

      const p = await person();
      const field = spec.fields[0];
      const kind = SECTOR_FIELDS[field].kind;
      const good =
        kind.type === 'BOOL'
          ? '是'
          : kind.type === 'ENUM'
            ? Object.values(kind.values)[1]
            : kind.type === 'INT'
              ? '2'
              : kind.type === 'MONEY'
                ? '10'
                : '白银区第一中学';
      const label = SECTOR_FIELDS[field].label;
      const rows = [
        { 身份证号: p.idNumber, [label]: good, 数据截至日期: daysAgo(1) },
        { 身份证号: anIdNumber(), [label]: good, 数据截至日期: daysAgo(1) },
        { 身份证号: anIdNumber(), 户籍所在地行政区划代码: '620103', [label]: good, 数据截至日期: daysAgo(1) },
      ];
      const before = await counts();
      const refused = await upload(
        feed,
        csv(feed, [
          ...rows,
          { 身份证号: '620402199001011234', [label]: 'x'.repeat(200), 数据截至日期: daysAgo(-3) },
        ]),
        false,
        officer.token,
      );
      expect(refused.body.problems.map((x: any) => [x.row, x.column, x.reason])).toEqual(
        expect.arrayContaining([
          [5, '身份证号', 'INVALID_ID_NUMBER'],
          [5, '数据截至日期', 'FUTURE_DATE'],
        ]),
      );
      expect(refused.body.problems.some((x: any) => x.row === 5 && x.column === label)).toBe(
        kind.type !== 'TEXT' || true,
      );
      expect(await counts()).toEqual(before);
      // GBK, as Excel on a Chinese Windows saves it.
      const gbk = iconv.encode(csv(feed, rows).toString('utf8'), 'gbk');
      const applied = await upload(feed, gbk, false, officer.token);
      expect(applied.body).toMatchObject({
        encoding: 'GB18030',
        matched: 1,
        unmatched: 1,
        outOfDistrict: 1,
        problems: [],
      });
      const values = (await member(p.memberId)).sectorFields;
      expect(values).toEqual([expect.objectContaining({ field, source: 'FEED' })]);
      // Another department may neither upload this feed nor get its template.
      const other = Object.entries(officers).find(([code]) => code !== spec.department)![1];
      const forbidden = await upload(feed, gbk, true, other.token);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.errors[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_FEED_OWNER',
      });
    }
    const unknown = await upload('NO_SUCH_FEED', Buffer.from('x'), true);
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].extensions.reason).toBe('UNKNOWN_FEED');
  });

  it('feed rules open the expected clues: new disability, drop-out, C/D house, unsafe water; an open case is joined, not doubled', async () => {
    const disabled = await person();
    const pupil = await person();
    const house = await person();
    const water = await person();
    const asOf = daysAgo(1);
    const run = async (feed: FeedKind, rows: Record<string, string>[], token: string) =>
      (await upload(feed, csv(feed, rows), false, token)).body;
    expect(
      (
        await run(
          FeedKind.DISABILITY_CERTIFICATES,
          [{ 身份证号: disabled.idNumber, 残疾类别: '肢体残疾', 残疾等级: '2', 数据截至日期: asOf }],
          officers.D18.token,
        )
      ).alerts,
    ).toEqual([expect.objectContaining({ rule: 'NEW_DISABILITY', outcome: 'OPENED' })]);
    // A grade change later is no new disability.
    expect(
      (
        await run(
          FeedKind.DISABILITY_CERTIFICATES,
          [{ 身份证号: disabled.idNumber, 残疾类别: '肢体残疾', 残疾等级: '1', 数据截至日期: daysAgo(0) }],
          officers.D18.token,
        )
      ).alerts,
    ).toEqual([]);
    const pupils = await run(
      FeedKind.PUPILS,
      [
        {
          身份证号: pupil.idNumber,
          就读学校: '白银区第三小学',
          年级: '五年级',
          在校状态: '辍学',
          数据截至日期: asOf,
        },
      ],
      officers.D09.token,
    );
    expect(pupils.alerts).toEqual([expect.objectContaining({ rule: 'DROPPED_OUT', outcome: 'OPENED' })]);
    const houses = await run(
      FeedKind.DANGEROUS_HOUSES,
      [
        { 身份证号: house.idNumber, 住房安全等级: 'C级', 数据截至日期: asOf },
        { 身份证号: pupil.idNumber, 住房安全等级: 'B级', 数据截至日期: asOf },
      ],
      officers.D06.token,
    );
    expect(houses.alerts).toEqual([expect.objectContaining({ rule: 'UNSAFE_HOUSE', outcome: 'OPENED' })]);
    // The drop-out's household already has an open case: unsafe water joins it.
    const waters = await run(
      FeedKind.DRINKING_WATER,
      [
        { 身份证号: water.idNumber, 饮水安全: '否', 数据截至日期: asOf },
        { 身份证号: pupil.idNumber, 饮水安全: '否', 数据截至日期: asOf },
      ],
      officers.D10.token,
    );
    expect(waters).toMatchObject({ cluesOpened: 1, alertsOnOpenCases: 1 });
    const open = await app.db.query(
      `SELECT household_id, count(*)::int AS n FROM monitoring_case WHERE household_id = ANY($1::int[]) GROUP BY household_id ORDER BY household_id`,
      [[disabled, pupil, house, water].map((x) => Number(x.householdId))],
    );
    expect(open.map((r: any) => r.n)).toEqual([1, 1, 1, 1]);
  });

  it('a department officer reports a clue on a district household as a department alert only', async () => {
    const p = await person();
    const report = (source: string) =>
      app.gqlAs(
        officers.D05.actor,
        `mutation($input: ReportRiskInput!) { reportRisk(input: $input) { status discoverySource clueBy } }`,
        {
          input: { householdId: p.householdId, source, description: '卫健：大病专项救治对象' },
        },
      );
    expect(errorOf(await report('CADRE_VISIT'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CONDITIONS_UNMET',
    });
    expect(ok(await report('DEPARTMENT_ALERT')).reportRisk).toMatchObject({
      status: 'CLUE',
      discoverySource: 'DEPARTMENT_ALERT',
    });
  });

  it('MonitoringCaseFilter by risk type: has, hasAny, hasAll', async () => {
    const p = await person();
    const clue = ok(
      await app.gql(
        `mutation($h: ID!) { reportRisk(input: { householdId: $h, source: CADRE_VISIT, description: "排查" }) { id } }`,
        { h: p.householdId },
      ),
    ).reportRisk;
    ok(
      await app.gql(
        `mutation($id: ID!) { verifyMonitoringCase(id: $id, input: { category: MARGINAL, riskTypes: [OTHER, NATURAL_DISASTER], findings: "核实" }) { id } }`,
        { id: clue.id },
      ),
    );
    const ids = async (filter: Record<string, unknown>) =>
      ok(
        await app.gql(
          `query($f: MonitoringCaseFilter) { monitoringCases(filter: $f, first: 100) { nodes { id } } }`,
          {
            f: { householdId: { eq: p.householdId }, ...filter },
          },
        ),
      ).monitoringCases.nodes.map((n: any) => n.id);
    expect(await ids({ riskTypes: { has: 'OTHER' } })).toEqual([clue.id]);
    expect(await ids({ riskTypes: { has: 'ILLNESS' } })).toEqual([]);
    expect(await ids({ riskTypes: { hasAny: ['ILLNESS', 'NATURAL_DISASTER'] } })).toEqual([clue.id]);
    expect(await ids({ riskTypes: { hasAll: ['ILLNESS', 'NATURAL_DISASTER'] } })).toEqual([]);
    expect(await ids({ riskTypes: { hasAll: ['OTHER', 'NATURAL_DISASTER'] } })).toEqual([clue.id]);
    // Statistics by risk type (each of a case's types counted) and by category, for the verified case's step.
    const stats = ok(
      await app.gql(`{ r: monitoringCaseStatistics(groupBy: RISK_TYPE, statuses: [VERIFIED]) { key label count }
                       c: monitoringCaseStatistics(groupBy: CATEGORY, statuses: [VERIFIED]) { key count } }`),
    );
    const count = (rows: any[], key: string) => rows.find((r) => r.key === key)?.count;
    expect(stats.r).toHaveLength(11);
    expect(count(stats.r, 'OTHER')).toBe(1);
    expect(count(stats.r, 'NATURAL_DISASTER')).toBe(1);
    expect(count(stats.r, 'ILLNESS')).toBe(0);
    expect(count(stats.c, 'MARGINAL')).toBe(1);
    expect(stats.r.find((r: any) => r.key === 'ILLNESS').label).toBe('因病 (01)');
  });
});
