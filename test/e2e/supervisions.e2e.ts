import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, settleAnimations } from './support/browser';
import { signInAs } from './support/signIn';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The 发出督办 dialog's fields as a person sees them. */
async function dialogValues(page: Page) {
  const dialog = page.getByRole('dialog', { name: '发出督办' });
  await dialog.waitFor();
  await settleAnimations(dialog);
  return {
    dialog,
    department: (await dialog.locator('.ant-select-content, .ant-select-selection-item').first().textContent())?.trim() ?? '',
    subject: await dialog.getByLabel('督办事由').inputValue(),
    request: await dialog.getByLabel('督办要求').inputValue(),
  };
}

describe('督办 from where the office meets a lag', () => {
  it('the office puts a lagging indicator under 督办 from the warnings list; the list links back to the indicator', async () => {
    const { page } = await signInAs(browser, server.baseUrl, 'xigang_office');
    await page.goto('/analytics/warnings?scope=all&kind=lagging');
    const table = page.getByRole('table', { name: '预警列表' });
    const button = table.getByRole('button', { name: /^督办：/ }).first();
    await button.waitFor({ timeout: 30_000 });
    const indicator = (await button.getAttribute('aria-label'))!.replace(/^督办：西岗区/, '');
    await button.click();
    const { dialog, department, subject, request } = await dialogValues(page);
    // Prefilled: the indicator's responsible department at 西岗区 (by id), the warning as subject and reason.
    expect(department).toMatch(/^西岗区/);
    expect(subject).toBe(`${indicator}预计达标困难`);
    expect(request).toMatch(/^预警：/);
    await screenshot(page, 'supervision-indicator-dialog');
    await dialog.getByRole('button', { name: '发出督办' }).click();
    await page.getByText('督办已发出').waitFor();

    await page.goto('/workitems/supervisions');
    const entry = page.getByRole('listitem').filter({ hasText: subject });
    await entry.getByText(`承办：${department}`).waitFor();
    await screenshot(page, 'supervision-indicator-list');
    await entry.getByRole('link', { name: indicator }).click();
    await page.getByRole('heading', { name: new RegExp(indicator) }).waitFor();

    // The indicator's page offers 督办 too, and says one is open already.
    await page.getByRole('button', { name: `督办：西岗区${indicator}` }).click();
    const again = await dialogValues(page);
    await again.dialog.getByText(`西岗区“${indicator}”已有 1 项未办结的督办`).waitFor();
    expect(again.department).toBe(department);
    await screenshot(page, 'supervision-indicator-page');
    await again.dialog.getByRole('button', { name: '取消' }).click();
  });
});
