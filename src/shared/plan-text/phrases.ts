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

export const YEAR = String.raw`(?:19|20)\d{2}\s*年`;
export const UP_VERBS = '提高|提升|增加|增长|延长|扩大|上升';
export const DOWN_VERBS = '降低|下降|减少|缩小|减缓';
export const ADVERBS = '逐步|不断|持续|明显|稳步|进一步|有效|显著|大幅|逐年|巩固|切实';
/** Endings that make a phrase a measurable indicator rather than a general aim. */
export const INDICATOR_END = /(率|比例|比重|占比|人数|年限|寿命|差距|数量|素养|水平|托位数)$/;
export const RATIO_END = /(率|比例|比重|占比)$/;

const DOWN = new RegExp(`^(?:${DOWN_VERBS})$`);
export const isDownVerb = (verb: string): boolean => DOWN.test(verb);

const YEARS = new RegExp(String.raw`(?:到|至|在)?\s*(${YEAR}(?:\s*[和、]\s*${YEAR})*)\s*(?:底|末)?`, 'g');
const LEAD_NOISE = /^(?:[，,、\s]|到|至|并且|并|且|使|确保|其中|力争|要|应|对|全市|全区)+/;
const TAIL_NOISE = /(?:[，,、\s]|力争|要|应|均|分别|在|达到|达|并|总体|稳步|一般)+$/;

export function yearsIn(text: string): number[] {
  return [...text.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
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

/** Splits at every separator, dropping it; each piece remembers where it starts. */
export function splitKeep(text: string, start: number, separators: RegExp): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (const m of text.matchAll(separators)) {
    out.push({ text: text.slice(from, m.index), start: start + from });
    from = m.index + m[0].length;
  }
  out.push({ text: text.slice(from), start: start + from });
  return out;
}

/** The clause without surrounding blanks, and where that starts: the exact quote of a whole clause. */
export function trimmed(clause: Clause): Clause {
  const text = clause.text.trim();
  return { text, start: clause.start + clause.text.indexOf(text) };
}
