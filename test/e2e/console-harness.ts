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
  /** Posts a GraphQL operation; returns `data`, throws on errors. */
  api: (query: string, variables?: Record<string, unknown>) => Promise<any>;
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
  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const res: any = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json());
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  return {
    port,
    base: `http://127.0.0.1:${port}/admin/`,
    page,
    api,
    close: async () => {
      await browser.close();
      server.kill('SIGINT');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fails on any react-admin or app message key left untranslated on screen. */
export async function expectNoRawKeys(p: Page) {
  const text = await p.evaluate(() => (globalThis as any).document.body.innerText as string);
  expect(text).not.toMatch(/\b(ra|resources|enums|errors|app)\.[a-z_]+[.a-zA-Z_]*/);
}
