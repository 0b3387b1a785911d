import { describe, expect, it } from 'vitest';
import type { IndicatorDto } from '../../../../shared/api/indicators';
import { fieldOf, NEW_INDICATOR, toForm, toInput } from './indicatorForm';

const element = (id: number, code: string, name: string, categories: '' | 'sex' = '') => ({ id, code, name, unit: '人', valueType: 'count' as const, categories });

const STORED: IndicatorDto = {
  id: 7, code: 'W02_051', name: '九年义务教育巩固率', aliases: [], unit: '%', direction: 'higher', definition: '定义', caliber: null, categories: 'sex',
  formula: { type: 'ratio', numerator: element(1, 'EDU9_GRADUATES', '初中毕业班学生数', 'sex'), denominator: element(2, 'EDU9_ENTRANTS', '入学时学生数', 'sex'), factor: 100 },
  responsibleDepartmentId: 12, responsibleDept: '教育局', dataSource: '教育事业统计', baselineYear: null, baselineValue: null, minValue: 0, maxValue: 100,
  yoyThreshold: null, tolerance: null, decimals: 2, published: true, targets: [{ year: 2030, comparator: '>=', value: 97, baseYear: null }],
  planTargetId: 3, source: null, isDemo: true, updatedAt: '',
};

describe('indicator form', () => {
  it('round-trips a stored indicator', () => {
    const { id, planTargetId, source, isDemo, updatedAt, responsibleDept, ...input } = STORED;
    expect(toInput(toForm(STORED))).toEqual({
      ...input,
      formula: { type: 'ratio', numerator: { code: 'EDU9_GRADUATES', name: '初中毕业班学生数', unit: '人', valueType: 'count', categories: 'sex' }, denominator: { code: 'EDU9_ENTRANTS', name: '入学时学生数', unit: '人', valueType: 'count', categories: 'sex' }, factor: 100 },
    });
  });

  it('trims, upper-cases codes, empties to null, and gives elements the indicator’s parts', () => {
    const input = toInput({
      ...NEW_INDICATOR, code: ' w01_x ', name: ' 新指标 ', unit: ' ', definition: '', sex: true, area: true, formulaType: 'direct',
      value: { code: 'rate_x', name: '比率', unit: '%', valueType: 'rate', categories: 'sex' },
      targets: [{ year: 2030, comparator: '~', value: 55 }],
    });
    expect(input).toMatchObject({
      code: 'W01_X', name: '新指标', unit: null, definition: null, categories: 'sex,area',
      formula: { type: 'direct', value: { code: 'RATE_X', categories: 'sex,area' } },
      targets: [{ year: 2030, comparator: '~', value: 55, baseYear: null }],
    });
  });

  it('turns the 按年龄组 checkbox into the age category, in canonical order with the others', () => {
    const form = { ...NEW_INDICATOR, code: 'C01', name: '儿童', formulaType: 'direct' as const, age: true, sex: true, value: { code: 'V', name: '值', valueType: 'rate' as const } };
    const input = toInput(form);
    expect([input.categories, input.formula.type === 'direct' && input.formula.value.categories]).toEqual(['sex,age', 'sex,age']);
    expect(toForm({ ...STORED, categories: 'area,age' })).toMatchObject({ sex: false, area: true, age: true });
  });

  it('keeps an element’s own parts when the indicator asks for fewer', () => {
    const form = { ...toForm(STORED), sex: false };
    const input = toInput(form);
    expect([input.categories, input.formula.type === 'ratio' && input.formula.numerator.categories]).toEqual(['', 'sex']);
  });

  it.each<[string | undefined, (string | number)[] | undefined]>([
    ['formula.numerator.code', ['numerator', 'code']],
    ['formula.value.categories', ['value', 'categories']],
    ['formula.factor', ['factor']],
    ['formula', ['formulaType']],
    ['targets.1.value', ['targets', 1, 'value']],
    ['body.responsibleDepartmentId', ['responsibleDepartmentId']],
    ['categories', ['sex']],
    ['', undefined],
    [undefined, undefined],
  ])('puts a server error about %s on %j', (path, field) => {
    expect(fieldOf(path)).toEqual(field);
  });
});
