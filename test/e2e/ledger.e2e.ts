import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ConsoleHarness, expectNoRawKeys, out, signIn, startConsole } from './console-harness';

let h: ConsoleHarness;
let page: Page;

beforeAll(async () => {
  h = await startConsole();
  page = h.page;
  await signIn(page, h.base, 'admin', h.adminPassword);
});

afterAll(() => h?.close());

/** Opens an action's dialog by its button, fills it, confirms. */
async function act(button: string, fill: () => Promise<void>) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await fill();
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
}

describe('the asset ledger in the console', () => {
  it('confirms rights (refused without an operator), records revenue with a running sum, and shows it', async () => {
    const asset = (
      await h.api(`{ assets(first: 1, filter: { assetClass: { eq: OPERATING }, rightsConfirmedAt: { isNull: true }, status: { eq: IN_USE } }) {
        nodes { id assetCode } } }`)
    ).assets.nodes[0];
    expect(asset).toBeTruthy();
    await h.api('mutation($id: ID!) { updateAsset(id: $id, input: { operator: null }) { id } }', {
      id: asset.id,
    });
    await page.goto(`${h.base}#/assets/${asset.id}/show`);
    await page.getByText(asset.assetCode).first().waitFor();
    await act('确权', async () => {
      await page.getByRole('dialog').getByLabel('确权文号').fill('白区确〔2025〕18号');
    });
    await page.getByRole('alert').getByText('已确权的经营性资产须填写经营主体').waitFor();
    await page.getByRole('dialog').getByLabel('经营主体').fill('光伏合作社');
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('白区确〔2025〕18号').first().waitFor();

    await page.getByRole('tab', { name: '收益与分配' }).click();
    await page.getByRole('button', { name: '登记年度收益' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('收益金额（元）').fill('48000');
    await dialog.locator('[name="distributions.0.amountYuan"]').fill('18000');
    await dialog.getByText('尚余 ¥30,000.00').waitFor();
    await dialog.getByRole('button', { name: '增加' }).click();
    await dialog
      .locator('[name="distributions.1.purpose"]')
      .locator('xpath=..')
      .locator('[role="combobox"]')
      .click();
    await page.getByRole('option', { name: '农户分红' }).click();
    await dialog.locator('[name="distributions.1.amountYuan"]').fill('30000');
    await dialog.getByText('尚余 ¥0.00').waitFor();
    await dialog.getByRole('button', { name: '确认' }).click();
    await page.getByText('资产管护 ¥18,000.00；农户分红 ¥30,000.00').waitFor();
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'asset-revenue.png'), fullPage: true });
  });

  it('decides a disposal in the approval queue', async () => {
    const asset = (
      await h.api('{ assets(first: 1, filter: { status: { eq: IN_USE } }, offset: 5) { nodes { id } } }')
    ).assets.nodes[0];
    // requested by someone else: a district officer of its own
    const { oneTimePassword } = (
      await h.api(
        'mutation { createUser(input: { username: "district02", displayName: "区干部乙", role: DISTRICT_OFFICER }) { oneTimePassword } }',
      )
    ).createUser;
    const post = async (query: string, variables: object, token?: string) =>
      (await fetch(`${h.base.replace('/admin/', '')}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json())) as any;
    const token = (
      await post(
        'mutation($p: String!) { login(input: { username: "district02", password: $p }) { token } }',
        { p: oneTimePassword },
      )
    ).data.login.token;
    await post(
      'mutation($p: String!) { changePassword(input: { currentPassword: $p, newPassword: "District-Two-22" }) { id } }',
      { p: oneTimePassword },
      token,
    );
    const requested = await post(
      'mutation($id: ID!) { requestAssetDisposal(input: { assetId: $id, reason: DISASTER, method: SCRAP, explanation: "山洪冲毁", expectedProceedsYuan: "500" }) { id } }',
      { id: asset.id },
      token,
    );
    expect(requested.errors).toBeUndefined();
    await page.goto(`${h.base}#/assetDisposals`);
    await page.getByText('山洪冲毁').waitFor();
    await act('批准', async () => {
      await page.getByRole('dialog').getByLabel('批准文号').fill('白区处〔2025〕9号');
    });
    await page.getByText('已批准').first().waitFor();
    const after = (await h.api('query($id: ID!) { asset(id: $id) { status } }', { id: asset.id })).asset;
    expect(after.status).toBe('DISPOSED');
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'asset-disposals.png') });
  });

  it('shows the ledger views with totals, and imports a file after a dry run', async () => {
    // reached from the menu, as a clerk would
    await page.goto(`${h.base}#/`);
    await page.getByRole('menuitem', { name: '资产台账' }).click();
    const classes = page.locator('[data-ledger="ASSET_CLASS"]');
    await classes.waitFor();
    const total = (await h.api('{ assets { totalCount } }')).assets.totalCount;
    await expect(classes.locator('tr').last().innerText()).resolves.toContain(String(total));
    await page.getByRole('tab', { name: '分部门台账' }).click();
    await page.locator('[data-ledger="DEPARTMENT"]').waitFor();
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'ledger-departments.png'), fullPage: true });

    // a file in the export's format: one new asset, one bad cell first
    const res = await fetch(
      `${h.base.replace('/admin/', '')}/api/assets/export.xlsx?filter=${encodeURIComponent('{"assetCode":{"eq":"NONE"}}')}`,
      {
        headers: { authorization: `Bearer ${await adminToken()}` },
      },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as any);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    const village = (
      await h.api('{ villages(first: 1, filter: { committeeType: { eq: VILLAGE } }) { nodes { code } } }')
    ).villages.nodes[0];
    const dept = (await h.api('{ departments(first: 1) { nodes { name } } }')).departments.nodes[0];
    const row = (overrides: Record<string, unknown>) =>
      headers.map(
        (hd) =>
          ({
            资产编号: 'E2E-IMPORT-1',
            资产名称: '村级文化广场',
            资产类别: '公益性资产',
            资产类型: '文化体育设施',
            项目名称: '文化广场项目',
            项目年度: 2022,
            所在村代码: village.code,
            行业主管部门: dept.name,
            产权归属层级: '村集体',
            产权所有者: '村集体',
            '中央财政衔接资金(元)': 200000,
            ...overrides,
          })[hd] ?? null,
      );
    const write = async (overrides: Record<string, unknown>) => {
      const b = new ExcelJS.Workbook();
      const s = b.addWorksheet('台账');
      s.addRow(headers);
      s.addRow(row(overrides));
      const file = path.join(out, `import-${Object.keys(overrides).length ? 'bad' : 'good'}.xlsx`);
      fs.writeFileSync(file, Buffer.from(await b.xlsx.writeBuffer()));
      return file;
    };
    await page.getByRole('menuitem', { name: '台账导入' }).click();
    await page.getByTestId('import-file').setInputFiles(await write({ 资产类别: '不存在' }));
    await page.getByRole('button', { name: '检查' }).click();
    await page.getByTestId('import-report').getByText('取值无效').waitFor();
    await expect(page.getByRole('button', { name: '导入', exact: true }).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: path.join(out, 'import-problems.png') });
    await page.getByTestId('import-file').setInputFiles(await write({}));
    await page.getByRole('button', { name: '检查' }).click();
    await page.getByText('将新增1项').waitFor();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText('导入完成').waitFor();
    const imported = (await h.api('{ assets(filter: { assetCode: { eq: "E2E-IMPORT-1" } }) { totalCount } }'))
      .assets.totalCount;
    expect(imported).toBe(1);
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'import-done.png') });
  });
});

async function adminToken(): Promise<string> {
  const res = (await fetch(`${h.base.replace('/admin/', '')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($p: String!) { login(input: { username: "admin", password: $p }) { token } }',
      variables: { p: h.adminPassword },
    }),
  }).then((r) => r.json())) as any;
  return res.data.login.token;
}
