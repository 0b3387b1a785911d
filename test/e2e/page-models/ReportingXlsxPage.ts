import type { Download, Locator, Page } from 'playwright-core';
import { settleAnimations } from '../support/browser';

/** “Excel 模板填报”: the dialog of a submission or a task to download a template and upload it filled in. */
export class ReportingXlsxPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Excel 模板填报/ });
  }

  /** Opens the dialog from the page header and waits until its zoom-in has finished. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /Excel 模板填报$/ }).click();
    await this.dialog.waitFor();
    await settleAnimations(this.dialog);
  }

  /** Clicks a download link (in the dialog, or a card's) and returns the file the browser saves. */
  async download(link: Locator): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await link.click();
    return download;
  }

  downloadLink(name: string | RegExp): Locator {
    return this.dialog.getByRole('link', { name });
  }

  /** Uploads a file and waits for the outcome: the first alert under the upload area. */
  async upload(path: string): Promise<Locator> {
    await this.dialog.locator('input[type="file"]').setInputFiles(path);
    await this.dialog.getByRole('button', { name: '上传并导入' }).click();
    const outcome = this.dialog.locator('.xlsx-outcome').first();
    await outcome.waitFor();
    return outcome;
  }

  get warnings(): Locator {
    return this.dialog.getByRole('list', { name: '上传提示' });
  }

  /** The refusal's problems, each as [位置, 问题]. */
  async problems(): Promise<string[][]> {
    const rows = this.dialog.getByRole('table', { name: '上传错误' }).locator('tbody tr');
    return Promise.all((await rows.all()).map(async (row) => row.locator('td').allInnerTexts()));
  }

  async close(): Promise<void> {
    // The footer's button; the corner × is named 关闭 too.
    await this.dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭', exact: true }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
