import type { Page } from 'playwright-core';

/** One indicator's edit form. */
export class IndicatorPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  section(title: string) {
    return this.page.locator('.ant-card').filter({ has: this.page.locator('.ant-card-head-title', { hasText: title }) });
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async chooseRatio(): Promise<void> {
    // A button-style radio hides its input; people click the button's text.
    await this.section('计算方法').getByText('比率', { exact: true }).click();
    await this.field('分子代码').waitFor();
  }

  /** Types a data element code; `pick` (its name) chooses a known one from the suggestions, which fills in the rest. */
  async fillElement(role: '分子' | '分母', element: { code: string; name?: string; pick?: string }): Promise<void> {
    await this.field(`${role}代码`).fill(element.code);
    if (element.pick) await this.page.locator('.ant-select-dropdown:visible').getByTitle(`${element.code} ${element.pick}`, { exact: true }).click();
    if (element.name !== undefined) await this.field(`${role}名称`).fill(element.name);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '保存' }).click();
    await this.page.getByText('指标已保存').waitFor();
  }
}
