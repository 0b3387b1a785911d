import type { Page } from 'playwright-core';
import { settleAnimations } from '../support/browser';

/** 重要事项: the year's list, one item's page with its 督办 card, and the shared 督办 dialogs. */
export class KeyItemPages {
  constructor(readonly page: Page) {}

  async gotoList(): Promise<void> {
    await this.page.goto('/workitems');
    await this.page.getByRole('table').getByRole('link').first().waitFor();
  }

  /** Opens the first item the list shows as 滞后 (its row in red) and returns its name. */
  async openLateItem(): Promise<string> {
    const link = this.page.locator('tr.workitems-row--late').first().getByRole('link');
    const name = (await link.textContent())!.trim();
    await link.click();
    await this.page.getByRole('heading', { name: new RegExp(`第 \\d+ 项：${name}$`) }).waitFor();
    return name;
  }

  /** The 发出督办 dialog opened from the item page's 督办 button, settled. */
  async openIssueDialog() {
    // antd puts a space between the two characters of a button's label.
    await this.page.getByRole('button', { name: /^督\s*办$/ }).click();
    const dialog = this.page.getByRole('dialog', { name: '发出督办' });
    await dialog.getByLabel('督办要求').waitFor();
    await settleAnimations(dialog);
    return dialog;
  }

  /** A 督办 in the item page's 督办 card, by its subject. */
  supervision(subject: string) {
    return this.page.getByRole('listitem').filter({ hasText: subject });
  }

  /** Takes a step on a 督办 of the card (答复 or 办结) with its text, and waits for it to be saved. */
  async act(subject: string, step: '答复' | '办结', text: string): Promise<void> {
    const button = new RegExp(`^${step[0]}\\s*${step[1]}$`);
    await this.supervision(subject).getByRole('button', { name: button }).click();
    const dialog = this.page.getByRole('dialog', { name: `${step}：${subject}` });
    await dialog.getByLabel(step === '答复' ? '办理情况' : '办结意见').fill(text);
    await dialog.getByRole('button', { name: button }).click();
    await this.page.locator('.ant-message').getByText(`已${step}`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }
}
