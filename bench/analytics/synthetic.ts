/**
 * National-scale synthetic data for `npm run bench:analytics`: a 4-level tree of org units, ratio
 * indicators disaggregated by sex with two targets each, and reported numerators and denominators
 * at the county level only, as the parallel typed columns FactBase is built from. Seeded, so every
 * run sees the same data.
 */
import type { AnalyticsIndicator, TargetSpec } from '../../src/server/modules/analytics/catalogue';
import type { FactBase } from '../../src/server/modules/analytics/facts';
import type { OptionCode } from '../../src/shared/monitoring/validation';
import { seededRandom } from '../random';

export const FIRST_YEAR = 2016;
export const YEARS = 10;
export const BASELINE_YEAR = 2020;
export const OPTION_IDS = { total: 1, female: 2, male: 3 } as const;
/**
 * Share of (county, indicator) never reported, numerators and denominators of both sexes in no
 * year: the roll-up does not wait for such a county (aggregateGrid waits only for sub-units that
 * have a figure in some year), so a plain ratio of sums over the stored rows is the same figure.
 */
export const NEVER_REPORTED_SHARE = 0.02;

export type ElementValues = ConstructorParameters<typeof FactBase>[3] extends Map<number, infer V> ? V : never;

export interface SyntheticData {
  /** Ordered by id, as the app loads them; positions in a UnitIndex built from them are array indices. */
  nodes: { id: number; parentId: number | null }[];
  levels: { national: number; provinces: number; cities: number; counties: number };
  indicators: AnalyticsIndicator[];
  /** By data element id; the numerator and denominator of an indicator share their unit/year/option columns. */
  values: Map<number, ElementValues>;
  valueTypes: Map<number, string>;
  optionCodes: Map<number, OptionCode>;
  /** Stored values (each numerator and each denominator counts once). */
  valueCount: number;
}


const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

export function generate(options: { units: number; indicators: number; seed: number }): SyntheticData {
  const rnd = seededRandom(options.seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rnd();

  // 1 national unit, 31 provinces, 300 cities (round-robin over the provinces), the rest counties (over the cities).
  const provinces = 31;
  const cities = 300;
  const counties = options.units - 1 - provinces - cities;
  if (counties < cities) throw new Error(`BENCH_UNITS=${options.units} is too small for 4 levels`);
  const nodes: SyntheticData['nodes'] = [{ id: 1, parentId: null }];
  for (let p = 0; p < provinces; p++) nodes.push({ id: 2 + p, parentId: 1 });
  for (let c = 0; c < cities; c++) nodes.push({ id: 2 + provinces + c, parentId: 2 + (c % provinces) });
  for (let k = 0; k < counties; k++) nodes.push({ id: 2 + provinces + cities + k, parentId: 2 + provinces + (k % cities) });
  const firstCounty = 1 + provinces + cities;

  // A county's population, shared by its indicators (each indicator's denominator is a share of it).
  const population = Float64Array.from({ length: counties }, () => Math.round(between(80_000, 1_200_000)));

  const indicators: AnalyticsIndicator[] = [];
  const values = new Map<number, ElementValues>();
  const valueTypes = new Map<number, string>();
  const capacity = counties * YEARS * 2;
  let valueCount = 0;

  for (let i = 0; i < options.indicators; i++) {
    const id = i + 1;
    const numeratorDeId = 2 * i + 1;
    const denominatorDeId = 2 * i + 2;
    // Two in three are rates to raise (coverage, enrolment), one in three rates to bring down.
    const higher = i % 3 !== 2;
    const level = higher ? between(25, 80) : between(15, 55);
    const trend = higher ? between(-0.3, 1.6) : between(-1.6, 0.3); // percentage points a year
    const sexGap = between(-6, 6);
    const share = between(0.02, 0.3);

    const unit = new Int32Array(capacity);
    const year = new Int32Array(capacity);
    const option = new Uint8Array(capacity);
    const num = new Float64Array(capacity);
    const den = new Float64Array(capacity);
    let n = 0;
    for (let k = 0; k < counties; k++) {
      if (rnd() < NEVER_REPORTED_SHARE) continue;
      const offset = between(-12, 12);
      const localTrend = trend + between(-0.9, 0.9);
      const base = population[k]! * share;
      const growth = between(-0.015, 0.02);
      for (let y = 0; y < YEARS; y++) {
        for (const [sex, half, gap] of [[OPTION_IDS.female, 0.49, sexGap / 2], [OPTION_IDS.male, 0.51, -sexGap / 2]] as const) {
          const d = Math.max(1, Math.round(base * half * (1 + growth) ** y * between(0.97, 1.03)));
          const rate = clamp(level + offset + localTrend * y + gap + between(-1.5, 1.5), 1, 99);
          unit[n] = firstCounty + k;
          year[n] = FIRST_YEAR + y;
          option[n] = sex;
          num[n] = Math.round((d * rate) / 100);
          den[n++] = d;
        }
      }
    }
    // Written by no seat: the bench assesses all stored data.
    const columns = { unit: unit.subarray(0, n), year: year.subarray(0, n), option: option.subarray(0, n), seat: new Int32Array(n) };
    values.set(numeratorDeId, { ...columns, value: num.subarray(0, n) });
    values.set(denominatorDeId, { ...columns, value: den.subarray(0, n) });
    valueTypes.set(numeratorDeId, 'count').set(denominatorDeId, 'count');
    valueCount += 2 * n;

    // Targets around the national trend line, some ahead of it and some behind, so that the statuses spread.
    const comparator = higher ? '>=' : '<=';
    const onLine = (year: number) => level + trend * (year - FIRST_YEAR);
    const targets: TargetSpec[] = [{ year: 2025, comparator, value: round1(clamp(onLine(2025) + between(-4, 5) * (higher ? 1 : -1), 1, 99)), baseYear: null }];
    if (i % 10 === 9) targets.push({ year: 2030, comparator: higher ? 'increase' : 'decrease', value: null, baseYear: null });
    else if (i % 5 === 4) targets.push({ year: 2030, comparator, value: higher ? 15 : -15, baseYear: BASELINE_YEAR }); // relative to 2020
    else targets.push({ year: 2030, comparator, value: round1(clamp(onLine(2030) + between(-6, 8) * (higher ? 1 : -1), 1, 99)), baseYear: null });

    indicators.push({
      id, code: `B${String(id).padStart(3, '0')}`, name: `基准指标${id}`, unit: '%', direction: higher ? 'higher' : 'lower',
      formulaType: 'ratio', valueDeId: null, numeratorDeId, denominatorDeId, factor: 100, categories: ['sex'], responsibleDept: null,
      definition: null, caliber: null, dataSource: null, decimals: 1, published: true, baselineYear: BASELINE_YEAR, baselineValue: null,
      tolerance: null, yoyThreshold: null, area: null, kind: null, targets, formula: '分子 ÷ 分母 × 100',
    });
  }

  const optionCodes = new Map<number, OptionCode>(Object.entries(OPTION_IDS).map(([code, optionId]) => [optionId, code as OptionCode]));
  return { nodes, levels: { national: 1, provinces, cities, counties }, indicators, values, valueTypes, optionCodes, valueCount };
}
