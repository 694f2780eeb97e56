// Issue #17: the console as its users work — a village cadre's phone (390×844, touch) and the desk
// (1440×900). Visits online and offline-then-online (counted once, through the API), households found
// by the head's name, users created for every role, the dashboard's drill-down, an export read back,
// and no page wider than the phone.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ConsoleHarness, expectNoRawKeys, out, startConsole } from './console-harness';

/** Signs in and waits for the first page (on the phone the app bar has no room for the user's name). */
async function signIn(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}#/login`);
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByRole('textbox', { name: '密码' }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.hash.includes('login'));
  await page.locator('#main-content').waitFor();
}

let h: ConsoleHarness;
let browser: Browser;

const VIEWPORTS = {
  desk: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
} as const;
type Viewport = keyof typeof VIEWPORTS;

async function newPage(kind: Viewport): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...VIEWPORTS[kind], locale: 'zh-CN' });
  return { context, page: await context.newPage() };
}

/** A user of `role` through the API, its one-time password already changed to `password`. */
async function aUser(username: string, role: string, scope: Record<string, string>, password: string) {
  const { oneTimePassword } = (
    await h.api(`mutation($input: CreateUserInput!) { createUser(input: $input) { oneTimePassword } }`, {
      input: { username, displayName: `${username}干部`, role, ...scope },
    })
  ).createUser;
  const post = async (token: string | null, query: string): Promise<any> =>
    (
      (await fetch(`http://127.0.0.1:${h.port}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query }),
      }).then((r) => r.json())) as any
    ).data;
  const { token } = (
    await post(
      null,
      `mutation { login(input: { username: "${username}", password: "${oneTimePassword}" }) { token } }`,
    )
  ).login;
  await post(
    token,
    `mutation { changePassword(input: { currentPassword: "${oneTimePassword}", newPassword: "${password}" }) { id } }`,
  );
}

const visitsOf = async (householdId: string) =>
  (
    await h.api('query($h: ID!) { monitoringVisits(filter: { householdId: { eq: $h } }) { totalCount } }', {
      h: householdId,
    })
  ).monitoringVisits.totalCount;

/** document.documentElement.scrollWidth: wider than the viewport means the page scrolls sideways. */
const pageWidth = (p: Page) =>
  p.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);

let village: { id: string; name: string };
let household: { id: string; householdNumber: string; head: string };
const CADRE_PASSWORD = 'Cadre-Phone-2026';

beforeAll(async () => {
  h = await startConsole();
  browser = h.page.context().browser()!;
  // The village with the most monitored households due a visit: the cadre's (each viewport visits one).
  const all = (
    await h.api(
      '{ monitoredHouseholdsWithoutRecentVisit(scope: { first: 500 }) { nodes { id householdNumber head { name } village { id name } } } }',
    )
  ).monitoredHouseholdsWithoutRecentVisit.nodes;
  const perVillage = new Map<string, any[]>();
  for (const x of all) perVillage.set(x.village.id, [...(perVillage.get(x.village.id) ?? []), x]);
  const due = [...perVillage.values()].sort((a, b) => b.length - a.length)[0][0];
  village = due.village;
  household = { id: due.id, householdNumber: due.householdNumber, head: due.head.name };
  await aUser('cadre01', 'VILLAGE_CADRE', { villageId: village.id }, CADRE_PASSWORD);
});

afterAll(() => h?.close());

describe.each(['phone', 'desk'] as Viewport[])('on the %s', (kind) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage(kind));
    await signIn(page, h.base, 'cadre01', CADRE_PASSWORD);
  });
  afterAll(() => context?.close());

  it('a village cadre sees the village’s worklists at home and finds a household by the head’s name', async () => {
    await page.goto(`${h.base}#/`);
    await page.getByTestId('cadre-home').waitFor();
    await page
      .locator('[data-worklist="monitoredHouseholdsWithoutRecentVisit"]')
      .getByText('30天未走访')
      .waitFor();
    const due = (
      await h.api(
        'query($v: ID!) { monitoredHouseholdsWithoutRecentVisit(scope: { villageId: $v, first: 1 }) { nodes { householdNumber head { name } } } }',
        { v: village.id },
      )
    ).monitoredHouseholdsWithoutRecentVisit.nodes[0];
    // (the phone's visit took the village's last household off the list: the desk sees it empty)
    if (due) await page.getByText(`${due.head.name} · ${due.householdNumber}`).first().waitFor();
    else
      await page
        .locator('[data-worklist="monitoredHouseholdsWithoutRecentVisit"]')
        .getByText('没有待办事项')
        .waitFor();
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, `${kind}-cadre-home.png`) });
    // the head's name finds the household
    await page.getByLabel('按户主姓名或户编号查找农户').fill(household.head);
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL(/#\/households\?/);
    await page.getByText(household.householdNumber).first().waitFor();
    await page.screenshot({ path: path.join(out, `${kind}-households-by-head.png`) });
    expect(await pageWidth(page)).toBeLessThanOrEqual(VIEWPORTS[kind].viewport.width);
  });

  it('records a visit from the household in one tap, online, counted once', async () => {
    const before = await visitsOf(household.id);
    await page.goto(`${h.base}#/households/${household.id}/show`);
    await page.getByTestId('key-facts').getByText(household.head).waitFor();
    await page.screenshot({ path: path.join(out, `${kind}-household.png`) });
    await page.getByRole('link', { name: '记录走访' }).click();
    await page.getByLabel('走访情况').fill(`${kind}：两不愁三保障正常，务工收入稳定`);
    const save = page.getByRole('button', { name: '保存走访' });
    const box = (await save.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORTS[kind].viewport.width);
    await page.screenshot({ path: path.join(out, `${kind}-visit-form.png`) });
    await save.click();
    await page.getByText('走访已记录').waitFor();
    await page.waitForURL(/show$/);
    expect(await visitsOf(household.id)).toBe(before + 1);
  });

  it('keeps a visit typed offline on the device and sends it once when the connection returns', async () => {
    const before = await visitsOf(household.id);
    await page.goto(`${h.base}#/households/${household.id}/show`);
    await page.getByTestId('key-facts').waitFor();
    await page.getByRole('link', { name: '记录走访' }).click();
    await page.getByLabel('走访情况').waitFor();
    await context.setOffline(true);
    await page.getByLabel('走访情况').fill(`${kind}：离线记录的走访`);
    await page.getByRole('button', { name: '保存走访' }).click();
    await page.getByTestId('visit-queued').getByText('已保存在本机，联网后自动上传').waitFor();
    await page.getByTestId('pending-visits').getByText('1 条走访记录已保存在本机').waitFor();
    await page.screenshot({ path: path.join(out, `${kind}-visit-offline.png`) });
    expect(await visitsOf(household.id)).toBe(before);
    // back online on the visit page: once the queue has sent it, 网络不通 gives way to 已记录
    await context.setOffline(false);
    await page.getByText(/本机保存的1条走访已上传/).waitFor({ timeout: 20000 });
    await page.getByTestId('visit-sent').getByText('走访已记录').waitFor();
    await expect(page.getByTestId('visit-queued').count()).resolves.toBe(0);
    await page.getByTestId('pending-visits').waitFor({ state: 'detached' });
    expect(await visitsOf(household.id)).toBe(before + 1);
    // the online event again (a flaky signal): nothing more is sent
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForTimeout(1500);
    expect(await visitsOf(household.id)).toBe(before + 1);
  });
});

