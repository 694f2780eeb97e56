import ExcelJS from 'exceljs';
import type { RunningServer } from '../../server/app/app';
import { Role } from '../../server/auth/actor';
import { ASSET_COLUMNS } from '../../server/modules/asset/asset-excel';
import { aHousehold } from '../support/builders';
import { errorOf, ok, startTestApp, startTestServer, TestApp } from '../support/harness';

/** The asset ledger (work plan §2.5): lifecycle rules, revenue, disposal with approval, views, Excel. */
describe('the asset ledger', () => {
  let app: TestApp;
  let server: RunningServer;
  let token: string;
  let village: { id: string; code: string };
  let department: { id: string; name: string };
  let n = 0;

  beforeAll(async () => {
    app = await startTestApp();
    server = await startTestServer(app);
    token = await app.token(app.admin);
    village = ok(
      await app.gql(
        '{ villages(first: 1, filter: { committeeType: { eq: VILLAGE } }) { nodes { id code } } }',
      ),
    ).villages.nodes[0];
    department = ok(
      await app.gql('{ departments(first: 1, orderBy: [{ field: CODE }]) { nodes { id name } } }'),
    ).departments.nodes[0];
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  const asset = async (fields: Record<string, unknown> = {}) =>
    ok(
      await app.gql('mutation($i: CreateAssetInput!) { createAsset(input: $i) { id assetCode version } }', {
        i: {
          assetCode: `LED-${++n}`,
          name: '光伏电站',
          assetClass: 'OPERATING',
          category: 'PHOTOVOLTAIC',
          projectName: '村级光伏扶贫电站',
          projectYear: 2018,
          villageId: village.id,
          responsibleDepartmentId: department.id,
          ownershipLevel: 'VILLAGE',
          owner: '村股份经济合作社',
          fundings: [
            { source: 'CENTRAL_FISCAL', amountYuan: '300000.00' },
            { source: 'DISTRICT_FISCAL', amountYuan: '50000.50' },
          ],
          ...fields,
        },
      }),
    ).createAsset;
  const reasons = (res: any) => errorOf(res).fields.map((f) => f.reason);

  it('confirms rights, hands over, assigns custody and changes status by the rules', async () => {
    const a = await asset();
    const confirm = (input: string) =>
      app.gql(
        `mutation($id: ID!) { confirmAssetRights(id: $id, input: ${input}) { rightsConfirmedAt rightsDocumentNo operator } }`,
        {
          id: a.id,
        },
      );
    expect(reasons(await confirm('{ documentNo: "白区确〔2025〕3号" }'))).toEqual(['OPERATOR_REQUIRED']);
    const handOver = (date?: string) =>
      app.gql(
        `mutation($id: ID!, $d: Date) { handOverAsset(id: $id, input: { documentNo: "移〔2025〕3号", date: $d, custodian: "村委会" }) { handedOverAt custodian } }`,
        {
          id: a.id,
          d: date ?? null,
        },
      );
    expect(reasons(await handOver())).toEqual(['HANDOVER_BEFORE_RIGHTS']);
    const confirmed = ok(
      await confirm('{ documentNo: "白区确〔2025〕3号", operator: "光伏合作社", date: "2025-03-01" }'),
    ).confirmAssetRights;
    expect(confirmed).toEqual({
      rightsConfirmedAt: '2025-03-01',
      rightsDocumentNo: '白区确〔2025〕3号',
      operator: '光伏合作社',
    });
    expect(reasons(await handOver('2025-02-01'))).toEqual(['HANDOVER_BEFORE_RIGHTS']);
    expect(ok(await handOver('2025-04-01')).handOverAsset).toEqual({
      handedOverAt: '2025-04-01',
      custodian: '村委会',
    });
    expect(
      ok(
        await app.gql(
          `mutation($id: ID!) { assignAssetCustodian(id: $id, input: { custodian: "村委会", custodianPerson: "张管护" }) { custodianPerson } }`,
          { id: a.id },
        ),
      ).assignAssetCustodian.custodianPerson,
    ).toBe('张管护');
    const status = (s: string) =>
      app.gql(
        `mutation($id: ID!) { changeAssetStatus(id: $id, input: { status: ${s}, reason: "设备检修" }) { status statusReason statusChangedAt } }`,
        { id: a.id },
      );
    expect(reasons(await status('DISPOSED'))).toContain('DISPOSAL_REQUIRED');
    expect(ok(await status('IDLE')).changeAssetStatus).toMatchObject({
      status: 'IDLE',
      statusReason: '设备检修',
    });
    expect(reasons(await status('IDLE'))).toEqual(['STATUS_UNCHANGED']);
    // a household asset is owned at household level
    const h = await aHousehold(app, { villageId: village.id });
    const wrong = await app.gql('mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }', {
      i: {
        assetCode: `LED-${++n}`,
        name: '到户圈舍',
        assetClass: 'HOUSEHOLD',
        category: 'LIVESTOCK',
        projectName: '到户产业',
        projectYear: 2020,
        householdId: h.id,
        responsibleDepartmentId: department.id,
        ownershipLevel: 'VILLAGE',
        owner: '农户',
        fundings: [{ source: 'CENTRAL_FISCAL', amountYuan: '8000' }],
      },
    });
    expect(reasons(wrong)).toEqual(['OWNERSHIP_LEVEL_MISMATCH']);
  });

  it('records revenue only of operating assets, distributed to the yuan', async () => {
    const a = await asset();
    const school = await asset({ assetClass: 'PUBLIC_WELFARE', category: 'SCHOOL' });
    const revenue = (assetId: string, amount: string, shares: [string, string][]) =>
      app.gql(
        `mutation($i: CreateAssetRevenueInput!) { createAssetRevenue(input: $i) { id amountYuan distributions { purpose amountYuan } } }`,
        {
          i: {
            assetId,
            year: 2025,
            amountYuan: amount,
            distributions: shares.map(([purpose, amountYuan]) => ({ purpose, amountYuan })),
          },
        },
      );
    expect(reasons(await revenue(school.id, '100', [['MAINTENANCE', '100']]))).toEqual([
      'REVENUE_NOT_OPERATING',
    ]);
    const off = await revenue(a.id, '48000', [
      ['MAINTENANCE', '10000'],
      ['HOUSEHOLD_DIVIDEND', '30000'],
    ]);
    expect(errorOf(off).fields).toEqual([{ field: 'input.distributions', reason: 'DISTRIBUTION_MISMATCH' }]);
    const good = ok(
      await revenue(a.id, '48000.50', [
        ['MAINTENANCE', '10000'],
        ['HOUSEHOLD_DIVIDEND', '30000'],
        ['PUBLIC_WELFARE_JOB_WAGES', '8000.50'],
      ]),
    ).createAssetRevenue;
    expect(good.distributions).toHaveLength(3);
    expect(reasons(await revenue(a.id, '1', [['MAINTENANCE', '1']]))).toEqual(['DUPLICATE']);
  });

  it('disposes of an asset only after approval by another, district-level user; history forbids deletion', async () => {
    const a = await asset();
    const cadre = await app.user(Role.VILLAGE_CADRE, { villageId: village.id });
    const district = await app.user(Role.DISTRICT_OFFICER);
    const request = await app.gqlAs(
      district,
      `mutation($id: ID!) { requestAssetDisposal(input: { assetId: $id, reason: DISASTER, method: SCRAP, explanation: "洪水冲毁", expectedProceedsYuan: "1200" }) { id status requestedByName } }`,
      { id: a.id },
    );
    const d = ok(request).requestAssetDisposal;
    expect(d.status).toBe('REQUESTED');
    const again = await app.gqlAs(
      cadre,
      `mutation($id: ID!) { requestAssetDisposal(input: { assetId: $id, reason: OTHER, method: SALE, explanation: "x", expectedProceedsYuan: "0" }) { id } }`,
      { id: a.id },
    );
    expect(errorOf(again).reason).toBe('DISPOSAL_PENDING');
    const approve = (actor: any) =>
      app.gqlAs(
        actor,
        `mutation($id: ID!) { approveAssetDisposal(id: $id, input: { approvalDocumentNo: "白区处〔2025〕7号", proceedsYuan: "1100" }) { status proceedsYuan asset { status } } }`,
        { id: d.id },
      );
    expect(errorOf(await approve(district)).reason).toBe('SAME_PERSON');
    expect(errorOf(await approve(cadre)).code).toBe('FORBIDDEN');
    expect(ok(await approve(app.admin)).approveAssetDisposal).toEqual({
      status: 'APPROVED',
      proceedsYuan: '1100.00',
      asset: { status: 'DISPOSED' },
    });
    expect(
      reasons(
        await app.gql('mutation($id: ID!) { updateAsset(id: $id, input: { name: "改名" }) { id } }', {
          id: a.id,
        }),
      ),
    ).toContain('ASSET_DISPOSED');
    const del = await app.gql('mutation($id: ID!) { deleteAsset(id: $id) }', { id: a.id });
    expect(errorOf(del)).toMatchObject({ code: 'CONFLICT', reason: 'ASSET_HAS_HISTORY' });
    const fresh = await asset();
    expect(
      ok(await app.gql('mutation($id: ID!) { deleteAsset(id: $id) }', { id: fresh.id })).deleteAsset,
    ).toBe(fresh.id);
  });

  it('ledger views add up to the district total', async () => {
    const total = ok(await app.gql('{ assets { totalCount } }')).assets.totalCount;
    const [sums] = await app.db.query(
      'SELECT sum(original_value_yuan)::text AS original, coalesce(sum(book_value_yuan), 0)::text AS book, (SELECT coalesce(sum(amount_yuan), 0) FROM asset_revenue)::text AS revenue FROM asset',
    );
    const cents = (v: string) => Math.round(Number(v) * 100);
    for (const groupBy of ['ASSET_CLASS', 'DEPARTMENT', 'TOWNSHIP', 'VILLAGE', 'STATUS', 'CATEGORY']) {
      const rows = ok(
        await app.gql(
          `{ assetLedger(groupBy: ${groupBy}) { key label count originalValueYuan bookValueYuan revenueYuan } }`,
        ),
      ).assetLedger;
      expect(rows.reduce((s: number, r: any) => s + r.count, 0)).toBe(total);
      expect(rows.reduce((s: number, r: any) => s + cents(r.originalValueYuan), 0)).toBe(
        cents(sums.original),
      );
      expect(rows.reduce((s: number, r: any) => s + cents(r.revenueYuan), 0)).toBe(cents(sums.revenue));
      expect(rows.every((r: any) => r.label)).toBe(true);
    }
    const funding = ok(
      await app.gql('{ assetLedgerByFundingSource { originalValueYuan } }'),
    ).assetLedgerByFundingSource;
    expect(funding.reduce((s: number, r: any) => s + cents(r.originalValueYuan), 0)).toBe(
      cents(sums.original),
    );
  });

  const upload = async (file: Buffer, dryRun: boolean, format = 'xlsx') => {
    const res = await fetch(`${server.url}/api/assets/import?dryRun=${dryRun}`, {
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
  const exported = async (filter?: object) => {
    const res = await fetch(
      `${server.url}/api/assets/export.xlsx${filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  const snapshot = async () =>
    (
      await app.db.query(
        `SELECT count(*)::int AS n, max(updated_at)::text AS at, (SELECT count(*)::int FROM asset_funding) AS f FROM asset`,
      )
    )[0];

  it('exports to XLSX with Chinese headers, money format and totals; importing it back changes nothing', async () => {
    // funding sources whose enum order differs from their alphabetical order
    await asset({
      fundings: [
        { source: 'GOVERNMENT_BOND', amountYuan: '1000' },
        { source: 'EAST_WEST_COOPERATION', amountYuan: '2000' },
      ],
    });
    const file = await exported();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as any);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('资产编号');
    expect(sheet.getColumn(ASSET_COLUMNS.findIndex((c) => c.key === 'originalValueYuan') + 1).numFmt).toBe(
      '"¥"#,##0.00',
    );
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    const before = await snapshot();
    const dry = await upload(file, true);
    expect(dry.body).toMatchObject({
      dryRun: true,
      rows: before.n,
      created: 0,
      updated: 0,
      unchanged: before.n,
      problems: [],
    });
    const real = await upload(file, false);
    expect(real.body).toMatchObject({ created: 0, updated: 0, unchanged: before.n });
    expect(await snapshot()).toEqual(before);
    // the export is audited
    const [e] = await app.db.query(
      `SELECT after FROM audit_event WHERE operation = 'export' AND entity = 'Asset' ORDER BY id DESC LIMIT 1`,
    );
    expect(e.after.rows).toBe(before.n);
  });

  // Robustness round, item 1: an export is counted first and refused over EXPORT_MAX_ROWS.
  it('refuses an export over EXPORT_MAX_ROWS with TOO_MANY_ROWS, and exports within it', async () => {
    const [{ n }] = await app.db.query('SELECT count(*)::int AS n FROM asset');
    expect(n).toBeGreaterThan(1);
    const capped = await startTestServer(app, 'production', { exportMaxRows: n - 1 });
    try {
      const refused = await fetch(`${capped.url}/api/assets/export.xlsx`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as any).errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TOO_MANY_ROWS',
        fields: [{ field: 'filter', reason: 'TOO_MANY_ROWS' }],
      });
      const [one] = await app.db.query('SELECT asset_code FROM asset ORDER BY asset_code LIMIT 1');
      const filter = encodeURIComponent(JSON.stringify({ assetCode: { eq: one.asset_code } }));
      const narrowed = await fetch(`${capped.url}/api/assets/export.xlsx?filter=${filter}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(narrowed.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await narrowed.arrayBuffer()) as any);
      expect(book.worksheets[0].getCell('A2').value).toBe(one.asset_code);
      expect(book.worksheets[0].getCell('A3').value).toBe('合计');
    } finally {
      await capped.stop();
    }
  });

  it('reads CSV files too', async () => {
    const header = ASSET_COLUMNS.map((c) => c.header);
    const row = (code: string) =>
      header.map(
        (h) =>
          ({
            资产编号: code,
            资产名称: '灌溉渠',
            资产类别: 'PUBLIC_WELFARE',
            资产类型: 'IRRIGATION',
            项目名称: '灌溉项目',
            项目年度: '2021',
            所在村代码: village.code,
            行业主管部门: department.name,
            产权归属层级: 'VILLAGE',
            产权所有者: '村集体',
            '中央财政衔接资金(元)': '5000',
          })[h] ?? '',
      );
    const csv = `\uFEFF${[header, row('CSV-1'), row('CSV-2')].map((r) => r.join(',')).join('\n')}\n`;
    const { body } = await upload(Buffer.from(csv, 'utf8'), true, 'csv');
    expect(body).toMatchObject({ rows: 2, created: 2, problems: [] });
  });

  it('keeps history and status changes to their steps, and refuses bad export filters', async () => {
    const a = await asset({ rightsConfirmedAt: '2024-05-01', operator: '合作社' });
    const update = (input: string) =>
      app.gql(`mutation($id: ID!) { updateAsset(id: $id, input: ${input}) { id } }`, { id: a.id });
    expect(reasons(await update('{ rightsConfirmedAt: null }'))).toEqual(['HISTORY_CLEARED']);
    expect(reasons(await update('{ status: IDLE }'))).toEqual(['STATUS_BY_STEP']);
    expect(errorOf(await app.gql('mutation($id: ID!) { deleteAsset(id: $id) }', { id: a.id })).reason).toBe(
      'ASSET_HAS_HISTORY',
    );
    const status = await app.gql(
      `mutation($id: ID!) { changeAssetStatus(id: $id, input: { status: IDLE, reason: "检修", date: "2099-01-01" }) { id } }`,
      { id: a.id },
    );
    expect(reasons(status)).toContain('FUTURE_DATE');
    for (const filter of [
      '{"idNumberHash":"x"}',
      '{"household":{"members":{"idNumberHash":{"eq":"x"}}}}',
      '[1,2]',
      '{"status":{"eq":"NOPE"}}',
    ]) {
      const res = await fetch(`${server.url}/api/assets/export.xlsx?filter=${encodeURIComponent(filter)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(400);
    }
  });

  it('imports CSV cells as written and only rows the importer may write', async () => {
    const header = ASSET_COLUMNS.map((c) => c.header);
    const line = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '').join(',');
    const base = {
      资产名称: '灌溉渠',
      资产类别: 'PUBLIC_WELFARE',
      资产类型: 'IRRIGATION',
      项目名称: '灌溉项目',
      项目年度: '2021',
      行业主管部门: department.name,
      产权归属层级: 'VILLAGE',
      产权所有者: '村集体',
      '中央财政衔接资金(元)': '5000',
    };
    const h = await aHousehold(app, { villageId: village.id });
    const number = ok(
      await app.gql('query($id: ID!) { household(id: $id) { householdNumber } }', { id: h.id }),
    ).household.householdNumber;
    const csv = [
      header.join(','),
      line({
        ...base,
        资产编号: '00123',
        所在村代码: village.code,
        资产类别: 'HOUSEHOLD',
        产权归属层级: 'HOUSEHOLD',
        到户农户编号: number,
      }),
    ].join('\n');
    const { body } = await upload(Buffer.from(csv), false, 'csv');
    expect(body.problems).toEqual([]);
    const stored = ok(
      await app.gql('{ assets(filter: { assetCode: { eq: "00123" } }) { nodes { householdId } } }'),
    ).assets.nodes;
    expect(stored).toEqual([{ householdId: h.id }]);
    // a township officer's row with no village lands outside its township: nothing is written
    const officer = await app.user(Role.TOWNSHIP_OFFICER, {
      townshipId: ok(await app.gql('query($id: ID!) { village(id: $id) { townshipId } }', { id: village.id }))
        .village.townshipId,
    });
    const officerToken = await app.token(officer);
    const before = await snapshot();
    const orphan = [header.join(','), line({ ...base, 资产编号: 'NO-VILLAGE-1' })].join('\n');
    const res = await fetch(`${server.url}/api/assets/import?dryRun=false`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officerToken}`, 'x-import-format': 'csv' },
      body: orphan,
    });
    const report = (await res.json()) as any;
    expect(report.problems).toEqual([expect.objectContaining({ row: 2, reason: 'OUT_OF_SCOPE' })]);
    expect(await snapshot()).toEqual(before);
  });

  /** A sheet in the import format with `rows` assets; `edit` changes cells of some rows. */
  async function sheetOf(
    rows: number,
    edit: (row: Record<string, unknown>, i: number) => void = () => undefined,
  ) {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('资产台账');
    sheet.addRow(ASSET_COLUMNS.map((c) => c.header));
    for (let i = 0; i < rows; i++) {
      const row: Record<string, unknown> = {
        资产编号: `IMP-${i}`,
        资产名称: `村级道路${i}`,
        资产类别: '公益性资产',
        资产类型: '道路交通',
        项目名称: '2019年度巩固衔接道路项目',
        项目年度: 2019,
        所在村代码: village.code,
        行业主管部门: department.name,
        产权归属层级: '村集体',
        产权所有者: '村股份经济合作社',
        '中央财政衔接资金(元)': 100000 + i,
        '区级财政资金(元)': 2000.5,
        受益户数: 10,
        受益人数: 30,
      };
      edit(row, i);
      sheet.addRow(ASSET_COLUMNS.map((c) => row[c.header] ?? null));
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('reports every invalid cell of a file with errors in three rows, and imports none of it', async () => {
    const labels = ASSET_COLUMNS.map((c) => c.header);
    expect(labels).toContain('中央财政衔接资金(元)');
    const before = await snapshot();
    const file = await sheetOf(20, (row, i) => {
      if (i === 3) row['资产类别'] = '不存在的类别';
      if (i === 7) row['中央财政衔接资金(元)'] = '12.345';
      if (i === 12) row['所在村代码'] = '999999999999';
    });
    const { body } = await upload(file, false);
    expect(body.problems).toEqual([
      { row: 5, column: '资产类别', reason: 'INVALID_VALUE', message: '取值无效' },
      {
        row: 9,
        column: '中央财政衔接资金(元)',
        reason: 'INVALID_MONEY',
        message: '须为不小于0的金额，最多两位小数',
      },
      {
        row: 14,
        column: '所在村代码',
        reason: 'UNKNOWN_VILLAGE',
        message: '村代码不存在或不在您的管理范围内',
      },
    ]);
    expect(body.created).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('imports 10,000 rows all at once, and the same file again changes nothing', async () => {
    const file = await sheetOf(10000);
    const dry = await upload(file, true);
    expect(dry.body).toMatchObject({ rows: 10000, created: 10000, problems: [] });
    expect((await snapshot()).n).toBeLessThan(10000);
    const real = await upload(file, false);
    expect(real.body).toMatchObject({ created: 10000, updated: 0, problems: [] });
    const first = await snapshot();
    const again = await upload(file, false);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 10000 });
    expect(await snapshot()).toEqual(first);
    const one = ok(
      await app.gql(
        '{ assets(filter: { assetCode: { eq: "IMP-42" } }) { nodes { originalValueYuan fundings { totalCount } } } }',
      ),
    ).assets.nodes[0];
    expect(one).toEqual({ originalValueYuan: '102042.50', fundings: { totalCount: 2 } });
  }, 180000);
});
