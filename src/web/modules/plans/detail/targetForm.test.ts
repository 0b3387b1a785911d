import { describe, expect, it } from 'vitest';
import { isQualitative, toInput } from './targetForm';

describe('toInput', () => {
  it('trims text and turns cleared fields into null', () => {
    expect(toInput({ indicator: ' 孕产妇系统管理率 ', comparator: '>=', value: 95, unit: '  ', year: undefined })).toEqual({
      indicator: '孕产妇系统管理率',
      comparator: '>=',
      value: 95,
      unit: null,
      year: null,
      baseYear: null,
    });
  });

  it('keeps a unit typed by hand', () => {
    expect(toInput({ indicator: '孕产妇死亡率', comparator: '<=', value: 9, unit: '/10万', year: 2025 }).unit).toBe('/10万');
  });
});

describe('isQualitative', () => {
  it('is true only for direction-only comparators', () => {
    expect(isQualitative('increase')).toBe(true);
    expect(isQualitative('decrease')).toBe(true);
    expect(isQualitative('~')).toBe(false);
  });
});
