import type { Attainment } from '../evaluation/attainment';
import { ATTAINMENT_LABELS } from '../evaluation/attainment';
import type { ChartOption } from './types';

/** 达标 green, 基本达标 gold, 未达标 red, 无法评估 grey: apart in grey print too. */
export const ATTAINMENT_CHART_COLORS: Record<Attainment, string> = { met: '#389e0d', partly: '#d4b106', not_met: '#cf1322', unassessable: '#8c8c8c' };

export interface AreaAttainment {
  title: string;
  counts: Record<Attainment, number>;
}

/** Goals by attainment per area, as stacked horizontal bars (the evaluation report's figure). */
export function areaAttainmentOption(areas: readonly AreaAttainment[]): ChartOption {
  const rows = [...areas].reverse();
  const order: Attainment[] = ['met', 'partly', 'not_met', 'unassessable'];
  return {
    grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: 'same' },
    legend: { top: 0, data: order.map((a) => ATTAINMENT_LABELS[a]) },
    xAxis: { type: 'value', minInterval: 1, name: '目标数' },
    yAxis: { type: 'category', data: rows.map((a) => a.title), axisLabel: { width: 160, overflow: 'truncate' } },
    series: order.map((a) => ({
      type: 'bar', name: ATTAINMENT_LABELS[a], stack: 'goals', barMaxWidth: 26, itemStyle: { color: ATTAINMENT_CHART_COLORS[a] },
      data: rows.map((r) => r.counts[a]), label: { show: true, formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : '') },
    })),
  };
}
