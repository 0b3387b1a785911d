import type { Locator, Page } from 'playwright-core';

/** 监测报告: the list with its 生成 dialog, and one report (annual or evaluation) with its words and workflow buttons. */
export class ReportPages {
  constructor(readonly page: Page) {}

  async gotoList(): Promise<void> {
    await this.page.goto('/reports');
    await this.page.getByRole('heading', { name: '监测报告', level: 1 }).waitFor();
  }

  /** Generates a draft from the list page; lands on the draft. */
  async generate(year: number, plan: '妇女发展规划' | '儿童发展规划' | '妇女和儿童'): Promise<void> {
    await this.page.getByRole('button', { name: '生成年度报告' }).click();
    const dialog = this.page.getByRole('dialog', { name: '生成年度统计监测报告' });
    await dialog.getByLabel('报告年度').fill(String(year));
    await dialog.getByText(plan, { exact: true }).click();
    await dialog.getByRole('button', { name: '生成草稿' }).click();
    await this.page.waitForURL(/\/reports\/\d+$/, { timeout: 120_000 });
  }

  get status(): Locator {
    return this.page.locator('.report-heading .ant-tag');
  }

  finding(name: string): Locator {
    return this.page.getByRole('article', { name });
  }

  async editFinding(name: string, change: { headline?: string; addSentence?: string; note?: string }): Promise<void> {
    await this.finding(name).getByRole('button', { name: `修改 ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `修改监测结果：${name}` });
    if (change.headline !== undefined) await dialog.getByLabel('标题句').fill(change.headline);
    if (change.addSentence !== undefined) {
      const body = dialog.getByLabel('正文');
      await body.fill(`${await body.inputValue()}\n${change.addSentence}`);
    }
    if (change.note !== undefined) await dialog.getByLabel('附注').fill(change.note);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** An evaluation report's 意见建议, one paragraph per line, in place of the generated ones. */
  async editAdvice(paragraphs: string[]): Promise<void> {
    await this.page.getByRole('button', { name: '修改意见建议' }).click();
    const dialog = this.page.getByRole('dialog', { name: '修改意见建议' });
    await dialog.getByLabel('意见建议').fill(paragraphs.join('\n'));
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Takes a workflow step by its button; publishing asks to confirm, returning for a reason. */
  async step(label: '送审' | '审核通过' | '审定通过' | '发布' | '退回修改', reason?: string): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
    if (label === '发布') await this.page.getByRole('dialog', { name: '发布报告' }).getByRole('button', { name: '发布' }).click();
    if (label === '退回修改') {
      const dialog = this.page.getByRole('dialog', { name: '退回修改' });
      await dialog.getByLabel('退回理由').fill(reason ?? '');
      await dialog.getByRole('button', { name: '退回' }).click();
    }
  }
}
