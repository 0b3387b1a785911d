import { describe, expect, it } from 'vitest';
import type { Comparator } from '../plan-text/types';
import { compareFilingTargets, type ComparedTarget, type ComparisonVerdict, type WeakerReason } from './filingComparison';

let nextId = 1;
const t = (indicatorId: number | null, comparator: Comparator, value: number | null, year = 2030, extra: Partial<ComparedTarget> = {}): ComparedTarget => ({
  targetId: nextId++, indicatorId, indicator: `指标${indicatorId ?? '?'}`, comparator, value, unit: '%', year, baseYear: null, ...extra,
});

describe('compareFilingTargets: one city target against the district', () => {
  const cases: [string, ComparedTarget, ComparedTarget[], ComparisonVerdict, WeakerReason[]][] = [
    ['higher-better, same bar', t(1, '>=', 95), [t(1, '>=', 95)], 'meets', []],
    ['higher-better, higher bar', t(1, '>=', 95), [t(1, '>=', 96)], 'meets', []],
    ['higher-better, lower bar', t(1, '>=', 95), [t(1, '>=', 90)], 'weaker', ['lower_bar']],
    ['lower-better, lower bar is stronger', t(1, '<=', 9, 2030, { unit: '/10万' }), [t(1, '<=', 8, 2030, { unit: '/10万' })], 'meets', []],
    ['lower-better, higher ceiling is weaker', t(1, '<=', 9, 2030, { unit: '/10万' }), [t(1, '<=', 10, 2030, { unit: '/10万' })], 'weaker', ['lower_bar']],
    ['later year', t(1, '>=', 95, 2025), [t(1, '>=', 95, 2030)], 'weaker', ['later_year']],
    ['later year and lower bar', t(1, '>=', 95, 2025), [t(1, '>=', 90, 2030)], 'weaker', ['lower_bar', 'later_year']],
    ['earlier year, same bar', t(1, '>=', 95, 2030), [t(1, '>=', 95, 2025)], 'meets', []],
    ['the district target at or before the city year answers it', t(1, '>=', 95, 2025), [t(1, '>=', 97, 2030), t(1, '>=', 95, 2025)], 'meets', []],
    ['missing indicator', t(1, '>=', 95), [t(2, '>=', 95)], 'weaker', ['missing']],
    ['band, same value', t(1, '~', 50), [t(1, '~', 50)], 'meets', []],
    ['band, other value', t(1, '~', 50), [t(1, '~', 48)], 'different', []],
    ['equality as a band', t(1, '=', 100), [t(1, '=', 100)], 'meets', []],
    ['other units', t(1, '>=', 95), [t(1, '>=', 950, 2030, { unit: '‰' })], 'incomparable', []],
    ['other directions', t(1, '>=', 95), [t(1, '<=', 95)], 'incomparable', []],
    ['relative increase, bigger rise', t(1, 'increase', 10, 2030, { baseYear: 2020 }), [t(1, 'increase', 12, 2030, { baseYear: 2020 })], 'meets', []],
    ['relative decrease, smaller fall is weaker', t(1, 'decrease', -10, 2030, { baseYear: 2020 }), [t(1, 'decrease', -5, 2030, { baseYear: 2020 })], 'weaker', ['lower_bar']],
    ['relative, other base year', t(1, 'increase', 10, 2030, { baseYear: 2020 }), [t(1, 'increase', 10, 2030, { baseYear: 2021 })], 'incomparable', []],
    ['qualitative city target, any rise meets it', t(1, 'increase', null), [t(1, '>=', 60)], 'meets', []],
    ['numeric city bar, district without a value', t(1, 'decrease', -10, 2030, { baseYear: 2020 }), [t(1, 'decrease', null, 2030, { baseYear: 2020 })], 'weaker', ['lower_bar']],
    ['city target not linked', t(null, '>=', 95), [t(1, '>=', 95)], 'unlinked', []],
    ['district target of the same name not linked: not called missing', t(1, '>=', 95), [t(null, '>=', 90, 2030, { indicator: '指标1' })], 'unlinked', []],
  ];
  it.each(cases)('%s', (_name, city, district, verdict, reasons) => {
    const [row] = compareFilingTargets([city], district).rows;
    expect(row).toMatchObject({ city, verdict, reasons });
    expect(row!.note).not.toBe('');
  });
});

describe('compareFilingTargets: the district side', () => {
  it('lists unlinked district targets and the indicators only the district sets, and counts every verdict', () => {
    const city = [t(1, '>=', 95), t(2, '<=', 9)];
    const district = [t(1, '>=', 96), t(null, '>=', 80), t(3, '>=', 70)];
    const result = compareFilingTargets(city, district);
    expect(result.rows.map((r) => [r.indicatorId, r.verdict])).toEqual([[1, 'meets'], [2, 'weaker'], [null, 'unlinked'], [3, 'extra']]);
    expect(result.rows.find((r) => r.verdict === 'unlinked')!.note).toBe('区级目标未关联指标，无法与市级比较');
    expect(result.counts).toEqual({ weaker: 1, meets: 1, different: 0, incomparable: 0, unlinked: 1, extra: 1 });
  });

  it('compares nothing with nothing', () => {
    expect(compareFilingTargets([], []).rows).toEqual([]);
  });
});
