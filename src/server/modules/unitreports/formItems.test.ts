import { describe, expect, it } from 'vitest';
import { areaGroups, areaNote, indicatorGroups, topDepartmentOf, type IndicatorFacts } from './formItems';

const women = '大连市妇女发展规划（2021—2030年）';
const children = '大连市儿童发展规划（2021—2030年）';
const ind = (id: number, area: IndicatorFacts['area'], extra: Partial<IndicatorFacts> = {}): IndicatorFacts => ({
  id, name: `指标${id}`, unit: '%', decimals: 1, area, latest: { year: 2024, value: id }, status: 'on_track', basis: '本级规划目标', ...extra,
});

describe('form building: a department’s indicators by plan area', () => {
  it.each<[string, IndicatorFacts[], [string | null, string, string[]][]]>([
    ['nothing responsible: no groups', [], []],
    [
      'areas in plan order, the area number deciding within a plan, indicators in the order given',
      [ind(3, { planTitle: women, no: 2, title: '妇女与教育' }), ind(1, { planTitle: women, no: 1, title: '妇女与健康' }), ind(2, { planTitle: women, no: 2, title: '妇女与教育' })],
      [[women, '妇女与健康', ['indicator:1']], [women, '妇女与教育', ['indicator:3', 'indicator:2']]],
    ],
    [
      'an indicator no plan links to goes last, in its own group',
      [ind(9, null), ind(4, { planTitle: women, no: 1, title: '妇女与健康' })],
      [[women, '妇女与健康', ['indicator:4']], [null, '未关联规划的指标', ['indicator:9']]],
    ],
    [
      'two plans: by title',
      [ind(5, { planTitle: women, no: 1, title: '妇女与健康' }), ind(6, { planTitle: children, no: 1, title: '儿童与健康' })],
      [[children, '儿童与健康', ['indicator:6']], [women, '妇女与健康', ['indicator:5']]],
    ],
  ])('%s', (_name, input, expected) => {
    expect(indicatorGroups(input).map((g) => [g.planTitle, g.title, g.items.map((i) => i.key)])).toEqual(expected);
  });

  it('carries the latest value, status and basis of each indicator; no data stays null', () => {
    const [group] = indicatorGroups([ind(7, null, { latest: null, status: 'insufficient_data', basis: null })]);
    expect(group!.items[0]).toEqual({ key: 'indicator:7', kind: 'indicator', name: '指标7', unit: '%', latest: null, decimals: 1, status: 'insufficient_data', note: null });
  });
});

describe('form building: a lower committee’s areas', () => {
  it.each<[string, Parameters<typeof areaNote>[0], string]>([
    ['no indicators', [], '暂无可评估的指标'],
    ['all achieved', ['achieved', 'achieved'], '2 项指标：已实现 2 项；达标率 100.0%'],
    ['mixed, data lacking left out of the rate', ['achieved', 'limited', 'insufficient_data'], '3 项指标：已实现 1 项、进展缓慢 1 项、数据不足 1 项；达标率 50.0%'],
    ['nothing assessable', ['insufficient_data'], '1 项指标：数据不足 1 项'],
  ])('%s', (_name, statuses, note) => {
    expect(areaNote(statuses)).toBe(note);
  });

  it('lists each plan’s areas in order, the worst status speaking for an area', () => {
    const groups = areaGroups([
      { planTitle: '西岗区妇女发展规划', no: 2, title: '妇女与教育', statuses: ['achieved'] },
      { planTitle: '西岗区妇女发展规划', no: 1, title: '妇女与健康', statuses: ['achieved', 'deterioration', 'insufficient_data'] },
      { planTitle: '西岗区妇女发展规划', no: 3, title: '妇女与经济', statuses: [] },
    ]);
    expect(groups.map((g) => [g.title, g.items.map((i) => [i.key, i.name, i.status])])).toEqual([
      ['西岗区妇女发展规划', [['area:西岗区妇女发展规划#1', '妇女与健康', 'deterioration'], ['area:西岗区妇女发展规划#2', '妇女与教育', 'achieved'], ['area:西岗区妇女发展规划#3', '妇女与经济', null]]],
    ]);
  });
});

describe('the top department a department reports along', () => {
  const counterparts = new Map<number, number | null>([[1, null], [10, 1], [100, 10], [7, 8], [8, 7]]);
  it.each([
    [1, 1],
    [10, 1],
    [100, 1],
    [55, 55],
  ])('department %i → %i', (from, to) => expect(topDepartmentOf(from, counterparts)).toBe(to));
  it('stops on a loop in bad data', () => expect([7, 8]).toContain(topDepartmentOf(7, counterparts)));
});
