import { PROGRESS_STATUSES, STATUS_LABELS } from '../analytics/progress';
import type { IndicatorAnalyticsDto, OverviewDto } from '../api/analytics';
import { formatNumber } from '../format';
import { valueAxisBounds } from './axis';
import { PART_COLORS, PROJECTION_COLOR, STATUS_COLORS, TARGET_COLOR, TOTAL_COLOR } from './colors';
import type { BarSeriesOption, ChartOption, LineSeriesOption } from './types';

/*
 * ECharts options of the analytics charts, as pure functions of the API's answers: the web draws
 * them on a canvas, the documents service renders the same options to images for the reports. The
 * series use the status colours so charts, tags and the scorecard read the same.
 */

const AXIS_LABEL = { color: '#4b5563' };

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
    grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: 'same' },
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

/**
 * A value line. The parts (女/男, 城/乡, age groups) often run on top of the total, so the total is a
 * broad pale band drawn underneath and each part a thin line with its own marker drawn over it:
 * all of them stay visible where they meet.
 */
function valueLine(s: Series, partIndex: number): LineSeriesOption {
  const data = s.points.map((p) => [p.year, p.value]);
  if (s.option === 'total') {
    return {
      type: 'line', name: '合计', data, z: 2,
      symbol: 'circle', symbolSize: 9,
      lineStyle: { width: 6, color: TOTAL_COLOR, opacity: 0.35 },
      itemStyle: { color: TOTAL_COLOR, opacity: 0.6 },
    };
  }
  return {
    type: 'line', name: s.optionName, data, z: 3,
    symbol: PART_SYMBOLS[partIndex % PART_SYMBOLS.length], symbolSize: 7,
    lineStyle: { width: 2 },
    itemStyle: { color: PART_COLORS[s.option] },
  };
}

/** Markers told apart in print, where colours may be grey. */
const PART_SYMBOLS = ['emptyCircle', 'emptyTriangle', 'emptyRect', 'emptyDiamond'] as const;

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
  const ordered = [...data.series].sort((a, b) => (a.option === 'total' ? -1 : b.option === 'total' ? 1 : 0));
  const series: LineSeriesOption[] = ordered.map((s, i) => valueLine(s, ordered[0]?.option === 'total' ? i - 1 : i));

  const values = data.targets.flatMap((t) => (t.assessment.targetValue === null ? [] : [t.assessment.targetValue]));
  const [lowest, highest] = [Math.min(...values), Math.max(...values)];
  // Two targets close together (2025 and 2030) would print their labels over each other: the upper
  // label sits above its line, the lower one below its line.
  const labelSide = (value: number) => (values.length < 2 || lowest === highest ? {} : value === highest ? { verticalAlign: 'bottom' as const } : value === lowest ? { verticalAlign: 'top' as const } : {});
  const targetLines = data.targets
    .filter((t) => t.assessment.targetValue !== null)
    .map((t) => ({ yAxis: t.assessment.targetValue!, name: `${t.year}年目标`, label: { formatter: `${t.year}年目标\n${fmt(t.assessment.targetValue!)}`, ...labelSide(t.assessment.targetValue!) } }));
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
      lineStyle: { type: 'dashed', width: 2, color: PROJECTION_COLOR },
      itemStyle: { color: PROJECTION_COLOR },
      symbol: 'emptyCircle',
      symbolSize: 6,
    });
  }

  // The axis holds the target lines and the projection too, not only the series.
  const drawn = [
    ...data.series.flatMap((s) => s.points.map((p) => p.value)),
    ...targetLines.map((t) => t.yAxis),
    ...(projected ? [projected.assessment.projected!] : []),
  ];
  const bounds = valueAxisBounds(drawn, { percent: unit === '%' });

  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? fmt(v) : '—') },
    legend: { top: 0 },
    // Room on the right for the target lines' labels; axis labels kept inside the grid's box.
    grid: { left: 8, right: targetLines.length > 0 ? 84 : 24, top: 40, bottom: 8, outerBoundsMode: 'same' },
    xAxis: { type: 'value', min: from, max: to, minInterval: 1, interval: to - from > 12 ? 2 : 1, axisLabel: { ...AXIS_LABEL, formatter: (v: number) => `${v}年` } },
    yAxis: { type: 'value', ...(bounds ?? { scale: true }), name: unit ?? '', axisLabel: { ...AXIS_LABEL, formatter: (v: number) => formatNumber(v) } },
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
    grid: { left: 8, right: 16, top: 32, bottom: 8, outerBoundsMode: 'same' },
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