describe.each(['phone', 'desk'] as Viewport[])('as the administrator on the %s', (kind) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage(kind));
    await signIn(page, h.base, 'admin', h.adminPassword);
  });
  afterAll(() => context?.close());

  it('says a dropped connection is one, with a retry, and stays on the record', async () => {
    await page.goto(`${h.base}#/villages`);
    await page.locator('#main-content').waitFor();
    // a list read failing is no empty list: the error with 重试, no 「暂无记录」, no page numbers
    await page.route('**/graphql', (route) => route.abort('connectionreset'));
    await page.goto(`${h.base}#/households`);
    await page.getByTestId('list-error').getByText('网络连接中断').waitFor();
    await expect(page.getByTestId('empty').count()).resolves.toBe(0);
    await expect(page.getByText(/\d+-\d+ \/ \d+/).count()).resolves.toBe(0);
    await expect(page.getByText('errors.NETWORK').count()).resolves.toBe(0);
    const retry = page.getByTestId('list-error').getByRole('button', { name: '重试' });
    // 重试 on one line, not a character per line
    const box = (await retry.boundingBox())!;
    expect(box.width).toBeGreaterThan(box.height);
    await page.unroute('**/graphql');
    await retry.click();
    await page.getByTestId('list-error').waitFor({ state: 'detached' });
    // the server unreachable while the device believes it is online (what weak 4G does)
    await page.route('**/graphql', (route) => route.abort('connectionreset'));
    await page.goto(`${h.base}#/villages/${village.id}/show`);
    await page.getByText('网络连接中断').first().waitFor();
    await expect(page.getByText('条目不存在').count()).resolves.toBe(0);
    await expect(page.getByText('Failed to fetch').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(out, `${kind}-offline-read.png`) });
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: '重试' }).first().click();
    await page.getByText(village.name).first().waitFor();
    expect(page.url()).toContain(`/villages/${village.id}/show`);
    // the dashboard, the same: a message and a retry, not a blank page
    await page.route('**/graphql', (route) => route.abort('connectionreset'));
    await page.goto(`${h.base}#/`);
    await page.getByText('网络连接中断').first().waitFor();
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: '重试' }).first().click();
    await page.getByTestId('dashboard').waitFor();
    // the device offline: react-admin waits and says so in Chinese
    await context.setOffline(true);
    await page.goto(`${h.base}#/households/${household.id}/show`);
    await page
      .getByText(/网络未连接|网络连接中断/)
      .first()
      .waitFor();
    await context.setOffline(false);
    await page.getByTestId('key-facts').waitFor();
  });

  it('opens the matching list from each dashboard card', async () => {
    await page.goto(`${h.base}#/`);
    await page.getByTestId('dashboard').waitFor();
    await page.screenshot({ path: path.join(out, `${kind}-dashboard.png`), fullPage: true });
    const approved = (await h.api('{ monitoringCases(filter: { status: { eq: APPROVED } }) { totalCount } }'))
      .monitoringCases.totalCount;
    const card = page.locator('a', { hasText: '已纳入监测' }).first();
    await expect(card.innerText()).resolves.toContain(approved.toLocaleString('zh-CN'));
    await card.click();
    await page.waitForURL(/#\/monitoringCases\?filter=/);
    await page.getByText(`/ ${approved}`).first().waitFor();
    await expectNoRawKeys(page);
    await page.screenshot({ path: path.join(out, `${kind}-cases-approved.png`) });
  });

  it.each([
    ['ADMIN', null],
    ['DISTRICT_OFFICER', null],
    ['TOWNSHIP_OFFICER', 'township'],
    ['VILLAGE_CADRE', 'village'],
    ['DEPARTMENT_OFFICER', 'department'],
    ['AUDITOR', null],
  ])('creates a %s with only the scope the role needs', async (role, scope) => {
    const username = `${kind}-${role.toLowerCase().replace(/_/g, '')}`;
    await page.goto(`${h.base}#/users/create`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('姓名').fill(`测试${role}`);
    // a township first, then the role that needs none: the hidden choice must not block saving
    await page.getByLabel('角色').click();
    await page.getByRole('option', { name: '乡镇（街道）工作人员' }).click();
    await page.getByLabel('所属乡镇').click();
    await page.getByRole('option').first().click();
    await page.getByLabel('角色').click();
    const roleLabel = (await h.api('{ __type(name: "Role") { enumValues { name description } } }')).__type
      .enumValues;
    expect(roleLabel.length).toBe(6);
    const names: Record<string, string> = {
      ADMIN: '系统管理员',
      DISTRICT_OFFICER: '区级工作人员',
      TOWNSHIP_OFFICER: '乡镇（街道）工作人员',
      VILLAGE_CADRE: '村（社区）干部',
      DEPARTMENT_OFFICER: '行业部门工作人员',
      AUDITOR: '审计人员',
    };
    await page.getByRole('option', { name: names[role], exact: true }).click();
    if (scope === 'township') await expect(page.getByLabel('所属乡镇').count()).resolves.toBe(1);
    else await expect(page.getByLabel('所属乡镇').count()).resolves.toBe(0);
    if (scope === 'village') {
      const picker = page.getByRole('combobox', { name: '所属村' });
      await picker.click();
      // villages come grouped under their township
      await page.locator('.MuiAutocomplete-groupLabel').first().waitFor();
      await picker.fill(village.name.slice(0, 4));
      await page.getByRole('option', { name: village.name }).click();
    }
    if (scope === 'department') {
      await page.getByLabel('所属单位').click();
      await page.getByRole('option').first().click();
    }
    if (role === 'TOWNSHIP_OFFICER') await expect(page.getByLabel('所属村').count()).resolves.toBe(0);
    if (kind === 'phone' && role === 'VILLAGE_CADRE')
      await page.screenshot({ path: path.join(out, `${kind}-user-create.png`) });
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('secret').waitFor();
    const user = (
      await h.api(
        `{ users(filter: { username: { eq: "${username}" } }) { nodes { role townshipId villageId departmentId } } }`,
      )
    ).users.nodes[0];
    expect(user.role).toBe(role);
    // a cadre's township follows from the village: only the village is stored
    expect(Boolean(user.townshipId)).toBe(scope === 'township');
    expect(Boolean(user.villageId)).toBe(scope === 'village');
    expect(Boolean(user.departmentId)).toBe(scope === 'department');
    // the one-time password dialog's only button: copy, close, open the user's page
    await page.getByRole('dialog').getByRole('button').click();
    await page.waitForURL(/#\/users\/\d+\/show/);
  });

  it('offers 停用 on a user’s edit page (never a delete the API lacks)', async () => {
    const u = (await h.api(`{ users(filter: { username: { eq: "${kind}-auditor" } }) { nodes { id } } }`))
      .users.nodes[0];
    await page.goto(`${h.base}#/users/${u.id}`);
    await page.getByRole('button', { name: '停用' }).click();
    await page.getByText('用户已停用').waitFor();
    await expect(page.getByRole('button', { name: '删除' }).count()).resolves.toBe(0);
    const disabled = (await h.api(`{ users(filter: { id: { eq: "${u.id}" } }) { nodes { disabled } } }`))
      .users.nodes[0].disabled;
    expect(disabled).toBe(true);
    await expectNoRawKeys(page);
  });

  it('exports households to CSV with 户编号 intact after a spreadsheet reads it back', async () => {
    await page.goto(
      `${h.base}#/households?filter=${encodeURIComponent(JSON.stringify({ villageId: village.id }))}`,
    );
    await page.getByText(household.householdNumber).first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^农户-\d{8}-\d{4}\.csv$/);
    const file = path.join(out, `${kind}-households.csv`);
    await download.saveAs(file);
    const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    const [header, ...lines] = text.trim().split('\n');
    expect(header.split(',').slice(0, 2)).toEqual(['户主', '户编号']);
    // What Excel and WPS do with a CSV cell: a quoted field, then `="…"` is text shown as written.
    const readCell = (raw: string) => {
      const unquoted = raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw;
      const formula = /^="(.*)"$/.exec(unquoted);
      return formula ? formula[1] : Number.isFinite(Number(unquoted)) ? String(Number(unquoted)) : unquoted;
    };
    const numbers = lines.map((l) => readCell(l.match(/^([^,]*),("(?:[^"]|"")*"|[^,]*)/)![2]));
    expect(numbers).toContain(household.householdNumber);
    expect(numbers.every((n) => /^\d{17}$/.test(n))).toBe(true);
  });

  it('names every entry of the filter menu (增加检索) on every list', async () => {
    const unnamed: string[] = [];
    for (const list of [
      'households',
      'householdMembers',
      'assistanceMeasures',
      'assets',
      'monitoringCases',
      'villages',
    ]) {
      await page.goto(`${h.base}#/${list}?filter=${encodeURIComponent('{}')}`);
      await page.locator('#main-content').waitFor();
      await page.getByRole('button', { name: '增加检索' }).click();
      const items = page.locator('li.new-filter-item');
      await items.first().waitFor();
      for (const text of await items.allInnerTexts()) if (!text.trim()) unnamed.push(list);
      await page.keyboard.press('Escape');
    }
    expect(unnamed).toEqual([]);
  });

  it('has no page wider than the screen', async () => {
    const ids = await h.api(`{
      monitoringCases(first: 1, filter: { status: { eq: APPROVED } }) { nodes { id } }
      assets(first: 1) { nodes { id } }
      householdMembers(first: 1) { nodes { id } }
      assistanceMeasures(first: 1) { nodes { id } }
      users(first: 1) { nodes { id } } }`);
    const pages = [
      '',
      'worklists',
      'screening',
      'ledger',
      'asset-import',
      'households',
      `households/${household.id}/show`,
      `households/${household.id}/show/members`,
      `households/${household.id}/show/measures`,
      `households/${household.id}/show/monitoring`,
      `households/${household.id}/show/relocation`,
      `households/${household.id}/visit`,
      `households/${household.id}`,
      'households/create',
      'householdMembers',
      `householdMembers/${ids.householdMembers.nodes[0].id}/show`,
      'villages',
      `villages/${village.id}/show`,
      'townships',
      'relocationSites',
      'assistanceMeasures',
      `assistanceMeasures/${ids.assistanceMeasures.nodes[0].id}/show`,
      'monitoringCases',
      `monitoringCases/${ids.monitoringCases.nodes[0].id}/show`,
      'householdIncomes',
      'monitoringThresholds',
      'assets',
      `assets/${ids.assets.nodes[0].id}/show`,
      'assetDisposals',
      'departments',
      'users',
      'users/create',
      `users/${ids.users.nodes[0].id}`,
      'apiKeys',
      'auditEvents',
    ];
    const wide: string[] = [];
    for (const p of pages) {
      await page.goto(`${h.base}#/${p}`);
      await page.locator('#main-content').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const width = await pageWidth(page);
      if (width > VIEWPORTS[kind].viewport.width) wide.push(`${p}: ${width}px`);
      // a screenshot of each main screen at this size (the first time it is seen)
      const name = p.replace(/\//g, '_').replace(/\d+/g, 'n') || 'dashboard';
      if (!fs.existsSync(path.join(out, `${kind}-page-${name}.png`)))
        await page.screenshot({ path: path.join(out, `${kind}-page-${name}.png`) });
    }
    expect(wide).toEqual([]);
  });
});
