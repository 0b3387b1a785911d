import { describe, expect, it } from 'vitest';
import { cleanAliases, matchIndicator, normaliseName, type MatchableIndicator, type MatchableTarget } from './match';

const dictionary: MatchableIndicator[] = [
  { id: 1, code: 'W01_021', name: '孕产妇死亡率', aliases: [], unit: '/10万' },
  { id: 2, code: 'W01_022', name: '孕产妇系统管理率', aliases: ['孕产妇系统管理覆盖率'], unit: '%' },
  { id: 3, code: 'W04_011', name: '女性就业人员占比', aliases: ['就业人员中的女性比例'], unit: '%' },
  { id: 4, code: 'W04_012', name: '就业人员中的女性比例', aliases: [], unit: '%' },
  { id: 5, code: 'C02_031', name: '儿童青少年总体近视率', aliases: [], unit: null },
  { id: 6, code: 'W03_051', name: '女性参加失业保险人数', aliases: [], unit: '万人' },
];

const target = (indicator: string, unit: string | null = '%', baseYear: number | null = null): MatchableTarget => ({ indicator, unit, baseYear });

describe('matchIndicator', () => {
  it.each<[string, MatchableTarget, string]>([
    ['exact name', target('孕产妇死亡率', '/10万'), 'matched 1 name'],
    ['alias', target('孕产妇系统管理覆盖率'), 'matched 2 alias'],
    ['whitespace inside the name', target('孕产妇 系统管理率'), 'matched 2 name'],
    ['full-width unit', target('孕产妇系统管理率', '％'), 'matched 2 name'],
    ['quotes and dashes', target('“孕产妇死亡率”——', '/10万'), 'matched 1 name'],
    ['different unit → no match', target('孕产妇死亡率', '‰'), 'new'],
    ['count against thousands', target('女性参加失业保险人数', '人'), 'new'],
    ['indicator without a unit accepts any', target('儿童青少年总体近视率', '%'), 'matched 5 name'],
    ['target without a unit accepts any', target('孕产妇死亡率', null), 'matched 1 name'],
    ['relative target: its % is a change', target('女性参加失业保险人数', '%', 2020), 'matched 6 name'],
    ['name of one, alias of another → ambiguous', target('就业人员中的女性比例'), 'ambiguous 3,4'],
    ['unknown name', target('妇女常见病筛查率'), 'new'],
    ['part of a name is not the name', target('孕产妇'), 'new'],
    ['empty after punctuation', target('（）'), 'new'],
  ])('%s', (_name, t, expected) => {
    const r = matchIndicator(t, dictionary);
    const got = r.kind === 'matched' ? `matched ${r.indicator.id} ${r.by}` : r.kind === 'ambiguous' ? `ambiguous ${r.candidates.map((c) => c.id).join(',')}` : 'new';
    expect(got).toBe(expected);
  });
});

describe('normaliseName', () => {
  it.each([
    ['孕产妇 死亡率', '孕产妇死亡率'],
    ['ＧＤＰ占比（％）', 'gdp占比%'],
    ['0—6岁儿童', '06岁儿童'],
    ['“三八”红旗手', '三八红旗手'],
  ])('%s → %s', (input, out) => {
    expect(normaliseName(input)).toBe(out);
  });
});

describe('cleanAliases', () => {
  it('trims, drops blanks and repeats, keeps order', () => {
    expect(cleanAliases([' 甲 ', '', '乙', '甲', '  '])).toEqual(['甲', '乙']);
  });
});
