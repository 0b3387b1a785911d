import type { Locator, Page } from 'playwright-core';
import { Chart } from './AnalyticsPages';

/** 指标公开: the public list of published indicators by area, no login. */
export class PortalIndicatorsPage {
  constructor(readonly page: Page) {}

  get banner() {
    return this.page.getByRole('banner');
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.goto('/portal/indicators');
    await this.heading.waitFor();
  }

  indicatorLink(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  downloadLink(name: '下载 SDMX-CSV' | '下载 ADX'): Locator {
    return this.page.getByRole('link', { name });
  }
}

/** One published indicator's public page. */
export class PortalIndicatorPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get headline() {
    return this.page.getByRole('region', { name: '最新数据' });
  }

  get metadata() {
    return this.page.getByRole('region', { name: '指标说明' });
  }

  get trendChart() {
    return new Chart(this.page.getByRole('img', { name: /趋势$/ }));
  }

  get refusal() {
    return this.page.getByText('该指标未公开或不存在');
  }
}
