import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

export const root = path.resolve(__dirname, '../..');
/** Screenshots and downloads of the browser tests. */
export const out = path.join(root, 'test-output');

/**
 * The built server (dist/) on a fresh embedded database with 600 demo households, and a headless
 * Chromium page on its console. One per test file; `close` stops both.
 */
export interface ConsoleHarness {
  port: number;
  /** The console's URL: `http://127.0.0.1:<port>/admin/`. */
  base: string;
  page: Page;
  /** Posts a GraphQL operation as the administrator; returns `data`, throws on errors. */
  api: (query: string, variables?: Record<string, unknown>) => Promise<any>;
  /** The administrator's password (changed from the first-start one). */
  adminPassword: string;
  close: () => Promise<void>;
}

export async function startConsole(): Promise<ConsoleHarness> {
  fs.mkdirSync(out, { recursive: true });
  const port = 4950 + (process.pid % 40);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-pglite-'));
  const server: ChildProcess = spawn('node', ['dist/server/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      PGLITE_DATA_DIR: dataDir,
      DEMO_HOUSEHOLDS: '600',
      ADMIN_PASSWORD: FIRST_PASSWORD,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  let token = '';
  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const res: any = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json());
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  // The first administrator's password must be changed before anything else.
  token = (
    await api(`mutation { login(input: { username: "admin", password: "${FIRST_PASSWORD}" }) { token } }`)
  ).login.token;
  await api(
    `mutation { changePassword(input: { currentPassword: "${FIRST_PASSWORD}", newPassword: "${ADMIN_PASSWORD}" }) { id } }`,
  );
  return {
    port,
    base: `http://127.0.0.1:${port}/admin/`,
    page,
    api,
    adminPassword: ADMIN_PASSWORD,
    close: async () => {
      await browser.close();
      server.kill('SIGINT');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const FIRST_PASSWORD = 'First-Start-2026';
const ADMIN_PASSWORD = 'Yellow-River-2026';

/** Signs in on the console's login page (and lands on the page behind it). */
export async function signIn(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}#/login`);
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByRole('textbox', { name: '密码' }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(/ · /).first().waitFor();
}

/** Fails on any react-admin or app message key left untranslated on screen. */
export async function expectNoRawKeys(p: Page) {
  const text = await p.evaluate(() => (globalThis as any).document.body.innerText as string);
  expect(text).not.toMatch(/\b(ra|resources|enums|errors|app)\.[a-z_]+[.a-zA-Z_]*/);
}
