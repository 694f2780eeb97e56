// Issue #17 items 5, 6 and 12: a server field error shown under its field on user creation; XLSX
// ID-like columns as text cells wide enough for their longest value; date inputs in YYYY-MM-DD in a
// browser launched in an English locale — at 1440×900 and at 390×844 (touch).
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ConsoleHarness, expectNoRawKeys, out, startConsole } from './console-harness';

let h: ConsoleHarness;
let browser: Browser;

const VIEWPORTS = {
  desk: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
} as const;
type Viewport = keyof typeof VIEWPORTS;

/** Signs in and waits for the first page (on the phone the app bar has no room for the user's name). */
async function signIn(page: Page) {
  await page.goto(`${h.base}#/login`);
  await page.getByRole('textbox', { name: '用户名' }).fill('admin');
  await page.getByRole('textbox', { name: '密码' }).fill(h.adminPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.hash.includes('login'));
  await page.locator('#main-content').waitFor();
}

/** Today's YYYY-MM-DD in China Standard Time. */
const todayCst = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  h = await startConsole();
  browser = h.page.context().browser()!;
});

afterAll(() => h?.close());

describe.each(['desk', 'phone'] as Viewport[])('on the %s', (kind) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // an English browser in New York: the console still speaks Chinese and writes days YYYY-MM-DD
    context = await browser.newContext({
      ...VIEWPORTS[kind],
      locale: 'en-US',
      timezoneId: 'America/New_York',
    });
    page = await context.newPage();
    await signIn(page);
  });

  afterAll(() => context?.close());

  it('shows and accepts dates as YYYY-MM-DD in a browser launched in an English locale', async () => {
    // the visit form: today in China Standard Time, written YYYY-MM-DD, in a text input
    const household = (await h.api('{ households(first: 1) { nodes { id } } }')).households.nodes[0];
    await page.goto(`${h.base}#/households/${household.id}/visit`);
    const visitDay = page.locator('input[data-day-input]');
    await visitDay.waitFor();
    await expect(visitDay.getAttribute('type')).resolves.toBe('text');
    await expect(visitDay.inputValue()).resolves.toBe(todayCst());
    await page.getByText('格式：YYYY-MM-DD').first().waitFor();
    await page.screenshot({ path: path.join(out, `${kind}-en-us-visit-date.png`) });
    // a list's date-range filter: the day as written in the address, a wrong day refused in Chinese
    const filter = encodeURIComponent(JSON.stringify({ clueDate_gte: '2026-01-05' }));
    await page.goto(`${h.base}#/monitoringCases?filter=${filter}`);
    const from = page.locator('input[name="clueDate_gte"]');
    await from.waitFor();
    await expect(from.getAttribute('type')).resolves.toBe('text');
    await expect(from.inputValue()).resolves.toBe('2026-01-05');
    await expect(from.getAttribute('placeholder')).resolves.toBe('YYYY-MM-DD');
    await from.fill('2026-02-30');
    await from.blur();
    // a filter's helper text is hidden by react-admin: the field is marked, and the day not applied
    await page.locator('input[name="clueDate_gte"][aria-invalid="true"]').waitFor();
    expect(decodeURIComponent(page.url())).not.toContain('2026-02-30');
    await from.fill('2026-02-28');
    await page.waitForURL((u) => decodeURIComponent(u.hash).includes('"clueDate_gte":"2026-02-28"'));
    await expect(from.getAttribute('aria-invalid')).resolves.toBe('false');
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, `${kind}-en-us-date-filter.png`) });
    // no native date input anywhere on these screens
    await expect(page.locator('input[type="date"], input[type="datetime-local"]').count()).resolves.toBe(0);
  });

  it('marks a server field error (username already taken) under its field on user creation', async () => {
    await page.goto(`${h.base}#/users/create`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('姓名').fill('重名用户');
    await page.getByLabel('角色').click();
    await page.getByRole('option', { name: '审计人员', exact: true }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(out, `${kind}-user-duplicate.png`) });
    // the server's CONFLICT/DUPLICATE on input.username, in Chinese, under 用户名
    const field = (label: string) => page.locator('.MuiFormControl-root', { has: page.getByLabel(label) });
    await field('用户名').getByText('该值已在全区登记').waitFor();
    await expect(page.getByLabel('用户名').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('姓名').getAttribute('aria-invalid')).resolves.toBe('false');
    await expect(field('姓名').getByText('该值已在全区登记').count()).resolves.toBe(0);
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, `${kind}-user-duplicate.png`) });
    const users = (await h.api('{ users(filter: { displayName: { eq: "重名用户" } }) { totalCount } }'))
      .users;
    expect(users.totalCount).toBe(0);
  });
});

describe('XLSX exports', () => {
  it.each([
    ['households', ['户编号', '联系电话']],
    ['villages', ['区划代码']],
  ])(
    'writes the ID-like columns of %s as text cells at least as wide as their longest value',
    async (resource, idHeaders) => {
      // a page of its own: Chromium lets a page start one download without a fresh click
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await signIn(page);
      await page.goto(`${h.base}#/${resource}?filter=${encodeURIComponent('{}')}`);
      await page.getByRole('button', { name: '导出Excel' }).waitFor();
      await page.waitForTimeout(500);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出Excel' }).click(),
      ]);
      const file = path.join(out, `${resource}-ids.xlsx`);
      await download.saveAs(file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const sheet = book.worksheets[0];
      // a name with `/` (行政村/社区) was refused by ExcelJS and nothing was downloaded
      expect(sheet.name).not.toMatch(/[*?:\\/[\]]/);
      const headers = sheet.getRow(1).values as string[];
      let checked = 0;
      for (const header of idHeaders) {
        const c = headers.indexOf(header);
        expect(c).toBeGreaterThan(0);
        let longest = 0;
        // the rows between the headers and the totals row
        for (let i = 2; i < sheet.rowCount; i++) {
          const cell = sheet.getRow(i).getCell(c);
          if (cell.value === null || cell.value === undefined) continue;
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(String(cell.value)).toMatch(/^\d{6,}$|^[\d-]{7,}$/);
          longest = Math.max(longest, String(cell.value).length);
          checked++;
        }
        if (header !== '联系电话') expect(longest).toBeGreaterThanOrEqual(12);
        expect(sheet.getColumn(c).width ?? 0).toBeGreaterThanOrEqual(longest);
        expect(sheet.getColumn(c).numFmt).toBe('@');
      }
      expect(checked).toBeGreaterThan(0);
      await context.close();
    },
  );
});
