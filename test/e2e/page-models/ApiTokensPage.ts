import type { Page } from 'playwright-core';
import { settleAnimations } from '../support/browser';
import { chooseOption } from '../support/antd';

/** 「API 令牌」 under the account menu: list, create (token shown once), revoke. */
export class ApiTokensPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: 'API 令牌', level: 1 });
  }

  async open(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: /^账号：/ }).click();
    await this.page.getByRole('menuitem', { name: 'API 令牌' }).click();
    await this.heading.waitFor();
  }

  row(name: string) {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  get createDialog() {
    return this.page.getByRole('dialog', { name: '创建 API 令牌' });
  }

  async fillCreate(name: string, expiry: string): Promise<void> {
    await this.page.getByRole('button', { name: '创建令牌' }).click();
    await this.createDialog.getByLabel('令牌名称').fill(name);
    await chooseOption(this.createDialog.getByRole('combobox', { name: '有效期' }), expiry);
  }

  onceDialog(name: string) {
    return this.page.getByRole('dialog', { name: `令牌“${name}”已创建` });
  }

  /** Submits the form and reads the token off the dialog that shows it once. */
  async create(name: string): Promise<string> {
    await this.createDialog.getByRole('button', { name: '创建' }).click();
    const dialog = this.onceDialog(name);
    await dialog.waitFor();
    await settleAnimations(dialog);
    return (await dialog.getByLabel('新令牌').innerText()).trim();
  }

  async closeOnce(name: string): Promise<void> {
    await this.onceDialog(name).getByRole('button', { name: '我已复制保存' }).click();
    await this.onceDialog(name).waitFor({ state: 'hidden' });
  }

  async revoke(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: `撤销 ${name}` }).click();
    await this.page.getByRole('tooltip').getByRole('button', { name: '撤销', exact: true }).click();
    await this.row(name).getByText('已撤销').waitFor();
  }
}
