import type { Page } from 'playwright-core';

/** 规划备案: the overview of the units below, one filing with its comparison, and the plan page's 备案 panel. */
export class FilingPages {
  constructor(readonly page: Page) {}

  async gotoOverview(): Promise<void> {
    await this.page.goto('/plans/filings');
    await this.page.getByRole('heading', { name: '规划备案' }).waitFor();
  }

  get overviewTable() {
    return this.page.getByRole('table').first();
  }

  rowOf(planTitle: RegExp) {
    return this.page.getByRole('row').filter({ hasText: planTitle });
  }

  get comparison() {
    return this.page.getByLabel('目标比较');
  }

  get lifecyclePanel() {
    return this.page.getByLabel('规划状态与备案');
  }

  async returnWith(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: '退 回' }).or(this.page.getByRole('button', { name: '退回', exact: true })).first().click();
    await this.page.getByLabel('退回理由').fill(reason);
    await this.page.getByRole('dialog').getByRole('button', { name: /退\s*回/ }).click();
  }
}
