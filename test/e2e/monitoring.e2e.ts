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

const daysAgo = (n: number) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);

/** Opens a step's dialog on the case page, fills it, confirms. */
async function step(label: string, date: string | null, fill?: () => Promise<void>) {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (date) await dialog.getByLabel('日期').fill(date);
  if (fill) await fill();
  await dialog.getByRole('button', { name: '确认' }).click();
}

async function choose(label: string, option: string) {
  await page.getByRole('dialog').getByLabel(label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('monitoring in the console', () => {
  it('takes a household from clue to risk eliminated, showing refusals in Chinese', async () => {
    // A household with no case, safe housing and water, everyone insured, nobody out of school:
    // once its income and plan are in place nothing else stands in the way of elimination.
    const { households } = await h.api(`{ households(first: 200, filter: {
        housingSafety: { in: [A, B] }, drinkingWaterSafe: { eq: true },
        not: { or: [{ members: { medicalInsured: { eq: false } } }, { members: { schoolStatus: { eq: DROPPED_OUT } } }] } }) {
        nodes { id householdNumber currentMonitoringCase { id } monitoringCases { totalCount } } } }`);
    const household = households.nodes.find((x: any) => x.monitoringCases.totalCount === 0);
    expect(household).toBeTruthy();

    // 1. the clue, from the household's monitoring tab
    await page.goto(`${h.base}#/households/${household.id}/show/monitoring`);
    await page.getByRole('link', { name: '登记风险线索' }).click();
    await page.getByLabel('发现方式').click();
    await page.getByRole('option', { name: '农户自主申报' }).click();
    await page.getByLabel('线索内容').fill('家中主要劳动力务工中断');
    await page.getByLabel('线索发现日期').fill(daysAgo(12));
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('线索待核实').first().waitFor();
    const caseId = page.url().match(/monitoringCases\/(\d+)\/show/)![1];

    // 2. verification; then approval is refused while the notice has run less than 5 days
    await step('入户核实', daysAgo(11), async () => {
      await choose('监测对象类别', '边缘易致贫户');
      await page.getByRole('dialog').getByLabel('风险类型（1–5项）').click();
      await page.getByRole('option', { name: '其他' }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').getByLabel('核实/走访情况').fill('收入下降，需帮扶');
    });
    await page.getByText('已入户核实').first().waitFor();
    await step('公示', daysAgo(10));
    await page.getByRole('button', { name: '审定纳入' }).waitFor();
    await step('审定纳入', daysAgo(8));
    await page.getByRole('alert').getByText('公示期不足5天，不能审定纳入').waitFor();
    await page.screenshot({ path: path.join(out, 'monitoring-refused-notice.png') });
    // the same dialog, dated today: 10 days of notice
    await page.getByRole('dialog').getByLabel('日期').fill('');
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByRole('button', { name: '风险消除' }).waitFor();

    // 3. elimination is refused with every unmet condition listed
    await step('风险消除', null, () => choose('风险消除方式', '帮扶消除'));
    await page.getByRole('alert').getByText('缺少当年家庭收支信息').waitFor();
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'monitoring-refused-elimination.png') });
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    // 4. the plan and this year's income (recorded through the API), a visit in the console
    const year = new Date().getFullYear();
    const dept = (await h.api('{ departments(first: 1) { nodes { id } } }')).departments.nodes[0].id;
    await h.api(`mutation { createHouseholdIncome(input: { householdId: "${household.id}", year: ${year},
      wageIncomeYuan: "90000", productionIncomeYuan: "0", propertyIncomeYuan: "0", transferIncomeYuan: "0",
      productionCostsYuan: "0", compliantSpendingYuan: "0" }) { id } }`);
    await h.api(`mutation { createAssistanceMeasure(input: { householdId: "${household.id}", type: EMPLOYMENT,
      description: "公益性岗位", responsibleDepartmentId: "${dept}", startDate: "${daysAgo(5)}",
      status: IN_PROGRESS, monitoringCaseId: "${caseId}" }) { id } }`);
    await page.reload();
    await step('记录走访', null, async () => {
      await page.getByRole('dialog').getByLabel('核实/走访情况').fill('已安排公益性岗位，收入稳定');
    });
    await page.getByRole('cell', { name: '已安排公益性岗位，收入稳定' }).waitFor();

    // 5. elimination now goes through
    await step('风险消除', null, () => choose('风险消除方式', '帮扶消除'));
    await page.getByText('风险已消除').first().waitFor();
    await expect(page.getByRole('button', { name: '风险消除' }).count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(out, 'monitoring-case-eliminated.png'), fullPage: true });
    const closed = (
      await h.api(`{ monitoringCase(id: "${caseId}") { status eliminationMethod riskEliminatedBy } }`)
    ).monitoringCase;
    expect(closed).toEqual({
      status: 'RISK_ELIMINATED',
      eliminationMethod: 'ASSISTED',
      riskEliminatedBy: '系统管理员',
    });

    // 6. the household timeline shows every step, newest first
    await page.goto(`${h.base}#/households/${household.id}/show/monitoring`);
    await page.getByText(`监测记录 #${caseId} 风险已消除`).waitFor();
    const items = await page.locator('li').allInnerTexts();
    const first = items.findIndex((x) => x.includes('风险已消除'));
    const clue = items.findIndex((x) => x.includes(`#${caseId} 线索待核实`));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(clue).toBeGreaterThan(first);
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'household-timeline.png'), fullPage: true });
  });

  it('shows the worklists with counts that match the API, filtered by township', async () => {
    const t = (await h.api('{ townships(first: 1, orderBy: [{ field: CODE }]) { nodes { id name } } }'))
      .townships.nodes[0];
    const expected = (
      await h.api(
        `{ x: monitoredHouseholdsWithoutRecentVisit(scope: { townshipId: "${t.id}" }) { totalCount } }`,
      )
    ).x.totalCount;
    await page.goto(`${h.base}#/worklists`);
    await page.getByRole('tab', { name: /30天未走访/ }).click();
    await page.getByRole('combobox').first().click();
    await page.getByRole('option', { name: t.name }).click();
    await page.waitForTimeout(1000);
    const rows = await page
      .locator('[data-worklist="monitoredHouseholdsWithoutRecentVisit"] tbody tr')
      .count();
    expect(rows).toBe(Math.min(expected, 50));
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, 'worklists.png') });
  });

  it('runs screening and reports what it opened; a second run opens nothing', async () => {
    const year = new Date().getFullYear() - 1;
    const before = (await h.api('{ cluesAwaitingVerification { totalCount } }')).cluesAwaitingVerification
      .totalCount;
    await page.goto(`${h.base}#/screening`);
    await page.getByLabel('收入年度').fill(String(year));
    await page.getByRole('button', { name: '开始筛查' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '开始筛查' }).click();
    const result = page.getByTestId('screening-result');
    await result.waitFor();
    const text = await result.innerText();
    const opened = Number(text.match(/新增线索(\d+)条/)![1]);
    const after = (await h.api('{ cluesAwaitingVerification { totalCount } }')).cluesAwaitingVerification
      .totalCount;
    expect(after - before).toBe(opened);
    expect(opened).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(out, 'screening.png') });
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '开始筛查' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '开始筛查' }).click();
    await page.getByText('新增线索0条', { exact: false }).waitFor();
    const clues = (await h.api('{ cluesAwaitingVerification { totalCount } }')).cluesAwaitingVerification
      .totalCount;
    expect(clues).toBe(after);
  });
});
