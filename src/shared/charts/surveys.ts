import type { ChartOption } from './types';

/*
 * ECharts options of survey statistics, as pure functions of the statistics: the statistics page
 * draws them on a canvas, the survey report renders the same options to images.
 */

/** A choice question's chart: bars suit any question, a pie only one answer per person (shares add up to 100%). */
export type ChoiceChart = 'bar' | 'pie';

interface Slice {
  label: string;
  count: number;
  share?: number;
}

const SURVEY_COLOR = '#c41d7f';
/** Pie slices: distinct hues that stay apart in grey print. */
const PIE_COLORS = ['#c41d7f', '#1d5fa8', '#fa8c16', '#389e0d', '#722ed1', '#13a8a8', '#8c6e4a', '#eb2f96', '#2f54eb', '#a0d911'];

const countAndShare = (c: Slice) => (c.share === undefined ? `${c.count}` : `${c.count}（${(c.share * 100).toFixed(1)}%）`);

/** Horizontal bars, one per category, labelled with count and share. */
export function categoryBars(categories: readonly Slice[]): ChartOption {
  const rows = [...categories].reverse();
  return {
    grid: { left: 8, right: 90, top: 8, bottom: 8, outerBoundsMode: 'same' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((c) => c.label), axisLabel: { width: 200, overflow: 'truncate' } },
    tooltip: { trigger: 'axis' },
    series: [{ type: 'bar', data: rows.map((c) => c.count), barMaxWidth: 28, itemStyle: { color: SURVEY_COLOR }, label: { show: true, position: 'right', formatter: (p) => countAndShare(rows[p.dataIndex]!) } }],
  };
}

/** A pie, its slices labelled by name, count and share; categories nobody chose are left out so their labels do not pile up. */
export function categoryPie(categories: readonly Slice[]): ChartOption {
  const slices = categories.filter((c) => c.count > 0);
  return {
    color: PIE_COLORS,
    tooltip: { trigger: 'item' },
    series: [{
      type: 'pie',
      radius: ['0%', '62%'],
      center: ['50%', '50%'],
      avoidLabelOverlap: true,
      label: { formatter: (p) => `${p.name}\n${countAndShare(slices[p.dataIndex]!)}` },
      data: slices.map((c) => ({ name: c.label, value: c.count })),
    }],
  };
}

/** A histogram: bars side by side over the value bins. */
export function histogramBars(bins: readonly { label: string; count: number }[]): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 16, bottom: 8, outerBoundsMode: 'same' },
    xAxis: { type: 'category', data: bins.map((b) => b.label) },
    yAxis: { type: 'value', minInterval: 1 },
    tooltip: { trigger: 'axis' },
    series: [{ type: 'bar', data: bins.map((b) => b.count), barCategoryGap: '4%', itemStyle: { color: '#1677ff' } }],
  };
}

/** Questions with one answer per person, whose shares make a whole: the only ones a pie can show. */
export const pieAllowed = (type: string) => type === 'single' || type === 'region' || type === 'rating';

/** Which chart a choice question is drawn as: the one picked where allowed, else a pie for single choice and bars for the rest. */
export function choiceChartOf(type: string, picked?: ChoiceChart): ChoiceChart {
  if (!pieAllowed(type)) return 'bar';
  return picked ?? (type === 'single' ? 'pie' : 'bar');
}
