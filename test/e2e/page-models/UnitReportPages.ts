import type { Download, Page } from 'playwright-core';

/** 年度报告: the list (own reports, the committee's rounds), a round's page, one report's form. */
export class UnitReportPages {
  constructor(readonly page: Page) {}

  async gotoList(): Promise<void> {
    await this.page.goto('/unitreports');
    await this.page.getByRole('heading', { name: '年度报告', exact: true }).waitFor();
  }

  rowOf(text: string | RegExp) {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  async openRound(year: number, dueOn: string): Promise<void> {
    await this.page.getByRole('button', { name: /发起年度报告/ }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('报告年度').fill(String(year));
    await dialog.getByLabel('截止日期').fill(dueOn);
    await dialog.getByLabel('截止日期').press('Enter');
    await dialog.getByRole('button', { name: /发\s*起/ }).click();
    await this.page.getByRole('heading', { name: new RegExp(`${year}年度规划实施情况报告`) }).waitFor();
  }

  /** The report's text box for an item's answer, e.g. (孕产妇死亡率, 主要工作). */
  entry(itemName: string, field: string) {
    return this.page.getByLabel(`${itemName}：${field}`, { exact: true });
  }

  section(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async attach(name: string, bytes: Buffer): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/png', buffer: bytes });
    await this.page.getByText(`已上传 ${name}`).waitFor();
  }

  /** Takes a file off the draft, confirming first. */
  async removeAttachment(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `删除附件 ${name}` }).click();
    await this.page.getByRole('tooltip').getByRole('button', { name: '删除', exact: true }).click();
    await this.page.getByText(`已删除 ${name}`).waitFor();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '提交报告' }).click();
    await this.page.getByText('报告已提交').waitFor();
  }

  async returnWith(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: /退\s*回/ }).first().click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('退回原因').fill(reason);
    await dialog.getByRole('button', { name: /退\s*回/ }).click();
    await this.page.getByText('报告已退回').waitFor();
  }

  async accept(): Promise<void> {
    await this.page.getByRole('button', { name: /接\s*收/ }).click();
    await this.page.getByText('报告已接收').waitFor();
  }

  async downloadCompiled(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('link', { name: /下载报告汇编/ }).click()]);
    return download;
  }
}
