import { describe, expect, it } from 'vitest';
import { queryTokens, tokenize } from './tokens';

describe('search tokenisation', () => {
  it.each([
    ['CJK run as bigrams', '两癌免费', ['两癌', '癌免', '免费']],
    ['punctuation separates, full-width included', '农村妇女“两癌”检查', ['农村', '村妇', '妇女', '两癌', '检查']],
    ['a lone CJK character stays', '妇，儿', ['妇', '儿']],
    ['Latin and digits lower-cased as words', 'D-LOVE义工团 2011年', ['d', 'love', '义工', '工团', '2011', '年']],
    ['full-width letters and digits normalised', 'ＡＢＣ１２３', ['abc123']],
    ['nothing from punctuation alone', '……——！', []],
  ])('%s', (_name, text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it('a word inside a sentence is among the sentence tokens', () => {
    const doc = new Set(tokenize('实施农村妇女“两癌”免费检查试点项目'));
    for (const t of queryTokens('两癌')) expect(doc.has(t)).toBe(true);
    expect(queryTokens('免费检查 免费')).toEqual(['免费', '费检', '检查']);
  });
});
