import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/LoginPage';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './support/server';

/** The demo's 西岗区 office, which assigned the demo's two follow-ups; demo accounts share the admin's password. */
const OFFICE = 'xigang_office';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page } = await openPage(browser, server.baseUrl));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('follow-up of warnings in the browser', () => {
  it('the office accepts and closes a follow-up the department answered', async () => {
    const login = new LoginPage(page);
    await login.goto();
    await login.login(OFFICE, ADMIN_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
    await page.goto(`${server.baseUrl}/followups`);
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('row').count(), { timeout: 20_000 }).toBe(3);
    await screenshot(page, 'followup-list');
    await table.getByRole('row').filter({ hasText: '待审核' }).getByRole('link').first().click();
    await page.getByText('成员单位答复').waitFor();
    await expect.poll(() => page.getByText('统一统计口径').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '采纳' }).click();
    await page.getByText('已采纳').first().waitFor();
    await page.getByLabel('意见（退回时必填）').fill('措施可行，已完成整改');
    await page.getByRole('button', { name: '关闭' }).click();
    await page.getByText('已关闭').first().waitFor();
    await expect.poll(() => page.getByText('措施可行，已完成整改').count()).toBeGreaterThan(0);
    await screenshot(page, 'followup-closed');
  });

  it('lists warnings with their 整改 state and filters', async () => {
    await page.goto(`${server.baseUrl}/analytics/warnings?scope=all&followup=assigned`);
    await page.getByRole('table', { name: '预警列表' }).waitFor();
    await expect.poll(() => page.getByRole('table', { name: '预警列表' }).getByText('待答复').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(page, 'followup-warnings');
  });

  it('shows the notification centre', async () => {
    await page.goto(`${server.baseUrl}/notifications`);
    await page.getByText('通知中心').first().waitFor();
    await screenshot(page, 'followup-notifications');
  });
});
