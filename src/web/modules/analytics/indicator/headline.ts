import type { IndicatorAnalyticsDto } from '../api';

/** The status shown next to an indicator's name: the assessed milestone's target, else the first. */
export function headlineStatus(data: IndicatorAnalyticsDto) {
  const target = data.targets.find((t) => t.year === data.milestone) ?? data.targets[0];
  return target?.assessment.status ?? null;
}

/** The total's latest point. */
export function latestPoint(data: IndicatorAnalyticsDto) {
  return data.series.find((s) => s.option === 'total')?.points.reduce<{ year: number; value: number } | null>((best, p) => (!best || p.year > best.year ? p : best), null) ?? null;
}

/** “2025年” when every sub-unit's latest value is of one year, else “最新数据”, to title the comparison. */
export function childrenYear(data: IndicatorAnalyticsDto): string {
  const years = new Set(data.children.flatMap((c) => (c.latest ? [c.latest.year] : [])));
  return years.size === 1 ? `${[...years][0]}年` : '各单位最新数据';
}
