/*
 * The parts of ECharts the app draws with, registered once. Only the lazy analytics and portal
 * pages import this module, so ECharts stays out of the initial bundle.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerCharts, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

registerCharts([LineChart, BarChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type { ChartOption } from '../../../../shared/charts/types';
export type { ECharts };

/** Chinese text in charts: the fonts the server's report charts use, then the system's. */
export const CHART_FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export function initChart(container: HTMLElement): ECharts {
  return init(container, undefined, { renderer: 'canvas' });
}
