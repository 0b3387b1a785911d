import { describe, expect, it } from 'vitest';
import { areaLabel, chineseNumeral, formatPeriod, formatTarget } from './format';

const base = { value: null, unit: null, year: null, baseYear: null };

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [8, '八'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [37, '三十七'],
  ])('%i → %s', (n, text) => expect(chineseNumeral(n)).toBe(text));

  it('leaves numbers it cannot spell as digits', () => {
    expect(chineseNumeral(120)).toBe('120');
  });
});

describe('areaLabel', () => {
  it('numbers a bare title', () => expect(areaLabel(1, '妇女与健康')).toBe('（一）妇女与健康'));
  it('does not number a title twice', () => expect(areaLabel(2, '(二) 妇女与教育')).toBe('（二）妇女与教育'));
});

describe('formatPeriod', () => {
  it('uses an em dash', () => expect(formatPeriod(2021, 2030)).toBe('2021—2030年'));
});

describe('formatTarget', () => {
  it('formats a minimum with milestone year', () => {
    expect(formatTarget({ ...base, comparator: '>=', value: 95, unit: '%', year: 2025 })).toBe('≥ 95% · 2025');
  });
  it('formats a maximum rate per 100,000', () => {
    expect(formatTarget({ ...base, comparator: '<=', value: 9, unit: '/10万', year: 2025 })).toBe('≤ 9/10万 · 2025');
  });
  it('formats a band without year', () => {
    expect(formatTarget({ ...base, comparator: '~', value: 55, unit: '%' })).toBe('≈ 55%');
  });
  it('keeps decimals but drops float noise', () => {
    expect(formatTarget({ ...base, comparator: '=', value: 84.04000000001, unit: '岁' })).toBe('= 84.04岁');
  });
  it('takes the wording of qualitative targets from the quote', () => {
    expect(formatTarget({ ...base, comparator: 'increase', quote: '乳腺癌人群筛查率逐步提高' })).toBe('↑ 逐步提高');
    expect(formatTarget({ ...base, comparator: 'decrease', quote: '新生儿死亡率明显降低' })).toBe('↓ 明显降低');
    expect(formatTarget({ ...base, comparator: 'decrease', quote: '妇女焦虑障碍、抑郁症患病率上升趋势减缓' })).toBe('↓ 减缓');
    expect(formatTarget({ ...base, comparator: 'decrease', quote: '儿童超重、肥胖上升趋势得到有效控制' })).toBe('↓ 有效控制');
  });
  it('formats full coverage as 100%', () => {
    expect(formatTarget({ ...base, comparator: '=', value: 100, unit: '%', quote: '力争实现全覆盖' })).toBe('= 100%');
  });
  it('falls back to a plain verb', () => {
    expect(formatTarget({ ...base, comparator: 'increase', quote: '' })).toBe('↑ 提高');
    expect(formatTarget({ ...base, comparator: 'decrease' })).toBe('↓ 降低');
  });
  it('formats relative targets against the base year', () => {
    expect(formatTarget({ ...base, comparator: 'increase', value: 10, unit: '%', baseYear: 2019 })).toBe('较2019年 +10%');
    expect(formatTarget({ ...base, comparator: 'decrease', value: -5, unit: null, baseYear: 2020, year: 2025 })).toBe(
      '较2020年 -5% · 2025',
    );
  });
});
