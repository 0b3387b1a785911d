import { describe, expect, it } from 'vitest';
import type { IndicatorAnalyticsDto } from '../api/analytics';
import { PART_COLORS, STATUS_COLORS } from './colors';
import { areaStatusOption, trendOption } from './options';

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
  targetBasis: null,
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

  it.each([
    ['one target: its label centred on the line', [95], [undefined]],
    ['2025 and 2030 close together: the upper label above its line, the lower one below', [93, 95], ['top', 'bottom']],
    ['a falling target: the same by value, whichever year', [9, 8], ['bottom', 'top']],
    ['the same value twice: nothing to keep apart', [90, 90], [undefined, undefined]],
  ])('places target labels apart: %s', (_, values, sides) => {
    const targets = values.map((value, i) => ({ ...indicator.targets[0]!, year: 2025 + 5 * i, value, assessment: { ...indicator.targets[0]!.assessment, targetValue: value } }));
    const lines = (trendOption({ ...indicator, targets }).series as { markLine?: { data: { label: { verticalAlign?: string } }[] } }[])[0]!.markLine!.data;
    expect(lines.map((l) => l.label.verticalAlign)).toEqual(sides);
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

describe('trend chart: everything drawn is readable', () => {
  type Drawn = { name: string; z: number; symbol?: string; lineStyle: { width: number } };

  it('widens the value axis to the target line and the projection, not only the data', () => {
    // Values 55–62 with a target of 70 (the case users found): the line was off the chart.
    const offAxis: IndicatorAnalyticsDto = {
      ...indicator,
      series: [{ option: 'total', optionName: '合计', points: [point(2020, 55), point(2022, 58), point(2024, 62)] }],
      targets: [{ ...indicator.targets[0]!, value: 70, assessment: { ...indicator.targets[0]!.assessment, targetValue: 70, projected: 66.5, latest: { year: 2024, value: 62 } } }],
    };
    const yAxis = trendOption(offAxis).yAxis as { min: number; max: number };
    expect(yAxis.min).toBeLessThanOrEqual(55);
    expect(yAxis.max).toBeGreaterThanOrEqual(70);
    expect(yAxis.max).toBeLessThanOrEqual(100);

    const falling = { ...offAxis, targets: [{ ...offAxis.targets[0]!, assessment: { ...offAxis.targets[0]!.assessment, projected: 40 } }] };
    expect((trendOption(falling).yAxis as { min: number }).min).toBeLessThanOrEqual(40);
  });

  it('draws the parts over the total, each with a marker of its own', () => {
    const male = { option: 'male' as const, optionName: '男', points: [point(2020, 90), point(2024, 91)] };
    const drawn = trendOption({ ...indicator, series: [...indicator.series, male] }).series as Drawn[];
    const [total, female, maleLine] = drawn;
    expect([total!.name, female!.name, maleLine!.name]).toEqual(['合计', '女', '男']);
    expect(female!.z).toBeGreaterThan(total!.z);
    expect(maleLine!.z).toBeGreaterThan(total!.z);
    expect(total!.lineStyle.width).toBeGreaterThan(female!.lineStyle.width);
    expect(female!.symbol).not.toBe(maleLine!.symbol);
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
