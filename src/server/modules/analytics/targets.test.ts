import { describe, expect, it } from 'vitest';
import { targetBasisLabel } from '../../../shared/analytics/targetBasis';
import { indexPlanTargets, resolveTargets, type LinkedPlanTarget, type PlanKind, type TargetIndicator } from './targets';

// 大连市 ─ 中山区, 西岗区 ─ 人民广场街道
const units = new Map([
  [1, { id: 1, name: '大连市', parentId: null }],
  [2, { id: 2, name: '中山区', parentId: 1 }],
  [3, { id: 3, name: '西岗区', parentId: 1 }],
  [4, { id: 4, name: '人民广场街道', parentId: 3 }],
]);
const cityTargets = [{ year: 2030, comparator: '>=' as const, value: 95, baseYear: null }];
const women: TargetIndicator = { id: 10, kind: 'women', targets: cityTargets };

const target = (orgUnitId: number, value: number, over: Partial<LinkedPlanTarget> = {}): LinkedPlanTarget => ({
  indicatorId: 10, planId: orgUnitId * 10, planTitle: `规划${orgUnitId}`, planKind: 'women' as PlanKind, planStatus: 'adopted', periodEnd: 2030,
  orgUnitId, year: 2030, comparator: '>=', value, baseYear: null, ...over,
});

type Case = [string, TargetIndicator, number, LinkedPlanTarget[], { label: string | null; values: (number | null)[]; plan?: string | null }];
const cases: Case[] = [
  ['own plan: 中山区 judged against its 96%', women, 2, [target(2, 96)], { label: '本级规划目标', values: [96], plan: '规划2' }],
  ['no own plan: the city’s 95% stands in', women, 2, [target(3, 97)], { label: '沿用大连市规划目标', values: [95], plan: null }],
  ['street without a plan: the district’s (parent)', women, 4, [target(3, 97)], { label: '沿用西岗区规划目标', values: [97] }],
  ['street, district without one either: the city’s (grandparent)', women, 4, [], { label: '沿用大连市规划目标', values: [95] }],
  ['the city itself: the dictionary’s targets, its own', women, 1, [target(2, 96)], { label: '本级规划目标', values: [95] }],
  ['none anywhere', { ...women, targets: [] }, 2, [], { label: null, values: [] }],
  ['a repealed plan is ignored', women, 2, [target(2, 96, { planStatus: 'repealed' })], { label: '沿用大连市规划目标', values: [95] }],
  ['a draft plan is ignored', women, 2, [target(2, 96, { planStatus: 'draft' })], { label: '沿用大连市规划目标', values: [95] }],
  ['a filed plan counts', women, 2, [target(2, 96, { planStatus: 'filed' })], { label: '本级规划目标', values: [96] }],
  ['two plans of different kinds: the indicator’s kind speaks', women, 2,
    [target(2, 99, { planId: 21, planKind: 'children', planTitle: '中山区儿童发展规划' }), target(2, 96, { planId: 22, planTitle: '中山区妇女发展规划' })],
    { label: '本级规划目标', values: [96], plan: '中山区妇女发展规划' }],
  ['only a plan of the other kind: not the unit’s target', women, 2, [target(2, 99, { planKind: 'children' })], { label: '沿用大连市规划目标', values: [95] }],
  ['an indicator made from no plan takes a plan of any kind', { ...women, kind: null }, 2, [target(2, 99, { planKind: 'children' })], { label: '本级规划目标', values: [99] }],
  ['two plans of one kind in force: the one ending last', women, 2,
    [target(2, 90, { planId: 5, periodEnd: 2020, year: 2020 }), target(2, 96, { planId: 6 })], { label: '本级规划目标', values: [96] }],
  ['a target without a year is for the plan’s end; the first of a year stays', women, 2,
    [target(2, 96, { year: null }), target(2, 98, { year: null }), target(2, 90, { year: 2025 })], { label: '本级规划目标', values: [90, 96] }],
  ['another indicator’s plan target does not count', women, 2, [target(2, 96, { indicatorId: 11 })], { label: '沿用大连市规划目标', values: [95] }],
];

describe('resolveTargets', () => {
  it.each(cases)('%s', (_, indicator, unitId, rows, expected) => {
    const { targets, basis } = resolveTargets(indicator, unitId, units, indexPlanTargets(rows));
    expect(basis ? targetBasisLabel(basis) : null).toBe(expected.label);
    expect(targets.map((t) => t.value)).toEqual(expected.values);
    if (expected.plan !== undefined) expect(basis?.planTitle).toBe(expected.plan);
  });
});
