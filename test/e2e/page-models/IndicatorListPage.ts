import type { Download, Locator, Page } from 'playwright-core';
import { chooseOption } from '../support/antd';
import { settleAnimations } from '../support/browser';

/** 指标管理: the dictionary list with its generate, import and export dialogs. */
export class IndicatorListPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '指标管理', level: 1 });
  }

  get table() {
    return this.page.getByRole('table').first();
  }

  get counts() {
    return this.page.locator('.indicator-counts');
  }

  /** The number of indicators the list says it holds (“共 56 个指标：…”). */
  async total(): Promise<number> {
    const text = await this.counts.innerText();
    const match = /共 (\d+) 个指标/.exec(text);
    if (!match) throw new Error(`no indicator count in “${text}”`);
    return Number(match[1]);
  }

  get generateDialog() {
    return this.page.getByRole('dialog', { name: '从规划生成指标' });
  }

  get importDialog() {
    return this.page.getByRole('dialog', { name: '导入指标字典' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('menu', { name: '主导航' }).getByRole('menuitem', { name: '指标管理' }).click();
    await this.heading.waitFor();
    await this.table.getByRole('link').first().waitFor();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: '搜索指标' }).fill(text);
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async openIndicator(name: string): Promise<void> {
    await this.search(name);
    await this.row(name).getByRole('link', { name, exact: true }).click();
  }

  async openGenerator(planLabel: string): Promise<void> {
    await this.page.getByRole('button', { name: '从规划生成' }).click();
    await this.generateDialog.waitFor();
    await settleAnimations(this.generateDialog);
    const firstCandidate = this.generateDialog.getByRole('table', { name: '规划中的量化指标' }).getByRole('checkbox').first();
    await chooseOption(this.generateDialog.getByLabel('规划', { exact: true }), planLabel, { chosen: firstCandidate });
  }

  candidate(indicator: string): Locator {
    return this.generateDialog.getByRole('row').filter({ hasText: indicator });
  }

  get confirmDialog() {
    return this.page.getByRole('dialog', { name: '确认生成指标' });
  }

  /** 生成所选 / 全部生成, then the confirmation of what will be linked, made new or picked. */
  async askToGenerate(which: RegExp): Promise<Locator> {
    await this.generateDialog.getByRole('button', { name: which }).click();
    await this.confirmDialog.waitFor();
    await settleAnimations(this.confirmDialog);
    return this.confirmDialog;
  }

  async generate(which: RegExp): Promise<string> {
    await this.askToGenerate(which);
    await this.confirmDialog.getByRole('button', { name: '确认' }).click();
    const alert = this.generateDialog.getByRole('alert').filter({ hasText: '已新建' });
    await alert.waitFor();
    return alert.innerText();
  }

  async closeDialog(dialog: Locator): Promise<void> {
    // The footer's button; the corner × is named 关闭 too.
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async exportXlsx(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('link', { name: /导出 xlsx/ }).click();
    return download;
  }

  /** Uploads a file in the import dialog and returns the alert with the outcome. */
  async importXlsx(path: string): Promise<Locator> {
    if (!(await this.importDialog.isVisible())) await this.page.getByRole('button', { name: '导入 xlsx' }).click();
    await this.importDialog.locator('input[type="file"]').setInputFiles(path);
    await this.importDialog.getByRole('button', { name: '导入', exact: true }).click();
    const alert = this.importDialog.getByRole('alert');
    await alert.waitFor();
    return alert;
  }
}
