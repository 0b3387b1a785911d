import type { Page } from 'playwright-core';

export class PlanListPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '规划管理', level: 1 });
  }

  get table() {
    return this.page.getByRole('table');
  }

  async goto(): Promise<void> {
    await this.page.goto('/plans');
    await this.heading.waitFor();
  }

  row(title: string | RegExp) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: title }) });
  }

  async openImport(): Promise<void> {
    await this.page.getByRole('button', { name: '导入规划' }).click();
  }

  async openPlan(title: string | RegExp): Promise<void> {
    await this.table.getByRole('link', { name: title }).first().click();
  }
}
