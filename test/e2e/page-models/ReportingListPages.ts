import type { Locator, Page } from 'playwright-core';
import { chooseOption } from '../support/antd';

/** 我的填报任务: cards of the submissions a reporter or department reviewer holds. */
export class MySubmissionsPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '我的填报任务', level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.goto('/reporting');
    await this.heading.waitFor();
  }

  card(taskName: string): Locator {
    return this.page.getByRole('article').filter({ hasText: taskName });
  }

  async open(taskName: string, button: string | RegExp): Promise<void> {
    await this.card(taskName).getByRole('button', { name: button }).click();
  }
}

/** 填报任务: the office's list of tasks and its 发布任务 drawer. */
export class TaskListPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '填报任务', level: 1 });
  }

  get table() {
    return this.page.getByRole('table');
  }

  get createDrawer() {
    return this.page.getByRole('dialog', { name: '发布填报任务' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/reporting/tasks');
    await this.heading.waitFor();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async openTask(name: string): Promise<void> {
    await this.table.getByRole('link', { name, exact: true }).click();
  }
}

/** A task's completeness: units × departments, each cell a link to the submission. */
export class TaskDetailPage {
  constructor(readonly page: Page) {}

  get matrix() {
    return this.page.getByRole('table');
  }

  /** The link of one unit's department, named “西岗区卫健委：状态…”. */
  cell(unit: string, department: string): Locator {
    return this.matrix.getByRole('link', { name: new RegExp(`^${unit}${department}：`) });
  }

  async remindAll(): Promise<void> {
    await this.page.getByRole('button', { name: /一键催报/ }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: '发送催报通知' }).click();
  }
}

/** 数据审核: what waits for the statistics group. */
export class ReviewQueuePage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '数据审核', level: 1 });
  }

  /** The row of one seat (“西岗区 · 卫健委”) in one task. */
  row(seat: string, taskName: string): Locator {
    return this.page.getByRole('table', { name: '审核列表' }).getByRole('row').filter({ hasText: seat }).filter({ hasText: taskName });
  }

  async goto(): Promise<void> {
    await this.page.goto('/reporting/review');
    await this.heading.waitFor();
  }

  async filterByTask(taskName: string): Promise<void> {
    await chooseOption(this.page.getByRole('combobox', { name: '按填报任务筛选' }), new RegExp(taskName));
  }
}

/** The bell in the header and its list. */
export class NotificationBell {
  constructor(readonly page: Page) {}

  get bell() {
    return this.page.getByRole('banner').getByRole('button', { name: /^通知/ });
  }

  get list() {
    return this.page.getByRole('list', { name: '通知列表' });
  }

  async openList(): Promise<void> {
    await this.bell.click();
    await this.list.waitFor();
  }

  async open(title: string | RegExp): Promise<void> {
    await this.list.getByRole('button', { name: title }).first().click();
  }
}
