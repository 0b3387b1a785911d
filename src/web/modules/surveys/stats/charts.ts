import type { ChartOption } from '../../analytics/charts/echarts';

/** Horizontal bars, one per category, labelled with count and share. */
export function categoryBars(categories: { label: string; count: number; share?: number }[]): ChartOption {
  const rows = [...categories].reverse();
  return {
    grid: { left: 8, right: 80, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((c) => c.label) },
    tooltip: { trigger: 'axis' },
    series: [{
      type: 'bar',
      data: rows.map((c) => c.count),
      itemStyle: { color: '#c41d7f' },
      label: { show: true, position: 'right', formatter: (p) => { const c = rows[p.dataIndex]!; return c.share === undefined ? `${c.count}` : `${c.count}（${(c.share * 100).toFixed(1)}%）`; } },
    }],
  };
}

/** A histogram: bars side by side over the value bins. */
export function histogramBars(bins: { label: string; count: number }[]): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: bins.map((b) => b.label) },
    yAxis: { type: 'value', minInterval: 1 },
    tooltip: { trigger: 'axis' },
    series: [{ type: 'bar', data: bins.map((b) => b.count), barCategoryGap: '4%', itemStyle: { color: '#1677ff' } }],
  };
}
