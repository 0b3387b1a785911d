/**
 * Which dictionary indicator a plan target measures: the same name or one of its aliases (spacing
 * and punctuation aside) and a compatible unit. Pure, so the rules are table-tested.
 */

export interface MatchableIndicator {
  id: number;
  code: string;
  name: string;
  aliases: readonly string[];
  unit: string | null;
}

export interface MatchableTarget {
  indicator: string;
  unit: string | null;
  /** A relative target (“比2020年下降10%”): its unit is the change's, not the indicator's. */
  baseYear: number | null;
}

export type MatchResult<I extends MatchableIndicator = MatchableIndicator> =
  | { kind: 'matched'; indicator: I; by: 'name' | 'alias' }
  | { kind: 'ambiguous'; candidates: I[] }
  | { kind: 'new' };

// Brackets, quotes, separators and dashes in both widths (NFKC already folded most full-width forms).
const PUNCTUATION = /[\s()[\]{}（）【】〔〕《》〈〉「」『』“”"'‘’,，、.。·・:：;；!！?？\-—–－_~～…]/gu;

/** The name as compared: NFKC (full-width → half-width), no whitespace or punctuation, lower case. */
export const normaliseName = (name: string): string => name.normalize('NFKC').replace(PUNCTUATION, '').toLowerCase();

const normaliseUnit = (unit: string): string => unit.normalize('NFKC').replace(/\s+/g, '');

/** A unit nobody stated is no evidence either way; two stated units must be the same. */
export function unitsAgree(target: MatchableTarget, indicatorUnit: string | null): boolean {
  if (target.baseYear !== null || target.unit === null || indicatorUnit === null) return true;
  return normaliseUnit(target.unit) === normaliseUnit(indicatorUnit);
}

export function matchIndicator<I extends MatchableIndicator>(target: MatchableTarget, indicators: readonly I[]): MatchResult<I> {
  const key = normaliseName(target.indicator);
  if (key === '') return { kind: 'new' };
  const found: { indicator: I; by: 'name' | 'alias' }[] = [];
  for (const indicator of indicators) {
    if (!unitsAgree(target, indicator.unit)) continue;
    if (normaliseName(indicator.name) === key) found.push({ indicator, by: 'name' });
    else if (indicator.aliases.some((a) => normaliseName(a) === key)) found.push({ indicator, by: 'alias' });
  }
  if (found.length === 1) return { kind: 'matched', ...found[0]! };
  if (found.length > 1) return { kind: 'ambiguous', candidates: found.map((f) => f.indicator) };
  return { kind: 'new' };
}

/** Aliases as stored (one per line) and as edited (a list): trimmed, no blanks, no repeats. */
export const parseAliases = (stored: string): string[] => cleanAliases(stored.split('\n'));
export function cleanAliases(aliases: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of aliases.map((x) => x.trim())) if (a !== '' && !out.includes(a)) out.push(a);
  return out;
}
