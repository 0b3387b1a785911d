import { expect } from 'vitest';
import type { Locator } from 'playwright-core';

/**
 * Picks one option of an antd multiple select by searching for it. The list re-renders with every typed
 * character, so the option is clicked only once the search has narrowed it to that one, and the chosen
 * tag is awaited: a click that lands on a list being replaced is caught here, not three steps later.
 */
export async function pickTag(select: Locator, search: string, option: string): Promise<void> {
  const page = select.page();
  await select.click();
  await page.keyboard.type(search);
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect.poll(() => options.allInnerTexts(), { timeout: 20_000 }).toEqual([option]);
  await options.first().click();
  const field = select.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await field.locator('.ant-select-selection-item', { hasText: search }).waitFor();
}
