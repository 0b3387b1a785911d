import type { Locator, Page } from 'playwright-core';

/** An ECharts chart: a role="img" container named by its title, holding the canvas. */
export class Chart {
  constructor(readonly container: Locator) {}

  get canvas() {
    return this.container.locator('canvas');
  }

  /** Waits until the chart has finished drawing (its animation included) on a canvas of a real size. */
  async waitDrawn(): Promise<{ width: number; height: number }> {
    // A reload (another scope, another unit) can replace the canvas between the checks: ask again until one holds.
    const deadline = Date.now() + 20_000;
    for (;;) {
      await this.canvas.first().waitFor();
      await this.container.and(this.container.page().locator('[aria-busy="false"]')).waitFor();
      const box = await this.canvas.first().boundingBox();
      if (box && box.width >= 100 && box.height >= 40) return box;
      if (Date.now() > deadline) throw new Error(`chart canvas is not drawn: ${JSON.stringify(box)}`);
      await this.container.page().waitForTimeout(250);
    }
  }
}

/** 监测概览: 达标率, warnings, completeness, and the areas' status chart and table. */
export class OverviewPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '监测概览', level: 1 });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/analytics${query}`);
    await this.heading.waitFor();
  }

  get achievement() {
    return this.page.getByRole('region', { name: '达标率' });
  }

  get warnings() {
    return this.page.getByRole('region', { name: '预警' });
  }

  get scopeSwitch() {
    return this.page.getByRole('switch', { name: '包含未审核数据' });
  }

  get exportPng() {
    return this.page.getByRole('button', { name: /^导出 PNG：.*各领域目标进展$/ });
  }

  get areaChart() {
    return new Chart(this.page.getByRole('img', { name: /各领域目标进展$/ }));
  }

  get areaTable() {
    return this.page.getByRole('table', { name: '各领域目标进展' });
  }

  /** 评估依据: how many indicators are judged by the unit's own plan and how many by an ancestor's. */
  get targetBases() {
    return this.page.getByLabel('评估依据');
  }

  areaRow(area: string): Locator {
    return this.areaTable.getByRole('row').filter({ hasText: area });
  }

  /** Opens an area's row onto its indicators. */
  async expandArea(area: string): Promise<Locator> {
    await this.areaRow(area).first().getByRole('button', { name: /展开/ }).click();
    const list = this.page.getByRole('list', { name: `${area}的指标` });
    await list.waitFor();
    return list;
  }
}

/** 指标分析: trend with targets, the 为什么是这个状态 panel, sub-units, data table and metadata. */
export class IndicatorAnalyticsPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get trendChart() {
    return new Chart(this.page.getByRole('img', { name: /趋势$/ }));
  }

  get whyPanel() {
    return this.page.getByRole('region', { name: '为什么是这个状态' });
  }

  /** Whose targets the unit is judged by: 「本级规划目标」 or 「沿用…规划目标」, with the plan. */
  get targetBasis() {
    return this.whyPanel.locator('.target-basis-line');
  }

  /** Under the sub-units' chart: which of them borrow a parent's targets. */
  get childrenBasis() {
    return this.page.locator('.target-basis-note');
  }

  get metadata() {
    return this.page.getByRole('region', { name: '指标说明' });
  }
}

/** 评估记分卡: indicators × units, with the status legend. */
export class ScorecardPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '评估记分卡', level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.goto('/analytics/scorecard');
    await this.heading.waitFor();
  }

  get legend() {
    return this.page.getByRole('list', { name: '状态图例' });
  }

  get exportButton() {
    return this.page.getByRole('link', { name: /导出 Excel/ });
  }

  get table() {
    return this.page.getByRole('table', { name: '评估记分卡' });
  }

  /** A cell's link, named “西岗区孕产妇死亡率：…”. */
  cell(unit: string, indicator: string): Locator {
    return this.table.getByRole('link', { name: new RegExp(`^${unit}${indicator}：`) });
  }
}

/** 预警: counts per committee and the list, with 确认. */
export class WarningsPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: '预警', level: 1 });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/analytics/warnings${query}`);
    await this.heading.waitFor();
  }

  get counts() {
    return this.page.getByRole('table', { name: '各单位预警数' });
  }

  get list() {
    return this.page.getByRole('table', { name: '预警列表' });
  }

  get acknowledgeButtons() {
    return this.list.getByRole('button', { name: /^确认：/ });
  }

  get dialog() {
    return this.page.getByRole('dialog', { name: '确认预警' });
  }

  /** Acknowledges the first warning not yet acknowledged; returns its row's reason text. */
  async acknowledgeFirst(comment: string): Promise<string> {
    const button = this.acknowledgeButtons.first();
    const row = this.list.getByRole('row').filter({ has: button });
    const text = await row.first().innerText();
    await button.click();
    await this.dialog.getByLabel('处理说明').fill(comment);
    await this.dialog.getByRole('button', { name: '确认', exact: true }).click();
    await this.dialog.waitFor({ state: 'hidden' });
    return text;
  }

  rowWith(text: string): Locator {
    return this.list.getByRole('row').filter({ hasText: text });
  }
}

/** 达标率: the headline, the plan/area table, the ranking of sub-units and the drawer of targets behind a count. */
export class AchievementPage {
  constructor(readonly page: Page) {}

  get headline() {
    return this.page.getByLabel('总体达标率');
  }

  get areaTable() {
    return this.page.getByRole('table', { name: '按规划和领域的达标率' });
  }

  get ranking() {
    return this.page.getByRole('table', { name: '下级单位达标率排名' });
  }

  get list() {
    return this.page.getByRole('dialog').getByRole('table', { name: '目标清单' });
  }
}
