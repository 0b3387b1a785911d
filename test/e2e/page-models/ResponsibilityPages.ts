import type { Page } from 'playwright-core';

/** 责任分解 on the plan page, 我的责任目标, and the office's 实施方案 page. */
export class ResponsibilityPages {
  constructor(readonly page: Page) {}

  get bar() {
    return this.page.locator('.ant-card').filter({ hasText: '下载责任分解表模板' });
  }

  /** Uploads an .xlsx through the plan page's import dialog. */
  async importTable(name: string, bytes: Buffer): Promise<void> {
    await this.bar.getByRole('button', { name: '导入责任分解表' }).click();
    const dialog = this.page.getByRole('dialog', { name: '导入责任分解表' });
    await dialog.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await dialog.getByRole('button', { name: /导\s*入/ }).click();
  }

  get importDialog() {
    return this.page.getByRole('dialog', { name: '导入责任分解表' });
  }

  goal(no: number) {
    return this.page.getByRole('article', { name: `目标 ${no}` });
  }

  async gotoMine(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '我的责任目标' }).click();
    await this.page.getByRole('heading', { name: '我的责任目标' }).waitFor();
  }

  planCard(title: RegExp) {
    return this.page.locator('.ant-card').filter({ has: this.page.locator('.ant-card-head', { hasText: title }) });
  }

  implementationRow(department: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name: department, exact: true }) });
  }
}
