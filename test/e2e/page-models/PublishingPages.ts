import type { Locator, Page } from 'playwright-core';
import { chooseOption } from '../support/antd';

export interface UploadFile { name: string; mimeType: string; buffer: Buffer }

/** 信息发布: the office's list of articles. */
export class ArticleListPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/publishing/articles');
    await this.page.getByRole('heading', { name: '信息发布', level: 1 }).waitFor();
  }

  row(title: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async filter(label: '栏目' | '状态' | '单位', option: string): Promise<void> {
    await chooseOption(this.page.getByRole('combobox', { name: label }), option);
  }
}

/** The article editor: fields, the TipTap body, files, workflow and versions. */
export class ArticleEditPage {
  constructor(readonly page: Page) {}

  async gotoNew(): Promise<void> {
    await this.page.goto('/publishing/articles/new');
    await this.page.getByRole('heading', { name: '新建文章', level: 1 }).waitFor();
  }

  get body(): Locator {
    return this.page.getByRole('textbox', { name: '正文' });
  }

  tool(name: string): Locator {
    return this.page.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name, exact: true });
  }

  async fillTitle(title: string): Promise<void> {
    await this.page.getByLabel('标题', { exact: true }).fill(title);
  }

  async chooseCategory(label: string): Promise<void> {
    await chooseOption(this.page.getByRole('combobox', { name: '栏目' }), label);
  }

  async addTags(...tags: string[]): Promise<void> {
    const input = this.page.getByRole('combobox', { name: '标签' });
    for (const tag of tags) {
      await input.fill(tag);
      await input.press('Enter');
    }
  }

  /** Types paragraphs into the body; a line starting with "## " becomes a level-2 heading. */
  async typeBody(lines: string[]): Promise<void> {
    await this.body.click();
    for (const line of lines) {
      await this.page.keyboard.type(line);
      await this.page.keyboard.press('Enter');
    }
  }

  async insertImage(file: UploadFile, alt: string): Promise<void> {
    await this.tool('插入图片').click();
    const dialog = this.page.getByRole('dialog', { name: '插入图片' });
    await dialog.getByLabel('选择图片文件').setInputFiles(file);
    await dialog.locator('.rte-image__preview').waitFor();
    await dialog.getByLabel('图片说明').fill(alt);
    await dialog.getByRole('button', { name: '插入' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.body.getByRole('img', { name: alt }).waitFor();
  }

  async attach(file: UploadFile): Promise<void> {
    await this.page.getByLabel('上传附件', { exact: true }).setInputFiles(file);
    await this.page.getByRole('list', { name: '附件' }).getByRole('link', { name: file.name }).waitFor();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /保存(草稿)?$/ }).click();
    await this.page.getByText('已保存').waitFor();
  }

  async act(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
    await this.page.getByText('操作成功').last().waitFor();
  }

  status(text: string): Locator {
    return this.page.locator('.article-state').getByText(text, { exact: true });
  }

  async openVersions(): Promise<Locator> {
    await this.page.getByRole('button', { name: '历史版本' }).click();
    const drawer = this.page.getByRole('dialog', { name: '历史版本' });
    await drawer.getByRole('row').nth(1).waitFor();
    return drawer;
  }
}

/** The public portal's home and search, no login. */
export class PortalHome {
  constructor(readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/portal${query}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  async search(words: string): Promise<void> {
    const box = this.page.getByLabel('站内搜索').first();
    await box.fill(words);
    await box.press('Enter');
    await this.page.waitForURL(/\/portal\/search\?q=/);
    await this.page.getByRole('heading', { name: /共找到/ }).waitFor();
  }

  get brandName(): Locator {
    return this.page.locator('.portal-header__name');
  }
}

/** 大事记 management: the list by year, import with a preview, editing one event. */
export class EventsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/publishing/events');
    await this.page.getByRole('heading', { name: '大事记', level: 1 }).waitFor();
  }

  year(label: string): Locator {
    return this.page.locator('.ant-segmented').getByText(label, { exact: true });
  }

  async previewImport(text: string): Promise<Locator> {
    await this.page.getByRole('button', { name: /从文本导入/ }).click();
    const drawer = this.page.getByRole('dialog', { name: /从文本导入大事记/ });
    await drawer.getByLabel('大事记文本').fill(text);
    await drawer.getByRole('button', { name: '预览' }).click();
    await drawer.getByRole('region', { name: '预览' }).waitFor();
    return drawer;
  }
}
