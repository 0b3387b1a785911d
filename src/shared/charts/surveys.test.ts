import { describe, expect, it } from 'vitest';
import type { PieSeriesOption } from './types';
import { categoryBars, categoryPie, choiceChartOf } from './surveys';

const categories = [
  { label: '知道', count: 30, share: 0.75 },
  { label: '不知道', count: 10, share: 0.25 },
  { label: '说不清', count: 0, share: 0 },
];

describe('survey charts', () => {
  it.each([
    ['single', undefined, 'pie'],
    ['single', 'bar', 'bar'],
    ['rating', undefined, 'bar'],
    ['region', 'pie', 'pie'],
    ['multiple', 'pie', 'bar'],
  ] as const)('a %s question picked as %s is drawn as %s', (type, picked, chart) => {
    expect(choiceChartOf(type, picked)).toBe(chart);
  });

  it('a pie leaves out categories nobody chose and labels slices with count and share', () => {
    const series = categoryPie(categories).series as PieSeriesOption[];
    expect(series[0]!.data).toEqual([{ name: '知道', value: 30 }, { name: '不知道', value: 10 }]);
    const formatter = series[0]!.label!.formatter as (p: { name: string; dataIndex: number }) => string;
    expect(formatter({ name: '不知道', dataIndex: 1 })).toBe('不知道\n10（25.0%）');
  });

  it('bars list every category, first on top', () => {
    const option = categoryBars(categories);
    expect((option.yAxis as { data: string[] }).data).toEqual(['说不清', '不知道', '知道']);
  });
});
