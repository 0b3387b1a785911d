/*
 * A year's 工作要点 as text (seed 003): a notice and a title, an introduction, then sections
 * 「一、」 with their paragraphs and numbered items 「1、」, sometimes 「（一）」 between them and
 * 「（1）」 below. Pure and linear in the length of the text.
 */
import { chineseNumeral } from '../plan-text/numerals';
import { splitUnits } from './text';

/** Longest text accepted, checked before anything is parsed: a year's work points are a few pages. */
export const WORK_POINTS_LIMITS = { characters: 100_000, points: 300 } as const;

export class WorkPointsError extends Error {}

export interface WorkPointWarning {
  line: number;
  message: string;
}

export interface ParsedWorkPoint {
  /** Line of the source where the point starts (1-based). */
  line: number;
  /** The numbering as written: 「一、」「（一）」「1、」「（1）」. */
  label: string;
  title: string;
  text: string;
  /** Units named as 牵头 / 责任 in a closing parenthesis, and as 配合. */
  leads: string[];
  partners: string[];
  /** Other units the text mentions (「联合市财政局、市卫计委」): offered, not assigned. */
  mentioned: string[];
  due: string | null;
  /** Marked 「（实事项目）」 in the text. */
  practical: boolean;
  children: ParsedWorkPoint[];
}

export interface ParsedWorkPoints {
  title: string | null;
  year: number | null;
  intro: string;
  points: ParsedWorkPoint[];
  warnings: WorkPointWarning[];
}

type Style = 'cn' | 'paren-cn' | 'num' | 'paren-num';

const NUMBERING: [Style, RegExp][] = [
  ['cn', /^([一二三四五六七八九十]{1,3})[、，.．]\s*/],
  ['paren-cn', /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*/],
  // 「1、」「1.」 but not 「1.5万人」.
  ['num', /^(\d{1,2})(?:[、，]|[.．](?!\d))\s*/],
  ['paren-num', /^[（(](\d{1,2})[）)]\s*/],
];
/** Levels of numbering a year's work points have: sections, items, sub-items. */
export const MAX_DEPTH = 3;

/** The numbering a line starts with, its style and value, and the text after it. */
export function numbering(line: string): { style: Style; no: number; label: string; rest: string } | null {
  for (const [style, re] of NUMBERING) {
    const m = re.exec(line);
    if (!m) continue;
    const no = style === 'cn' || style === 'paren-cn' ? chineseNumeral(m[1]!) : Number(m[1]);
    if (no === null || no === 0) return null;
    return { style, no, label: m[0].trim(), rest: line.slice(m[0].length).trim() };
  }
  return null;
}

