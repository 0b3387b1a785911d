import type { Page } from 'playwright-core';

export class OrgTreePage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '组织机构', level: 1 });
  }

  get tree() {
    return this.page.getByRole('tree');
  }

  get detailHeading() {
    return this.page.getByRole('heading', { level: 2 });
  }

  get departments() {
    return this.page.getByRole('list', { name: '成员单位' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/orgs');
    await this.heading.waitFor();
  }

  async select(name: string): Promise<void> {
    await this.tree.getByText(name, { exact: true }).click();
    await this.detailHeading.filter({ hasText: name }).waitFor();
  }
}
