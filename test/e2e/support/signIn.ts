import type { Browser } from 'playwright-core';
import { LoginPage } from '../page-models/LoginPage';
import { openPage, type TestPage } from './browser';
import { ADMIN_PASSWORD } from './server';

/** A fresh browser context signed in as a demo account (their password is admin's), past the login page. */
export async function signInAs(browser: Browser, baseUrl: string, username: string): Promise<TestPage> {
  const opened = await openPage(browser, baseUrl);
  const login = new LoginPage(opened.page);
  await login.goto();
  await login.login(username, ADMIN_PASSWORD);
  await opened.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return opened;
}
