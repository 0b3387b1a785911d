import type { OptionCode } from '../../../../shared/monitoring/validation';
import type { IndicatorAnalyticsDto, OverviewDto } from '../api';
import { formatNumber } from '../format';
import { PROGRESS_STATUSES, STATUS_COLORS, STATUS_LABELS } from '../status';
import type { BarSeriesOption, ChartOption, LineSeriesOption } from './echarts';

/*
 * ECharts options of the analytics charts, as pure functions of the API's answers. The series use
 * the status colours of ../status so charts, tags and the scorecard read the same.
 */

const AXIS_LABEL = { color: '#4b5563' };
/** One colour per part, typed by option so a new disaggregation cannot be drawn without one. */
export const PART_COLORS: Record<Exclude<OptionCode, 'total'>, string> = {
  female: '#c2185b',
  male: '#1d5fa8',
  urban: '#13a8a8',
  rural: '#a0d911',
  age0_14: '#fa8c16',
  age15_59: '#722ed1',
  age60: '#8c6e4a',
};
const TOTAL_COLOR = '#1f2937';
const TARGET_COLOR = '#d4380d';

/** Text for an HTML tooltip. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** An area's name without its number: “妇女与健康”. */
const bareTitle = (title: string) => title.replace(/^\s*[（(][一二三四五六七八九十]+[）)]\s*/, '');

/** 各领域目标进展: areas down, one stacked bar segment per status. */
export function areaStatusOption(areas: OverviewDto['areas']): ChartOption {
  const names = areas.map((a) => bareTitle(a.title));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemWidth: 14, itemHeight: 10, data: PROGRESS_STATUSES.map((s) => STATUS_LABELS[s]) },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { ...AXIS_LABEL, width: 140, overflow: 'truncate' } },
    series: PROGRESS_STATUSES.map<BarSeriesOption>((status) => ({
      type: 'bar',
      name: STATUS_LABELS[status],
      stack: 'status',
      barMaxWidth: 22,
      itemStyle: { color: STATUS_COLORS[status] },
      label: { show: true, formatter: (p) => (Number(p.value) > 0 ? String(p.value) : ''), color: '#fff', fontSize: 11 },
      data: areas.map((a) => a.statusCounts[status] ?? 0),
    })),
  };
}

type Series = IndicatorAnalyticsDto['series'][number];

/** The years a trend chart spans: the data's, through the last target year. */
function yearRange(data: IndicatorAnalyticsDto): [number, number] {
  const years = [...data.series.flatMap((s) => s.points.map((p) => p.year)), ...data.targets.map((t) => t.year)];
  if (years.length === 0) return [2020, 2030];
  return [Math.min(...years), Math.max(...years)];
}

function valueLine(s: Series): LineSeriesOption {
  const total = s.option === 'total';
  return {
    type: 'line',
    name: total ? '合计' : s.optionName,
    data: s.points.map((p) => [p.year, p.value]),
    symbolSize: total ? 7 : 5,
    lineStyle: { width: total ? 3 : 2 },
    itemStyle: { color: s.option === 'total' ? TOTAL_COLOR : PART_COLORS[s.option] },
    z: total ? 3 : 2,
  };
}

/** The target the chart projects to: the one of the milestone assessed, else the last with a projection. */
function projectedTarget(data: IndicatorAnalyticsDto) {
  const withProjection = data.targets.filter((t) => t.assessment.projected !== null && t.assessment.latest !== null && t.year > t.assessment.latest.year);
  return withProjection.find((t) => t.year === data.milestone) ?? withProjection.at(-1);
}

/** 趋势: the total (and parts by sex, area or age group), target lines per milestone, and the projection to the milestone. */
export function trendOption(data: IndicatorAnalyticsDto): ChartOption {
  const { decimals, unit } = data.indicator;
  const fmt = (v: number) => formatNumber(v, decimals);
  const [from, to] = yearRange(data);
  const series: LineSeriesOption[] = [...data.series].sort((a, b) => (a.option === 'total' ? -1 : b.option === 'total' ? 1 : 0)).map(valueLine);

  const targetLines = data.targets
    .filter((t) => t.assessment.targetValue !== null)
    .map((t) => ({ yAxis: t.assessment.targetValue!, name: `${t.year}年目标`, label: { formatter: `${t.year}年目标\n${fmt(t.assessment.targetValue!)}` } }));
  const totalLine = series[0];
  if (totalLine && targetLines.length > 0) {
    totalLine.markLine = {
      silent: true,
      symbol: 'none',
      lineStyle: { color: TARGET_COLOR, type: 'dotted', width: 1.5 },
      label: { position: 'end', color: TARGET_COLOR, fontSize: 12 },
      data: targetLines,
    };
  }

  const projected = projectedTarget(data);
  if (projected) {
    const { latest, projected: value } = projected.assessment;
    series.push({
      type: 'line',
      name: `预计至${projected.year}年`,
      data: [{ value: [latest!.year, latest!.value], symbol: 'none' }, [projected.year, value!]],
      lineStyle: { type: 'dashed', width: 2, color: '#8c8c8c' },
      itemStyle: { color: '#8c8c8c' },
      symbol: 'emptyCircle',
      symbolSize: 6,
    });
  }

  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? fmt(v) : '—') },
    legend: { top: 0 },
    // Room on the right for the target lines' labels.
    grid: { left: 8, right: targetLines.length > 0 ? 84 : 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: from, max: to, minInterval: 1, interval: to - from > 12 ? 2 : 1, axisLabel: { ...AXIS_LABEL, formatter: (v: number) => `${v}年` } },
    yAxis: { type: 'value', scale: true, name: unit ?? '', axisLabel: { ...AXIS_LABEL, formatter: (v: number) => formatNumber(v) } },
    series,
  };
}

/** 下级单位比较: each sub-unit's latest value, coloured by its status. */
export function childrenOption(data: IndicatorAnalyticsDto): ChartOption {
  const { decimals, unit } = data.indicator;
  const rows = data.children.filter((c) => c.latest !== null);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const child = rows[(p as { dataIndex: number }).dataIndex]!;
        const status = STATUS_LABELS[child.status ?? 'insufficient_data'];
        return `${escapeHtml(child.orgUnit.name)}<br/>${child.latest!.year}年：${formatNumber(child.latest!.value, decimals)}${escapeHtml(unit ?? '')}<br/>${status}`;
      },
    },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((c) => c.orgUnit.name), axisLabel: { ...AXIS_LABEL, interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', name: unit ?? '', axisLabel: { ...AXIS_LABEL, formatter: (v: number) => formatNumber(v) } },
    series: [
      {
        type: 'bar',
        name: '最新值',
        barMaxWidth: 36,
        data: rows.map((c) => ({
          value: c.latest!.value,
          itemStyle: { color: STATUS_COLORS[c.status ?? 'insufficient_data'] },
        })),
        label: { show: true, position: 'top', fontSize: 11, formatter: (p) => formatNumber(Number(p.value), decimals) },
      },
    ],
  };
}

/** A sparkline: the line alone, no axes. */
export function sparklineOption(points: readonly { year: number; value: number }[], color: string = '#1d5fa8'): ChartOption {
  return {
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'value', show: false, min: 'dataMin', max: 'dataMax' },
    yAxis: { type: 'value', show: false, scale: true },
    series: [{ type: 'line', data: points.map((p) => [p.year, p.value]), symbol: 'none', lineStyle: { width: 2, color }, areaStyle: { color, opacity: 0.08 }, silent: true }],
  };
}
