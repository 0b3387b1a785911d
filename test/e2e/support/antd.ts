import type { Locator } from 'playwright-core';
import { settleAnimations } from './browser';

const SELECT_ROOT = 'xpath=ancestor-or-self::*[contains(concat(" ", @class, " "), " ant-select ")][1]';
const OPTION = '.ant-select-item-option, .ant-select-tree-node-content-wrapper';
const ATTEMPTS = 3;

export interface ChooseOptions {
  /** Typed into the field first, where it searches. */
  search?: string;
  /** What shows the choice took; by default the select holds a value titled `option`. */
  chosen?: Locator;
}

/**
 * Chooses `option` (its exact title, or a pattern) in an antd Select or TreeSelect the way a person
 * does: open, type, click the item. The list re-renders with every typed character and animates in,
 * and a click on an item being replaced is lost, so the pick is checked and made again when it did
 * not take.
 */
export async function chooseOption(field: Locator, option: string | RegExp, how: ChooseOptions = {}): Promise<void> {
  const page = field.page();
  // The list of the select before may still be sliding out: only the one coming in or open counts.
  const dropdown = page.locator('.ant-select-dropdown:visible:not([class*="-leave"])');
  const chosen = how.chosen ?? field.locator(SELECT_ROOT).getByTitle(option, { exact: true }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await dropdown.isVisible())) await field.click();
      if (how.search !== undefined) await field.fill(how.search);
      await settleAnimations(dropdown);
      await dropdown.locator(OPTION).and(page.getByTitle(option, { exact: true })).first().click({ timeout: 5_000 });
      await chosen.waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === ATTEMPTS) throw error;
      if (await chosen.isVisible()) return;
    }
  }
}

/** Picks one option of an antd multiple select by searching for it, and waits for its tag. */
export async function pickTag(select: Locator, search: string, option: string): Promise<void> {
  const field = select.locator(SELECT_ROOT);
  await chooseOption(select, option, { search, chosen: field.locator('.ant-select-selection-item', { hasText: search }) });
}
