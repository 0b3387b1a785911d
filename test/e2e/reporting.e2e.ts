import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridDto, SubmissionDto, TaskDto } from '../../src/shared/api/reporting';
import { AppShell } from './page-models/AppShell';
import { LoginPage } from './page-models/LoginPage';
import { ReportingEntryPage } from './page-models/ReportingEntryPage';
import { MySubmissionsPage, NotificationBell, ReviewQueuePage, TaskDetailPage, TaskListPage } from './page-models/ReportingListPages';
import { pickTag } from './support/antd';
import { ApiSession } from './support/apiSession';
import { launchBrowser, openPage, screenshot, settleAnimations, type TestPage } from './support/browser';
import { createIndicators, createUser, fillSubmission, findSeat, openTask, submissionOf } from './support/reportingFixture';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startServer, type RunningServer } from './support/server';

const TASK_NAME = '2025年度妇女儿童发展规划监测数据补充填报';
const OFFICE = { username: ADMIN_USERNAME, password: ADMIN_PASSWORD };
const REPORTER = { username: 'e2e_wangfang', displayName: '王芳', password: 'Reporter-Passw0rd' };
const COLLEAGUE = { username: 'e2e_lijun', displayName: '李军', password: 'Colleague-Passw0rd' };
const STATISTICS = { username: 'e2e_lijing', displayName: '李静', password: 'Statistics-Passw0rd' };
/** The demo's 西岗区 卫健委 department reviewer: the seat's data reaches the statistics group through them. */
const REVIEWER = { username: 'xigang_weijian_sh', password: ADMIN_PASSWORD };
const RETURN_REASON = '活产数与卫健统计年报不一致，请核实后重新上报';

let server: RunningServer;
let browser: Browser;
let task: TaskDto;
let seat: SubmissionDto;
let reporterApi: ApiSession;
let colleagueApi: ApiSession;
let reviewerApi: ApiSession;

/**
 * Each person works in their own browser, signed in once through the login page: the server allows
 * ten logins a minute from one address, and four people take turns here.
 */
const people = new Map<string, TestPage>();

async function as(user: { username: string; password: string }): Promise<Page> {
  const open = people.get(user.username);
  if (open) return open.page;
  const opened = await openPage(browser, server.baseUrl);
  people.set(user.username, opened);
  const login = new LoginPage(opened.page);
  await login.goto();
  await login.login(user.username, user.password);
  await new AppShell(opened.page).banner.waitFor();
  return opened.page;
}

