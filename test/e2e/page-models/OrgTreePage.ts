import type { Locator, Page } from 'playwright-core';

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
    return this.page.getByRole('table', { name: '成员单位' });
  }

  department(name: string) {
    return this.departments.getByRole('row').filter({ hasText: name });
  }

  /** Opens a member department's edit dialog (name, short name, 可发起问卷调查). */
  async editDepartment(name: string): Promise<Locator> {
    await this.department(name).getByRole('button', { name: /^编辑/ }).click();
    return this.page.getByRole('dialog');
  }

  /** Saves the open department dialog and waits for the confirmation. */
  async saveDepartment(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: '保存' }).click();
    await this.page.getByText('成员单位已保存').waitFor();
  }

  /** Buttons that change anything on the page; none for those who may only read. */
  get editButtons() {
    return this.page.getByRole('main').getByRole('button', { name: /编辑|删除|添加|新建|上移|下移/ });
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
