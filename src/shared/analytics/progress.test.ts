import { describe, expect, it } from 'vitest';
import { assessProgress, cleanSeries, meetsTarget, PROGRESS_STATUSES, STATUS_LABELS } from './progress';
import { gte, lte, PROGRESS_CASES } from './progressCases';

const rows = PROGRESS_CASES;

describe('assessProgress', () => {
  it.each(rows)('%s', (_name, c, status, ratio, projected, options) => {
    const a = assessProgress(c, options);
    expect(a.status).toBe(status);
    if (ratio === null) expect(a.ratio).toBeNull();
    else expect(a.ratio).toBeCloseTo(ratio, 3);
    if (projected === null) expect(a.projected).toBeNull();
    else expect(a.projected).toBeCloseTo(projected, 3);
  });

  it('covers every status in the table', () => {
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(PROGRESS_STATUSES));
  });

  it('reports the resolved target, baseline, latest point and both rates', () => {
    const a = assessProgress({ comparator: '<=', value: -10, baseYear: 2020, year: 2030, series: [[2018, 210], [2020, 200], [2025, 195]] });
    expect(a.targetValue).toBeCloseTo(180, 9);
    expect(a.baseline).toEqual({ year: 2020, value: 200 });
    expect(a.latest).toEqual({ year: 2025, value: 195 });
    expect(a.cagrObserved).toBeCloseTo(-0.00505, 5); // 0.975^0.2 − 1
    expect(a.cagrRequired).toBeCloseTo(-0.01048, 5); // 0.9^0.1 − 1
    expect(a.reason).toBe('按2020—2025年均变化-0.5%推算，2030年约为190.1，目标≤180（比2020年下降10%）需年均变化-1.0%，进度比0.48，进展缓慢');

    const q = assessProgress({ comparator: 'increase', value: null, year: 2030, series: [[2020, 100], [2025, 105]] });
    expect([q.targetValue, q.cagrRequired]).toEqual([null, null]);
    expect(assessProgress({ comparator: 'increase', value: 7, year: 2030, series: [[2020, 100], [2025, 130]] }).cagrRequired).toBeCloseTo(0.07, 9);
    expect(assessProgress({ comparator: 'decrease', value: 3, year: 2030, series: [[2020, 100], [2025, 80]] }).cagrRequired).toBeCloseTo(-0.03, 9);
  });

  it('says why in one Chinese sentence with the numbers', () => {
    expect(assessProgress(lte(10, 2025, [[2025, 8.1]])).reason).toBe('2025年为8.1，已达到目标≤10');
    expect(assessProgress(gte(80, 2030, [])).reason).toBe('没有数据');
    expect(assessProgress({ comparator: '<=', value: -10, baseYear: 2020, year: 2030, series: [[2021, 200]] }).reason).toBe('缺少基期2020年数据');
    const rowsByStatus = new Map(rows.map((r) => [r[2], r]));
    for (const status of PROGRESS_STATUSES) {
      const [, c, , , , options] = rowsByStatus.get(status)!;
      const { reason } = assessProgress(c, options);
      expect(reason, status).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff][^a-zA-Z]*$/);
      if (status !== 'achieved' && status !== 'insufficient_data') expect(reason, status).toContain(STATUS_LABELS[status]);
    }
  });

  it('never calls a qualitative target achieved', () => {
    expect(assessProgress({ comparator: 'increase', value: null, year: 2030, series: [[2025, 100]] }).status).toBe('insufficient_data');
  });
});

describe('meetsTarget', () => {
  it.each<[Parameters<typeof meetsTarget>, boolean]>([
    [['>=', 80, 80], true],
    [['>=', 79.9, 80], false],
    [['<=', 7, 7], true],
    [['<=', 7.1, 7], false],
    [['~', 51, 50], true], // band 50±1
    [['~', 51.1, 50], false],
    [['=', 52.5, 50, 5], true], // band 50±2.5
    [['~', -10.1, -10], true], // band uses |target|
    [['>=', 0.1 + 0.2, 0.3], true], // rounding does not flip the answer
    [['increase', 101, 100], true],
    [['decrease', 100, 100], false],
  ])('meetsTarget(%j) = %s', (args, expected) => {
    expect(meetsTarget(...args)).toBe(expected);
  });
});

describe('cleanSeries', () => {
  it('drops non-finite values, keeps the last of a repeated year and sorts', () => {
    expect(cleanSeries([[2025, 1], [2020, 2], [2022, Number.NaN], [2025, 3], [2021, 4], [2021, Number.NaN]])).toEqual([
      { year: 2020, value: 2 },
      { year: 2021, value: 4 },
      { year: 2025, value: 3 },
    ]);
  });
});