beforeAll(async () => {
  server = await startServer();
  const admin = await ApiSession.login(server.baseUrl, OFFICE.username, OFFICE.password);
  const ids = await createIndicators(admin);
  const health = await findSeat(admin, '西岗区', '卫健委');
  const city = await findSeat(admin, '大连市', '卫健委');
  for (const user of [REPORTER, COLLEAGUE]) {
    await createUser(admin, { ...user, role: 'reporter', orgUnitId: health.orgUnit.id, departmentId: health.departmentId });
  }
  await createUser(admin, { ...STATISTICS, role: 'statistics', orgUnitId: health.orgUnit.id });
  reporterApi = await ApiSession.login(server.baseUrl, REPORTER.username, REPORTER.password);
  colleagueApi = await ApiSession.login(server.baseUrl, COLLEAGUE.username, COLLEAGUE.password);
  const statisticsApi = await ApiSession.login(server.baseUrl, STATISTICS.username, STATISTICS.password);
  reviewerApi = await ApiSession.login(server.baseUrl, REVIEWER.username, REVIEWER.password);

  // Last year's data, reported and approved, so the grid shows 上年 values and checks the change.
  const lastYear = await openTask(admin, {
    orgUnitId: city.orgUnit.id, year: 2024, name: '2024年度妇女儿童发展规划监测数据补充填报', opensOn: '2025-01-06', dueOn: '2025-03-31',
    indicatorIds: [...ids.values()], orgUnitIds: [health.orgUnit.id],
  });
  const before = await submissionOf(reporterApi, lastYear.id, '西岗区', '卫健委');
  await fillSubmission(reporterApi, before.id, {
    E2E_MAT_DEATHS: { total: 2 }, E2E_LIVE_BIRTHS: { total: 3210 }, E2E_INF_DEATHS: { total: 7 },
    E2E_MAT_MGMT_RATE: { total: 94.5, urban: 96.1, rural: 92.3 }, E2E_STUNTING_RATE: { total: 1.2, female: 1.1, male: 1.3 },
  });
  await reporterApi.post(`/api/reporting/submissions/${before.id}/actions`, { action: 'submit' });
  await reviewerApi.post(`/api/reporting/submissions/${before.id}/actions`, { action: 'review' });
  await statisticsApi.post(`/api/reporting/submissions/${before.id}/actions`, { action: 'approve' });

  // The office opens this year's task for the city and its districts.
  task = await openTask(admin, {
    orgUnitId: city.orgUnit.id, year: 2025, name: TASK_NAME, opensOn: '2026-01-05', dueOn: '2099-03-31', indicatorIds: [...ids.values()],
  });
  seat = await submissionOf(admin, task.id, '西岗区', '卫健委');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('reporting in the browser', () => {
  it('shows the office its task with the completeness of every unit and department', async () => {
    const page = await as(OFFICE);
    const tasks = new TaskListPage(page);
    await tasks.goto();
    await tasks.row(TASK_NAME).waitFor();
    expect(await tasks.row(TASK_NAME).innerText()).toContain('2025');
    await screenshot(page, 'reporting-tasks');

    await page.getByRole('button', { name: '发布任务' }).click();
    const drawer = tasks.createDrawer;
    await drawer.getByLabel('任务名称').waitFor();
    expect(await drawer.getByLabel('任务名称').inputValue()).toMatch(/^\d{4}年度妇女儿童发展规划监测数据填报$/);
    await pickTag(drawer.getByLabel('填报指标'), 'E2E_MMR', '孕产妇死亡率（E2E_MMR）');
    await drawer.getByText('发布填报任务').click(); // closes the list, not the drawer (Escape would)
    await drawer.getByText('已选 1 个指标，由 卫健委 填报').waitFor();
    await screenshot(page, 'reporting-task-new');
    // 2025 already has this task for the city and its districts: the drawer says so before publishing.
    await drawer.getByLabel('数据年度').fill('2025');
    await drawer.getByText('与已有任务重叠，发布时将被拒绝').waitFor();
    expect(await drawer.locator('.overlap-list').innerText()).toContain(TASK_NAME);
    await screenshot(page, 'reporting-task-overlap');
    await drawer.getByRole('button', { name: '取消' }).click();
    await drawer.waitFor({ state: 'hidden' });

    await tasks.openTask(TASK_NAME);
    const detail = new TaskDetailPage(page);
    await detail.cell('西岗区', '卫健委').waitFor();
    expect(await detail.cell('西岗区', '卫健委').getAttribute('aria-label')).toContain('填报中');
    expect(await detail.cell('西岗区', '教育局').getAttribute('aria-label')).toContain('已填 0/1');
    await screenshot(page, 'reporting-completeness');
  });

  it('lets a reporter enter values with the keyboard, see ratios computed live, comment a warning and submit', async () => {
    const page = await as(REPORTER);
    const mine = new MySubmissionsPage(page);
    await mine.goto();
    await mine.card(TASK_NAME).waitFor();
    await screenshot(page, 'reporting-mine');
    await mine.open(TASK_NAME, '开始填报');

    const entry = new ReportingEntryPage(page);
    await entry.grid.waitFor();
    expect(page.url()).toMatch(new RegExp(`/reporting/submissions/${seat.id}$`));
    // Enter moves down the column: deaths → live births → infant deaths.
    await entry.enter('孕产妇死亡数（合计）', '5');
    await page.keyboard.type('3300');
    // The ratio is computed in the browser before anything is saved: 5 × 100000 / 3300.
    await expect.poll(() => entry.derived('孕产妇死亡率').innerText()).toBe('151.52');
    await page.keyboard.press('Enter');
    await page.keyboard.type('8');
    // Tab runs through the cells row by row: total, urban, rural, then the next indicator's.
    for (const value of ['95.2', '96.8', '93.1', '1.1', '1.0', '1.2']) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(value);
    }
    await page.keyboard.press('Tab');
    expect(await entry.cell('5岁以下儿童生长迟缓率（男）').inputValue()).toBe('1.2');
    expect(await entry.cell('孕产妇系统管理率（乡村）').inputValue()).toBe('93.1');
    await expect.poll(() => entry.derived('婴儿死亡率').innerText()).toBe('2.42');
    await entry.waitSaved();
    await page.getByText('已填 9 / 9').waitFor();

    // 151.52 against last year's 62.31 is more than the 50 % the indicator allows without a comment.
    await entry.issues.getByText(/孕产妇死亡率（合计）为 151.52.*请填写说明/).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'reporting-entry-warning');
    await entry.button('提交').click();
    await page.getByText('暂不能提交：1 个提示需填写说明').waitFor();
    await entry.issues.getByRole('button', { name: '填写说明' }).click();
    await entry.writeComment('孕产妇死亡数（合计）', '辖区新增两家三级医院，危重孕产妇转入增加');
    await entry.issues.getByText('已说明', { exact: true }).waitFor();
    await screenshot(page, 'reporting-entry-filled');

    await entry.submit();
    await entry.stateTag.filter({ hasText: '已提交待审核' }).waitFor();
    await entry.lockedBanner.waitFor();
    expect(await entry.grid.getByRole('textbox').count()).toBe(0);
    await screenshot(page, 'reporting-submitted');
  });

  it('lets the statistics group return it with a reason', async () => {
    const page = await as(STATISTICS);
    const queue = new ReviewQueuePage(page);
    await queue.goto();
    await queue.filterByTask(TASK_NAME);
    const row = queue.row('西岗区 · 卫健委', TASK_NAME);
    await row.waitFor();
    await screenshot(page, 'reporting-review-queue');
    await row.getByRole('button', { name: '审核' }).click();

    const entry = new ReportingEntryPage(page);
    await entry.button('审核通过').waitFor();
    expect(await entry.derived('孕产妇死亡率').innerText()).toBe('151.52');
    await entry.openReturn();
    await entry.reasonDialog.getByRole('button', { name: '确认退回' }).click();
    await entry.reasonDialog.getByText('请填写退回原因').waitFor();
    await entry.reasonDialog.getByLabel('退回原因').fill(RETURN_REASON);
    await entry.reasonDialog.getByText('请填写退回原因').waitFor({ state: 'hidden' });
    await screenshot(page, 'reporting-return-dialog');
    await entry.reasonDialog.getByRole('button', { name: '确认退回' }).click();
    await entry.stateTag.filter({ hasText: '已退回' }).waitFor();
    await entry.returnedBanner.getByText(RETURN_REASON).waitFor();
  });

  it('tells the reporter, who fixes the value (after a colleague’s conflicting save) and resubmits', async () => {
    const page = await as(REPORTER);
    await page.goto('/reporting');
    const bell = new NotificationBell(page);
    await expect.poll(() => bell.bell.getAttribute('aria-label')).toMatch(/条未读/);
    await bell.openList();
    await screenshot(page, 'reporting-notifications');
    await bell.open(/西岗区卫健委2025年数据被退回/);

    const entry = new ReportingEntryPage(page);
    await entry.returnedBanner.getByText(RETURN_REASON).waitFor();
    expect(page.url()).toMatch(new RegExp(`/reporting/submissions/${seat.id}$`));

    // A colleague at the same desk saves the live births first; this page still holds the old version.
    await fillSubmission(colleagueApi, seat.id, { E2E_LIVE_BIRTHS: { total: 3320 } });
    await entry.enter('活产数（合计）', '3350');
    await entry.conflictDialog.waitFor();
    const conflict = await entry.conflictDialog.innerText();
    expect(conflict).toContain('3,320');
    expect(conflict).toContain('李军');
    await settleAnimations(entry.conflictDialog);
    await screenshot(page, 'reporting-conflict');
    await entry.conflictDialog.getByRole('button', { name: '保留我的输入' }).click();
    await entry.waitSaved();
    expect(await entry.derived('孕产妇死亡率').innerText()).toBe('149.25');

    const history = await entry.openHistory('活产数（合计）');
    await history.getByText(/李军/).waitFor();
    const lines = await history.getByRole('listitem').allInnerTexts();
    expect(lines[0]).toMatch(/修改\s*3,320\s*→\s*3,350[\s\S]*王芳[\s\S]*网页/);
    expect(lines[1]).toMatch(/修改\s*3,300\s*→\s*3,320[\s\S]*李军/);
    await screenshot(page, 'reporting-value-history');
    await page.keyboard.press('Escape');

    await entry.submit();
    await entry.stateTag.filter({ hasText: '已提交待审核' }).waitFor();
  });

  it('is passed up by the department reviewer, approved and locked; the reporter’s edit is refused', async () => {
    const reviewed = await reviewerApi.post<{ submission: { state: string } }>(`/api/reporting/submissions/${seat.id}/actions`, { action: 'review' });
    expect(reviewed.submission.state).toBe('reviewed');
    const page = await as(STATISTICS);
    const entry = new ReportingEntryPage(page);
    await entry.open(seat.id);
    await entry.stateTag.filter({ hasText: '部门已审核' }).waitFor();
    await entry.approve();
    await entry.stateTag.filter({ hasText: '已审核通过（锁定）' }).waitFor();
    const events = await entry.openReviewHistory();
    await events.getByText(RETURN_REASON).waitFor();
    await screenshot(page, 'reporting-approved');

    // The unit's trail: every change of the seat's values, with who, when and how.
    const changes = await entry.openUnitChanges();
    const births = changes.getByRole('row').filter({ hasText: '活产数（合计）' });
    expect(await births.first().innerText()).toMatch(/修改\s*3,320\s*→\s*3,350[\s\S]*王芳[\s\S]*网页/);
    expect(await births.filter({ hasText: '李军' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'reporting-unit-changes');

    const reporterPage = await as(REPORTER);
    const locked = new ReportingEntryPage(reporterPage);
    await locked.open(seat.id);
    await locked.lockedBanner.filter({ hasText: '数据已审核通过并锁定' }).waitFor();
    expect(await locked.grid.getByRole('textbox').count()).toBe(0);
    expect(await locked.button('提交').count()).toBe(0);
    await screenshot(reporterPage, 'reporting-locked');

    const grid = await reporterApi.get<GridDto>(`/api/reporting/submissions/${seat.id}/grid`);
    const cell = grid.rows[0]!.cells[0]!;
    const refused = await reporterApi.call('PUT', `/api/reporting/submissions/${seat.id}/values`, {
      cells: [{ dataElementId: grid.rows[0]!.dataElementId, option: cell.option, value: 1, expectedVersion: cell.version }],
    });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('已审核通过并锁定，不能修改');
  });

  it('shows the office the approved seat and reminds the others', async () => {
    const page = await as(OFFICE);
    await page.goto(`/reporting/tasks/${task.id}`);
    const detail = new TaskDetailPage(page);
    await detail.cell('西岗区', '卫健委').waitFor();
    expect(await detail.cell('西岗区', '卫健委').getAttribute('aria-label')).toContain('已审核通过');
    await detail.remindAll();
    // Most demo departments have no reporter account yet: the office is told who was not reached.
    await page.getByText(/^已催报 \d+ 张填报表，通知 \d+ 位填报员；其中 \d+ 张填报表的成员单位尚未设置填报员账号/).waitFor();
    await screenshot(page, 'reporting-reminded');

    // Signing out of one browser leaves the others as they were.
    const reporterPage = await as(REPORTER);
    await new AppShell(reporterPage).logout();
    await new LoginPage(reporterPage).heading.waitFor();
    const errors = [...people.values()].flatMap((p) => p.errors);
    expect(errors.filter((message) => !message.startsWith('Failed to load resource'))).toEqual([]);
  });
});
