import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '用户登录' });
  }

  get errorAlert() {
    return this.page.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await this.heading.waitFor();
  }

  async login(username: string, password: string): Promise<void> {
    await this.page.getByLabel('用户名', { exact: true }).fill(username);
    await this.page.getByLabel('密码', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: '登录', exact: true }).click();
  }
}
