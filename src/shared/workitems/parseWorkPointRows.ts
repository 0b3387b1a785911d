/*
 * A year's 工作要点 as a worksheet: the layout our export writes (编号 as a path 「一、1、」, 标题, 内容,
 * 牵头单位, 配合单位, 完成时限, 实事项目, …) or a table made by hand (序号 / 工作要点 / 责任单位 /
 * 完成时限 / 实事项目), with a title above the header, sections 「一、」 in the 序号 or the title
 * column, cells merged across columns or down rows. Bad input is a WorkPointsError naming the
 * sheet, row and column; the result has the shape the text parser gives.
 */
import {
  dueOf, MAX_DEPTH, mentionedUnits, numbering, PRACTICAL_MARKER, WORK_POINTS_LIMITS, WORK_POINTS_TITLE, WorkPointsError,
  type ParsedWorkPoint, type ParsedWorkPoints, type WorkPointWarning,
} from './parseWorkPoints';
import { cleanCell, splitUnits } from './text';

/** Rows of a worksheet read for 工作要点, checked by the reader before any is read: 300 points with headers and sections fit well. */
export const WORK_POINT_SHEET_ROWS = 1_000;
/** The header is looked for in this many rows from the top. */
const HEADER_SEARCH = 20;

export interface SheetRow {
  /** The row number in the worksheet (1-based). */
  line: number;
  /** The text of each cell; a cell merged with those left of it is ''. */
  cells: string[];
  /** Columns (0-based) whose cell is the lower part of a range merged down from the row above. */
  continued?: readonly number[];
}

export interface WorkPointSheet {
  name: string;
  rows: readonly SheetRow[];
}

type Column = 'no' | 'title' | 'text' | 'leads' | 'partners' | 'responsible' | 'due' | 'practical';
const HEADERS: [Column, RegExp][] = [
  ['no', /^(序号|编号|序列号?)$/],
  ['title', /^(工作要点|要点|标题|工作任务|重点任务|任务|项目名称|事项名称|名称)$/],
  ['text', /^(内容|具体内容|工作内容|主要内容|任务内容|具体措施|工作措施|说明)$/],
  ['leads', /^(牵头单位|牵头部门)$/],
  ['partners', /^(配合单位|配合部门|协办单位)$/],
  ['responsible', /^(责任单位|责任部门)$/],
  ['due', /^(完成时限|完成时间|完成期限|时限|时间节点|截止时间)$/],
  ['practical', /^(实事项目|是否实事项目|是否为实事项目)$/],
];

/** A header cell without spaces and a note in parentheses: 「完成 时限（月）」 → 完成时限. */
const headerName = (cell: string) => cell.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');

function columnsOf(cells: readonly string[]): Partial<Record<Column, number>> | null {
  const found: Partial<Record<Column, number>> = {};
  cells.forEach((cell, i) => {
    const name = headerName(cell);
    const column = HEADERS.find(([, re]) => re.test(name))?.[0];
    if (column && found[column] === undefined) found[column] = i;
  });
  // A sheet with only 内容 has its points there.
  if (found.title === undefined && found.text !== undefined) [found.title, found.text] = [found.text, undefined];
  return found.title !== undefined && Object.keys(found).length >= 2 ? found : null;
}

const letter = (index: number): string => (index >= 26 ? letter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/** The numbering path of a 序号 cell: 「一、1、」 (as exported) is two levels, a bare 「3」 (a number cell) is 「3、」. */
function labelPath(cell: string): { tokens: { style: string; no: number; label: string }[]; rest: string } | null {
  const compact = cell.replace(/\s+/g, '');
  if (/^\d{1,2}$/.test(compact) && Number(compact) > 0) return { tokens: [{ style: 'num', no: Number(compact), label: `${Number(compact)}、` }], rest: '' };
  if (/^[一二三四五六七八九十]{1,3}$/.test(compact)) {
    const n = numbering(`${compact}、`);
    if (n) return { tokens: [{ style: n.style, no: n.no, label: n.label }], rest: '' };
  }
  const tokens: { style: string; no: number; label: string }[] = [];
  let rest = cell.trim();
  for (let n = numbering(rest); n; n = tokens.length < MAX_DEPTH + 1 ? numbering(rest) : null) {
    tokens.push({ style: n.style, no: n.no, label: n.label });
    rest = n.rest;
  }
  return tokens.length ? { tokens, rest } : null;
}

const PRACTICAL_YES = /^(是|√|✓|✔|Y|YES|★|实事项目)$/i;
const PRACTICAL_NO = /^(否|×|✗|N|NO|不是)?$/i;
/** Due cells that state no date: the point runs all year. */
const NO_DATE = /^(长期|持续|常态|长期坚持|持续推进|全年|全年持续)$/;

/**
 * A 完成时限 cell as a date: a date (from an Excel date or its serial number, 「2015-06-30」, 「2015年6月30日」, 「2015/6/30」)
 * or a time limit of the year (「6月底前」「6月」「上半年」「年底前」); null when it states none; undefined
 * when it cannot be read.
 */
export function dueOfCell(cell: string, year: number | null): string | null | undefined {
  const text = cell.replace(/\s+/g, '');
  if (text === '' || NO_DATE.test(text)) return null;
  // An Excel date serial whose cell lost its date format: days since 1899-12-30, years 2000–2099.
  if (/^\d{5}$/.test(text) && Number(text) >= 36_526 && Number(text) < 73_051) return new Date(Date.UTC(1899, 11, 30 + Number(text))).toISOString().slice(0, 10);
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:前|以前|之前)?$/.exec(text);
  if (full) return dayOf(Number(full[1]), Number(full[2]), Number(full[3]));
  const month = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?(?:底|末|份)?(?:前|以前|之前)?$/.exec(text);
  const at = month?.[1] ? Number(month[1]) : year;
  if (month && at !== null) return month[3] ? dayOf(at, Number(month[2]), Number(month[3])) : dayOf(at, Number(month[2]) + 1, 0);
  if (year === null) return /\d{1,2}\s*月|上半年|年底|年内|年末/.test(text) ? null : undefined;
  if (/^(上半年|上半年前|上半年内|上半年完成)$/.test(text)) return `${year}-06-30`;
  if (/^(年底|年底前|年末|年内|年内完成|年底完成|下半年|全年完成)$/.test(text)) return `${year}-12-31`;
  return dueOf(text, year) ?? undefined;
}

