/**
 * Our own tokenisation for full-text search, the same for what is indexed and what is asked:
 * a run of CJK characters becomes its overlapping two-character pieces (「两癌免费」→ 两癌 癌免 免费),
 * a lone CJK character stays itself, Latin letters and digits become lower-cased words, and
 * punctuation (full- or half-width) separates. Any two-character word inside a sentence is then
 * one of the sentence's tokens, so 「两癌」 is found in 「农村妇女“两癌”免费检查」.
 */
const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const CJK = new RegExp(CJK_CLASS, 'u');
const RUNS = new RegExp(`${CJK_CLASS}+|(?:(?!${CJK_CLASS})[\\p{L}\\p{N}])+`, 'gu');

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.normalize('NFKC').matchAll(RUNS)) {
    if (!CJK.test(run)) {
      out.push(run.toLowerCase());
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** The distinct tokens of a query, in order; a search matches entries holding all of them. */
export function queryTokens(query: string): string[] {
  return [...new Set(tokenize(query))];
}

/** Upper bound on query tokens: a pasted paragraph must not become a query of hundreds of terms. */
export const MAX_QUERY_TOKENS = 32;
