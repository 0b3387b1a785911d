import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './page-models/AppShell';
import { LoginPage } from './page-models/LoginPage';
import { OrgTreePage } from './page-models/OrgTreePage';
import { UsersPage } from './page-models/UsersPage';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startServer, type RunningServer } from './support/server';

const REPORTER = {
  username: 'xg_wjw_lina',
  displayName: '李娜',
  orgUnit: '西岗区',
  department: '西岗区卫生健康委员会',
  password: 'Reporter-2024!',
};

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let reporterPassword = REPORTER.password;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await openPage(browser, server.baseUrl));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('organisation and people in the browser', () => {
  it('lets the admin manage the departments of 西岗区', async () => {
    const login = new LoginPage(page);
    await login.goto();
    await login.login(ADMIN_USERNAME, ADMIN_PASSWORD);
    const shell = new AppShell(page);
    await shell.navigateTo('组织机构');
    const orgs = new OrgTreePage(page);
    await orgs.heading.filter({ hasText: '组织机构管理' }).waitFor();
    await orgs.select('西岗区');
    await orgs.department('西岗区卫生健康委员会').filter({ hasText: '卫健委' }).waitFor();

    await page.getByRole('button', { name: '添加成员单位' }).click();
    const dialog = page.getByRole('dialog', { name: /添加成员单位/ });
    await dialog.getByLabel('成员单位名称').fill('西岗区民族和宗教事务局');
    await dialog.getByLabel('简称').fill('卫健委');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('简称“卫健委”已被成员单位“西岗区卫生健康委员会”使用').waitFor();
    await screenshot(page, 'admin-department-duplicate');
    await dialog.getByLabel('简称').fill('民宗局');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await orgs.department('西岗区民族和宗教事务局').waitFor();
    await screenshot(page, 'admin-org-xigang');

    await orgs.department('西岗区民族和宗教事务局').getByRole('button', { name: /^删除/ }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '删除', exact: true }).click();
    await orgs.department('西岗区民族和宗教事务局').waitFor({ state: 'detached' });
  });

  it('creates a reporter for 西岗区’s 卫健委', async () => {
    const shell = new AppShell(page);
    await shell.navigateTo('用户管理');
    const users = new UsersPage(page);
    await users.heading.waitFor();
    await users.row(ADMIN_USERNAME).waitFor();
    await users.openCreate();
    await users.fillUser(REPORTER);
    await users.addGrant({ role: '成员单位填报员', department: REPORTER.department });
    await screenshot(page, 'admin-user-drawer');
    await users.save();
    const row = users.row(REPORTER.username);
    await row.getByText('成员单位填报员 · 西岗区 · 西岗区卫生健康委员会').waitFor();
    await screenshot(page, 'admin-users');
  });

  it('resets the reporter’s password and shows the new one once', async () => {
    const users = new UsersPage(page);
    reporterPassword = await users.resetPassword(REPORTER.username);
    expect(reporterPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    await users.passwordDialog.getByRole('button', { name: /复制/ }).waitFor();
    await screenshot(page, 'admin-password-reset');
    await users.closePasswordDialog();
  });

  it('signs the reporter in: 组织机构 is read-only and there is no 用户管理', async () => {
    const shell = new AppShell(page);
    await shell.logout();
    const login = new LoginPage(page);
    await login.heading.waitFor();
    await login.login(REPORTER.username, reporterPassword);
    await shell.banner.getByText('成员单位填报员', { exact: true }).waitFor();
    await shell.menuItem('组织机构').waitFor();
    expect(await shell.menuItem('用户管理').count()).toBe(0);

    await shell.navigateTo('组织机构');
    const orgs = new OrgTreePage(page);
    await orgs.heading.filter({ hasText: /^组织机构$/ }).waitFor();
    await orgs.select('西岗区');
    await orgs.department('西岗区卫生健康委员会').waitFor();
    expect(await orgs.editButtons.count()).toBe(0);
    await screenshot(page, 'reporter-org-readonly');
  });

  it('lets the reporter change their own password', async () => {
    const shell = new AppShell(page);
    await shell.fillPasswordChange(reporterPassword, 'Lina-own-2024');
    await screenshot(page, 'change-password');
    await shell.submitPasswordChange();
    await page.getByText('密码已修改').waitFor();
    await shell.logout();
    const login = new LoginPage(page);
    await login.heading.waitFor();
    await login.login(REPORTER.username, 'Lina-own-2024');
    await shell.banner.getByText('成员单位填报员', { exact: true }).waitFor();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors.filter((message) => !message.startsWith('Failed to load resource'))).toEqual([]);
  });
});
