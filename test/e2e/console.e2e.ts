import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ConsoleHarness, expectNoRawKeys, out, signIn, startConsole } from './console-harness';

let h: ConsoleHarness;
let page: Page;
let base: string;

/** totalCount of a list through the API. */
async function count(list: string): Promise<number> {
  return (await h.api(`{ x: ${list} { totalCount } }`)).x.totalCount;
}

beforeAll(async () => {
  h = await startConsole();
  page = h.page;
  base = h.base;
  await signIn(page, base, 'admin', h.adminPassword);
});

afterAll(() => h?.close());

describe('the console', () => {
  it('opens in Chinese and lists the real village names', async () => {
    await page.goto(`${base}#/villages`);
    await page.getByText('中心街社区居民委员会').first().waitFor({ timeout: 20000 });
    await page.getByPlaceholder('检索').fill('大川渡');
    await page.getByText('大川渡村村民委员会').first().waitFor();
    await expect(page.getByRole('menuitem', { name: '行政村/社区' }).count()).resolves.toBeGreaterThan(0);
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'villages.png') });
  });

  it('filters households by township', async () => {
    await page.goto(`${base}#/households`);
    await page.getByText('户编号').first().waitFor();
    await page.getByLabel('乡镇').first().click();
    await page.getByRole('option', { name: '武川乡' }).click();
    await page.waitForTimeout(1000);
    const numbers = await page.locator('td.column-householdNumber').allInnerTexts();
    expect(numbers.length).toBeGreaterThan(0);
    // 武川乡's code is 620402202: every household number starts with its village code
    expect(numbers.every((n) => n.startsWith('620402202'))).toBe(true);
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'households-by-township.png') });
  });

  it('shows a field error for a bad ID number', async () => {
    await page.goto(`${base}#/householdMembers/create`);
    await page.getByLabel('身份证号').fill('620402198001011236'); // check digit should be 5;
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(out, 'member-id-error.png') });
    await page.getByText('身份证号校验位不正确').first().waitFor({ timeout: 5000 });
    await page.screenshot({ path: path.join(out, 'member-id-error.png') });
  });

  it('creates a household with two members', async () => {
    const id = (birth: string, seq: string) => {
      const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      const first17 = `620402${birth}${seq}`;
      return first17 + '10X98765432'[[...first17].reduce((s, c, i) => s + w[i] * Number(c), 0) % 11];
    };
    await page.goto(`${base}#/households/create`);
    await page.getByLabel('户编号').fill('E2E-0001');
    await page.getByLabel('所属行政村').fill('大川渡');
    await page.getByRole('option', { name: '大川渡村村民委员会' }).click();
    await page.getByLabel('农户类型').click();
    await page.getByRole('option', { name: '脱贫户' }).click();
    const people: [string, string, string][] = [
      ['测试户主', id('19700101', '013'), '户主'],
      ['测试配偶', id('19720202', '024'), '配偶'],
    ];
    for (const [i, [name, idNumber, relation]] of people.entries()) {
      await page.locator('.RaArrayInput-root').first().getByRole('button', { name: '增加' }).click();
      await page.locator(`[name="members.${i}.name"]`).fill(name);
      await page.locator(`[name="members.${i}.idNumber"]`).fill(idNumber);
      for (const [source, option] of [
        ['relationToHead', relation],
        ['educationLevel', '初中'],
        ['laborCapacity', '普通劳动力'],
      ]) {
        await page
          .locator(`[name="members.${i}.${source}"]`)
          .locator('xpath=..')
          .locator('[role="combobox"]')
          .click();
        await page.getByRole('option', { name: option, exact: true }).click();
      }
    }
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('tab', { name: '家庭成员' }).click();
    await page.getByText('测试配偶').waitFor();
    // once in the members table (the title and the key facts name the head too)
    await expect(page.getByRole('row', { name: /测试户主/ }).count()).resolves.toBe(1);
    await page.getByTestId('key-facts').getByText('测试户主').waitFor();
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'household-members.png') });
    // member rows are edited in place: a dialog over the household page
    const url = page.url();
    await page
      .getByRole('row', { name: /测试配偶/ })
      .getByRole('button', { name: '编辑' })
      .click();
    await page.getByRole('dialog').locator('[name="name"]').fill('测试配偶甲');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('测试配偶甲').waitFor();
    expect(page.url()).toBe(url);
  });

  it('shows the dashboard figures and charts', async () => {
    await page.goto(`${base}#/`);
    await page.getByText('帮扶措施（按类型）').waitFor();
    await page.getByText('资产原值（按类别）').waitFor();
    const households = await count('households');
    await page.getByText(households.toLocaleString('zh-CN'), { exact: true }).first().waitFor();
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'dashboard.png') });
  });

  it('exports a filtered list to XLSX with Chinese headers, every row', async () => {
    await page.goto(`${base}#/assistanceMeasures`);
    await page.getByText('措施类型').first().waitFor();
    await page.goto(
      `${base}#/assistanceMeasures?filter=${encodeURIComponent(JSON.stringify({ type: 'HEALTH' }))}`,
    );
    await page.waitForTimeout(1000);
    const total = await count('assistanceMeasures(filter: { type: { eq: HEALTH } })');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出Excel' }).click(),
    ]);
    const file = path.join(out, 'measures-health.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['措施类型', '责任单位', '金额（元）']));
    // headers, the rows, a totals row
    expect(sheet.rowCount - 2).toBe(total);
    const typeColumn = (sheet.getRow(1).values as string[]).indexOf('措施类型');
    for (let i = 2; i < sheet.rowCount; i++)
      expect(sheet.getRow(i).getCell(typeColumn).value).toBe('健康帮扶');
    expect(String(sheet.getRow(sheet.rowCount).getCell(1).value)).toBe(`合计（${total}条）`);
    const amountColumn = (sheet.getRow(1).values as string[]).indexOf('金额（元）');
    expect(sheet.getColumn(amountColumn).numFmt).toBe('"¥"#,##0.00');
  });

  it('exports every row, beyond 1,000, to CSV', async () => {
    // an explicit empty filter: the list remembers the previous test's filter
    await page.goto(`${base}#/assistanceMeasures?filter=${encodeURIComponent('{}')}`);
    await page.getByText('措施类型').first().waitFor();
    const total = await count('assistanceMeasures');
    expect(total).toBeGreaterThan(1000);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出CSV' }).click(),
    ]);
    const file = path.join(out, 'measures.csv');
    await download.saveAs(file);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toContain('措施类型');
    expect(lines.length - 1).toBe(total);
  });

  it('edits an asset’s funding and shows the new original value in the list', async () => {
    const api = h.api;
    const asset = (
      await api('{ assets(first: 1) { nodes { id assetCode fundings { nodes { amountYuan } } } } }')
    ).assets.nodes[0];
    const others = asset.fundings.nodes
      .slice(1)
      .reduce((sum: number, f: any) => sum + Math.round(Number(f.amountYuan) * 100), 0);
    await page.goto(`${base}#/assets/${asset.id}`);
    const amount = page.locator('[name="fundings.0.amountYuan"]');
    await amount.waitFor();
    await amount.fill('12345.67');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/assets(\?|$)/);
    const expected = ((1234567 + others) / 100).toLocaleString('zh-CN', {
      style: 'currency',
      currency: 'CNY',
    });
    await page.goto(`${base}#/assets?filter=${encodeURIComponent(JSON.stringify({ q: asset.assetCode }))}`);
    await page.getByText(expected).first().waitFor();
    const stored = (await api(`{ asset(id: "${asset.id}") { originalValueYuan } }`)).asset.originalValueYuan;
    expect(Math.round(Number(stored) * 100)).toBe(1234567 + others);
    await page.screenshot({ path: path.join(out, 'assets-after-edit.png') });
  });

  it('shows a township officer only its own villages, after the first-login password change', async () => {
    const t = (await h.api('{ townships(filter: { name: { eq: "武川乡" } }) { nodes { id } } }')).townships
      .nodes[0];
    const { oneTimePassword } = (
      await h.api(
        `mutation($t: ID!) { createUser(input: { username: "wuchuan01", displayName: "武川乡干部", role: TOWNSHIP_OFFICER, townshipId: $t }) { oneTimePassword } }`,
        { t: t.id },
      )
    ).createUser;
    const villagesThere = (
      await h.api('query($t: ID!) { villages(filter: { townshipId: { eq: $t } }) { totalCount } }', {
        t: t.id,
      })
    ).villages.totalCount;
    // a browser of its own: no administrator cookie
    const officer = await page
      .context()
      .browser()!
      .newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    try {
      await signIn(officer, base, 'wuchuan01', oneTimePassword);
      await officer.getByText('首次登录或密码已重置').waitFor();
      await officer.getByRole('textbox', { name: '原密码' }).fill(oneTimePassword);
      await officer.getByRole('textbox', { name: '新密码', exact: true }).fill('Wuchuan-Officer-1');
      await officer.getByRole('textbox', { name: '确认新密码' }).fill('Wuchuan-Officer-1');
      await officer.getByRole('button', { name: '修改密码' }).click();
      await officer.getByText('帮扶措施（按类型）').waitFor();
      await officer.getByText('武川乡干部 · 乡镇（街道）工作人员').waitFor();
      // no user, key or audit screens for this role
      await expect(officer.getByRole('menuitem', { name: '用户' }).count()).resolves.toBe(0);
      await officer.goto(`${base}#/villages?perPage=100`);
      await officer.getByText(`1-${villagesThere} / ${villagesThere}`).waitFor();
      const towns = await officer.locator('td.column-townshipId').allInnerTexts();
      expect(towns).toHaveLength(villagesThere);
      expect(new Set(towns)).toEqual(new Set(['武川乡']));
      await expectNoRawKeys(officer);
      await officer.screenshot({ path: path.join(out, 'township-officer-villages.png') });
    } finally {
      await officer.close();
    }
  });

  it('switches to English and back', async () => {
    await page.goto(`${base}#/assets`);
    await page.getByText('资产编号').first().waitFor();
    await page
      .getByRole('button', { name: /中文|Language|语言/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Asset code').first().waitFor();
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'assets-en.png') });
    await page
      .getByRole('button', { name: /English/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.getByText('资产编号').first().waitFor();
  });
});
