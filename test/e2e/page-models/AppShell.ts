import type { Page } from 'playwright-core';
import { settleAnimations } from '../support/browser';

/** The frame around every signed-in page: header, side menu. */
export class AppShell {
  constructor(readonly page: Page) {}

  get banner() {
    return this.page.getByRole('banner');
  }

  get demoTag() {
    return this.banner.getByText('演示数据', { exact: true });
  }

  get navigation() {
    return this.page.getByRole('menu', { name: '主导航' });
  }

  menuItem(item: '规划管理' | '组织机构' | '用户管理') {
    return this.navigation.getByRole('menuitem', { name: item });
  }

  async navigateTo(item: '规划管理' | '组织机构' | '用户管理'): Promise<void> {
    await this.menuItem(item).click();
  }

  /** The signed-in user's menu in the header: 修改密码, 退出登录. */
  async openAccountMenu(): Promise<void> {
    await this.banner.getByRole('button', { name: /^账号：/ }).click();
    // The menu slides in; a click on an item still moving is lost.
    const menu = this.page.locator('.ant-dropdown:visible');
    await menu.waitFor();
    await settleAnimations(menu);
  }

  async logout(): Promise<void> {
    await this.openAccountMenu();
    await this.page.getByRole('menuitem', { name: '退出登录' }).click();
  }

  get passwordDialog() {
    return this.page.getByRole('dialog', { name: '修改密码' });
  }

  /** Opens 修改密码 from the account menu and fills it in. */
  async fillPasswordChange(oldPassword: string, newPassword: string): Promise<void> {
    await this.openAccountMenu();
    await this.page.getByRole('menuitem', { name: '修改密码' }).click();
    const dialog = this.passwordDialog;
    await dialog.getByLabel('原密码', { exact: true }).fill(oldPassword);
    await dialog.getByLabel('新密码', { exact: true }).fill(newPassword);
    await dialog.getByLabel('确认新密码', { exact: true }).fill(newPassword);
  }

  async submitPasswordChange(): Promise<void> {
    await this.passwordDialog.getByRole('button', { name: '确认修改' }).click();
    await this.passwordDialog.waitFor({ state: 'hidden' });
  }
}
