import type { Locator, Page } from 'playwright-core';

export interface TargetChanges {
  indicator?: string;
  value?: string;
  unit?: string;
  year?: string;
}

export class PlanPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get activePanel() {
    return this.page.getByRole('tabpanel');
  }

  get targetDialog() {
    return this.page.getByRole('dialog', { name: /量化指标/ });
  }

  get sourceDialog() {
    return this.page.getByRole('dialog', { name: /^原文/ });
  }

  async openArea(title: string): Promise<void> {
    await this.page.getByRole('tab', { name: title }).click();
    await this.activePanel.getByRole('heading', { name: /主要目标/ }).waitFor();
  }

  goal(no: number): Locator {
    return this.activePanel.getByRole('article', { name: `目标 ${no}`, exact: true });
  }

  goalText(no: number): Promise<string> {
    return this.goal(no).locator('p').first().innerText();
  }

  targetChips(goal: Locator): Locator {
    return goal.getByRole('list', { name: '量化指标' }).getByRole('listitem');
  }

  async chipTexts(goal: Locator): Promise<string[]> {
    return this.targetChips(goal).allInnerTexts();
  }

  async openTargetEditor(goal: Locator, chipText: string): Promise<void> {
    const chip = this.targetChips(goal).filter({ hasText: chipText }).first();
    await chip.getByRole('button', { name: /^编辑指标/ }).click();
    await this.targetDialog.waitFor();
  }

  async fillTarget(changes: TargetChanges): Promise<void> {
    const fields: [keyof TargetChanges, string][] = [
      ['indicator', '指标名称'],
      ['value', '目标值'],
      ['unit', '单位'],
      ['year', '目标年份'],
    ];
    for (const [key, label] of fields) {
      const value = changes[key];
      // Optional fields carry a “（可选）” mark in their label.
      if (value !== undefined) await this.targetDialog.getByLabel(new RegExp(`^${label}`)).fill(value);
    }
  }

  async openTargetAdder(goal: Locator): Promise<void> {
    await goal.getByRole('button', { name: /添加指标/ }).click();
    await this.targetDialog.waitFor();
  }

  async deleteTarget(goal: Locator, chipText: string): Promise<void> {
    const chip = this.targetChips(goal).filter({ hasText: chipText }).first();
    await chip.getByRole('button', { name: /^删除指标/ }).click();
    await this.page.getByRole('tooltip').getByRole('button', { name: '删除', exact: true }).click();
    await chip.waitFor({ state: 'detached' });
  }

  qualitativeSwitch(goal: Locator): Locator {
    return goal.getByRole('switch', { name: '标记为定性目标' });
  }

  async saveTarget(): Promise<void> {
    await this.targetDialog.getByRole('button', { name: '保存' }).click();
    await this.targetDialog.waitFor({ state: 'hidden' });
  }

  async openGoalSource(goal: Locator): Promise<Locator> {
    await goal.getByRole('button', { name: '查看原文' }).click();
    await this.sourceDialog.getByRole('list', { name: '规划原文' }).waitFor();
    return this.sourceDialog;
  }

  highlightedSource(): Locator {
    return this.sourceDialog.locator('[data-highlighted="true"]');
  }
}
