import { describe, expect, it } from 'vitest';
import type { IndicatorAnalyticsDto } from '../api';
import { STATUS_COLORS } from '../status';
import { areaStatusOption, PART_COLORS, trendOption } from './options';

const point = (year: number, value: number) => ({ year, value, numerator: null, denominator: null, source: 'reported' as const });

const indicator: IndicatorAnalyticsDto = {
  indicator: {
    id: 1, code: 'W01', name: '孕产妇系统管理率', unit: '%', direction: 'higher', definition: null, caliber: null, dataSource: null,
    responsibleDept: null, formula: '', decimals: 2, published: true, area: null,
  },
  orgUnit: { id: 1, name: '大连市', level: 'city' },
  scope: 'approved',
  series: [
    { option: 'female', optionName: '女', points: [point(2020, 90), point(2024, 93)] },
    { option: 'total', optionName: '合计', points: [point(2020, 90), point(2022, 91), point(2024, 92)] },
  ],
  targets: [
    {
      year: 2030, comparator: '>=', value: 95, baseYear: null,
      assessment: {
        status: 'on_track', ratio: 1.1, projected: 95.1, targetValue: 95, baseline: { year: 2020, value: 90 }, latest: { year: 2024, value: 92 },
        cagrObserved: 0.0055, cagrRequired: 0.0054, reason: '',
      },
    },
  ],
  children: [],
  milestone: 2030,
};

describe('trend chart option', () => {
  const option = trendOption(indicator);
  const series = option.series as { name: string; data: unknown[]; markLine?: { data: { yAxis: number }[] }; lineStyle?: { type?: string } }[];

  it('draws the total first with the target lines, then the parts', () => {
    expect(series.map((s) => s.name)).toEqual(['合计', '女', '预计至2030年']);
    expect(series[0]!.markLine!.data.map((d) => d.yAxis)).toEqual([95]);
  });

  it('projects from the latest value to the milestone, dashed', () => {
    const projection = series[2]!;
    expect(projection.lineStyle?.type).toBe('dashed');
    expect(projection.data).toEqual([{ value: [2024, 92], symbol: 'none' }, [2030, 95.1]]);
  });

  it('spans the years through the last target', () => {
    expect(option.xAxis).toMatchObject({ min: 2020, max: 2030 });
  });

  it('draws each age group in a colour of its own', () => {
    const ages = (['age0_14', 'age15_59', 'age60'] as const).map((o, i) => ({ option: o, optionName: `组${i}`, points: [point(2024, 90 + i)] }));
    const drawn = trendOption({ ...indicator, series: [...indicator.series, ...ages], targets: [] }).series as { name: string; itemStyle: { color: string } }[];
    const colours = drawn.filter((s) => s.name.startsWith('组')).map((s) => s.itemStyle.color);
    expect(colours).toEqual([PART_COLORS.age0_14, PART_COLORS.age15_59, PART_COLORS.age60]);
    expect(new Set(Object.values(PART_COLORS)).size).toBe(Object.keys(PART_COLORS).length);
  });
});

describe('area status chart option', () => {
  it('stacks one series per status in the status colours', () => {
    const option = areaStatusOption([
      {
        planTitle: '妇女规划', no: 1, title: '（一）妇女与健康', indicators: [],
        statusCounts: { achieved: 3, on_track: 1, moderate: 0, limited: 2, deterioration: 0, insufficient_data: 1 },
      },
    ]);
    const series = option.series as { name: string; stack: string; data: number[]; itemStyle: { color: string } }[];
    expect(series.map((s) => s.name)).toEqual(['已实现', '进展顺利', '需加快', '进展缓慢', '出现倒退', '数据不足']);
    expect(series[0]).toMatchObject({ stack: 'status', data: [3], itemStyle: { color: STATUS_COLORS.achieved } });
    expect(option.yAxis).toMatchObject({ data: ['妇女与健康'] });
  });
});
