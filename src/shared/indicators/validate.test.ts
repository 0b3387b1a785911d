import { describe, expect, it } from 'vitest';
import { IndicatorInput, type DataElementInputDto, type IndicatorInputDto } from '../api/indicators';

const element = (code: string, over: Partial<DataElementInputDto> = {}): DataElementInputDto => ({
  code, name: `${code}名称`, unit: '人', valueType: 'count', categories: '', ...over,
});

const valid: IndicatorInputDto = {
  code: 'W01_022',
  name: '孕产妇死亡率',
  unit: '/10万',
  direction: 'lower',
  definition: null,
  caliber: null,
  categories: '',
  formula: { type: 'ratio', numerator: element('MAT_DEATHS'), denominator: element('LIVE_BIRTHS'), factor: 100_000 },
  responsibleDepartmentId: 3,
  dataSource: null,
  baselineYear: 2020,
  baselineValue: 7.16,
  minValue: null,
  maxValue: null,
  yoyThreshold: null,
  tolerance: null,
  decimals: 2,
  published: false,
  targets: [{ year: 2025, comparator: '<=', value: 9, baseYear: null }],
};

const issuesOf = (input: unknown) => {
  const parsed = IndicatorInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('indicator input rules', () => {
  it('accepts a valid ratio indicator', () => {
    expect(issuesOf(valid)).toEqual([]);
  });

  it.each<[string, Partial<IndicatorInputDto>]>([
    ['age groups', { categories: 'age', formula: { type: 'direct', value: element('AA', { valueType: 'rate', categories: 'age' }) } }],
    ['age groups of a ratio, elements reporting more', { categories: 'age', formula: { type: 'ratio', numerator: element('AA', { categories: 'sex,area,age' }), denominator: element('BB', { categories: 'area,age' }), factor: 100 } }],
    ['sex and age groups', { categories: 'sex,age', formula: { type: 'direct', value: element('AA', { valueType: 'rate', categories: 'sex,age' }) } }],
  ])('accepts %s', (_name, change) => {
    expect(issuesOf({ ...valid, ...change })).toEqual([]);
  });

  it.each<[string, Partial<IndicatorInputDto>, [string, string][]]>([
    ['a lower-case code', { code: 'w01' }, [['code', '指标代码应以大写字母开头，只含大写字母、数字和下划线，共 2–32 位']]],
    ['an empty name', { name: '  ' }, [['name', '请填写指标名称']]],
    [
      'a rate in a ratio',
      { formula: { type: 'ratio', numerator: element('AA', { valueType: 'rate' }), denominator: element('BB'), factor: 100 } },
      [['formula.numerator.valueType', '分子数据元素应为可加总的人数/个数或数量，不能是率/比例']],
    ],
    [
      'the same element on both sides',
      { formula: { type: 'ratio', numerator: element('AA'), denominator: element('AA'), factor: 100 } },
      [['formula.denominator.code', '分母数据元素不能与分子相同']],
    ],
    ['a zero factor', { formula: { type: 'ratio', numerator: element('AA'), denominator: element('BB'), factor: 0 } }, [['formula.factor', '系数应大于 0']]],
    [
      'sex parts the elements do not report',
      { categories: 'sex', formula: { type: 'direct', value: element('AA', { valueType: 'rate' }) } },
      [['formula.value.categories', '指标按性别分组，数值数据元素“AA名称”也须按性别填报']],
    ],
    [
      'age groups the elements do not report',
      { categories: 'sex,age', formula: { type: 'ratio', numerator: element('AA', { categories: 'sex,age' }), denominator: element('BB', { categories: 'sex' }), factor: 100 } },
      [['formula.denominator.categories', '指标按性别和年龄组分组，分母数据元素“BB名称”也须按性别和年龄组填报']],
    ],
    ['a category set out of canonical order', { categories: 'age,sex' as never }, [['categories', '分组应为不分组、按性别、按城乡、按年龄组、按性别和城乡、按性别和年龄组、按城乡和年龄组、按性别、城乡和年龄组之一']]],
    ['a baseline year without a value', { baselineValue: null }, [['baselineValue', '基线年份和基线值应同时填写或同时留空']]],
    ['min above max', { minValue: 10, maxValue: 1 }, [['maxValue', '最大值不能小于最小值']]],
    [
      'a duplicate target year and a missing value',
      { targets: [{ year: 2025, comparator: '<=', value: 9, baseYear: null }, { year: 2025, comparator: '<=', value: null, baseYear: null }] },
      [['targets.1.year', '目标年份 2025 重复'], ['targets.1.value', '2025 年目标值：定量目标必须填写目标值']],
    ],
    ['a base year after the target year', { targets: [{ year: 2025, comparator: '>=', value: 10, baseYear: 2026 }] }, [['targets.0.baseYear', '2025 年目标的基期年份应早于目标年份']]],
    ['seven decimals', { decimals: 7 }, [['decimals', '小数位数应在 0–6 之间']]],
  ])('refuses %s, naming the field', (_name, change, expected) => {
    expect(issuesOf({ ...valid, ...change })).toEqual(expected);
  });
});
