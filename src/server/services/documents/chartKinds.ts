import type { EChartsCoreOption } from 'echarts/core';
import { areaAttainmentOption } from '../../../shared/charts/evaluation';
import { trendOption } from '../../../shared/charts/options';
import { categoryBars, categoryPie, histogramBars } from '../../../shared/charts/surveys';
import type { ChartSize } from './charts';

/*
 * The charts a document can hold, by name: the shared options the web draws (src/shared/charts).
 * A document names the chart and gives its data, and the chart pool (./chartPool) builds the
 * option where it draws it: options carry formatter functions, which cannot cross to a worker.
 */
export const CHART_KINDS = {
  trend: trendOption,
  areaAttainment: areaAttainmentOption,
  categoryBars,
  categoryPie,
  histogramBars,
} satisfies Record<string, (input: never) => EChartsCoreOption>;

export type ChartName = keyof typeof CHART_KINDS;

/** A chart to draw: which one, from what, at what size (CSS pixels). */
export type ChartJob = { [K in ChartName]: { name: K; input: Parameters<(typeof CHART_KINDS)[K]>[0]; size: ChartSize } }[ChartName];

export function chartOption(job: ChartJob): EChartsCoreOption {
  return (CHART_KINDS[job.name] as (input: ChartJob['input']) => EChartsCoreOption)(job.input);
}
