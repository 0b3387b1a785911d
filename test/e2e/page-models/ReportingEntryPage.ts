import type { Locator, Page } from 'playwright-core';
import { settleAnimations } from '../support/browser';

/** 数据填报: one submission's grid, its review steps and history. */
export class ReportingEntryPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get grid() {
    return this.page.getByRole('table', { name: '数据填报表' });
  }

  /** The input of one value, named “数据项（分组）”, e.g. 活产数（合计）. */
  cell(label: string): Locator {
    return this.grid.getByRole('textbox', { name: label, exact: true });
  }

  /** The computed value of a ratio indicator, e.g. derived('孕产妇死亡率', '合计'). */
  derived(indicator: string, option = '合计'): Locator {
    return this.grid.getByLabel(`${indicator}（${option}）`, { exact: true });
  }

  get saveStatus() {
    return this.page.getByRole('status', { name: '保存状态' });
  }

  async waitSaved(): Promise<void> {
    await this.saveStatus.filter({ hasText: /^已保存 \d{2}:\d{2}$/ }).waitFor();
  }

  get issues() {
    return this.page.getByRole('region', { name: '校验结果' });
  }

  get stateTag() {
    return this.heading.locator('.state-tag');
  }

  /** The banner of a returned submission, with the reason. */
  get returnedBanner() {
    return this.page.getByRole('alert').filter({ hasText: '数据已被退回' });
  }

  get lockedBanner() {
    return this.page.getByRole('alert').filter({ hasText: /不能修改/ });
  }

  /** A page button by its text; antd names icon buttons “icon-name 文字”. */
  button(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^(?:[a-z-]+ )?${name}$`) });
  }

  async open(id: number): Promise<void> {
    await this.page.goto(`/reporting/submissions/${id}`);
    await this.grid.waitFor();
  }

  /** Types into a cell as a person would: click, select all, type, leave with Enter. */
  async enter(label: string, value: string, leaveWith: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
    const input = this.cell(label);
    await input.click();
    await input.press('ControlOrMeta+A');
    await input.pressSequentially(value);
    await input.press(leaveWith);
  }

  async submit(): Promise<void> {
    await this.button('提交').click();
    await this.page.getByRole('dialog').getByRole('button', { name: '确认提交' }).click();
  }

  get reasonDialog() {
    return this.page.getByRole('dialog').filter({ has: this.page.getByLabel(/原因$/) });
  }

  /** Opens the 退回 dialog and waits until it has zoomed in: a click on its moving button is lost. */
  async openReturn(): Promise<void> {
    await this.button('退回').click();
    await this.reasonDialog.waitFor();
    await settleAnimations(this.reasonDialog);
  }

  async returnWithReason(reason: string): Promise<void> {
    await this.openReturn();
    await this.reasonDialog.getByLabel('退回原因').fill(reason);
    await this.reasonDialog.getByRole('button', { name: '确认退回' }).click();
    await this.reasonDialog.waitFor({ state: 'hidden' });
  }

  async approve(): Promise<void> {
    await this.button('审核通过').click();
    await this.page.getByRole('dialog').getByRole('button', { name: '审核通过' }).click();
  }

  /** The comment popover of one value, opened from the issue list or the cell's bubble. */
  commentEditor(label: string): Locator {
    return this.page.getByRole('dialog', { name: `${label}的说明` });
  }

  async writeComment(label: string, text: string): Promise<void> {
    const editor = this.commentEditor(label);
    await editor.getByLabel('说明').fill(text);
    await editor.getByRole('button', { name: '保存说明' }).click();
    await editor.waitFor({ state: 'hidden' });
  }

  async openHistory(label: string): Promise<Locator> {
    await this.grid.getByRole('button', { name: `修改记录：${label}` }).click();
    const list = this.page.getByRole('list', { name: '修改记录' });
    await list.waitFor();
    return list;
  }

  get conflictDialog() {
    return this.page.getByRole('dialog', { name: '数据已被他人修改' });
  }

  async openReviewHistory(): Promise<Locator> {
    await this.page.getByRole('tab', { name: /审核记录/ }).click();
    return this.page.getByRole('tabpanel').filter({ has: this.page.locator('.review-history') });
  }

  /** The committee's list of every change of this seat's values. */
  async openUnitChanges(): Promise<Locator> {
    await this.page.getByRole('tab', { name: '数据修改记录' }).click();
    const panel = this.page.getByRole('tabpanel', { name: '数据修改记录' });
    await panel.getByRole('row').nth(1).waitFor();
    return panel;
  }
}
