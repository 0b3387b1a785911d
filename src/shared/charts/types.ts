/*
 * The ECharts option types the shared chart builders produce. Type-only: the web registers the
 * canvas renderer, the server's documents service the SVG one; neither is pulled in here.
 */
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TitleComponentOption | TooltipComponentOption
>;

export type { BarSeriesOption, LineSeriesOption, PieSeriesOption };
