import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDto } from '../../src/shared/api/indicators';
import { IndicatorAnalyticsPage, OverviewPage, ScorecardPage, WarningsPage } from './page-models/AnalyticsPages';
import { AppShell } from './page-models/AppShell';
import { LoginPage } from './page-models/LoginPage';
import { PortalIndicatorsPage, PortalIndicatorPage } from './page-models/PortalPages';
import { ApiSession } from './support/apiSession';
import { launchBrowser, openPage, screenshot, settleAnimations, type TestPage } from './support/browser';
import { createIndicator, E2E_INDICATORS } from './support/reportingFixture';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startServer, type RunningServer } from './support/server';

/** The demo's city office; demo accounts share the admin's password. */
const OFFICE = { username: 'dalian_office', password: ADMIN_PASSWORD };
const ACK_COMMENT = '已核实：数据口径调整所致，已请卫健委说明';
const UNLINKED_NAME = '手工新增的测试指标';

let server: RunningServer;
let browser: Browser;
let office: TestPage;
let visitor: TestPage;
let hiddenIndicatorId: number;
/** API paths the anonymous visitor's page asked for. */
const visitorCalls: string[] = [];

const scriptErrors = (errors: string[]) => errors.filter((message) => !message.startsWith('Failed to load resource'));

beforeAll(async () => {
  server = await startServer();
  const admin = await ApiSession.login(server.baseUrl, ADMIN_USERNAME, ADMIN_PASSWORD);
  // Every demo indicator is published; this one is not, so the portal must refuse it.
  const hidden = await createIndicator(admin, {
    ...E2E_INDICATORS[0]!,
    code: 'E2E_UNPUBLISHED',
    name: '未公开的测试指标',
    published: false,
  });
  hiddenIndicatorId = hidden.id;
  // Made by hand, linked to no plan: the overview lists it after the plan areas, the portal not at all.
  await createIndicator(admin, {
    ...E2E_INDICATORS[4]!,
    code: 'E2E_UNLINKED',
    name: UNLINKED_NAME,
    published: true,
    targets: [{ year: 2030, comparator: '>=', value: 90, baseYear: null }],
  });
  browser = await launchBrowser();
  office = await openPage(browser, server.baseUrl);
  const login = new LoginPage(office.page);
  await login.goto();
  await login.login(OFFICE.username, OFFICE.password);
  await new AppShell(office.page).banner.waitFor();
  visitor = await openPage(browser, server.baseUrl);
  visitor.page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) visitorCalls.push(path);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('analytics in the browser', () => {
  let page: Page;
  let indicatorName: string;

  it('shows the office the overview: 达标率, the areas chart and table', async () => {
    page = office.page;
    const shell = new AppShell(page);
    await shell.navigation.getByRole('menuitem', { name: '监测概览' }).click();
    const overview = new OverviewPage(page);
    await overview.heading.waitFor();
    await overview.areaTable.waitFor();
    await overview.areaChart.waitDrawn();
    expect(await overview.achievement.innerText()).toMatch(/已实现 \d+ 项 \/ 可评估 \d+ 项，达标率 [\d.]+%/);
    expect(await overview.areaTable.innerText()).toContain('妇女与健康');
    // Indicators linked to no plan come after every plan area, as a group of their own.
    const rows = await overview.areaTable.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows[0]).toContain('妇女与健康');
    expect(rows.at(-1)).toContain('未关联规划的指标');
    expect(rows.join('\n')).not.toMatch(/九十九|其他指标/);
    expect(await (await overview.expandArea('未关联规划的指标')).innerText()).toContain(UNLINKED_NAME);
    await screenshot(page, 'analytics-overview');

    const [png] = await Promise.all([page.waitForEvent('download'), overview.exportPng.click()]);
    expect(png.suggestedFilename()).toBe('大连市各领域目标进展.png');

    // Including data not yet approved reloads the figures for that scope, kept in the address.
    await overview.scopeSwitch.click();
    await page.waitForURL(/scope=all/);
    await overview.areaChart.waitDrawn();
    expect(await overview.achievement.innerText()).toMatch(/达标率 [\d.]+%/);
    await overview.scopeSwitch.click();
    await page.waitForURL((url) => !url.search.includes('scope='));
  });

  it('opens an indicator from the overview with its trend and why it has its status', async () => {
    const overview = new OverviewPage(page);
    const list = await overview.expandArea('妇女与健康');
    const link = list.getByRole('link').first();
    indicatorName = await link.innerText();
    await link.click();
    const indicator = new IndicatorAnalyticsPage(page);
    await indicator.whyPanel.waitFor();
    expect(await indicator.heading.innerText()).toContain(indicatorName);
    await indicator.trendChart.waitDrawn();
    const why = await indicator.whyPanel.innerText();
    expect(why).toMatch(/基期\s+\d{4}年/);
    expect(why).toMatch(/最新\s+\d{4}年/);
    expect(why).toContain('进度比');
    expect(why).toContain('判断依据');
    expect(await indicator.metadata.innerText()).toContain('数据来源');
    await screenshot(page, 'analytics-indicator');
    await indicator.whyPanel.evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'analytics-indicator-why');
  });

  it('judges 西岗区 by its own plan and says where a district borrows the city’s targets', async () => {
    const admin = await ApiSession.login(server.baseUrl, ADMIN_USERNAME, ADMIN_PASSWORD);
    const indicators = await admin.get<IndicatorDto[]>('/api/indicators');
    const units = await admin.get<{ id: number; name: string }[]>('/api/org-units');
    const maternalDeaths = indicators.find((i) => i.code === 'W01_022')!;
    const unitId = (name: string) => units.find((u) => u.name === name)!.id;
    const indicator = new IndicatorAnalyticsPage(page);

    await page.goto(`/analytics/indicators/${maternalDeaths.id}?orgUnitId=${unitId('西岗区')}`);
    await indicator.targetBasis.waitFor();
    expect(await indicator.targetBasis.innerText()).toMatch(/西岗区的目标：\s*本级规划目标\s*《西岗区妇女发展规划》/);
    expect(await indicator.whyPanel.innerText()).toMatch(/≤\s*9\s*\/10万/);
    await indicator.targetBasis.evaluate((line) => line.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'analytics-own-targets-xigang');

    await page.goto(`/analytics/indicators/${maternalDeaths.id}?orgUnitId=${unitId('中山区')}`);
    await indicator.targetBasis.waitFor();
    expect(await indicator.targetBasis.innerText()).toMatch(/中山区的目标：\s*沿用大连市规划目标/);
    await indicator.targetBasis.evaluate((line) => line.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'analytics-own-targets-zhongshan');

    // The city's page: each district judged by its own targets, those borrowing the city's named.
    await page.goto(`/analytics/indicators/${maternalDeaths.id}`);
    await indicator.childrenBasis.waitFor();
    const note = await indicator.childrenBasis.innerText();
    expect(note).toContain('中山区沿用大连市规划目标');
    expect(note).not.toContain('西岗区沿用');

    const overview = new OverviewPage(page);
    await overview.goto(`?orgUnitId=${unitId('西岗区')}`);
    await overview.targetBases.waitFor();
    expect(await overview.targetBases.innerText()).toMatch(/本级规划目标\s*\d+ 项\s*沿用大连市规划目标\s*\d+ 项/);
    await overview.targetBases.evaluate((line) => line.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'analytics-own-targets-overview');
    await overview.goto();
  });

  it('shows the scorecard with its legend', async () => {
    const scorecard = new ScorecardPage(page);
    await scorecard.goto();
    await scorecard.table.waitFor();
    expect(await scorecard.legend.innerText()).toContain('进展顺利');
    expect(await scorecard.table.getByRole('link').count()).toBeGreaterThan(10);
    expect(await scorecard.cell('西岗区', '孕产妇死亡率').getAttribute('aria-label')).toMatch(/：[\d.,]+，/);
    await screenshot(page, 'analytics-scorecard');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), scorecard.exportButton.click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('lists warnings and acknowledges one with a comment', async () => {
    const warnings = new WarningsPage(page);
    await new AppShell(page).navigation.getByRole('menuitem', { name: /预警$/ }).click();
    await warnings.heading.waitFor();
    await warnings.counts.waitFor();
    await warnings.acknowledgeButtons.first().waitFor();
    expect(await warnings.list.getByRole('row').count()).toBeGreaterThan(1);
    await screenshot(page, 'analytics-warnings');

    await warnings.acknowledgeButtons.first().click();
    await settleAnimations(warnings.dialog);
    await warnings.dialog.getByLabel('处理说明').fill(ACK_COMMENT);
    await screenshot(page, 'analytics-warning-acknowledge');
    await warnings.dialog.getByRole('button', { name: '确认', exact: true }).click();
    await warnings.dialog.waitFor({ state: 'hidden' });

    await warnings.goto('?acknowledged=yes');
    const row = warnings.rowWith(ACK_COMMENT);
    await row.waitFor();
    expect(await row.innerText()).toContain('已确认');
    expect(await row.innerText()).toContain('市妇儿工委办公室');
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'analytics-warnings-acknowledged');
  });

  it('raised no uncaught errors in the page', () => {
    expect(scriptErrors(office.errors)).toEqual([]);
  });
});

