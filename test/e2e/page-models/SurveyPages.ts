import type { Locator, Page } from 'playwright-core';
import { chooseOption } from '../support/antd';

/** 问卷调查: the list of surveys and the dialog that starts one. */
export class SurveyListPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '问卷调查', level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.goto('/surveys');
    await this.heading.waitFor();
  }

  link(title: string): Locator {
    return this.page.getByRole('link', { name: title, exact: true });
  }

  async create(title: string, unit: string): Promise<void> {
    await this.page.getByRole('button', { name: '新建问卷' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建问卷' });
    await dialog.getByLabel('问卷标题').fill(title);
    await chooseOption(dialog.getByLabel('所属单位'), new RegExp(unit));
    await dialog.getByRole('button', { name: '创建' }).click();
  }
}

/** One survey: header actions and the tabs 设计, 发布与分享, 统计分析, 写入指标. */
export class SurveyPage {
  constructor(readonly page: Page) {}

  /** The page title (the phone preview has an h1 of its own). */
  heading(title: string): Locator {
    return this.page.locator('h1.page-header__title', { hasText: title });
  }

  tab(name: '设计' | '发布与分享' | '统计分析' | '写入指标'): Locator {
    return this.page.getByRole('tab', { name });
  }

  question(code: string): Locator {
    return this.page.locator(`.survey-question-editor[data-code="${code}"]`);
  }

  /** Adds a question of a type from the 添加题目 menu; returns its editor card. */
  async addQuestion(type: string, title: string, code: string): Promise<Locator> {
    await this.page.getByRole('button', { name: '添加题目' }).hover();
    await this.page.getByRole('menuitem', { name: type }).click();
    const card = this.question(code);
    await card.getByLabel('题目', { exact: true }).fill(title);
    return card;
  }

  async setOptions(card: Locator, lines: string[]): Promise<void> {
    const box = card.getByLabel('选项（每行一个）');
    await box.fill(lines.join('\n'));
    await box.blur();
  }

  /** “Show this question only when <question> is <option>”. */
  async showOnlyIf(card: Locator, question: string, option: string): Promise<void> {
    await chooseOption(card.getByLabel('显示条件题目'), new RegExp(question));
    await chooseOption(card.getByLabel('显示条件选项'), option);
  }

  get preview(): Locator {
    return this.page.getByLabel('手机预览');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '保存问卷' }).click();
    await this.page.getByText('问卷已保存').waitFor();
  }

  async publish(): Promise<void> {
    await this.page.getByRole('button', { name: '发布', exact: true }).click();
    await this.page.getByText('已发布，开始收集').waitFor();
  }

  async publicLink(): Promise<string> {
    await this.tab('发布与分享').click();
    return this.page.getByLabel('问卷链接').inputValue();
  }

  /** Switches a choice question's chart between 条形图 and 饼图. */
  async pickChart(code: string, chart: '条形图' | '饼图'): Promise<void> {
    await this.statCard(code).getByText(chart, { exact: true }).click();
  }

  async saveToBank(card: Locator): Promise<void> {
    await card.getByRole('button', { name: '存入题库' }).click();
    await this.page.getByText(/^已存入.*题库$/).waitFor();
  }

  /** 从题库添加: finds questions by words of their wording. */
  async searchBank(text: string): Promise<Locator> {
    await this.page.getByRole('button', { name: '从题库添加' }).click();
    const dialog = this.page.getByRole('dialog', { name: '从题库添加' });
    await dialog.getByLabel('查找题目').fill(text);
    await dialog.getByRole('button', { name: '查找' }).click();
    return dialog;
  }

  statCard(code: string): Locator {
    return this.page.locator(`.survey-stat[data-code="${code}"]`);
  }

  get total(): Locator {
    return this.page.getByText(/^共 [\d,]+ 份答卷/);
  }
}

/** The public answering page on a phone. */
export class SurveyAnswerPage {
  constructor(readonly page: Page) {}

  question(code: string): Locator {
    return this.page.locator(`fieldset[data-code="${code}"]`);
  }

  async choose(code: string, label: string): Promise<void> {
    await this.question(code).getByText(label, { exact: true }).click();
  }

  async selectRegion(code: string, name: string): Promise<void> {
    await this.question(code).getByRole('combobox').selectOption({ label: name });
  }

  async fillText(code: string, text: string): Promise<void> {
    await this.question(code).getByRole('textbox').fill(text);
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: '提交' });
  }

  get thanks(): Locator {
    return this.page.getByRole('heading', { name: '提交成功，感谢您的参与！' });
  }
}
