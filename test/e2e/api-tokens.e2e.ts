import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiTokensPage } from './page-models/ApiTokensPage';
import { LoginPage } from './page-models/LoginPage';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startServer, type RunningServer } from './support/server';

/** The demo's 西岗区 office; demo accounts share the admin's password. */
const OFFICE = 'xigang_office';
const TOKEN_NAME = '统计局数据同步脚本';
const VALUES_URL = '/api/dataValueSets?orgUnit=210203&period=2024&idScheme=code';

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await openPage(browser, server.baseUrl));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const withToken = (token: string) => fetch(`${server.baseUrl}${VALUES_URL}`, { headers: { authorization: `ApiToken ${token}`, accept: 'application/json' } });

describe('API tokens in the browser', () => {
  let token = '';

  it('creates a token under the account menu and shows it once', async () => {
    const login = new LoginPage(page);
    await login.goto();
    // The login page's session check answers 401 before anyone signs in; that one is expected.
    pageErrors.length = 0;
    await login.login(OFFICE, ADMIN_PASSWORD);
    const tokens = new ApiTokensPage(page);
    await tokens.open();
    await page.getByText('还没有 API 令牌').waitFor();
    await tokens.fillCreate(TOKEN_NAME, '30 天');
    await screenshot(page, 'api-tokens-create');
    token = await tokens.create(TOKEN_NAME);
    expect(token).toMatch(/^hsk_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'api-tokens-shown-once');
    await tokens.closeOnce(TOKEN_NAME);
    await tokens.row(TOKEN_NAME).getByText('有效').waitFor();
    // The list never shows the secret again, only its first characters.
    expect(await page.getByText(token).count()).toBe(0);
  });

  it('lets a script read 西岗区’s values with the token, without a browser session', async () => {
    const res = await withToken(token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { dataValues: { orgUnit: string; period: string }[] };
    expect(body.dataValues.length).toBeGreaterThan(0);
    expect(body.dataValues.every((v) => v.orgUnit === '210203' && v.period === '2024')).toBe(true);

    await page.reload();
    const tokens = new ApiTokensPage(page);
    await tokens.heading.waitFor();
    await tokens.row(TOKEN_NAME).getByText('从未使用').waitFor({ state: 'detached' });
    await screenshot(page, 'api-tokens-list');
  });

  it('revokes it, after which the API refuses it in Chinese', async () => {
    const tokens = new ApiTokensPage(page);
    await tokens.revoke(TOKEN_NAME);
    await screenshot(page, 'api-tokens-revoked');
    const res = await withToken(token);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'API_TOKEN_REVOKED', message: '访问令牌已被撤销' });
    // Nothing on the way (the CSP included) made the page log an error.
    expect(pageErrors).toEqual([]);
  });

  it('shows the administrator everyone’s tokens', async () => {
    await page.getByRole('banner').getByRole('button', { name: /^账号：/ }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    const login = new LoginPage(page);
    await login.heading.waitFor();
    await login.login(ADMIN_USERNAME, ADMIN_PASSWORD);
    const tokens = new ApiTokensPage(page);
    await tokens.open();
    await page.getByText('全部用户的令牌').click();
    await tokens.row(TOKEN_NAME).getByText(OFFICE).waitFor();
    await screenshot(page, 'api-tokens-admin-all');
  });

  it('serves the API docs under the CSP without errors', async () => {
    // Signing out earlier logged the expected 401 of /api/auth/me; only what the docs page logs counts here.
    const before = pageErrors.length;
    await page.goto('/api/docs/');
    await page.getByText('半边天 halfsky API').first().waitFor();
    await page.getByRole('button', { name: 'Authorize' }).waitFor();
    await screenshot(page, 'api-docs-under-csp');
    expect(pageErrors.slice(before)).toEqual([]);
  });
});
