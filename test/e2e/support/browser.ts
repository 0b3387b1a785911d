import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { resultsDir } from './paths';

const launched = new Set<Browser>();

/** The system Chromium; playwright-core never downloads browsers here. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.HALFSKY_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  launched.add(browser);
  browser.on('disconnected', () => launched.delete(browser));
  return browser;
}

/** Pictures of every page still open, so a failure on CI shows what the browser showed (test-results/failures). */
export async function screenshotOpenPages(testName: string): Promise<void> {
  const dir = join(resultsDir, 'failures');
  await mkdir(dir, { recursive: true });
  const safeName = testName.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 80);
  const pages = [...launched].flatMap((browser) => browser.contexts().flatMap((context) => context.pages()));
  await Promise.all(
    pages.map((page, index) => page.screenshot({ path: join(dir, `${safeName}-${index + 1}.png`), timeout: 5_000 }).catch(() => undefined)),
  );
}

export interface TestPage {
  page: Page;
  /** Console errors and uncaught exceptions seen by the page. */
  errors: string[];
}

export async function openPage(browser: Browser, baseUrl: string): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'zh-CN',
    timezoneId: 'UTC',
    viewport: { width: 1440, height: 900 },
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  // Park the mouse so hover tooltips do not cover what the picture is meant to show.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(resultsDir, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

/** Waits until the CSS animations inside (and of) an element have finished, e.g. antd's modal zoom. */
export async function settleAnimations(element: Locator): Promise<void> {
  await element.evaluate((node) => {
    // A spinner's animation never finishes: wait only for those that end, and never longer than a few seconds.
    const ending = node.getAnimations({ subtree: true }).filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    const settled = Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)));
    return Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  });
}
