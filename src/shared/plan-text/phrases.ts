import type { ParsedTarget } from './types';

/** A target found in a goal's text; `start`/`end` locate its quote in that text. */
export interface FoundTarget extends Omit<ParsedTarget, 'quote'> {
  start: number;
  end: number;
}

/** A piece of a goal's text and where it starts in the goal. */
export interface Clause {
  text: string;
  start: number;
}

/**
 * No plan states a target in a clause this long (the seeds' longest clause has 48 characters);
 * skipping longer ones bounds the work per clause, so any text parses in time linear in its length.
 * A number in a skipped clause is still reported as not recognised.
 */
export const MAX_CLAUSE = 200;

export const YEAR = String.raw`(?:19|20)\d{2}\s*年`;
export const UP_VERBS = '提高|提升|增加|增长|延长|扩大|上升';
export const DOWN_VERBS = '降低|下降|减少|缩小|减缓';
export const ADVERBS = '逐步|不断|持续|明显|稳步|进一步|有效|显著|大幅|逐年|巩固|切实';
/** Endings that make a phrase a measurable indicator rather than a general aim. */
export const INDICATOR_END = /(率|比例|比重|占比|人数|年限|寿命|差距|数量|素养|水平|托位数)$/;
export const RATIO_END = /(率|比例|比重|占比)$/;

const DOWN = new RegExp(`^(?:${DOWN_VERBS})$`);
export const isDownVerb = (verb: string): boolean => DOWN.test(verb);

// Each `(?<!…)` below lets a run of blanks or noise be tried once, from its start, rather than
// from each of its characters: the same matches, in linear rather than quadratic time.
const YEARS = new RegExp(String.raw`(?<!\s)(?:到|至|在)?\s*(${YEAR}(?:\s*[和、]\s*${YEAR})*)\s*(?:底|末)?`, 'g');
const LEAD_NOISE = /^(?:[，,、\s]|到|至|并且|并|且|使|确保|其中|力争|要|应|对|全市|全区)+/;
const TAIL_NOISE = /(?<![，,、\s]|力争|要|应|均|分别|在|达到|达|并|总体|稳步|一般)(?:[，,、\s]|力争|要|应|均|分别|在|达到|达|并|总体|稳步|一般)+$/;

const YEAR_NUMBER = /((?:19|20)\d{2})\s*年/g;

export function yearsIn(text: string): number[] {
  return matchesOf(YEAR_NUMBER, text).map((m) => Number(m[1]));
}

export function hasChinese(s: string): boolean {
  return /[\u4e00-\u9fff]/.test(s);
}

/** Removes year phrases and connective words around an indicator phrase. */
export function cleanSubject(raw: string): { subject: string; years: number[] } {
  const years = yearsIn(raw);
  let s = raw.replace(YEARS, '');
  let prev: string;
  do {
    prev = s;
    s = s.replace(LEAD_NOISE, '').replace(TAIL_NOISE, '');
  } while (s !== prev);
  return { subject: s.replace(/\s+/g, ''), years };
}

/**
 * “新生儿、婴儿和5岁以下儿童死亡率” with three values (分别) → three indicators sharing the
 * ending “死亡率”; “A率和B率均达到…” → both. Otherwise the phrase is one indicator
 * (“孕产妇艾滋病、梅毒和乙肝检测率” is one rate).
 */
export function splitSubjects(subject: string, valueCount: number, distributive: boolean): string[] {
  const parts = subject.split(/、|和|及/).filter(Boolean);
  if (parts.length < 2) return [subject];
  if (distributive && parts.length === valueCount) {
    const last = parts[parts.length - 1]!;
    const ending = /..率$/.exec(last)?.[0] ?? '';
    return parts.map((p) => (INDICATOR_END.test(p) ? p : p + ending));
  }
  return parts.every((p) => INDICATOR_END.test(p)) ? parts : [subject];
}

/**
 * Every match of a global pattern in the text. Unlike `matchAll`, which copies the pattern on each
 * call, this runs the shared one: clauses are many and short, and the copy would cost more than
 * the matching.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push(m);
    if (m[0] === '') pattern.lastIndex++;
  }
  return out;
}

/** The length of the separator that starts at `at` in the text; 0 where none does. */
export type Separator = (text: string, at: number) => number;

/** A separator that is any one of the given characters. */
export function oneOf(chars: string): Separator {
  const codes = new Set([...chars].map((c) => c.charCodeAt(0)));
  return (text, at) => (codes.has(text.charCodeAt(at)) ? 1 : 0);
}

/**
 * Splits at every separator, dropping it; each piece remembers where it starts. A scan by
 * character: on a goal of many thousand clauses, running a pattern on the whole text for each
 * separator costs a hundred times more.
 */
export function splitKeep(text: string, start: number, separator: Separator): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (let i = 0; i < text.length; ) {
    const length = separator(text, i);
    if (length === 0) {
      i++;
      continue;
    }
    out.push({ text: text.slice(from, i), start: start + from });
    i += length;
    from = i;
  }
  out.push({ text: text.slice(from), start: start + from });
  return out;
}

/** The clause without surrounding blanks, and where that starts: the exact quote of a whole clause. */
export function trimmed(clause: Clause): Clause {
  const text = clause.text.trim();
  return { text, start: clause.start + clause.text.indexOf(text) };
}
