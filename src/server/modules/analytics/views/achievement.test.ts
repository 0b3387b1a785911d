import { describe, expect, it } from 'vitest';
import { achievementOf, rankByRate } from './achievement';

describe('rankByRate', () => {
  it.each([
    ['best first', [0.5, 1, 0.75], [[1, 1], [0.75, 2], [0.5, 3]]],
    ['ties share a rank, the next skips (1, 2, 2, 4)', [0.9, 0.8, 0.8, 0.1], [[0.9, 1], [0.8, 2], [0.8, 2], [0.1, 4]]],
    ['no rate last and unranked', [null, 0.2, 0], [[0.2, 1], [0, 2], [null, null]]],
    ['nothing', [], []],
  ] as const)('%s', (_, rates, expected) => {
    expect(rankByRate(rates.map((rate) => ({ rate }))).map(({ row, rank }) => [row.rate, rank])).toEqual(expected);
  });
});

describe('achievementOf', () => {
  const counts = (achieved: number, others: number, noData: number) => ({ achieved, on_track: others, moderate: 0, limited: 0, deterioration: 0, insufficient_data: noData });
  it.each([
    ['44 of 54 assessable (the national report’s figure)', counts(44, 10, 3), { achieved: 44, assessable: 54, rate: 44 / 54 }],
    ['no data is left out of the denominator', counts(0, 0, 5), { achieved: 0, assessable: 0, rate: null }],
    ['all met', counts(3, 0, 0), { achieved: 3, assessable: 3, rate: 1 }],
  ])('%s', (_, c, expected) => expect(achievementOf(c)).toEqual(expected));
});
