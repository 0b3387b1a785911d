import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionDto } from '../../src/shared/api/reporting';
import { AppShell } from './page-models/AppShell';
import { LoginPage } from './page-models/LoginPage';
import { ReviewQueuePage } from './page-models/ReportingListPages';
import { ApiSession } from './support/apiSession';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { createIndicators, fillSubmission, findSeat, openTask, submissionOf } from './support/reportingFixture';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startServer, type RunningServer } from './support/server';

/** The demo's accounts share the admin's password. */
const REPORTER = 'xigang_weijian';
const DEPT_REVIEWER = 'xigang_weijian_sh';
const CITY_STATISTICS = 'dalian_tongji';
const TASK_NAME = '2026年度卫健数据审核测试';

let server: RunningServer;
let browser: Browser;

async function signedIn(username: string): Promise<Page> {
  const { page } = await openPage(browser, server.baseUrl);
  const login = new LoginPage(page);
  await login.goto();
  await login.login(username, ADMIN_PASSWORD);
  await new AppShell(page).banner.waitFor();
  return page;
}

beforeAll(async () => {
  server = await startServer();
  // Something for the department reviewer to decide: the demo reporter submits 西岗区 卫健委's data of a new task.
  const admin = await ApiSession.login(server.baseUrl, ADMIN_USERNAME, ADMIN_PASSWORD);
  const ids = await createIndicators(admin);
  const health = await findSeat(admin, '西岗区', '卫健委');
  const task = await openTask(admin, {
    orgUnitId: health.orgUnit.id, year: 2026, name: TASK_NAME, opensOn: '2026-01-05', dueOn: '2099-03-31', indicatorIds: [ids.get('E2E_IMR')!],
  });
  const reporter = await ApiSession.login(server.baseUrl, REPORTER, ADMIN_PASSWORD);
  const seat = await submissionOf(reporter, task.id, '西岗区', '卫健委');
  await fillSubmission(reporter, seat.id, { E2E_INF_DEATHS: { total: 7 }, E2E_LIVE_BIRTHS: { total: 3210 } });
  await reporter.post(`/api/reporting/submissions/${seat.id}/actions`, { action: 'submit' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The three defects found with the access policy (issue 10, point 9), each as its person meets it. */
describe('the access policy in the browser', () => {
  it('tells a reporter who opens 监测概览 by its address that they have no access, and leads back to their start page', async () => {
    const page = await signedIn(REPORTER);
    await page.goto('/analytics');
    await page.getByText('没有权限', { exact: true }).waitFor();
    expect(await page.getByText('数据加载失败').count()).toBe(0);
    await screenshot(page, 'policy-no-access');
    await page.getByRole('button', { name: '返回我的首页' }).click();
    await page.waitForURL(/\/reporting$/);
  });

  it('gives a department reviewer the 数据审核 menu entry, listing what their department submitted', async () => {
    const page = await signedIn(DEPT_REVIEWER);
    const menu = new AppShell(page).navigation;
    await menu.getByRole('menuitem', { name: '数据审核' }).click();
    const queue = new ReviewQueuePage(page);
    await queue.heading.waitFor();
    await queue.row('西岗区 · 卫健委', TASK_NAME).getByRole('button', { name: '审核' }).waitFor();
    const seats = await page.getByRole('table', { name: '审核列表' }).locator('.review-seat').allInnerTexts();
    expect(seats.every((s) => s === '西岗区 · 卫健委')).toBe(true);
    await screenshot(page, 'policy-reviewer-queue');
  });

  it('lists for the city statistics group only what it decides, says where the districts’ data went, and why it cannot approve one', async () => {
    const api = await ApiSession.login(server.baseUrl, CITY_STATISTICS, ADMIN_PASSWORD);
    const all = await api.request<SubmissionDto[]>('GET', '/api/reporting/submissions');
    const waitingInDistricts = all.filter((s) => s.orgUnit.name !== '大连市' && (s.state === 'submitted' || s.state === 'reviewed'));
    expect(waitingInDistricts.length).toBeGreaterThan(0);

    const page = await signedIn(CITY_STATISTICS);
    const queue = new ReviewQueuePage(page);
    await queue.goto();
    const note = page.getByText(`另有 ${waitingInDistricts.length} 份已提交的数据须由所在单位的统计监测组`, { exact: false });
    await note.waitFor();
    const seats = await page.getByRole('table', { name: '审核列表' }).locator('.review-seat').allInnerTexts();
    expect(seats.filter((s) => !s.startsWith('大连市 · '))).toEqual([]);
    await screenshot(page, 'policy-city-queue');

    const district = waitingInDistricts[0]!;
    await page.goto(`/reporting/submissions/${district.id}`);
    await page.getByText(`审核通过须由${district.orgUnit.name}妇儿工委统计监测组办理`).waitFor();
    expect(await page.getByRole('button', { name: '审核通过' }).count()).toBe(0);
    await page.getByRole('button', { name: '退回' }).waitFor();
    await screenshot(page, 'policy-city-on-district');
  });
});
