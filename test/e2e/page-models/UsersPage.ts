import type { Locator, Page } from 'playwright-core';
import { chooseOption } from '../support/antd';

export interface NewUser {
  username: string;
  displayName: string;
  orgUnit: string;
  department?: string;
  password?: string;
}

export interface Grant {
  role: string;
  orgUnit?: string;
  department?: string;
}

export class UsersPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '用户管理', level: 1 });
  }

  get table() {
    return this.page.getByRole('table', { name: '用户列表' });
  }

  get drawer() {
    return this.page.getByRole('dialog', { name: /新建用户|编辑用户/ });
  }

  get passwordDialog() {
    return this.page.getByRole('dialog', { name: /密码已重置|用户已创建/ });
  }

  row(username: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: username, exact: true }) });
  }

  async goto(): Promise<void> {
    await this.page.goto('/users');
    await this.heading.waitFor();
  }

  /** Picks `option` in an antd Select or TreeSelect: type to filter where it searches, then click it in the open dropdown. */
  async choose(field: Locator, option: string): Promise<void> {
    await chooseOption(field, option, { search: (await field.isEditable()) ? option : undefined });
  }

  async openCreate(): Promise<void> {
    await this.page.getByRole('button', { name: '新建用户' }).click();
    await this.drawer.waitFor();
  }

  async fillUser(user: NewUser): Promise<void> {
    const drawer = this.drawer;
    await drawer.getByLabel('用户名', { exact: true }).fill(user.username);
    await drawer.getByLabel('姓名', { exact: true }).fill(user.displayName);
    await this.choose(drawer.getByLabel('所属单位', { exact: true }), user.orgUnit);
    // Optional fields carry a “（可选）” mark in their label.
    if (user.department) await this.choose(drawer.getByLabel('成员单位（可选）', { exact: true }), user.department);
    if (user.password) await drawer.getByLabel('初始密码（可选）', { exact: true }).fill(user.password);
  }

  /** Adds a role row; its unit defaults to the user's own unit. */
  async addGrant(grant: Grant): Promise<void> {
    await this.drawer.getByRole('button', { name: '添加角色' }).click();
    const row = this.drawer.getByRole('group', { name: /^角色分配 / }).last();
    await this.choose(row.getByLabel('角色', { exact: true }), grant.role);
    if (grant.orgUnit) await this.choose(row.getByLabel('单位', { exact: true }), grant.orgUnit);
    if (grant.department) await this.choose(row.getByLabel('成员单位', { exact: true }), grant.department);
  }

  async save(): Promise<void> {
    await this.drawer.getByRole('button', { name: '保存' }).click();
    await this.drawer.waitFor({ state: 'hidden' });
  }

  /** Resets a user's password and returns the one shown once. */
  async resetPassword(username: string): Promise<string> {
    await this.row(username).getByRole('button', { name: '重置密码' }).click();
    await this.page.getByRole('tooltip').getByRole('button', { name: '重置', exact: true }).click();
    await this.passwordDialog.waitFor();
    // The dialog zooms in; wait until it has, so that what is read and pictured is the settled dialog.
    await this.page.waitForFunction(() => !document.querySelector('.ant-modal[class*="zoom"]'));
    return this.passwordDialog.locator('.password-once__value code').innerText();
  }

  async closePasswordDialog(): Promise<void> {
    await this.passwordDialog.getByRole('button', { name: '我已记下' }).click();
    await this.passwordDialog.waitFor({ state: 'hidden' });
  }
}
