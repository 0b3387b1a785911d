import type { Page } from 'playwright-core';

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

  async navigateTo(item: '规划管理' | '组织机构'): Promise<void> {
    await this.navigation.getByRole('menuitem', { name: item }).click();
  }

  async logout(): Promise<void> {
    await this.banner.getByRole('button', { name: '退出登录' }).click();
  }
}
