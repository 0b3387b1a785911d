import { describe, expect, it } from 'vitest';
import { assessTarget, measureTarget, progressSeries, progressSummary, type AnalyticsIndicator, type TargetSpec } from './catalogue';
import { buildUnitIndex } from './engine/cube';
import { FactBase } from './facts';

// 1 city ← 2, 3 districts; 3 ← 4 street. One reported value per unit and year, with gaps.
const index = buildUnitIndex([
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: 3 },
]);
const years = { first: 2020, count: 6 };
const VALUE_DE = 7;
const TOTAL_OPTION = 1;

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function sequence(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function factsFor(seed: number): FactBase {
  const next = sequence(seed);
  const rows: [unit: number, year: number, value: number][] = [];
  for (let unit = 0; unit < index.ids.length; unit++) {
    for (let y = 0; y < years.count; y++) if (next() < 0.7) rows.push([unit, years.first + y, next() < 0.1 ? 0 : Math.round(next() * 1000) / 10]);
  }
  const values = {
    unit: Int32Array.from(rows.map((r) => r[0])),
    year: Int32Array.from(rows.map((r) => r[1])),
    option: Uint8Array.from(rows.map(() => TOTAL_OPTION)),
    value: Float64Array.from(rows.map((r) => r[2])),
    seat: new Int32Array(rows.length),
  };
  return new FactBase('test', index, years, new Map([[VALUE_DE, values]]), new Map([[VALUE_DE, 'number']]), new Map([[TOTAL_OPTION, 'total']]), new Set());
}

const indicator = (baselineYear: number | null, baselineValue: number | null): AnalyticsIndicator => ({
  id: 1, code: 'T01', name: '测试指标', unit: '%', direction: 'higher', definition: null, caliber: null, dataSource: null, decimals: 1,
  published: true, baselineYear, baselineValue, tolerance: null, yoyThreshold: null, area: null, kind: null, targets: [], formula: '',
  formulaType: 'direct', valueDeId: VALUE_DE, numeratorDeId: null, denominatorDeId: null, factor: 1, categories: [], responsibleDept: null,
});

const TARGETS: TargetSpec[] = [
  { year: 2025, comparator: '>=', value: 60, baseYear: null },
  { year: 2030, comparator: '<=', value: 20, baseYear: null },
  { year: 2030, comparator: '~', value: 50, baseYear: null },
  { year: 2030, comparator: '>=', value: 10, baseYear: 2020 },
  { year: 2030, comparator: '<=', value: -5, baseYear: 2021 },
  { year: 2030, comparator: 'increase', value: null, baseYear: null },
  { year: 2030, comparator: 'decrease', value: 2, baseYear: null },
  { year: 2022, comparator: '>=', value: 99, baseYear: null },
];
const BASELINES: [number | null, number | null][] = [[null, null], [2019, 40], [2020, 45], [2021, 50], [2022, null]];

describe('progressSummary', () => {
  it('judges every unit and target exactly as the assessment of its full series does', () => {
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const facts = factsFor(seed);
      for (const [baselineYear, baselineValue] of BASELINES) {
        const spec = indicator(baselineYear, baselineValue);
        const grids = facts.grids(spec, 'all');
        for (let unitPos = 0; unitPos < index.ids.length; unitPos++) {
          for (const target of TARGETS) {
            const { reason, ...full } = assessTarget(spec, target, progressSeries(facts, grids, spec, unitPos));
            const { basis, ...measured } = measureTarget(spec, target, progressSummary(facts, grids, spec, unitPos, target.baseYear));
            expect(reason.length).toBeGreaterThan(0);
            expect(basis.length).toBeGreaterThan(0);
            expect(measured, `seed ${seed}, baseline ${baselineYear}, unit ${index.ids[unitPos]}, target ${JSON.stringify(target)}`).toEqual(full);
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(40 * BASELINES.length * index.ids.length * TARGETS.length);
  });
});
