import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/**
 * Clicks the one option of the open select list, once the search has narrowed the list to it: the
 * list re-renders with every typed character, and a click on a list being replaced is lost.
 */
export async function clickOnlyOption(page: Page, option: string): Promise<void> {
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect.poll(() => options.allInnerTexts()).toEqual([option]);
  await options.first().click();
}

/** Picks one option of an antd multiple select by searching for it, and waits for its tag. */
export async function pickTag(select: Locator, search: string, option: string): Promise<void> {
  const page = select.page();
  await select.click();
  await page.keyboard.type(search);
  await clickOnlyOption(page, option);
  const field = select.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await field.locator('.ant-select-selection-item', { hasText: search }).waitFor();
}
