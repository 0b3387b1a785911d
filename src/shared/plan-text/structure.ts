import { PlanTextError } from './errors';
import { sourceLines, type SourceLine } from './lines';
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
/** “（一）妇女与健康”, “(一)妇女与健康”, “（一）妇女与健康。” (the national outlines). */
const AREA = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*([^。；，,]{2,24}?)\s*[。.]?$/;
/** “一、妇女与健康” as an area: a chapter whose next line is its 主要目标. */
const CHAPTER_AREA = /^[一二三四五六七八九十]{1,3}\s*、\s*([^。；，,、]{2,24}?)\s*[。.]?$/;
const SECTION = /^[一二三四五六七八九十]{1,3}\s*、/;
/** “主要目标：”, also numbered as the first or second part of an area: “（一）主要目标”, “1.主要目标”. */
const GOALS_HEAD = /^(?:[（(]\s*[一二]\s*[)）]|[12]\s*[.、])?\s*主要目标\s*[:：。.]?\s*/;
const MEASURES_HEAD = /^(?:[（(]\s*[二三]\s*[)）]|[23]\s*[.、])?\s*策略措施\s*[:：。.]?\s*/;
const NUMBERED = /^(?:(\d{1,3})\s*[.、]|[（(]\s*(\d{1,3})\s*[)）])\s*/;
/** “——孕产妇死亡率控制在…”: a sub-goal under a numbered goal, or an item of a list numbered by dashes. */
const DASH = /^(?:[—―]{2}|-{2})\s*/;
/** Page numbers left behind by PDF/Word conversion: “- 12 -”, “— 3 —”, “12”. */
const PAGE_NUMBER = /^[-—–\s]*\d{1,3}[-—–\s]*$/;

/** Full-width digits and punctuation to ASCII for matching only; the text itself is kept verbatim. */
const fold = (s: string) => s.normalize('NFKC');

/** A line to parse with its folded form for matching. */
interface Line extends SourceLine {
  folded: string;
}

/** How an item is numbered: “1.” “1、”, “（1）”, or a dash in a list numbered by dashes alone. */
type Marker = 'dot' | 'paren' | 'dash';

function kindOf(title: string): PlanKind {
  return title.includes('儿童') && !title.includes('妇女') ? 'children' : 'women';
}

/**
 * Splits a plan document into plans → areas → numbered goals and measures. A line that does not
 * start the next number continues the item before it: that is how page breaks that cut a
 * sentence are joined.
 */
export function parseStructure(text: string): { plans: RawPlan[]; warnings: ParseWarning[] } {
  const lines: Line[] = sourceLines(text)
    .map((l) => ({ ...l, folded: fold(l.text) }))
    .filter((l) => !PAGE_NUMBER.test(l.folded));
  const plans: RawPlan[] = [];
  const warnings: ParseWarning[] = [];
  const markers = new WeakMap<RawItem, Marker>();
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

  const openArea = (no: number, title: string, lineNo: number) => {
    closeArea();
    area = { no, title, line: lineNo, goals: [], measures: [] };
    plan!.areas.push(area);
  };

  const startItem = (no: number, marker: Marker, content: string, prefixLength: number, lineNo: number) => {
    const item: RawItem = { no, pieces: [{ line: lineNo, text: content.slice(prefixLength).trim() }] };
    markers.set(item, marker);
    area![block!].push(item);
  };

  const addItemLine = (l: Pick<Line, 'text' | 'folded' | 'line' | 'cut'>) => {
    if (!area || !block) return;
    const { text: content, folded, line: lineNo } = l;
    const items = area[block];
    const label = block === 'goals' ? '主要目标' : '策略措施';
    const m = NUMBERED.exec(folded);
    const last = items[items.length - 1];
    const expected = (last?.no ?? 0) + 1;
    if (m) {
      const no = Number(m[1] ?? m[2]);
      const marker: Marker = m[1] ? 'dot' : 'paren';
      // A number that does not continue the sequence is usually text cut by a page break; in a
      // run-together line only the very next number starts an item. A list numbered “1.” goes on
      // with “2.”: a “（2）” in it numbers the parts of an item.
      const inSequence = no === expected || (!l.cut && no > expected && no <= expected + 2);
      const sameList = items.length === 0 || markers.get(items[0]!) === marker;
      if (inSequence && sameList) {
        if (no !== expected) warn(lineNo, `${label}编号不连续：第 ${expected - 1} 条之后是第 ${no} 条`);
        startItem(no, marker, content, prefixLengthInOriginal(content, m[0].length), lineNo);
        return;
      }
    }
    const dash = DASH.exec(folded);
    if (dash && (!last || markers.get(last) === 'dash')) {
      startItem(expected, 'dash', content, prefixLengthInOriginal(content, dash[0].length), lineNo);
      return;
    }
    if (!last) {
      warn(lineNo, `“${label}”下的文字没有编号，已忽略：${content.slice(0, 20)}…`);
      return;
    }
    last.pieces.push({ line: lineNo, text: content });
  };

  /** The text after a block head on the head's own line (“主要目标：1.妇女…”). */
  const afterHead = (l: Line, head: RegExp) => {
    const m = head.exec(l.folded)!;
    const at = prefixLengthInOriginal(l.text, m[0].length);
    const text = l.text.slice(at).trim();
    if (text) addItemLine({ text, folded: fold(text), line: l.line, cut: l.cut });
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const { text: content, folded, line: lineNo } = l;
    const next = lines[i + 1]?.folded ?? '';

    const title = TITLE.exec(folded.replace(/\s+/g, ''));
    if (title && !block) {
      const period = title[2] ? [title[2], title[3]] : PERIOD.exec(next)?.slice(1, 3);
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

    const chapterArea = CHAPTER_AREA.exec(folded);
    if (chapterArea && GOALS_HEAD.test(next)) {
      // Chapters number everything in the plan, areas among them: the area's number is its place.
      openArea(plan.areas.length + 1, chapterArea[1]!, lineNo);
      continue;
    }
    if (SECTION.test(folded)) {
      closeArea();
      continue;
    }
    const areaHead = AREA.exec(folded);
    if (areaHead && GOALS_HEAD.test(next)) {
      const no = chineseNumeral(areaHead[1]!)!;
      const expected = plan.areas.length + 1;
      if (no !== expected) warn(lineNo, `领域编号不连续：应为（${expected}），实为（${areaHead[1]}）`);
      openArea(no, areaHead[2]!.trim(), lineNo);
      continue;
    }
    if (area && GOALS_HEAD.test(folded)) {
      block = 'goals';
      afterHead(l, GOALS_HEAD);
      continue;
    }
    if (area && MEASURES_HEAD.test(folded)) {
      block = 'measures';
      afterHead(l, MEASURES_HEAD);
      continue;
    }
    if (block) addItemLine(l);
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
