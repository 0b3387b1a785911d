import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA, scoreProblems, totalScore } from './scoring';
import { aggregateScores, criteriaForGoal, overrideProblems, weightedMean, type WeightOverride } from './weights';

const area = (targetId: number, criteria: Record<string, number> | null, share: number | null = null): WeightOverride => ({ scope: 'area', targetId, criteria, share });
const goal = (targetId: number, criteria: Record<string, number> | null, share: number | null = null): WeightOverride => ({ scope: 'goal', targetId, criteria, share });
const HEALTH = 1;
const EDUCATION = 2;

describe('the criteria that apply to a goal', () => {
  const overrides = [area(HEALTH, { indicators: 80, measures: 20, mechanisms: 0 }), goal(12, { indicators: 50, measures: 30, mechanisms: 20 })];
  it.each<[string, { id: number; areaId: number }, string, [number, number | undefined][]]>([
    ['no override: the round\'s', { id: 21, areaId: EDUCATION }, 'round', [[60, undefined], [30, undefined], [10, undefined]]],
    ['the area\'s, scored out of the round\'s weights', { id: 11, areaId: HEALTH }, 'area', [[80, 60], [20, 30], [0, 10]]],
    ['the goal\'s before its area\'s', { id: 12, areaId: HEALTH }, 'goal', [[50, 60], [30, 30], [20, 10]]],
  ])('%s', (_what, place, source, weights) => {
    const got = criteriaForGoal(DEFAULT_CRITERIA, overrides, place);
    expect(got.source).toBe(source);
    expect(got.criteria.map((c) => [c.weight, c.max])).toEqual(weights);
  });

  it.each<[string, Record<string, number>, number | null, string[]]>([
    ['full marks stay 100', { indicators: 60, measures: 30, mechanisms: 10 }, 100, []],
    ['raw scores count by the goal\'s weights', { indicators: 45, measures: 15, mechanisms: 10 }, 70, []],
    ['a left-out criterion needs no score', { indicators: 30, measures: 30 }, 60, []],
    ['a raw score above the round\'s full marks', { indicators: 61, measures: 30 }, 101.3, ['“指标达标”的得分应在 0 到 60 之间']],
    ['a counted criterion unscored', { indicators: 60 }, null, ['“措施落实”没有打分']],
  ])('scoring under an area override: %s', (_what, scores, total, problems) => {
    const { criteria } = criteriaForGoal(DEFAULT_CRITERIA, overrides, { id: 11, areaId: HEALTH });
    expect(totalScore(criteria, scores)).toBe(total);
    expect(scoreProblems(criteria, scores)).toEqual(problems);
  });
});

describe('area and plan scores', () => {
  const goals = [
    { id: 11, areaId: HEALTH, score: 90 },
    { id: 12, areaId: HEALTH, score: 60 },
    { id: 13, areaId: HEALTH, score: null },
    { id: 21, areaId: EDUCATION, score: 70 },
  ];
  it.each<[string, WeightOverride[], (number | null)[], number | null]>([
    ['by default goals count alike and areas by their number of goals', [], [75, 70], 73.8],
    ['a goal weighted twice in its area', [goal(11, null, 2)], [80, 70], 77.5],
    ['areas weighted equally', [area(HEALTH, null, 1), area(EDUCATION, null, 1)], [75, 70], 72.5],
    ['an area weighted to count most', [area(HEALTH, null, 9), area(EDUCATION, null, 1)], [75, 70], 74.5],
  ])('%s', (_what, overrides, areaScores, plan) => {
    const got = aggregateScores(goals, overrides);
    expect(got.areas.map((a) => a.score)).toEqual(areaScores);
    expect(got.plan).toBe(plan);
  });

  it('an area without scores does not dilute the plan; nothing scored gives no score', () => {
    expect(aggregateScores([{ id: 11, areaId: HEALTH, score: 80 }, { id: 21, areaId: EDUCATION, score: null }], []).plan).toBe(80);
    expect(aggregateScores([{ id: 11, areaId: HEALTH, score: null }], []).plan).toBeNull();
    expect(weightedMean([])).toBeNull();
  });
});

describe('validating an override', () => {
  const name = '领域“妇女与健康”';
  it.each<[string, Record<string, number> | null, number | null, string[]]>([
    ['valid criteria', { indicators: 80, measures: 20, mechanisms: 0 }, null, []],
    ['a valid weight alone', null, 3, []],
    ['weights not adding up to 100', { indicators: 60, measures: 20, mechanisms: 10 }, null, ['领域“妇女与健康”的各项分值合计应为 100，现为 90']],
    ['a criterion missing', { indicators: 80, measures: 20 }, null, ['领域“妇女与健康”没有设置“机制保障”的分值']],
    ['a fractional or negative weight', { indicators: 80.5, measures: 29.5, mechanisms: -10 }, null, ['领域“妇女与健康”“指标达标”的分值应为 0 到 100 的整数', '领域“妇女与健康”“措施落实”的分值应为 0 到 100 的整数', '领域“妇女与健康”“机制保障”的分值应为 0 到 100 的整数']],
    ['an unknown criterion', { indicators: 60, measures: 30, mechanisms: 10, other: 0 }, null, ['领域“妇女与健康”：没有这些评估内容：other']],
    ['a weight out of range', null, 0, ['领域“妇女与健康”的权重应为 1 到 100 的整数']],
    ['nothing set', null, null, ['领域“妇女与健康”没有设置任何权重']],
  ])('%s', (_what, criteria, share, problems) => {
    expect(overrideProblems(DEFAULT_CRITERIA, { criteria, share }, name)).toEqual(problems);
  });
});
