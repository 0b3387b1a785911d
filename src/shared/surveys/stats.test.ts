import { describe, expect, it } from 'vitest';
import type { Answers, SurveyDefinition } from './model';
import { addWords, applyFilters, crossTab, histogram, shareByRegion, topWords } from './stats';
import { statsTally, surveyStats } from './tally';

const def: SurveyDefinition = {
  sections: [{
    title: '',
    questions: [
      { code: 'D', type: 'region', title: '所在区', required: true, regionRootId: 1 },
      { code: 'S', type: 'single', title: '性别', required: true, options: [{ code: 'F', label: '女' }, { code: 'M', label: '男' }] },
      { code: 'K', type: 'single', title: '是否知道', required: false, options: [{ code: '1', label: '知道' }, { code: '2', label: '不知道' }, { code: '9', label: '其他', other: true }] },
      { code: 'M', type: 'multiple', title: '渠道', required: false, options: [{ code: 'a', label: '电视' }, { code: 'b', label: '网络' }] },
      { code: 'A', type: 'number', title: '年龄', required: false, integer: true },
      { code: 'R', type: 'rating', title: '满意度', required: false, scale: { min: 1, max: 5 } },
      { code: 'X', type: 'matrix', title: '矩阵', required: false, rows: [{ code: 'r1', label: '饮食' }], scale: { min: 1, max: 3 } },
      { code: 'T', type: 'text', title: '建议', required: false },
    ],
  }],
};
const regions = new Map([[11, '西岗区'], [12, '中山区']]);
const r = (values: Answers['values'], other?: Answers['other']): Answers => ({ values, other });
const responses: Answers[] = [
  r({ D: 11, S: 'F', K: '1', M: ['a', 'b'], A: 30, R: 5, X: { r1: 3 }, T: '希望多开展营养健康讲座' }),
  r({ D: 11, S: 'M', K: '2', M: ['b'], A: 40, R: 4, X: { r1: 2 }, T: '营养健康讲座很好' }),
  r({ D: 12, S: 'F', K: '1', A: 35, R: 5 }),
  r({ D: 12, S: 'F', K: '9', A: 31 }, { K: '听说过' }),
  r({ D: 12, S: 'M' }),
];

describe('surveyStats', () => {
  const stats = new Map(surveyStats(def, responses, regions).map((s) => [s.code, s]));

  it.each<[string, unknown]>([
    ['D', { kind: 'choice', answered: 5, categories: [{ key: '11', label: '西岗区', count: 2, share: 0.4 }, { key: '12', label: '中山区', count: 3, share: 0.6 }] }],
    ['K', { answered: 4, categories: [{ key: '1', label: '知道', count: 2, share: 0.5 }, { key: '2', label: '不知道', count: 1, share: 0.25 }, { key: '9', label: '其他', count: 1, share: 0.25 }], otherTexts: ['听说过'] }],
    ['M', { answered: 2, categories: [{ key: 'a', label: '电视', count: 1, share: 0.5 }, { key: 'b', label: '网络', count: 2, share: 1 }] }],
    ['A', { kind: 'numeric', answered: 4, mean: 34, median: 33, min: 30, max: 40 }],
    ['R', { mean: 4.67, categories: expect.arrayContaining([{ key: '5', label: '5', count: 2, share: 0.6667 }]) }],
    ['X', { kind: 'matrix', points: [1, 2, 3], rows: [{ code: 'r1', label: '饮食', counts: [0, 1, 1], mean: 2.5 }] }],
  ])('question %s', (code, expected) => {
    expect(stats.get(code)).toMatchObject(expected as object);
  });

  it('lists words of free texts, not characters', () => {
    const t = stats.get('T');
    expect(t?.kind === 'text' && t.words.slice(0, 3).map((w) => w.word)).toEqual(expect.arrayContaining(['营养', '健康', '讲座']));
  });
});

describe('histogram', () => {
  it.each<[string, number[], boolean, { label: string; count: number }[]]>([
    ['small integer range: one bar per value', [1, 1, 3], true, [{ label: '1', count: 2 }, { label: '2', count: 0 }, { label: '3', count: 1 }]],
    ['wide range: ten bins, the maximum in the last', [0, 50, 100], false, [
      { label: '0–10', count: 1 }, ...[1, 2, 3, 4].map((i) => ({ label: `${i * 10}–${i * 10 + 10}`, count: 0 })),
      { label: '50–60', count: 1 }, ...[6, 7, 8].map((i) => ({ label: `${i * 10}–${i * 10 + 10}`, count: 0 })), { label: '90–100', count: 1 },
    ]],
  ])('%s', (_n, xs, integer, expected) => {
    expect(histogram(xs, xs[0]!, xs[xs.length - 1]!, integer)).toEqual(expected);
  });
});

describe('crossTab', () => {
  it('counts the row question within each column category, shares of the column', () => {
    const t = crossTab(def, responses, 'K', 'D', regions);
    expect(t.columns.map((c) => c.total)).toEqual([2, 2]);
    expect(t.counts).toEqual([[1, 1], [1, 0], [0, 1]]);
    expect(t.shares).toEqual([[0.5, 0.5], [0.5, 0], [0, 0.5]]);
  });

  it('refuses a text question', () => {
    expect(() => crossTab(def, responses, 'T', 'D', regions)).toThrow('不能用于交叉分析');
  });
});

describe('filters and shares', () => {
  it.each<[string, Parameters<typeof applyFilters>[1], number]>([
    ['no filter', [], 5],
    ['women only', [{ question: 'S', keys: ['F'] }], 3],
    ['women in 中山区', [{ question: 'S', keys: ['F'] }, { question: 'D', keys: ['12'] }], 2],
    ['a multiple choice matches any chosen', [{ question: 'M', keys: ['a'] }], 1],
  ])('%s', (_n, filters, n) => {
    expect(applyFilters(responses, filters)).toHaveLength(n);
  });

  it('shares among valid answers, by region answer', () => {
    const { total, byRegion } = shareByRegion(responses, 'K', ['1'], 'D');
    expect(total).toEqual({ positive: 2, valid: 4 });
    expect(byRegion.get(11)).toEqual({ positive: 1, valid: 2 });
    expect(byRegion.get(12)).toEqual({ positive: 1, valid: 2 });
  });

  it('a tally fed a few responses at a time, read between, ends with the figures of all at once', () => {
    const tally = statsTally(def, regions);
    const seen: Answers[] = [];
    for (const batch of [responses.slice(0, 2), responses.slice(2, 3), responses.slice(3)]) {
      for (const response of batch) tally.add(response);
      seen.push(...batch);
      expect(tally.result()).toEqual(surveyStats(def, seen, regions));
    }
    expect(tally.result().find((s) => s.code === 'T')).toMatchObject({ answered: 2, words: expect.arrayContaining([{ word: '讲座', count: 2 }]), latest: ['营养健康讲座很好', '希望多开展营养健康讲座'] });
  });

  it('word list drops stop words and single characters', () => {
    const counts = new Map<string, number>();
    for (const text of ['我们希望有讲座', '讲座']) addWords(text, counts);
    expect(topWords(counts)).toEqual([{ word: '讲座', count: 2 }]);
  });
});
