import { describe, expect, it } from 'vitest';
import { formatRate, formatRatio, formatShare, formatValue, targetText, withoutClosingStop } from './format';

describe('analytics number formats', () => {
  it('shows a value with its indicator decimals and unit', () => {
    expect(formatValue(95.856, 2, '%')).toBe('95.86%');
    expect(formatValue(4.1125, 2, '/10万')).toBe('4.11/10万');
    expect(formatValue(83.5, 1, '岁')).toBe('83.5 岁');
    expect(formatValue(1234, 0, null)).toBe('1,234');
    expect(formatValue(null, 2, '%')).toBe('—');
  });

  it('shows growth rates, shares and ratios', () => {
    expect(formatRate(0.015591)).toBe('+1.56%');
    expect(formatRate(-0.002)).toBe('−0.20%');
    expect(formatRate(null)).toBe('—');
    expect(formatShare(15 / 47)).toBe('31.9%');
    expect(formatRatio(0.3712)).toBe('0.37');
  });
});

describe('withoutClosingStop', () => {
  it.each([
    ['数据与监测结果一致。', '数据与监测结果一致'],
    ['已整改；', '已整改'],
    ['  已核实 。 ', '已核实'],
    ['2025年达到88%', '2025年达到88%'],
    ['。', ''],
  ])('%s → %s', (text, expected) => {
    expect(withoutClosingStop(text)).toBe(expected);
  });
});

describe('targetText', () => {
  it.each([
    [{ comparator: '>=', value: 95, baseYear: null }, 1, '%', '≥ 95.0%'],
    [{ comparator: '<=', value: 9, baseYear: null }, 2, '/10万', '≤ 9.00/10万'],
    [{ comparator: 'increase', value: null, baseYear: null }, 1, '%', '↑ 提高'],
    // Relative to the base year: the value is a change in per cent, not in the indicator's unit.
    [{ comparator: '<=', value: -20, baseYear: 2020 }, 2, '/10万', '比2020年下降20%'],
    [{ comparator: '>=', value: 10, baseYear: 2019 }, 1, '%', '比2019年提高10%'],
  ])('%o → %s', (target, decimals, unit, text) => expect(targetText(target, decimals, unit)).toBe(text));
});
