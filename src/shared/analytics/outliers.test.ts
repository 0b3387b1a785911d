import { describe, expect, it } from 'vitest';
import { lastValueScore, modifiedZScores, yearOnYearChanges } from './outliers';

describe('modifiedZScores', () => {
  it.each([
    // median 3, |dev| = 2,1,0,1,2 → MAD 1; M = 0.6745 × (x − 3)
    { values: [1, 2, 3, 4, 5], expected: [-1.349, -0.6745, 0, 0.6745, 1.349] },
    // median 10, |dev| = 0,0,0,0,40 → MAD 0; mean |dev| 8 → (50 − 10) / (1.253314 × 8) = 3.989
    { values: [10, 10, 10, 10, 50], expected: [0, 0, 0, 0, 3.989] },
    { values: [7, 7, 7], expected: [0, 0, 0] },
    // median 1, MAD 0.01 → σ̂ 0.0148, floored at 0.1: (1.05 − 1) / 0.1 = 0.5 (unfloored: 3.37)
    { values: [1, 1.01, 0.99, 1, 1.05], minSpread: 0.1, expected: [0, 0.1, -0.1, 0, 0.5] },
    { values: [], expected: [] },
  ])('scores $values', ({ values, minSpread, expected }: { values: number[]; minSpread?: number; expected: number[] }) => {
    const scores = modifiedZScores(values, minSpread);
    expect(scores).toHaveLength(expected.length);
    scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i]!, 3));
  });
});

describe('lastValueScore on year-on-year changes', () => {
  const series = (values: number[]) => values.map((value, i) => ({ year: 2020 + i, value }));
  const score = (values: number[]) => lastValueScore(yearOnYearChanges(series(values)).map((c) => c.change));

  it('flags a jump in an otherwise smooth series', () => {
    // changes 1, 1.2, 0.9, 1.1, 6: median 1.1, MAD 0.1 → (6 − 1.1) × 0.6745 / 0.1 = 33.05
    expect(score([50, 51, 52.2, 53.1, 54.2, 60.2])).toBeCloseTo(33.05, 1);
  });

  it('does not flag a smooth series', () => {
    // changes 1, 1.2, 0.9, 1.1, 1: median 1, MAD 0.1 → 0
    expect(Math.abs(score([50, 51, 52.2, 53.1, 54.2, 55.2])!)).toBeLessThan(3.5);
  });

  it('needs four changes before it judges', () => {
    expect(score([50, 51, 52, 60])).toBeNull();
  });

  it('only compares consecutive years', () => {
    expect(yearOnYearChanges([{ year: 2020, value: 1 }, { year: 2022, value: 3 }, { year: 2023, value: 4 }])).toEqual([{ year: 2023, change: 1, previous: 3 }]);
  });
});
