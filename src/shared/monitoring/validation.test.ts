import { describe, expect, it } from 'vitest';
import { blocksSubmission, indicatorValue, optionsOf, validateIndicator, type Cell, type DataElementInfo, type IndicatorRules } from './validation';

const DEATHS = 1;
const BIRTHS = 2;
const RATE = 3;
const elements = new Map<number, DataElementInfo>([
  [DEATHS, { id: DEATHS, name: '孕产妇死亡数', valueType: 'count' }],
  [BIRTHS, { id: BIRTHS, name: '活产数', valueType: 'count' }],
  [RATE, { id: RATE, name: '孕产妇系统管理率', valueType: 'rate' }],
]);

const mmr: IndicatorRules = {
  name: '孕产妇死亡率', unit: '/10万', formulaType: 'ratio', valueDeId: null, numeratorDeId: DEATHS, denominatorDeId: BIRTHS,
  factor: 100000, minValue: null, maxValue: 100, yoyThreshold: 30,
};
const managed: IndicatorRules = {
  name: '孕产妇系统管理率', unit: '%', formulaType: 'direct', valueDeId: RATE, numeratorDeId: null, denominatorDeId: null,
  factor: 1, minValue: null, maxValue: null, yoyThreshold: 5,
};
const c = (dataElementId: number, option: Cell['option'], value: number | null, comment?: string): Cell => ({ dataElementId, option, value, comment });

describe('validateIndicator', () => {
  it.each<[string, IndicatorRules, Cell[], Cell[], { rule: string; severity: string; message: string }[]]>([
    ['clean ratio data', mmr, [c(DEATHS, 'total', 5), c(BIRTHS, 'total', 60000)], [], []],
    ['a percentage above 100', managed, [c(RATE, 'total', 101)], [], [
      { rule: 'range', severity: 'error', message: '孕产妇系统管理率（合计）为 101%，超出合理范围 0～100' },
    ]],
    ['a rate above the indicator maximum', mmr, [c(DEATHS, 'total', 90), c(BIRTHS, 'total', 60000)], [], [
      { rule: 'range', severity: 'error', message: '孕产妇死亡率（合计）为 150/10万，超出合理范围 0～100' },
    ]],
    ['numerator above denominator', mmr, [c(DEATHS, 'total', 7), c(BIRTHS, 'total', 5)], [], [
      { rule: 'range', severity: 'error', message: '孕产妇死亡率（合计）为 140000/10万，超出合理范围 0～100' },
      { rule: 'ratio', severity: 'error', message: '孕产妇死亡数（7）不能大于活产数（5）' },
    ]],
    ['a fractional count and a negative count', mmr, [c(DEATHS, 'total', 1.5), c(BIRTHS, 'total', -3)], [], [
      { rule: 'integer', severity: 'error', message: '孕产妇死亡数（合计）应为整数（1.5）' },
      { rule: 'nonnegative', severity: 'error', message: '活产数（合计）不能为负数（-3）' },
    ]],
    ['sex parts that do not add up to the total', mmr, [c(BIRTHS, 'total', 100), c(BIRTHS, 'female', 40), c(BIRTHS, 'male', 50)], [], [
      { rule: 'parts', severity: 'error', message: '活产数：女（40）＋男（50）＝90，与合计（100）不一致' },
    ]],
    ['sex parts of a rate are not summed', managed, [c(RATE, 'total', 95), c(RATE, 'female', 96), c(RATE, 'male', 94)], [], []],
    ['a year-on-year jump beyond the threshold', managed, [c(RATE, 'total', 80)], [c(RATE, 'total', 95)], [
      { rule: 'yoy', severity: 'warning', message: '孕产妇系统管理率（合计）为 80，较上年（95）变化 -15.8%，超过 5% 的提示阈值，请填写说明' },
    ]],
    ['a change within the threshold', managed, [c(RATE, 'total', 93)], [c(RATE, 'total', 95)], []],
    ['a jump from zero', mmr, [c(DEATHS, 'total', 3), c(BIRTHS, 'total', 60000)], [c(DEATHS, 'total', 0), c(BIRTHS, 'total', 59000)], [
      { rule: 'yoy', severity: 'warning', message: '孕产妇死亡率（合计）为 5，较上年（0）变化 由 0 变为非 0，超过 30% 的提示阈值，请填写说明' },
    ]],
  ])('%s', (_name, rules, cells, previous, expected) => {
    const issues = validateIndicator(rules, elements, cells, previous);
    expect(issues.map(({ rule, severity, message }) => ({ rule, severity, message }))).toEqual(expected);
  });

  it('a comment answers a warning but not an error', () => {
    const warned = validateIndicator(managed, elements, [c(RATE, 'total', 80, '统计口径调整')], [c(RATE, 'total', 95)]);
    expect(warned[0]!.commented).toBe(true);
    expect(blocksSubmission(warned)).toBe(false);
    expect(blocksSubmission(validateIndicator(managed, elements, [c(RATE, 'total', 80)], [c(RATE, 'total', 95)]))).toBe(true);
    expect(blocksSubmission(validateIndicator(managed, elements, [c(RATE, 'total', 120, '说明')], []))).toBe(true);
  });

  it('computes a ratio indicator from its parts, and nothing from a zero denominator', () => {
    expect(indicatorValue(mmr, [c(DEATHS, 'total', 6), c(BIRTHS, 'total', 80000)], 'total')).toBe(7.5);
    expect(indicatorValue(mmr, [c(DEATHS, 'total', 6), c(BIRTHS, 'total', 0)], 'total')).toBeNull();
  });
});

describe('age-group parts (0–14, 15–59, 60+) add up to the total', () => {
  const births = (total: number, ...parts: (number | null)[]) => [
    c(BIRTHS, 'total', total),
    ...(['age0_14', 'age15_59', 'age60'] as const).map((o, i) => c(BIRTHS, o, parts[i] ?? null)),
  ];
  it.each<[string, Cell[], string[]]>([
    ['three parts that add up', births(100, 10, 60, 30), []],
    ['three parts short of the total', births(100, 10, 60, 20), ['活产数：0–14岁（10）＋15–59岁（60）＋60岁及以上（20）＝90，与合计（100）不一致']],
    ['three parts above the total', births(100, 10, 60, 31), ['活产数：0–14岁（10）＋15–59岁（60）＋60岁及以上（31）＝101，与合计（100）不一致']],
    ['a missing part is not checked', births(100, 10, 60, null), []],
    ['sex and age parts checked each on its own', [...births(100, 10, 60, 30), c(BIRTHS, 'female', 40), c(BIRTHS, 'male', 50)], ['活产数：女（40）＋男（50）＝90，与合计（100）不一致']],
  ])('%s', (_name, cells, expected) => {
    expect(validateIndicator(mmr, elements, cells, []).filter((i) => i.rule === 'parts').map((i) => i.message)).toEqual(expected);
  });

  it('age parts of a rate are not summed', () => {
    const cells = [c(RATE, 'total', 95), c(RATE, 'age0_14', 99), c(RATE, 'age15_59', 96), c(RATE, 'age60', 90)];
    expect(validateIndicator(managed, elements, cells, [])).toEqual([]);
  });

  it('lists the options of categories in display order', () => {
    expect(optionsOf('age')).toEqual(['total', 'age0_14', 'age15_59', 'age60']);
    expect(optionsOf(['age', 'sex'])).toEqual(['total', 'female', 'male', 'age0_14', 'age15_59', 'age60']);
    expect(optionsOf('')).toEqual(['total']);
    expect(optionsOf('sex,area')).toEqual(['total', 'female', 'male', 'urban', 'rural']);
  });
});
