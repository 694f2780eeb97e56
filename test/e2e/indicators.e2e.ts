import path from 'node:path';
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

describe('the indicators page', () => {
  for (const [label, viewport] of [
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`shows every indicator with its status, breakdown and drill-down (${label})`, async () => {
      // A fresh browser context per viewport, as a phone user signs in on the phone (menu closed).
      const p = await page.context().browser()!.newPage({ viewport, locale: 'zh-CN' });
      await p.goto(`${h.base}#/login`);
      await p.getByRole('textbox', { name: '用户名' }).fill('admin');
      await p.getByRole('textbox', { name: '密码' }).fill(h.adminPassword);
      await p.getByRole('button', { name: '登录' }).click();
      await p.waitForURL(/#\/$/);
      await p.goto(`${h.base}#/indicators`);
      const table = p.getByTestId('indicator-table');
      await table.getByText('九年义务教育巩固率').waitFor();
      expect(await table.locator('tbody tr').count()).toBe(13);
      for (const status of ['达标', '预警', '未达标', '无数据'])
        expect(await table.getByText(status, { exact: true }).count()).toBeGreaterThan(0);
      await table.getByText('增量危房').click();
      await p.getByText('增量危房：按乡镇').waitFor();
      await p
        .getByTestId('drill-table')
        .getByText(/住房安全等级 [CD] 级/)
        .first()
        .waitFor();
      await expectNoRawKeys(p);
      await p.screenshot({ path: path.join(out, `indicators-${label}.png`), fullPage: true });
      await p.close();
    });
  }

  it('puts the indicators card on the dashboard', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${h.base}#/`);
    await page.getByTestId('indicators-card').getByText('规划指标').waitFor();
    await page.screenshot({ path: path.join(out, 'indicators-dashboard.png') });
  });
});
