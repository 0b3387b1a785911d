import type { Locator, Page } from 'playwright-core';

export interface PreviewStats {
  areas: number;
  goals: number;
  measures: number;
  targets: number;
}

const STAT_LABELS: Record<keyof PreviewStats, string> = {
  areas: '个领域',
  goals: '条主要目标',
  measures: '条策略措施',
  targets: '个量化指标',
};

export class PlanImportPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '导入规划', level: 1 });
  }

  get previewButton() {
    return this.page.getByRole('button', { name: '识别并预览' });
  }

  get confirmButton() {
    return this.page.getByRole('button', { name: '确认导入' });
  }

  get restartButton() {
    return this.page.getByRole('button', { name: '重新选择' });
  }

  get errorAlert() {
    return this.page.getByRole('alert').filter({ hasText: '文件无法识别' });
  }

  get result() {
    return this.page.getByRole('list', { name: '导入结果' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/plans/import');
    await this.heading.waitFor();
  }

  async chooseFile(path: string): Promise<void> {
    // The Dragger's input is visually hidden, so it is set directly rather than through a file chooser.
    await this.page.locator('input[type="file"]').setInputFiles(path);
  }

  get orgUnitSelect() {
    return this.page.getByLabel('所属单位');
  }

  async chooseOrgUnit(name: string): Promise<void> {
    await this.orgUnitSelect.click();
    await this.orgUnitSelect.fill(name);
    await this.page.getByRole('treeitem', { name, exact: true }).click();
  }

  async preview(path: string): Promise<void> {
    await this.chooseFile(path);
    await this.previewButton.click();
  }

  planCard(title: string | RegExp): Locator {
    return this.page.getByRole('region', { name: title });
  }

  async stats(card: Locator): Promise<PreviewStats> {
    const list = card.getByRole('list', { name: '识别统计' });
    await list.waitFor();
    const read = async (label: string) => {
      const text = await list.getByRole('listitem').filter({ hasText: label }).innerText();
      return Number(/\d+/.exec(text)?.[0] ?? NaN);
    };
    return {
      areas: await read(STAT_LABELS.areas),
      goals: await read(STAT_LABELS.goals),
      measures: await read(STAT_LABELS.measures),
      targets: await read(STAT_LABELS.targets),
    };
  }

  async expandArea(card: Locator, areaTitle: string): Promise<void> {
    const row = card.getByRole('row').filter({ hasText: areaTitle });
    await row.getByRole('button', { name: /展开/ }).click();
  }

  async confirm(): Promise<void> {
    await this.confirmButton.click();
    await this.result.waitFor();
  }

  async openImportedPlan(title: string | RegExp): Promise<void> {
    await this.result.getByRole('listitem').filter({ hasText: title }).getByRole('link', { name: '查看规划' }).click();
  }
}
