import { describe, expect, it } from 'vitest';
import { criteriaProblems, DEFAULT_CRITERIA, meanScore, rankByScore, scoreProblems, totalScore, type Criterion } from './scoring';

const c = (label: string, weight: number, key = label): Criterion => ({ key, label, weight });

describe('evaluation criteria', () => {
  it('the default weighs indicators 60, measures 30, mechanisms 10, and is valid', () => {
    expect(DEFAULT_CRITERIA.map((x) => [x.label, x.weight])).toEqual([['指标达标', 60], ['措施落实', 30], ['机制保障', 10]]);
    expect(criteriaProblems(DEFAULT_CRITERIA)).toEqual([]);
  });

  it.each<[string, Criterion[], string[]]>([
    ['no criteria', [], ['至少需要一项评估内容']],
    ['weights not adding up to 100', [c('指标达标', 60), c('措施落实', 30)], ['各项分值合计应为 100，现为 90']],
    ['a nameless row', [c('指标达标', 60), c(' ', 40)], ['第 2 项评估内容没有名称']],
    ['a repeated name', [c('指标达标', 50), c('指标达标', 50, 'x')], ['第 2 项评估内容“指标达标”与前面的重复']],
    ['a fractional weight', [c('指标达标', 60.5), c('措施落实', 39.5)], ['第 1 项评估内容的分值应为正整数', '第 2 项评估内容的分值应为正整数']],
    ['a zero weight', [c('指标达标', 100), c('措施落实', 0)], ['第 2 项评估内容的分值应为正整数']],
  ])('refuses %s, naming the row', (_what, criteria, problems) => {
    expect(criteriaProblems(criteria)).toEqual(problems);
  });
});

describe('scores', () => {
  it.each<[string, Record<string, number>, number | null, string[]]>([
    ['full marks', { indicators: 60, measures: 30, mechanisms: 10 }, 100, []],
    ['partial marks with a decimal', { indicators: 48.5, measures: 25, mechanisms: 8 }, 81.5, []],
    ['a criterion unscored', { indicators: 48, measures: 25 }, null, ['“机制保障”没有打分']],
    ['a score above the weight', { indicators: 61, measures: 25, mechanisms: 8 }, 94, ['“指标达标”的得分应在 0 到 60 之间']],
    ['a negative score', { indicators: 50, measures: -1, mechanisms: 8 }, 57, ['“措施落实”的得分应在 0 到 30 之间']],
    ['an unknown criterion', { indicators: 50, measures: 20, mechanisms: 8, other: 1 }, 78, ['没有这些评估内容：other']],
  ])('%s', (_what, scores, total, problems) => {
    expect(totalScore(DEFAULT_CRITERIA, scores)).toBe(total);
    expect(scoreProblems(DEFAULT_CRITERIA, scores)).toEqual(problems);
  });

  it('no scores yet has no total', () => {
    expect(totalScore(DEFAULT_CRITERIA, null)).toBeNull();
  });

  it.each<[(number | null)[], number | null]>([
    [[80, 90, null], 85],
    [[81, 82, 82], 81.7],
    [[null], null],
    [[], null],
  ])('the mean of %j is %s', (totals, mean) => {
    expect(meanScore(totals)).toBe(mean);
  });

  it('ranks units by score, ties sharing a rank, unscored last', () => {
    const ranked = rankByScore([{ id: 1, score: 80 }, { id: 2, score: null }, { id: 3, score: 92 }, { id: 4, score: 80 }, { id: 5, score: 70 }]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([[3, 1], [1, 2], [4, 2], [5, 4], [2, null]]);
  });
});
