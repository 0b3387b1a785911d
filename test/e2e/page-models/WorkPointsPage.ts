import type { Page } from 'playwright-core';
import { chooseOption } from '../support/antd';

/** 工作要点: the tree of a committee's year, its import drawer, the edit form and the 备案/通报 dialog. */
export class WorkPointsPage {
  constructor(readonly page: Page) {}

  async goto(year?: number): Promise<void> {
    await this.page.goto(`/workitems/points${year ? `?year=${year}` : ''}`);
    await this.page.getByRole('heading', { name: '工作要点', exact: true }).waitFor();
  }

  rowOf(text: string | RegExp) {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  get drawer() {
    return this.page.getByRole('dialog');
  }

  /** Opens the import drawer for a year and reads a file (a text, or the bytes of an .xlsx) into the preview. */
  async preview(year: number, name: string, content: string | Buffer): Promise<void> {
    await this.page.getByRole('button', { name: '导入工作要点' }).click();
    await this.drawer.getByLabel('导入年度').fill(String(year));
    await this.upload(name, content);
    await this.drawer.getByText(/个部分、共 \d+ 条/).waitFor();
  }

  /** In the open import drawer: chooses a file for the preview. */
  async upload(name: string, content: string | Buffer): Promise<void> {
    const mimeType = name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/plain';
    await this.drawer.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
  }

  /** Picks the member department for a unit name of the preview that matched none. */
  async pick(name: string, department: string): Promise<void> {
    await chooseOption(this.drawer.getByLabel(`${name}对应的成员单位`), `配合：${department}`, { search: department });
  }

  async savePreview(): Promise<void> {
    // Not anchored at the start: the button's loading icon may still be fading out (and named) when it is clicked.
    await this.page.getByRole('button', { name: /保存 \d+ 年 \d+ 条$/ }).click();
    await this.page.getByText(/已保存 \d+ 年工作要点 \d+ 条/).waitFor();
  }

  async openEdit(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `修改 ${title}` }).click();
    await this.page.getByRole('dialog').getByLabel('牵头单位').waitFor();
  }

  /** In the open edit form: marks the point a 实事项目, picks its lead department and deadline, saves. */
  async markPractical(lead: string, dueOn: string): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    await chooseOption(dialog.getByLabel('牵头单位'), lead, { search: lead });
    await dialog.getByLabel('完成时限').fill(dueOn);
    await dialog.getByLabel('完成时限').press('Enter');
    await dialog.getByText('实事项目（须备案，按期通报）').click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Records the 备案 of a 实事项目 from its state tag in the tree. */
  async file(title: string, ref: string): Promise<void> {
    await this.rowOf(title).getByText('未备案').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('备案文号或文件名').fill(ref);
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async moveUp(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `上移 ${title}` }).click();
  }

  async remove(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `删除 ${title}` }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await this.page.getByText('已删除').waitFor();
  }

  /** The titles of the tree's rows in order, with their numbering. */
  async titles(): Promise<string[]> {
    return this.page.locator('.workpoints-cell > span:first-child').allTextContents();
  }
}
