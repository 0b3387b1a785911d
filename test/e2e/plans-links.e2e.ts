import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicatorListPage } from './page-models/IndicatorListPage';
import { LoginPage } from './page-models/LoginPage';
import { PlanImportPage } from './page-models/PlanImportPage';
import { PlanListPage } from './page-models/PlanListPage';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { seedsDir } from './support/paths';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page } = await openPage(browser, server.baseUrl));
  dir = await mkdtemp(join(tmpdir(), 'halfsky-links-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('one indicator across plans, in the browser', () => {
  it('imports a district’s plans linked to the city indicators, confirms generating, and lists both plans on the indicator page', async () => {
    await new LoginPage(page).goto();
    await new LoginPage(page).login(ADMIN_USERNAME, ADMIN_PASSWORD);
    await new PlanListPage(page).heading.waitFor();

    // The demo's 西岗区 plans are linked already; 中山区 adopting plans in the same words links them afresh.
    const file = join(dir, '中山区妇女儿童发展规划.txt');
    await writeFile(file, (await readFile(resolve(seedsDir, 'xigang-women-children-2021-2030.txt'), 'utf8')).replaceAll('西岗区', '中山区'));
    const importPage = new PlanImportPage(page);
    await importPage.goto();
    await importPage.chooseOrgUnit('中山区');
    await importPage.preview(file);
    const linked = page.getByText(/将关联已有指标（\d+）/).first();
    await linked.waitFor();
    expect(Number(/（(\d+)）/.exec(await linked.innerText())![1])).toBeGreaterThan(20);
    await screenshot(page, 'plan-links-preview');
    await importPage.confirm();
    await page.getByText(/已关联已有指标（\d+）/).first().waitFor();

    await page.goto('/indicators');
    const list = new IndicatorListPage(page);
    await list.openGenerator('中山区妇女发展规划（中山区）');
    await list.generateDialog.getByText(/已关联 W/).first().waitFor();
    const confirm = await list.askToGenerate(/全部生成/);
    for (const heading of [/关联已有指标（\d+）/, /新建指标（\d+）/, /有歧义，请选择（\d+）/]) await confirm.getByRole('heading', { name: heading }).waitFor();
    await screenshot(page, 'plan-links-generate-confirm');
    await confirm.getByRole('button', { name: '确认' }).click();
    await list.generateDialog.getByRole('alert').filter({ hasText: /已新建 \d+ 个指标/ }).waitFor();
    await list.closeDialog(list.generateDialog);

    await list.openIndicator('孕产妇系统管理率');
    const card = page.getByRole('table', { name: '各级规划目标' });
    await card.getByText('大连市妇女发展规划').waitFor();
    await card.getByText('中山区妇女发展规划').waitFor();
    await screenshot(page, 'plan-links-indicator-page');
  });
});
