import path from 'node:path';
import { out, startConsole } from './console-harness';
it('scratch', async () => {
  const h = await startConsole();
  const browser = h.page.context().browser()!;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text().slice(0, 300)));
  await page.goto(`${h.base}#/login`);
  await page.getByRole('textbox', { name: '用户名' }).fill('admin');
  await page.getByRole('textbox', { name: '密码' }).fill(h.adminPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForTimeout(3000);
  const v = (await h.api('{ villages(first: 1) { nodes { id } } }')).villages.nodes[0].id;
  await page.goto(`${h.base}#/households`);
  await page.waitForTimeout(2000);
  await context.setOffline(true);
  for (const p of [`villages/${v}/show`, '']) {
    await page.goto(`${h.base}#/${p}`);
    await page.waitForTimeout(2500);
    await page.screenshot({ path: path.join(out, `scratch-${p.replace(/\//g, '_') || 'home'}.png`) });
    console.log(p, (await page.evaluate(() => (globalThis as any).document.body.innerText)).slice(0, 600));
  }
  await h.close();
}, 120000);
