import { describe, expect, it } from 'vitest';
import type { IndicatorDto } from '../../../shared/api/indicators';
import { areaOf, factorLabel, filterIndicators, formulaText, indicatorCounts, NO_FILTERS, targetText } from './format';

const element = (code: string, name: string) => ({ id: 1, code, name, unit: '人', valueType: 'count' as const, categories: '' as const });

const indicator = (over: Partial<IndicatorDto>): IndicatorDto => ({
  id: 1, code: 'W01_022', name: '孕产妇死亡率', aliases: [], unit: '/10万', direction: 'lower', definition: null, caliber: null, categories: '',
  formula: { type: 'ratio', numerator: element('MAT_DEATHS', '孕产妇死亡人数'), denominator: element('LIVE_BIRTHS', '活产数'), factor: 100_000 },
  responsibleDepartmentId: 11, responsibleDept: '卫健委', dataSource: null, baselineYear: null, baselineValue: null, minValue: null, maxValue: null,
  yoyThreshold: null, tolerance: null, decimals: 2, published: false, targets: [], planTargetId: 5,
  source: { planId: 1, planTitle: '大连市妇女发展规划', orgUnitId: 1, areaNo: 1, areaTitle: '妇女与健康', goalNo: 2, goalText: '', indicator: '孕产妇死亡率', quote: '' },
  isDemo: false, updatedAt: '',
  ...over,
});

const LIST = [
  indicator({}),
  indicator({ id: 2, code: 'W02_051', name: '九年义务教育巩固率', responsibleDepartmentId: 12, responsibleDept: '教育局', formula: { type: 'direct', value: element('EDU9', '巩固率') },
    source: { planId: 1, planTitle: '', orgUnitId: 1, areaNo: 2, areaTitle: '妇女与教育', goalNo: 5, goalText: '', indicator: '', quote: '' } }),
  indicator({ id: 3, code: 'X1', name: '自定义指标', responsibleDepartmentId: null, responsibleDept: null, planTargetId: null, source: null }),
];

describe('indicator list helpers', () => {
  it.each<[number, string]>([[100, '100'], [1000, '1000'], [100_000, '10万'], [1, '1']])('factor %d → × %s', (factor, label) => {
    expect(factorLabel(factor)).toBe(label);
  });

  it('writes formulas and targets in words', () => {
    expect(formulaText(LIST[0]!.formula)).toBe('孕产妇死亡人数 ÷ 活产数 × 10万');
    expect(formulaText(LIST[1]!.formula)).toBe('直接取值：巩固率');
    expect(targetText(LIST[0]!, { year: 2025, comparator: '<=', value: 9, baseYear: null })).toBe('≤ 9/10万 · 2025');
    expect(areaOf(LIST[0]!)).toBe('（一）妇女与健康');
    expect(areaOf(LIST[2]!)).toBe('未关联规划');
  });

  it.each<[string, Partial<typeof NO_FILTERS>, string[]]>([
    ['nothing', {}, ['W01_022', 'W02_051', 'X1']],
    ['code text', { text: 'w02' }, ['W02_051']],
    ['name text', { text: '死亡' }, ['W01_022']],
    ['area', { area: '（二）妇女与教育' }, ['W02_051']],
    ['unlinked', { area: '未关联规划' }, ['X1']],
    ['department', { dept: '卫健委' }, ['W01_022']],
    ['no department', { dept: '' }, ['X1']],
    ['formula', { formula: 'direct' }, ['W02_051']],
  ])('filters by %s', (_name, filters, codes) => {
    expect(filterIndicators(LIST, { ...NO_FILTERS, ...filters }).map((i) => i.code)).toEqual(codes);
  });

  it('counts', () => {
    expect(indicatorCounts(LIST)).toEqual({ total: 3, ratio: 2, direct: 1, linked: 2 });
  });
});
