import { describe, expect, it } from 'vitest';
import type { Comparator } from '../plan-text/types';
import { directionFromComparator, draftIndicator, guessDepartment, indicatorCode, indicatorTargets, type PlanTargetLike } from './fromPlan';

const target = (over: Partial<PlanTargetLike>): PlanTargetLike => ({
  id: 1, indicator: '孕产妇死亡率', comparator: '<=', value: 9, unit: '/10万', year: null, baseYear: null, ...over,
});

describe('directionFromComparator', () => {
  it.each<[Comparator, string]>([
    ['>=', 'higher'],
    ['=', 'higher'],
    ['increase', 'higher'],
    ['<=', 'lower'],
    ['decrease', 'lower'],
    ['~', 'band'],
  ])('%s → %s', (comparator, direction) => {
    expect(directionFromComparator(comparator)).toBe(direction);
  });
});

describe('indicatorCode', () => {
  it.each<[string, Parameters<typeof indicatorCode>, string]>([
    ['women, area 1, goal 2, first', ['women', 1, 2, 1, new Set()], 'W01_021'],
    ['second indicator of the goal', ['women', 1, 2, 2, new Set()], 'W01_022'],
    ['children, two-digit numbers', ['children', 7, 11, 3, new Set()], 'C07_113'],
    ['taken code counts on', ['women', 1, 2, 1, new Set(['W01_021', 'W01_022'])], 'W01_023'],
    ['past nine', ['women', 4, 10, 9, new Set(['W04_109'])], 'W04_1010'],
  ])('%s', (_name, args, code) => {
    expect(indicatorCode(...args)).toBe(code);
  });
});

describe('guessDepartment', () => {
  const names = ['卫健委', '教育局', '人社局', '医保局', '民政局', '农业农村局', '体育局'];
  const known = new Map(names.map((name, i) => [name, 100 + i]));
  it.each<[string, string, string | null]>([
    ['妇女与健康', '孕产妇死亡率', '卫健委'],
    ['妇女与健康', '妇女经常参加体育锻炼的人数比例', '体育局'],
    ['妇女与教育', '九年义务教育巩固率', '教育局'],
    ['妇女与经济', '就业人员中的女性比例', '人社局'],
    ['妇女与社会保障', '妇女基本医疗保险参保率', '医保局'],
    ['妇女与社会保障', '妇女基本养老保险参保率', '人社局'],
    ['妇女参与决策和管理', '村委会成员中女性比例', '民政局'],
    ['妇女与环境', '农村自来水普及率', '农业农村局'],
    // 组织部 and 生态环境局 are not member departments here: rather none than a wrong one.
    ['妇女参与决策和管理', '各级各类事业单位领导班子成员中的女性比例', null],
    ['妇女与环境', '城市集中式饮用水水源水质达到或优于III类标准的比例', null],
    ['其他', '某指标', null],
  ])('%s / %s → %s', (area, indicator, dept) => {
    expect(guessDepartment(area, indicator, known)).toBe(dept === null ? null : known.get(dept));
  });
});

describe('indicatorTargets', () => {
  it.each<[string, PlanTargetLike[], ReturnType<typeof indicatorTargets>]>([
    [
      'milestones give one target a year',
      [target({ year: 2025, value: 9 }), target({ year: 2030, value: 8 })],
      [{ year: 2025, comparator: '<=', value: 9, baseYear: null }, { year: 2030, comparator: '<=', value: 8, baseYear: null }],
    ],
    ['no year → the plan’s end', [target({ comparator: '>=', value: 95, unit: '%' })], [{ year: 2030, comparator: '>=', value: 95, baseYear: null }]],
    [
      'two on one year: the first stays',
      [target({ comparator: '>=', value: 98 }), target({ comparator: '>=', value: 100 })],
      [{ year: 2030, comparator: '>=', value: 98, baseYear: null }],
    ],
    [
      'relative targets keep their base year, sorted by year',
      [target({ comparator: '>=', value: 10, year: 2030, baseYear: 2022 }), target({ comparator: '>=', value: 10, year: 2025, baseYear: 2019 })],
      [{ year: 2025, comparator: '>=', value: 10, baseYear: 2019 }, { year: 2030, comparator: '>=', value: 10, baseYear: 2022 }],
    ],
    ['qualitative', [target({ comparator: 'increase', value: null, unit: null })], [{ year: 2030, comparator: 'increase', value: null, baseYear: null }]],
  ])('%s', (_name, targets, expected) => {
    expect(indicatorTargets(targets, 2030)).toEqual(expected);
  });
});

describe('draftIndicator', () => {
  it('drafts a direct indicator over one rate, aimed as the plan says', () => {
    const draft = draftIndicator([target({ year: 2025, value: 9 }), target({ year: 2030, value: 8 })], {
      code: 'W01_022', periodEnd: 2030, responsibleDepartmentId: 7,
    });
    expect(draft).toMatchObject({
      code: 'W01_022',
      name: '孕产妇死亡率',
      unit: '/10万',
      direction: 'lower',
      responsibleDepartmentId: 7,
      formula: { type: 'direct', value: { code: 'W01_022', name: '孕产妇死亡率', unit: '/10万', valueType: 'rate', categories: '' } },
      targets: [{ year: 2025, value: 9 }, { year: 2030, value: 8 }],
    });
  });

  it.each<[string, PlanTargetLike[], string | null, string]>([
    ['a count unit reports a count', [target({ indicator: '女干部人数', comparator: '>=', value: 1, unit: '名' })], '名', 'count'],
    ['a relative target’s % is the unit only when nothing else has one', [target({ comparator: '>=', value: 10, unit: '%', baseYear: 2019 })], '%', 'rate'],
    ['no unit', [target({ comparator: 'increase', value: null, unit: null })], null, 'rate'],
  ])('%s', (_name, targets, unit, valueType) => {
    const draft = draftIndicator(targets, { code: 'W01_011', periodEnd: 2030, responsibleDepartmentId: null });
    expect([draft.unit, draft.formula.type === 'direct' && draft.formula.value.valueType]).toEqual([unit, valueType]);
  });
});