/** 「YYYY-MM-DD」 of a day that exists; day 0 is the last of the month before. */
function dayOf(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 13 || (month === 13 && day !== 0)) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (day !== 0 && (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)) return undefined;
  return date.toISOString().slice(0, 10);
}

interface Pending {
  point: ParsedWorkPoint;
  /** The raw 完成时限 cell and where it is, read once the year is known. */
  due: { text: string; line: number; column: number } | null;
}

/** A 工作要点 worksheet → its tree of points, the year from its title row, and warnings naming rows. */
export function parseWorkPointRows(sheet: WorkPointSheet, options: { year?: number } = {}): ParsedWorkPoints {
  const where = (line: number, column?: number) => `工作表“${sheet.name}”第 ${line} 行${column === undefined ? '' : ` ${letter(column)} 列`}`;
  const fail = (line: number, column: number | undefined, message: string): never => {
    throw new WorkPointsError(`${where(line, column)}${message}`);
  };
  const rows = sheet.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) throw new WorkPointsError(`工作表“${sheet.name}”是空的：没有可导入的工作要点`);
  const headerAt = rows.findIndex((r, i) => i < HEADER_SEARCH && columnsOf(r.cells) !== null);
  if (headerAt < 0) {
    throw new WorkPointsError(`工作表“${sheet.name}”前 ${HEADER_SEARCH} 行中没有找到表头：需要一行写有“序号”“工作要点”（或“标题”）“责任单位”“完成时限”这样的列名`);
  }
  const columns = columnsOf(rows[headerAt]!.cells)!;
  const titleRow = rows.slice(0, headerAt).map((r) => r.cells.map(cleanCell).join('')).find((t) => WORK_POINTS_TITLE.test(t));
  const title = titleRow ?? null;
  const year = options.year ?? (titleRow ? Number(WORK_POINTS_TITLE.exec(titleRow)![1]) : null);

  const warnings: WorkPointWarning[] = [];
  const points: ParsedWorkPoint[] = [];
  const all: Pending[] = [];
  const styles: string[] = [];
  const open: { pending: Pending; no: number }[] = [];

  for (const row of rows.slice(headerAt + 1)) {
    const raw = (c: Column) => (columns[c] === undefined ? '' : (row.cells[columns[c]!] ?? ''));
    const cell = (c: Column) => cleanCell(raw(c));
    const continued = (c: Column) => columns[c] !== undefined && (row.continued ?? []).includes(columns[c]!);
    if (columnsOf(row.cells) !== null) continue; // the header repeated on a printed page

    // A point's title merged down over rows that add units to it; a 责任单位 after the first is a partner.
    if (continued('title') && open.length > 0) {
      const { point } = open.at(-1)!.pending;
      const more = unitsOf(raw('leads'), raw('partners'), point.leads.length ? '' : raw('responsible'));
      point.leads = [...new Set([...point.leads, ...more.leads])];
      point.partners = [...new Set([...point.partners, ...more.partners, ...(point.leads.length ? splitUnits(raw('responsible')) : [])])].filter((u) => !point.leads.includes(u));
      continue;
    }

    let label = columns.no === undefined ? null : labelPath(cell('no'));
    let heading = cell('title');
    if (cell('no') !== '' && label === null) fail(row.line, columns.no, `（${headerName(rows[headerAt]!.cells[columns.no!]!)}）“${cell('no')}”不是编号：应为“一、”“（一）”“1、”这样的编号或数字`);
    if (label && label.rest && !heading) heading = label.rest;
    if (!label) {
      const inTitle = numbering(heading);
      if (inTitle) {
        label = { tokens: [{ style: inTitle.style, no: inTitle.no, label: inTitle.label }], rest: '' };
        heading = inTitle.rest;
      } else if (heading && columns.no === undefined) {
        // A sheet without numbers: the next number where 「1、」 items stand (under the open section).
        const at = Math.min(styles.includes('num') ? styles.indexOf('num') : styles.length, open.length);
        const no = (open[at]?.no ?? 0) + 1;
        label = { tokens: [{ style: 'num', no, label: `${no}、` }], rest: '' };
      } else if (!heading && cell('text') && open.length > 0) {
        // More text of the point above, in a row of its own.
        const last = open.at(-1)!.pending.point;
        last.text = [last.text, textOf(raw('text'))].filter(Boolean).join('\n');
        continue;
      } else if (heading) {
        fail(row.line, columns.no, '的序号为空：每条工作要点需要“一、”“1、”这样的编号');
      } else continue;
    }
    if (!heading) fail(row.line, columns.title, `的${headerName(rows[headerAt]!.cells[columns.title!]!)}为空`);
    const path = label!.tokens;
    for (const t of path) if (!styles.includes(t.style)) styles.push(t.style);
    const last = path.at(-1)!;
    const depth = path.length > 1 ? path.length - 1 : styles.indexOf(last.style);
    if (depth >= MAX_DEPTH) fail(row.line, columns.no ?? columns.title, `的编号“${path.map((t) => t.label).join('')}”是第 ${depth + 1} 级，工作要点最多 ${MAX_DEPTH} 级`);
    if (path.length > 1 && open.length < depth) fail(row.line, columns.no, `的编号“${path.map((t) => t.label).join('')}”没有上级条目：请检查上一级的行是否存在`);
    const level = Math.min(depth, open.length);
    const expected = open[level] ? open[level]!.no + 1 : 1;
    if (last.no !== expected) warnings.push({ line: row.line, message: `${where(row.line)}编号“${last.label}”与上一条不连续（应为第 ${expected} 条）` });

    const text = textOf(raw('text'));
    const units = unitsOf(raw('leads'), raw('partners'), raw('responsible'));
    const practical = practicalOf(cell('practical'), () => fail(row.line, columns.practical, `（实事项目）“${cell('practical')}”无法识别：请填“是”或留空`)) || PRACTICAL_MARKER.test(heading) || PRACTICAL_MARKER.test(text);
    heading = heading.replace(PRACTICAL_MARKER, '').trim();
    const point: ParsedWorkPoint = {
      line: row.line, label: last.label, title: heading, text: text.replace(PRACTICAL_MARKER, '').trim(), ...units,
      mentioned: mentionedUnits(`${heading}${text}`, [...units.leads, ...units.partners]), due: null, practical, children: [],
    };
    const pending: Pending = { point, due: cell('due') ? { text: cell('due'), line: row.line, column: columns.due! } : null };
    if (all.push(pending) > WORK_POINTS_LIMITS.points) throw new WorkPointsError(`条目过多：工作要点最多 ${WORK_POINTS_LIMITS.points} 条`);
    (level === 0 ? points : open[level - 1]!.pending.point.children).push(point);
    open.length = level;
    open.push({ pending, no: last.no });
  }
  if (points.length === 0) throw new WorkPointsError(`工作表“${sheet.name}”表头下没有工作要点：请在“${headerName(rows[headerAt]!.cells[columns.title!]!)}”列填写条目`);

  for (const { point, due } of all) {
    if (due) {
      const date = dueOfCell(due.text, year);
      if (date === undefined) fail(due.line, due.column, `（完成时限）“${due.text}”无法识别：应为日期（如 2015-06-30）或“6月底前”“年底前”这样的时限`);
      point.due = date ?? null;
    } else if (year !== null) point.due = dueOf(`${point.title}${point.text}`, year);
  }
  return { title, year, intro: '', points, warnings };
}

/** 内容 as lines without stray spaces. */
const textOf = (raw: string) => raw.split(/\r\n|\r|\n/).map(cleanCell).filter(Boolean).join('\n');

function practicalOf(cell: string, invalid: () => never): boolean {
  if (PRACTICAL_YES.test(cell)) return true;
  if (PRACTICAL_NO.test(cell)) return false;
  return invalid();
}

/** 牵头 and 配合 from their columns; of 「责任单位：A、B」 the first named leads, as in the text. */
function unitsOf(leadCell: string, partnerCell: string, responsibleCell: string): { leads: string[]; partners: string[] } {
  const leads = splitUnits(leadCell);
  const partners = splitUnits(partnerCell);
  const responsible = splitUnits(responsibleCell);
  if (leads.length === 0) leads.push(...responsible.slice(0, 1));
  partners.push(...responsible.filter((u) => !leads.includes(u)));
  return { leads, partners: [...new Set(partners)].filter((u) => !leads.includes(u)) };
}
