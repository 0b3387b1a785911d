import { PlanTextError } from './errors';
import { chineseNumeral } from './numerals';
import type { ParseWarning, PlanKind } from './types';

/** One source line's share of an item; an item's text is its pieces joined with nothing between. */
export interface TextPiece {
  line: number;
  text: string;
}

export interface RawItem {
  no: number;
  pieces: TextPiece[];
}

export interface RawArea {
  no: number;
  title: string;
  line: number;
  goals: RawItem[];
  measures: RawItem[];
}

export interface RawPlan {
  title: string;
  kind: PlanKind;
  periodStart: number;
  periodEnd: number;
  line: number;
  areas: RawArea[];
}

const TITLE = /^(\S{2,30}?(?:妇女|儿童)(?:发展)?(?:规划|纲要))\s*(?:[（(]\s*(\d{4})\s*年?\s*[—–\-－~～至]+\s*(\d{4})\s*年?\s*[)）])?$/;
const PERIOD = /^[（(]\s*(\d{4})\s*年?\s*[—–\-－~～至]+\s*(\d{4})\s*年?\s*[)）]$/;
const AREA = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*([^。；，,]{2,24})$/;
const SECTION = /^[一二三四五六七八九十]{1,3}\s*、/;
const GOALS_HEAD = /^主要目标\s*[:：]?\s*/;
const MEASURES_HEAD = /^策略措施\s*[:：]?\s*/;
const NUMBERED = /^(?:(\d{1,3})\s*[.．、]|[（(]\s*(\d{1,3})\s*[)）])\s*/;
/** Page numbers left behind by PDF/Word conversion: “- 12 -”, “— 3 —”, “12”. */
const PAGE_NUMBER = /^[-—–\s]*\d{1,3}[-—–\s]*$/;

/** Full-width digits and punctuation to ASCII for matching only; the text itself is kept verbatim. */
const fold = (s: string) => s.normalize('NFKC');

function nextNonEmpty(lines: string[], from: number): string | undefined {
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t !== '' && !PAGE_NUMBER.test(fold(t))) return t;
  }
  return undefined;
}

function kindOf(title: string): PlanKind {
  return title.includes('儿童') && !title.includes('妇女') ? 'children' : 'women';
}

/**
 * Splits a plan document into plans → areas → numbered goals and measures. A line that does not
 * start the next number continues the item before it: that is how page breaks that cut a
 * sentence are joined.
 */
export function parseStructure(text: string): { plans: RawPlan[]; warnings: ParseWarning[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const plans: RawPlan[] = [];
  const warnings: ParseWarning[] = [];
  let plan: RawPlan | null = null;
  let area: RawArea | null = null;
  let block: 'goals' | 'measures' | null = null;

  const warn = (line: number, message: string) => warnings.push({ line, message });

  const closeArea = () => {
    if (area && plan) {
      if (area.goals.length === 0) warn(area.line, `领域“${area.title}”没有识别到主要目标`);
      if (area.measures.length === 0) warn(area.line, `领域“${area.title}”没有识别到策略措施`);
    }
    area = null;
    block = null;
  };

  const addItemLine = (content: string, lineNo: number) => {
    if (!area || !block) return;
    const items = area[block];
    const label = block === 'goals' ? '主要目标' : '策略措施';
    const m = NUMBERED.exec(fold(content));
    const last = items[items.length - 1];
    const expected = (last?.no ?? 0) + 1;
    if (m) {
      const no = Number(m[1] ?? m[2]);
      // A number that does not continue the sequence is usually text cut by a page break.
      const startsItem = no === expected || (no > expected && no <= expected + 2);
      if (startsItem) {
        if (no !== expected) warn(lineNo, `${label}编号不连续：第 ${expected - 1} 条之后是第 ${no} 条`);
        const prefixLength = prefixLengthInOriginal(content, m[0].length);
        items.push({ no, pieces: [{ line: lineNo, text: content.slice(prefixLength).trim() }] });
        return;
      }
    }
    if (!last) {
      warn(lineNo, `“${label}”下的文字没有编号，已忽略：${content.slice(0, 20)}…`);
      return;
    }
    last.pieces.push({ line: lineNo, text: content });
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const content = lines[i]!.trim();
    if (content === '') continue;
    const folded = fold(content);
    if (PAGE_NUMBER.test(folded)) continue;

    const title = TITLE.exec(folded.replace(/\s+/g, ''));
    if (title && !block) {
      const period = title[2] ? [title[2], title[3]] : PERIOD.exec(fold(nextNonEmpty(lines, i + 1) ?? ''))?.slice(1, 3);
      if (period) {
        closeArea();
        plan = {
          title: content.replace(/\s*[（(].*$/, '').replace(/\s+/g, ''),
          kind: kindOf(title[1]!),
          periodStart: Number(period[0]),
          periodEnd: Number(period[1]),
          line: lineNo,
          areas: [],
        };
        plans.push(plan);
        continue;
      }
    }
    if (!plan) continue;

    if (SECTION.test(folded)) {
      closeArea();
      continue;
    }
    const areaHead = AREA.exec(folded);
    if (areaHead && GOALS_HEAD.test(nextNonEmpty(lines, i + 1) ?? '')) {
      closeArea();
      const no = chineseNumeral(areaHead[1]!)!;
      const expected = plan.areas.length + 1;
      if (no !== expected) warn(lineNo, `领域编号不连续：应为（${expected}），实为（${areaHead[1]}）`);
      area = { no, title: areaHead[2]!.trim(), line: lineNo, goals: [], measures: [] };
      plan.areas.push(area);
      continue;
    }
    if (area && GOALS_HEAD.test(folded)) {
      block = 'goals';
      const rest = content.replace(GOALS_HEAD, '');
      if (rest) addItemLine(rest, lineNo);
      continue;
    }
    if (area && MEASURES_HEAD.test(folded)) {
      block = 'measures';
      const rest = content.replace(MEASURES_HEAD, '');
      if (rest) addItemLine(rest, lineNo);
      continue;
    }
    if (block) addItemLine(content, lineNo);
  }
  closeArea();

  if (plans.length === 0) {
    throw new PlanTextError('未识别到发展规划：文中没有规划标题及规划期（如“××市妇女发展规划”下一行“（2021—2030年）”）');
  }
  const empty = plans.find((p) => p.areas.length === 0);
  if (empty) {
    throw new PlanTextError(`“${empty.title}”（第 ${empty.line} 行）中没有识别到任何领域：应有“（一）××”标题，其下为“主要目标：”和“策略措施：”`);
  }
  return { plans, warnings };
}

/**
 * Length in the original text of a prefix whose NFKC-folded length is known. Folding is
 * one-to-one for the characters a number prefix holds (digits, dots, parentheses, spaces).
 */
function prefixLengthInOriginal(original: string, foldedLength: number): number {
  let consumed = 0;
  let i = 0;
  while (i < original.length && consumed < foldedLength) {
    consumed += fold(original[i]!).length;
    i++;
  }
  return i;
}
