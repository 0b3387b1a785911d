import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDto } from '../../src/shared/api/indicators';
import { AchievementPage, IndicatorAnalyticsPage, OverviewPage } from './page-models/AnalyticsPages';
import { AppShell } from './page-models/AppShell';
import { LoginPage } from './page-models/LoginPage';
import { ApiSession } from './support/apiSession';
import { launchBrowser, openPage, screenshot, type TestPage } from './support/browser';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './support/server';

/*
 * 指标分析's trend chart on a demo indicator reported by sex, whose target lies above every value
 * (the screenshot shows the target line and the 女/男 lines), and the 达标率 page against 监测概览.
 */

let server: RunningServer;
let browser: Browser;
let office: TestPage;
let indicatorId: number;

beforeAll(async () => {
  server = await startServer();
  const session = await ApiSession.login(server.baseUrl, 'dalian_office', ADMIN_PASSWORD);
  const list = await session.get<IndicatorDto[]>('/api/indicators');
  indicatorId = list.find((i) => i.name === '高中阶段教育毛入学率')!.id;
  browser = await launchBrowser();
  office = await openPage(browser, server.baseUrl);
  const login = new LoginPage(office.page);
  await login.goto();
  await login.login('dalian_office', ADMIN_PASSWORD);
  await new AppShell(office.page).banner.waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('indicator trend chart', () => {
  it('draws the trend of an indicator reported by sex', async () => {
    const page = office.page;
    await page.goto(`${server.baseUrl}/analytics/indicators/${indicatorId}`);
    const indicator = new IndicatorAnalyticsPage(page);
    await indicator.trendChart.waitDrawn();
    expect(await indicator.heading.innerText()).toContain('高中阶段教育毛入学率');
    await screenshot(page, 'charts-indicator-trend');
  });
});

describe('达标率', () => {
  it('shows the same 达标率 as 监测概览, the districts ranked, and the targets behind a count', async () => {
    const page = office.page;
    const shell = new AppShell(page);
    await shell.navigation.getByRole('menuitem', { name: '监测概览' }).click();
    const overview = new OverviewPage(page);
    await overview.areaTable.waitFor();
    const rate = /达标率 ([\d.]+%)/.exec(await overview.achievement.innerText())![1]!;

    await shell.navigation.getByRole('menuitem', { name: '达标率' }).click();
    const achievement = new AchievementPage(page);
    await achievement.headline.waitFor();
    expect(await achievement.headline.innerText()).toContain(`达标率 ${rate}`);
    await achievement.ranking.waitFor();
    const ranks = await achievement.ranking.locator('tbody tr td:first-child').allInnerTexts();
    expect(ranks.length).toBeGreaterThanOrEqual(10);
    expect(ranks[0]).toBe('1');
    await screenshot(page, 'achievement');

    await achievement.areaTable.getByRole('button', { name: /^未达标 \d+ 项/ }).first().click();
    await achievement.list.waitFor();
    expect(await achievement.list.locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'achievement-list');
  });
});
