import { PlanTextError } from './errors';
import type { FoundTarget } from './phrases';
import { referenceComparisons } from './references';
import { parseStructure, type RawItem, type TextPiece } from './structure';
import { extractTargets } from './targets';
import type { ParsedGoal, ParsedItem, ParsedTarget, ParseResult, ParseWarning } from './types';

export { decodePlanText } from './decode';
export { PlanTextError } from './errors';
export type * from './types';

/** A quantity a target should have consumed: a number with a rate or ratio unit. */
const QUANTITY = /\d+(?:\.\d+)?\s*(?:%|％|‰|\/\s*10\s*万)/g;

/**
 * The largest text the parser takes: a ten-year plan is about 60,000 characters in 1,000 lines, a
 * file of several plans a few times that.
 */
export const PLAN_TEXT_LIMITS = { characters: 1_000_000, lines: 20_000 } as const;

function assertWithinLimits(text: string): void {
  if (text.length > PLAN_TEXT_LIMITS.characters) {
    throw new PlanTextError(`文本过长：共 ${text.length.toLocaleString('en-US')} 字符，最多 ${PLAN_TEXT_LIMITS.characters.toLocaleString('en-US')} 字符`);
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
        const found = extractTargets(goal.text);
        allWarnings.push(...unconsumedQuantities(goal, found, g.pieces, area.title));
        allWarnings.push(...unquantifiedComparisons(goal, g.pieces, area.title));
        return { ...goal, targets: found.map((t) => toParsedTarget(t, g.pieces)) };
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

/**
 * The quote must be an exact substring of the source. A statement that a page break split
 * is quoted from the piece that holds its end (where the value is).
 */
function quoteOf(text: string, start: number, end: number, pieces: TextPiece[]): { quote: string; line: number } {
  const offsets = pieceOffsets(pieces);
  let index = 0;
  for (let i = 0; i < offsets.length; i++) if (offsets[i]! < end) index = i;
  const pieceStart = offsets[index]!;
  const from = Math.max(start, pieceStart);
  return { quote: text.slice(from, end).trim(), line: pieces[index]!.line };
}

function toParsedTarget(t: FoundTarget, pieces: TextPiece[]): ParsedTarget {
  const text = pieces.map((p) => p.text).join('');
  return {
    indicator: t.indicator,
    comparator: t.comparator,
    value: t.value === null ? null : Math.round(t.value * 1e6) / 1e6,
    unit: t.unit,
    year: t.year,
    baseYear: t.baseYear,
    quote: quoteOf(text, t.start, t.end, pieces).quote,
  };
}

function unconsumedQuantities(goal: ParsedItem, found: FoundTarget[], pieces: TextPiece[], areaTitle: string): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  for (const m of goal.text.matchAll(QUANTITY)) {
    const at = m.index!;
    if (found.some((t) => at >= t.start && at < t.end)) continue;
    warnings.push({
      line: quoteOf(goal.text, at, at + m[0].length, pieces).line,
      message: `${areaTitle} 目标 ${goal.no} 中的“${m[0]}”没有识别为量化指标，请核对`,
    });
  }
  return warnings;
}

/** “…比例一般不低于本地区党员总数中女性比例”: a target the person importing has to set. */
function unquantifiedComparisons(goal: ParsedItem, pieces: TextPiece[], areaTitle: string): ParseWarning[] {
  return referenceComparisons(goal.text).map((clause) => {
    const { quote, line } = quoteOf(goal.text, clause.start, clause.start + clause.text.length, pieces);
    return { line, message: `${areaTitle} 目标 ${goal.no} 中的“${quote}”以其他数据为参照，无法自动生成目标值，请人工设定` };
  });
}
