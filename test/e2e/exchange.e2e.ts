import path from 'node:path';
import type { Page } from 'playwright-core';
import { idNumberCheckChar } from '../../server/common/validation/id-number';
import { ConsoleHarness, expectNoRawKeys, out, signIn, startConsole } from './console-harness';

let h: ConsoleHarness;
let page: Page;

beforeAll(async () => {
  h = await startConsole();
  page = h.page;
  await signIn(page, h.base, 'admin', h.adminPassword);
});

afterAll(() => h?.close());

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

/** A 医保 feed file: one demo member with a large out-of-pocket cost, one unknown ID, one outside the district. */
async function medicalFeed(cost: string): Promise<{ csv: string; memberId: string }> {
  const member = (await h.api('{ householdMembers(first: 1, offset: 40) { nodes { id } } }')).householdMembers
    .nodes[0];
  const id = (await h.api('mutation($id: ID!) { revealIdNumber(memberId: $id) }', { id: member.id }))
    .revealIdNumber as string;
  const header = '身份证号,姓名,户籍所在地行政区划代码,医保资助类别,年度个人自付医疗费用(元),数据截至日期';
  const asOf = new Date(Date.now() - 3 * 86400000).toISOString().slice(0, 10);
  const csv = [
    header,
    `${id},,,定额资助,${cost},${asOf}`,
    `${withCheck('62040219800517001')},,,,100,${asOf}`,
    `${withCheck('11010119900101123')},,110101,,100,${asOf}`,
  ].join('\r\n');
  return { csv, memberId: member.id };
}

describe('数据导入 · 部门比对数据 in the console', () => {
  for (const [name, viewport] of [
    ['desk', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`checks and imports a medical-insurance feed on the ${name}`, async () => {
      await page.setViewportSize(viewport);
      await page.goto(`${h.base}#/feed-import`);
      await page.getByText('选择本部门的比对数据类别').waitFor();
      // On the phone the menu is a modal drawer: closed (react-admin's stored sidebar state) before the page is used.
      if (name === 'phone') {
        await page.evaluate(() => (globalThis as any).localStorage.setItem('RaStore.sidebar.open', 'false'));
        await page.reload();
        await page.getByText('选择本部门的比对数据类别').waitFor();
      }
      await page.getByTestId('feed-select').locator('[role="combobox"]').click();
      await page.getByRole('option', { name: '医保参保资助及大额自付费用' }).click();
      const { csv, memberId } = await medicalFeed(name === 'desk' ? '26000' : '31000.5');
      await page.getByTestId('feed-file').setInputFiles({
        name: 'medical.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await page.getByRole('button', { name: '检查', exact: true }).click();
      await page.getByText(/检查通过：3行，比对成功1行/).waitFor();
      await page.getByText('未比对的行（已报回）').waitFor();
      await page.getByRole('button', { name: '导入', exact: true }).click();
      await page.getByText(/导入完成：3行，比对成功1行/).waitFor();
      await page
        .getByText(/医保：个人自付医疗费用/)
        .first()
        .waitFor();
      await expectNoRawKeys(page);
      const width = await page.evaluate(
        () => (globalThis as any).document.documentElement.scrollWidth as number,
      );
      expect(width).toBeLessThanOrEqual(viewport.width + 1);
      await page.screenshot({ path: path.join(out, `feed-import-${name}.png`), fullPage: true });
      // The member's page shows the department's fields with source and date.
      await page.goto(`${h.base}#/householdMembers/${memberId}/show`);
      const fields = page.getByTestId('sector-fields');
      await fields.getByText('年度个人自付医疗费用(元)').waitFor();
      await fields.getByText('区医保局').first().waitFor();
      await fields.getByText('部门数据').first().waitFor();
      await expectNoRawKeys(page);
      await page.screenshot({ path: path.join(out, `member-sector-fields-${name}.png`), fullPage: true });
    });
  }

  it('shows the follow-up worklist', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${h.base}#/follow-ups`);
    await page.getByText('风险消除后的农户按季度回访一年').waitFor();
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'follow-ups.png'), fullPage: true });
  });
});
