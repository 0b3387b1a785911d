import type { Page } from 'playwright-core';
import { chooseOption } from '../support/antd';

/** The 督导检查 tab of an evaluation round: the checks, recording one, answering a rectification request. */
export class SiteCheckPages {
  constructor(readonly page: Page) {}

  async openTab(): Promise<void> {
    await this.page.getByRole('tab', { name: '督导检查' }).click();
    await this.page.getByText(/检查 \d+ 次，整改要求 \d+ 条/).waitFor();
  }

  checks() {
    return this.page.getByTestId('site-check');
  }

  async record(o: { unit: string; inspectors: string[]; findings: string; requirement: string }): Promise<void> {
    await this.page.getByRole('button', { name: '记录督导检查' }).click();
    const dialog = this.page.getByRole('dialog');
    await chooseOption(dialog.getByLabel('被检查单位'), new RegExp(o.unit));
    const people = dialog.getByLabel('检查人员');
    for (const name of o.inspectors) {
      await people.fill(name);
      await people.press('Enter');
    }
    await dialog.getByLabel('检查发现').fill(o.findings);
    await dialog.getByRole('button', { name: '添加整改要求' }).click();
    await dialog.getByLabel('第 1 条整改要求', { exact: true }).fill(o.requirement);
  }

  async save(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await this.page.getByRole('dialog').waitFor({ state: 'detached' });
  }

  async answer(requirement: string, answer: string): Promise<void> {
    await this.page.getByRole('row').filter({ hasText: requirement }).getByRole('button', { name: '答复' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('整改情况').fill(answer);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}
