import type { Page } from 'playwright-core';
import { chooseOption } from '../support/antd';

/** The evaluation pages: rounds list, one round (forms and results), one self-evaluation form. */
export class EvaluationPages {
  constructor(readonly page: Page) {}

  async openFirstRound(): Promise<void> {
    await this.page.goto('/evaluation');
    await this.page.getByRole('heading', { name: '规划评估' }).waitFor();
    await this.page.getByRole('link', { name: /中期评估/ }).first().click();
    await this.page.getByText('评估内容与分值').waitFor();
  }

  /** Filters the round's forms to a state and opens the first. */
  async openFirstForm(state: '待自评' | '待评审' | '已退回' | '已评审'): Promise<void> {
    await chooseOption(this.page.getByLabel('状态'), state);
    await this.page.getByRole('table').getByRole('link').first().click();
    await this.page.getByText('数据给出的达标建议').waitFor();
  }

  async fillSelfEvaluation(o: { evidence: string; file: { name: string; bytes: Buffer }; scores: Record<string, number>; problems?: string; rectification?: string }): Promise<void> {
    await this.page.getByLabel('佐证说明').fill(o.evidence);
    await this.page.locator('input[type=file]').setInputFiles({ name: o.file.name, mimeType: 'image/png', buffer: o.file.bytes });
    if (await this.page.getByLabel('存在问题及原因').count()) {
      await this.page.getByLabel('存在问题及原因').fill(o.problems ?? '');
      await this.page.getByLabel('整改措施及承诺').fill(o.rectification ?? '');
    }
    for (const [label, value] of Object.entries(o.scores)) await this.page.getByLabel(`自评${label}`).fill(String(value));
  }

  async attachFile(file: { name: string; bytes: Buffer }): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles({ name: file.name, mimeType: 'image/png', buffer: file.bytes });
  }

  /** 保存草稿; resolves once the saved files are listed as the form's. */
  async saveDraft(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: '保存草稿' }).click();
    await this.page.getByRole('link', { name: fileName }).waitFor();
  }

  /** Takes a file off the draft (移除, confirmed); resolves once it is no longer listed. */
  async removeFile(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: `移除佐证材料 ${fileName}` }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '移除' }).click();
    await this.page.getByText(`已移除“${fileName}”，草稿已保存`).waitFor();
    await this.page.getByRole('link', { name: fileName }).waitFor({ state: 'detached' });
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '提交自评' }).click();
    await this.page.getByText('单位自评').first().waitFor();
    await this.page.getByText('待评审').first().waitFor();
  }

  async review(scores: Record<string, number>, comment: string): Promise<void> {
    for (const [label, value] of Object.entries(scores)) await this.page.getByLabel(`评估组${label}`).fill(String(value));
    await this.page.getByLabel('评审意见').fill(comment);
    await this.page.getByRole('button', { name: '保存评审' }).click();
    await this.page.getByText(/评估组得分 \d/).waitFor();
  }

  /** Opens 发起评估 and picks a plan and a year; the participants fill in from the plan's candidates. */
  async startRound(planTitle: RegExp, year: string): Promise<void> {
    await this.page.goto('/evaluation');
    await this.page.getByRole('button', { name: '发起评估' }).click();
    const drawer = this.page.getByRole('dialog');
    await drawer.getByText('评估内容与分值').waitFor();
    // The drawer's selects in order: the plan, the year.
    await chooseOption(drawer.locator('.ant-select').nth(0), planTitle);
    await drawer.getByText(/参评成员单位（牵头本规划目标指标的 \d+ 个单位）/).waitFor();
    await chooseOption(drawer.locator('.ant-select').nth(1), new RegExp(year));
  }

  async confirmRound(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: '发起评估' }).click();
    await this.page.waitForURL(/\/evaluation\/rounds\/\d+/);
  }

  /** Downloads the round's evaluation report from the round page. */
  async downloadReport(): Promise<{ fileName: string; path: string }> {
    // The server writes the report (charts rendered, fonts loaded) before the download starts: seconds, more on a busy machine.
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 120_000 }), this.page.getByRole('link', { name: /评估报告/ }).click()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), path };
  }

  /** 结束评估 from the round page: the confirmation, then the server's answer (closed, or a dialog saying why not). */
  async openCloseDialog(): Promise<void> {
    await this.page.getByRole('button', { name: '结束评估' }).click();
    await this.page.getByText('结束后').waitFor();
  }

  async confirmClose(): Promise<void> {
    await this.page.locator('.ant-modal-confirm').getByRole('button', { name: '结束评估' }).click();
  }

  async openWeights(): Promise<void> {
    await this.page.getByRole('tab', { name: '评估权重' }).click();
    await this.page.getByText('分值来源').waitFor();
  }

  /** 按领域设置 for an area: the criterion weights (by label) and its weight in the plan's total; leaves the dialog open. */
  async fillAreaWeights(area: string, weights: Record<string, number>, share: number | null): Promise<void> {
    await this.page.getByRole('button', { name: `按领域设置 领域“${area}”` }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByText('评估内容分值（合计').waitFor();
    const adjust = dialog.getByRole('checkbox');
    if (!(await adjust.isChecked())) await adjust.check();
    for (const [label, value] of Object.entries(weights)) await dialog.getByLabel(`${label}分值`).fill(String(value));
    if (share !== null) await dialog.getByLabel('总分权重').fill(String(share));
  }

  async saveWeights(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  }

  /** The plan's 评估组 score on the results tab, as shown. */
  async planScore(): Promise<string> {
    return (await this.page.locator('.ant-statistic').filter({ hasText: '规划总分（评估组）' }).locator('.ant-statistic-content').textContent()) ?? '';
  }

  async openResults(): Promise<void> {
    await this.page.getByRole('tab', { name: '评估结果' }).click();
    await this.page.getByText('单位得分与排名').waitFor();
  }
}
