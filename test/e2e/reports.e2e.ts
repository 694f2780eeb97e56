import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ConsoleHarness, expectNoRawKeys, out, signIn, startConsole } from './console-harness';

/**
 * Monthly progress reports in the console, on a desktop (1440×900) and a phone (390×844): the
 * office's month view with last month's demo reports, a department officer writing and submitting
 * its report typing only text (the figures are pre-filled), the office returning it with a reason,
 * and the dashboard card 本月未报送单位.
 */
let h: ConsoleHarness;
let officer: Page;
let unitId: string;
const OFFICER_PASSWORD = 'Labour-Bureau-2026';

const cstMonth = (shift: number) => {
  const d = new Date(Date.now() + 8 * 3600_000);
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + shift, 1));
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
};

beforeAll(async () => {
  h = await startConsole();
  await signIn(h.page, h.base, 'admin', h.adminPassword);
  unitId = (await h.api('{ departments(filter: { code: { eq: "D04" } }) { nodes { id } } }')).departments
    .nodes[0].id;
  const created = await h.api(
    `mutation($d: ID!) { createUser(input: { username: "rsj_officer", displayName: "人社局联络员", role: DEPARTMENT_OFFICER, departmentId: $d }) { oneTimePassword } }`,
    { d: unitId },
  );
  const login = async (password: string) => {
    const res: any = await fetch(`http://127.0.0.1:${h.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(input: { username: "rsj_officer", password: "${password}" }) { token } }`,
      }),
    }).then((r) => r.json());
    return res.data.login.token as string;
  };
  const token = await login(created.createUser.oneTimePassword);
  await fetch(`http://127.0.0.1:${h.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `mutation { changePassword(input: { currentPassword: "${created.createUser.oneTimePassword}", newPassword: "${OFFICER_PASSWORD}" }) { id } }`,
    }),
  });
  const browser = h.page.context().browser() as Browser;
  officer = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(officer, h.base, 'rsj_officer', OFFICER_PASSWORD);
});

afterAll(() => h?.close());

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(out, name), fullPage: false });

describe('monthly progress reports in the console', () => {
  it('shows the office last month’s reports in every state, on a desktop and a phone', async () => {
    const page = h.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    const last = cstMonth(-1);
    await page.goto(`${h.base}#/reports?month=${last}`);
    const table = page.locator('[data-reports-month]');
    await table.waitFor();
    for (const label of ['已采纳', '已报送', '已退回', '草稿', '未起草', '逾期报送', '按时报送'])
      await table.getByText(label, { exact: true }).filter({ visible: true }).first().waitFor();
    await page.getByRole('button', { name: '下载汇总（Word）' }).waitFor();
    await expectNoRawKeys(page);
    await shot(page, 'reports-month-1440.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await table.waitFor();
    const overflow = await page.evaluate(() => {
      const d = (globalThis as any).document;
      return d.documentElement.scrollWidth - d.documentElement.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, 'reports-month-390.png');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('lets a department officer write and submit its report typing only text; the office returns it', async () => {
    const month = cstMonth(0);
    await officer.goto(`${h.base}#/reports/${unitId}/${month}`);
    await officer.getByRole('button', { name: '起草本月报告' }).click();
    await officer.locator('[data-section="二（四）"]').waitFor();
    // The figures are there already, read-only, with their definitions.
    await officer.locator('[data-section="二（四）"] [data-figure="EMPLOYMENT_MEASURES_STARTED"]').waitFor();
    await officer.getByRole('button', { name: '报送' }).click();
    await officer.getByText('请填写每项任务的工作进展').first().waitFor();
    const boxes = officer.locator('textarea[data-text="progress"]');
    const n = await boxes.count();
    expect(n).toBeGreaterThan(3);
    // every empty section's progress is marked, with the reason under it
    await officer
      .locator('textarea[data-text="progress"][aria-invalid="true"]')
      .nth(n - 1)
      .waitFor();
    await expect(
      officer.locator('textarea[data-text="progress"][aria-invalid="true"]').count(),
    ).resolves.toBe(n);
    await expect(officer.locator('[data-text="problems"][aria-invalid="true"]').count()).resolves.toBe(0);
    for (let i = 0; i < n; i++) await boxes.nth(i).fill(`第${i + 1}项任务按计划推进。`);
    await officer.evaluate(() => (globalThis as any).window.scrollTo(0, 0));
    await shot(officer, 'reports-editor-1440.png');
    await officer.getByRole('button', { name: '报送' }).click();
    await officer.locator('[data-status="SUBMITTED"]').waitFor();
    await expectNoRawKeys(officer);

    const page = h.page;
    await page.goto(`${h.base}#/reports/${unitId}/${month}`);
    await page.locator('[data-status="SUBMITTED"]').waitFor();
    await page.getByRole('button', { name: '退回' }).click();
    await page.getByRole('dialog').getByLabel('退回原因').fill('请补充就业帮扶人数');
    await page.getByRole('dialog').getByRole('button', { name: '退回' }).click();
    await page.locator('[data-status="RETURNED"]').waitFor();
    await page.getByText('已退回：请补充就业帮扶人数').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-section="二（四）"]').waitFor();
    await shot(page, 'reports-editor-390.png');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows 本月未报送单位 on the dashboard', async () => {
    const page = h.page;
    await page.goto(`${h.base}#/`);
    const card = page.locator('[data-card="overdue-reports"]');
    await card.getByText('本月未报送单位').waitFor();
    await card.getByText('区农业农村局').waitFor();
    await shot(page, 'reports-dashboard-1440.png');
  });
});
