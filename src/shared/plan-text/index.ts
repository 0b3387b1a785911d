import type { FoundTarget } from './phrases';
import { referenceComparisons } from './references';
import { parseStructure, type RawItem, type TextPiece } from './structure';
import { extractTargets } from './targets';
import { PlanTextError } from './errors';
import type { ParsedGoal, ParsedItem, ParsedTarget, ParseResult, ParseWarning } from './types';

export { decodePlanText } from './decode';
export { PlanTextError } from './errors';
export type * from './types';

/** A quantity a target should have consumed: a number with a rate or ratio unit. */
const QUANTITY = /(?<!\d)\d+(?:\.\d+)?\s*(?:%|％|‰|\/\s*10\s*万)/g;

/**
 * The largest text read as plans. A plan runs to some 30,000 characters in 1,000 lines (seed 002, two
 * plans, to 62,000); a text many times that is no plan, and is refused before any parsing. Parsing is
 * linear in the text's length (`npm run bench:plan-text`), so this also bounds its time.
 */
export const PLAN_TEXT_LIMITS = { characters: 500_000, lines: 20_000 } as const;

function assertWithinLimits(text: string): void {
  if (text.length > PLAN_TEXT_LIMITS.characters) {
    throw new PlanTextError(`文本过长：共 ${text.length.toLocaleString('en-US')} 字，规划文本最多 ${PLAN_TEXT_LIMITS.characters.toLocaleString('en-US')} 字`);
  }
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++lines > PLAN_TEXT_LIMITS.lines) throw new PlanTextError(`文本过长：超过 ${PLAN_TEXT_LIMITS.lines.toLocaleString('en-US')} 行`);
  }
}

/**
 * Plan text → plans, areas, goals with their targets, measures, and warnings for a person to
 * check. Pure: the same text always gives the same result. Refuses text over PLAN_TEXT_LIMITS.
 */
export function parsePlanText(text: string): ParseResult {
  assertWithinLimits(text);
  const { plans, warnings } = parseStructure(text);
  const allWarnings: ParseWarning[] = [...warnings];
  const result = plans.map((plan) => ({
    title: plan.title,
    kind: plan.kind,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    line: plan.line,
    areas: plan.areas.map((area) => ({
      no: area.no,
      title: area.title,
      line: area.line,
      goals: area.goals.map((g): ParsedGoal => {
        const goal = toItem(g);
        const source = { text: goal.text, offsets: pieceOffsets(g.pieces), pieces: g.pieces };
        const found = extractTargets(goal.text);
        allWarnings.push(...unconsumedQuantities(goal, found, source, area.title));
        allWarnings.push(...unquantifiedComparisons(goal, source, area.title));
        return { ...goal, targets: found.map((t) => toParsedTarget(t, source)) };
      }),
      measures: area.measures.map(toItem),
    })),
  }));
  allWarnings.sort((a, b) => a.line - b.line);
  return { plans: result, warnings: allWarnings };
}

function toItem(item: RawItem): ParsedItem {
  return {
    no: item.no,
    text: item.pieces.map((p) => p.text).join(''),
    lineStart: item.pieces[0]!.line,
    lineEnd: item.pieces[item.pieces.length - 1]!.line,
  };
}

/** Where each piece starts in the joined text. */
function pieceOffsets(pieces: TextPiece[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const p of pieces) {
    offsets.push(at);
    at += p.text.length;
  }
  return offsets;
}

/** A goal's joined text, where each of its pieces starts in it, and the pieces. */
interface GoalSource {
  text: string;
  offsets: number[];
  pieces: TextPiece[];
}

/**
 * The quote must be an exact substring of the source. A statement that a page break split
 * is quoted from the piece that holds its end (where the value is).
 */
function quoteOf(source: GoalSource, start: number, end: number): { quote: string; line: number } {
  const { offsets, pieces, text } = source;
  // The last piece that starts before `end`: a binary search, as a goal may have many pieces.
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! < end) lo = mid;
    else hi = mid - 1;
  }
  const from = Math.max(start, offsets[lo]!);
  return { quote: text.slice(from, end).trim(), line: pieces[lo]!.line };
}

function toParsedTarget(t: FoundTarget, source: GoalSource): ParsedTarget {
  return {
    indicator: t.indicator,
    comparator: t.comparator,
    value: t.value === null ? null : Math.round(t.value * 1e6) / 1e6,
    unit: t.unit,
    year: t.year,
    baseYear: t.baseYear,
    quote: quoteOf(source, t.start, t.end).quote,
  };
}

function unconsumedQuantities(goal: ParsedItem, found: FoundTarget[], source: GoalSource, areaTitle: string): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  // Quantities come in order; a quantity is consumed when a target that starts at or before it
  // ends after it, so one pass over the targets by start keeps the furthest end seen so far.
  const byStart = [...found].sort((a, b) => a.start - b.start);
  let next = 0;
  let furthestEnd = -1;
  for (const m of goal.text.matchAll(QUANTITY)) {
    const at = m.index;
    while (next < byStart.length && byStart[next]!.start <= at) furthestEnd = Math.max(furthestEnd, byStart[next++]!.end);
    if (furthestEnd > at) continue;
    warnings.push({
      line: quoteOf(source, at, at + m[0].length).line,
      message: `${areaTitle} 目标 ${goal.no} 中的“${m[0]}”没有识别为量化指标，请核对`,
    });
  }
  return warnings;
}

/** “…比例一般不低于本地区党员总数中女性比例”: a target the person importing has to set. */
function unquantifiedComparisons(goal: ParsedItem, source: GoalSource, areaTitle: string): ParseWarning[] {
  return referenceComparisons(goal.text).map((clause) => {
    const { quote, line } = quoteOf(source, clause.start, clause.start + clause.text.length);
    return { line, message: `${areaTitle} 目标 ${goal.no} 中的“${quote}”以其他数据为参照，无法自动生成目标值，请人工设定` };
  });
}
