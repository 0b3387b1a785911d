import { describe, expect, it } from 'vitest';
import { aggregateGrid, buildUnitIndex, emptyGrid, seriesOf, type AggregationRule } from './cube';

// 1 city ← 2, 3 districts; 3 ← 4, 5 streets.
const index = buildUnitIndex([
  { id: 4, parentId: 3 },
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 5, parentId: 3 },
]);
const years = { first: 2024, count: 2 };

type Report = [unitId: number, year: number, num: number, den?: number];

function run(rule: AggregationRule, reports: Report[], factor = 100) {
  const grid = emptyGrid(index.ids.length, years, rule === 'ratio');
  for (const [unitId, year, num, den] of reports) {
    const at = index.indexOf.get(unitId)! * years.count + (year - years.first);
    grid.num[at] = num;
    if (grid.den) grid.den[at] = den!;
  }
  const out = aggregateGrid(index, years, grid, rule, factor);
  return (unitId: number, year = 2024) => {
    const at = index.indexOf.get(unitId)! * years.count + (year - years.first);
    return { value: Number.isNaN(out.value[at]) ? null : out.value[at], fromSubUnits: out.fromSubUnits[at] === 1 };
  };
}

describe('buildUnitIndex', () => {
  it('orders every child before its parent', () => {
    const order = [...index.postOrder].map((p) => index.ids[p]);
    expect(order).toHaveLength(5);
    for (const [child, parent] of [[2, 1], [3, 1], [4, 3], [5, 3]]) expect(order.indexOf(child)).toBeLessThan(order.indexOf(parent));
  });
});

describe('aggregateGrid', () => {
  it.each<[string, AggregationRule, Report[], number, number | null, boolean]>([
    // 10/100 and 90/300: ratio of sums 100/400 = 25%, not the mean of rates 20%
    ['ratio of sums over districts', 'ratio', [[2, 2024, 10, 100], [3, 2024, 90, 300]], 1, 25, true],
    // 西岗 from its streets: (5 + 15) / (50 + 50) = 20%, then the city (10 + 20) / (100 + 100) = 15%
    ['ratio of sums through two levels (district)', 'ratio', [[2, 2024, 10, 100], [4, 2024, 5, 50], [5, 2024, 15, 50]], 3, 20, true],
    ['ratio of sums through two levels (city)', 'ratio', [[2, 2024, 10, 100], [4, 2024, 5, 50], [5, 2024, 15, 50]], 1, 15, true],
    // the city's own report wins over the sum of its parts
    ['own report first', 'ratio', [[1, 2024, 33, 100], [2, 2024, 10, 100], [3, 2024, 90, 300]], 1, 33, false],
    // district 3 never reports: the city is district 2's figure
    ['a sub-unit that never reports is not waited for', 'ratio', [[2, 2024, 10, 100]], 1, 10, true],
    // district 3 reports in 2025 only: no 2024 roll-up over district 2 alone
    ['no roll-up over part of the sub-units', 'ratio', [[2, 2024, 10, 100], [2, 2025, 20, 100], [3, 2025, 0, 100]], 1, null, false],
    ['zero denominator gives no value', 'ratio', [[2, 2024, 0, 0]], 2, null, false],
    ['sums counts', 'sum', [[2, 2024, 7], [4, 2024, 1], [5, 2024, 2]], 1, 10, true],
    // a sum over some districts would understate the city
    ['no partial sums', 'sum', [[2, 2024, 7], [3, 2025, 1]], 1, null, false],
    ['rates without parts do not add up', 'none', [[2, 2024, 7], [3, 2024, 9]], 1, null, false],
    ['no data, no value', 'ratio', [], 1, null, false],
  ])('%s', (_name, rule, reports, unitId, value, fromSubUnits) => {
    const at = run(rule, reports, rule === 'ratio' ? 100 : 1)(unitId);
    if (value === null) expect(at.value).toBeNull();
    else expect(at.value).toBeCloseTo(value, 9);
    expect(at.fromSubUnits).toBe(fromSubUnits);
  });

  it('keeps years apart', () => {
    const at = run('ratio', [[2, 2024, 10, 100], [3, 2024, 30, 100], [2, 2025, 20, 100], [3, 2025, 0, 100]]);
    expect([at(1, 2024).value, at(1, 2025).value]).toEqual([20, 10]);
  });
});

describe('seriesOf', () => {
  it('lists the years with a value from a given year on', () => {
    const grid = emptyGrid(index.ids.length, { first: 2020, count: 4 }, false);
    const pos = index.indexOf.get(2)!;
    grid.num.set([1, Number.NaN, 3, 4], pos * 4);
    const out = aggregateGrid(index, { first: 2020, count: 4 }, grid, 'sum', 1);
    expect(seriesOf(out, pos, { first: 2020, count: 4 })).toEqual([[2020, 1], [2022, 3], [2023, 4]]);
    expect(seriesOf(out, pos, { first: 2020, count: 4 }, 2022)).toEqual([[2022, 3], [2023, 4]]);
  });
});