const PAIRS: [string, string][] = [['《', '》'], ['“', '”'], ['（', '）'], ['(', ')'], ['「', '」']];
const unbalanced = (s: string) => PAIRS.some(([open, close]) => s.split(open).length > s.split(close).length);
/** A line ending like this has not finished its sentence. */
const CONTINUES = /[、，,“《（(和与及的在对为将把]$/;
const ENDS = /[。；;！!？?：:]["”’」）)]*$/;
/** A wrapped line in the body is about this long at least; shorter unpunctuated lines are titles. */
const WRAPPED_LENGTH = 20;

interface Paragraph {
  line: number;
  text: string;
}

/**
 * The width a text was hard-wrapped at, if it was: the length most lines of 20 or more characters
 * share, when at least three and a third of them do. 0 when the lines are whole paragraphs.
 */
function wrapWidth(lines: string[]): number {
  const counts = new Map<number, number>();
  let long = 0;
  for (const l of lines) {
    if (l.length < WRAPPED_LENGTH) continue;
    long++;
    counts.set(l.length, (counts.get(l.length) ?? 0) + 1);
  }
  const [width, n] = [...counts].reduce((best, c) => (c[1] > best[1] ? c : best), [0, 0]);
  return n >= 3 && n * 3 >= long ? width : 0;
}

/** The lines as paragraphs: a blank line or a numbered line starts one, a line broken mid-sentence joins the one before. */
export function paragraphsOf(text: string): Paragraph[] {
  const lines = text.split(/\r\n|\r|\n/).map((raw) => raw.replace(/[\u3000\u00a0\t]/g, ' ').trim());
  const width = wrapWidth(lines);
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let inBody = false;
  lines.forEach((line, i) => {
    if (line === '') {
      current = null;
      return;
    }
    const numbered = numbering(line) !== null;
    if (numbered && /^[一二三四五六七八九十]/.test(line)) inBody = true;
    if (current && !numbered && joins(current.text, lines[i - 1]!, inBody, width)) {
      const space = /[A-Za-z0-9]$/.test(current.text) && /^[A-Za-z0-9]/.test(line) ? ' ' : '';
      current.text += space + line;
      return;
    }
    current = { line: i + 1, text: line };
    paragraphs.push(current);
  });
  return paragraphs;
}

function joins(paragraph: string, previousLine: string, inBody: boolean, width: number): boolean {
  if (unbalanced(paragraph) || CONTINUES.test(paragraph)) return true;
  if (ENDS.test(paragraph)) return false;
  // A line cut at the width the whole text was wrapped at goes on, a numbered one too.
  if (width > 0 && previousLine.length === width) return true;
  if (!inBody) return false;
  // A numbered heading without a full stop stands on its own line; a plain line that long was wrapped.
  return numbering(paragraph) === null && previousLine.length >= WRAPPED_LENGTH;
}

/** 「2015年工作要点」 in a title, with the year. */
export const WORK_POINTS_TITLE = /(\d{4})\s*年度?工作要点/;

/** A 工作要点 text → its tree of points, the year from its title, and warnings naming lines. */
export function parseWorkPoints(text: string, options: { year?: number } = {}): ParsedWorkPoints {
  if (text.length > WORK_POINTS_LIMITS.characters) throw new WorkPointsError(`文本过长：工作要点最多 ${WORK_POINTS_LIMITS.characters / 10000} 万字`);
  const paragraphs = paragraphsOf(text);
  const warnings: WorkPointWarning[] = [];
  const styles: Style[] = [];
  const points: ParsedWorkPoint[] = [];
  /** The open point at each depth, and the number it had. */
  const open: { point: ParsedWorkPoint; no: number }[] = [];
  const preamble: Paragraph[] = [];
  let count = 0;

  for (const p of paragraphs) {
    const n = numbering(p.text);
    if (n) {
      if (!styles.includes(n.style)) styles.push(n.style);
      const depth = styles.indexOf(n.style);
      if (depth >= MAX_DEPTH) {
        warnings.push({ line: p.line, message: `第 ${p.line} 行“${n.label}”是第 ${depth + 1} 级编号，工作要点最多 ${MAX_DEPTH} 级：并入上一条的内容` });
        appendText(open.at(-1)!.point, p.text);
        continue;
      }
      // A section may go from 「一、」 straight to 「1、」 where another has 「（一）」 between.
      const level = Math.min(depth, open.length);
      const before = open[level];
      const expected = before ? before.no + 1 : 1;
      if (n.no !== expected) warnings.push({ line: p.line, message: `第 ${p.line} 行编号“${n.label}”与上一条不连续（应为第 ${expected} 条）` });
      const point = pointOf(p.line, n.label, n.rest);
      if (++count > WORK_POINTS_LIMITS.points) throw new WorkPointsError(`条目过多：工作要点最多 ${WORK_POINTS_LIMITS.points} 条`);
      (level === 0 ? points : open[level - 1]!.point.children).push(point);
      open.length = level;
      open.push({ point, no: n.no });
    } else if (open.length > 0) {
      appendText(open.at(-1)!.point, p.text);
    } else {
      preamble.push(p);
    }
  }
  if (points.length === 0) throw new WorkPointsError('没有找到“一、”“1、”这样编号的条目：请确认这是一份工作要点');

  const { title, year: titleYear, at } = titleOf(preamble);
  const year = options.year ?? titleYear;
  const finish = (point: ParsedWorkPoint) => {
    Object.assign(point, unitsOf(point));
    point.due = year === null ? null : dueOf(`${point.title}${point.text}`, year);
    point.children.forEach(finish);
  };
  points.forEach(finish);
  // What follows the title is the introduction; a text without a title has none to tell apart from the notice.
  const intro = at < 0 ? '' : preamble.slice(at + 1).map((p) => p.text).join('\n');
  return { title, year, intro, points, warnings };
}

/** The heading of a point: up to its first full stop when that is near; what follows is its text. */
function pointOf(line: number, label: string, content: string): ParsedWorkPoint {
  const stop = content.indexOf('。');
  const split = stop > 0 && stop <= 80 && stop < content.length - 1;
  return {
    line, label, title: split ? content.slice(0, stop) : content.replace(/。$/, ''), text: split ? content.slice(stop + 1).trim() : '',
    leads: [], partners: [], mentioned: [], due: null, practical: false, children: [],
  };
}

function appendText(point: ParsedWorkPoint, text: string) {
  point.text = point.text ? `${point.text}\n${text}` : text;
}

/** The title is the paragraph naming 「YYYY年工作要点」, with the line before it when the name of the committee stands alone there. */
function titleOf(preamble: Paragraph[]): { title: string | null; year: number | null; at: number } {
  const own = preamble.findLastIndex((p) => WORK_POINTS_TITLE.test(p.text) && !p.text.includes('通知'));
  const at = own >= 0 ? own : preamble.findLastIndex((p) => WORK_POINTS_TITLE.test(p.text));
  if (at < 0) return { title: null, year: null, at };
  let title = preamble[at]!.text;
  const before = preamble[at - 1];
  if (/^\d{4}/.test(title) && before && !ENDS.test(before.text) && before.text.length <= 30) title = before.text + title;
  return { title, year: Number(WORK_POINTS_TITLE.exec(title)![1]), at };
}

/** 「（实事项目）」 in a title or text. */
export const PRACTICAL_MARKER = /[（(【[]实事项目[）)】\]]/;
/** 「（牵头单位：市教育局；配合单位：市妇联、团市委）」「（市卫计委牵头，市妇联配合）」「（责任单位：…）」 at the end of a point. */
const UNITS_NOTE = /[（(]([^（）()]*(?:牵头|责任单位|责任部门|配合)[^（）()]*)[）)]。?$/;
const UNIT_MENTION = /(?<![全本各该])(?:市|区|县)[\u4e00-\u9fa5]{1,8}?(?:局|委|办|院|联|厅)(?![\u4e00-\u9fa5]{0,1}(?:员|会|托))/g;

function unitsOf(point: ParsedWorkPoint): Pick<ParsedWorkPoint, 'title' | 'text' | 'leads' | 'partners' | 'mentioned' | 'practical'> {
  let { title, text } = point;
  const practical = PRACTICAL_MARKER.test(title) || PRACTICAL_MARKER.test(text);
  const strip = (s: string) => s.replace(PRACTICAL_MARKER, '').trim();
  title = strip(title);
  text = strip(text);
  const leads: string[] = [];
  const partners: string[] = [];
  const field = text ? 'text' : 'title';
  const note = UNITS_NOTE.exec(field === 'text' ? text : title);
  if (note) {
    for (const seg of note[1]!.split(/[；;]/).map((s) => s.trim()).filter(Boolean)) {
      const labelled = /^(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位)[：:](.+)$/.exec(seg);
      if (labelled) {
        const names = splitUnits(labelled[2]!);
        if (labelled[1]!.startsWith('配合') || labelled[1] === '协办单位') partners.push(...names);
        else if (labelled[1]!.startsWith('责任') && leads.length === 0) {
          // 「责任单位：A、B」: the first named leads.
          leads.push(...names.slice(0, 1));
          partners.push(...names.slice(1));
        } else leads.push(...names);
        continue;
      }
      for (const part of seg.split(/[，,]/)) {
        const m = /^(.+?)(牵头|配合)$/.exec(part.trim());
        if (m) (m[2] === '牵头' ? leads : partners).push(...splitUnits(m[1]!));
      }
    }
    const cut = (s: string) => s.slice(0, s.length - note[0].length).trim();
    if (field === 'text') text = cut(text);
    else title = cut(title);
  }
  const mentioned = mentionedUnits(`${title}${text}`, [...leads, ...partners]);
  return { title, text, leads: [...new Set(leads)], partners: [...new Set(partners)], mentioned, practical };
}

/** Units a text names in passing (「联合市财政局、市卫计委」) other than those `named` already. */
export function mentionedUnits(text: string, named: readonly string[]): string[] {
  return [...new Set([...text.matchAll(UNIT_MENTION)].map((m) => m[0]))].filter((n) => !named.includes(n) && !n.includes('妇儿工委'));
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** A deadline the text states: 「6月底前」「9月前」「年底前」「上半年完成」; the earliest of them. */
export function dueOf(text: string, year: number): string | null {
  const dates: string[] = [];
  for (const m of text.matchAll(/(\d{1,2})\s*月(?:(\d{1,2})日)?(?:底|末)?(?:以)?前/g)) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) continue;
    dates.push(m[2] ? `${year}-${String(month).padStart(2, '0')}-${String(Number(m[2])).padStart(2, '0')}` : lastDay(year, month));
  }
  if (/上半年(?:内)?完成|上半年前/.test(text)) dates.push(`${year}-06-30`);
  if (/年底前|年内完成|年底完成/.test(text)) dates.push(`${year}-12-31`);
  return dates.sort()[0] ?? null;
}