describe('the public portal', () => {
  it('lists the published indicators without login and opens one', async () => {
    const { page } = visitor;
    const home = new PortalIndicatorsPage(page);
    await home.goto();
    await home.indicatorLink('孕产妇死亡率').waitFor();
    expect(await home.banner.innerText()).toContain('大连市妇女儿童工作委员会');
    expect(await home.downloadLink('下载 SDMX-CSV').getAttribute('href')).toBe('/api/public/data.sdmx.csv');
    // Published but linked to no plan: not on the portal, and no placeholder area either.
    expect(await home.indicatorLink(UNLINKED_NAME).count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(/九十九|其他指标|未关联规划/);
    await screenshot(page, 'portal-home');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'portal-home-phone');
    await page.setViewportSize({ width: 1440, height: 900 });

    await home.indicatorLink('孕产妇死亡率').click();
    const indicator = new PortalIndicatorPage(page);
    await indicator.headline.waitFor();
    expect(await indicator.heading.innerText()).toBe('孕产妇死亡率');
    await indicator.trendChart.waitDrawn();
    expect(await indicator.metadata.innerText()).toContain('统计口径');
    await screenshot(page, 'portal-indicator');
  });

  it('shows a district’s own targets, and where it borrows the city’s', async () => {
    const { page } = visitor;
    const admin = await ApiSession.login(server.baseUrl, ADMIN_USERNAME, ADMIN_PASSWORD);
    const maternalDeaths = (await admin.get<IndicatorDto[]>('/api/indicators')).find((i) => i.code === 'W01_022')!;
    const units = await admin.get<{ id: number; name: string }[]>('/api/org-units');
    const unitId = (name: string) => units.find((u) => u.name === name)!.id;
    const indicator = new PortalIndicatorPage(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/portal/indicators/${maternalDeaths.id}?orgUnitId=${unitId('西岗区')}`);
    await indicator.headline.getByText('本级规划目标').waitFor();
    expect(await indicator.headline.innerText()).toMatch(/目标：≤\s*9\s*\/10万/);
    await screenshot(page, 'portal-indicator-own-targets-phone');
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.goto(`/portal/indicators/${maternalDeaths.id}?orgUnitId=${unitId('中山区')}`);
    await indicator.headline.getByText('沿用大连市规划目标').waitFor();
  });

  it('refuses an indicator that is not published', async () => {
    const { page } = visitor;
    await page.goto(`/portal/indicators/${hiddenIndicatorId}`);
    await new PortalIndicatorPage(page).refusal.waitFor();
    await screenshot(page, 'portal-unpublished');
  });

  it('asked only the public API (and whether someone is signed in)', () => {
    expect(visitorCalls.filter((path) => !path.startsWith('/api/public/') && path !== '/api/auth/me')).toEqual([]);
    expect(scriptErrors(visitor.errors)).toEqual([]);
  });
});
