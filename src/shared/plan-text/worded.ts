/**
 * Targets a goal states in words rather than numbers: a direction (“乳腺癌人群筛查率逐步提高” →
 * increase), a rising trend to be curbed (“患病率上升趋势减缓” → decrease) and full coverage
 * (“实现全覆盖” → 100%).
 */
import { chineseNumeral } from './numerals';
import {
  ADVERBS, cleanSubject, DOWN_VERBS, INDICATOR_END, isDownVerb, RATIO_END, splitSubjects, trimmed, UP_VERBS,
  type Clause, type FoundTarget,
} from './phrases';

const TAIL = new RegExp(String.raw`^(.*?)((?:${ADVERBS})*)(${UP_VERBS}|${DOWN_VERBS})$`);
const HEAD = new RegExp(String.raw`^((?:${ADVERBS})*)(${UP_VERBS}|${DOWN_VERBS})(.+)$`);
const TREND = new RegExp(String.raw`^(.*?)(?:上升|增长)趋势(?:得到)?(?:${ADVERBS})*(?:减缓|放缓|控制|遏制)$`);
const COVERAGE = /^(.*?)(?:实现|达到)(.*?)[“"「]?(?:([两二三四五六七八九])个)?全覆盖[”"」]?$/;
/**
 * “明显提高” promises a change large enough to observe, so what it is said of is measured whatever
 * it is called (“防治意识明显提高”); without it the name must end like an indicator.
 */
const MARKED = '明显';

/** The milestone of a worded target: the one year its clause names, else the one its sentence named before. */
function yearOf(clauseYears: number[], sentenceYears: number[]): number | null {
  if (clauseYears.length === 1) return clauseYears[0]!;
  return clauseYears.length === 0 && sentenceYears.length === 1 ? sentenceYears[0]! : null;
}

function target(indicator: string, comparator: FoundTarget['comparator'], year: number | null, quote: Clause): FoundTarget {
  return { indicator, comparator, value: null, unit: null, year, baseYear: null, start: quote.start, end: quote.start + quote.text.length };
}

/** “乳腺癌人群筛查率逐步提高”, “提高生育保险参保率”, “患病率上升趋势减缓” → increase/decrease targets with no value. */
export function qualitativeIn(clause: Clause, sentenceYears: number[]): FoundTarget[] {
  const quote = trimmed(clause);
  const trend = TREND.exec(quote.text);
  if (trend) {
    const { subject, years } = cleanSubject(trend[1]!);
    if (subject.length < 2) return [];
    // What rises is a rate even where the text names only the condition (“超重、肥胖上升趋势”).
    const indicator = INDICATOR_END.test(subject) ? subject : `${subject}率`;
    return [target(indicator, 'decrease', yearOf(years, sentenceYears), quote)];
  }

  const tail = TAIL.exec(quote.text);
  const head = tail ? null : HEAD.exec(quote.text);
  const said = tail ? { raw: tail[1]!, adverbs: tail[2]!, verb: tail[3]! } : head ? { raw: head[3]!, adverbs: head[1]!, verb: head[2]! } : null;
  if (!said) return [];
  const { subject, years } = cleanSubject(said.raw);
  if (subject.length < 3 || !(INDICATOR_END.test(subject) || said.adverbs.includes(MARKED))) return [];
  const comparator = isDownVerb(said.verb) ? 'decrease' : 'increase';
  return splitSubjects(subject, 1, false).map((indicator) => target(indicator, comparator, yearOf(years, sentenceYears), quote));
}

/**
 * “街道儿童督导员、儿童主任配备以及新任职培训实现“两个全覆盖”” → one coverage per part. A part
 * after the first is an action on the people the first names, who come before the first part's
 * own action (a two-character word: 配备, 培训, 建设).
 */
function coveredParts(subject: string, count: number): string[] {
  const parts = subject.split(/以及|和|及/).filter(Boolean);
  if (count === 1 || parts.length !== count) return [subject];
  const shared = parts[0]!.slice(0, -2);
  return parts.map((part, i) => (i === 0 ? part : shared + part));
}

/**
 * “男女平等基本国策培训进党校实现县级以上全覆盖” → coverage rate = 100%. A clause that names no
 * subject (“…参保率达到95%以上，力争实现全覆盖”) covers what the statement before it measured.
 * Null when the clause states no full coverage.
 */
export function coverageIn(clause: Clause, previous: readonly FoundTarget[], sentenceYears: number[]): FoundTarget[] | null {
  const quote = trimmed(clause);
  const m = COVERAGE.exec(quote.text);
  if (!m) return null;
  const { subject, years } = cleanSubject(m[1]!);
  const scope = m[2]!.replace(/\s+/g, '');
  const count = m[3] ? chineseNumeral(m[3].replace('两', '二'))! : 1;
  const indicators = subject
    ? coveredParts(subject, count).map((part) => scope + (RATIO_END.test(part) ? part : `${part}覆盖率`))
    : [...new Set(previous.map((t) => t.indicator))];
  const year = yearOf(years, sentenceYears);
  return indicators.map((indicator) => ({ ...target(indicator, '=', year, quote), value: 100, unit: '%' }));
}
