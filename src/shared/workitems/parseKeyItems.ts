import { comparatorOf, dueOf, firstQuantity, type Comparator, type Period } from './milestones';
import { cleanCell, splitUnits } from './text';

/*
 * A key-items table (重要事项推进计划表, seed 004): 序号 | 事项名称 | 事项简介 | 年度任务目标 |
 * 上半年 | 下半年 | 牵头单位 [| 配合单位], from tab-separated text or the rows of a worksheet.
 * The header may repeat before every page's rows; its columns are found by name. Pure and linear.
 */

export interface KeyItemMilestone {
  period: Period;
  text: string;
  value: number | null;
  unit: string | null;
  /** `YYYY-MM-DD`; null when the table's year is unknown. */
  due: string | null;
  comparator: Comparator;
}

export interface ParsedKeyItem {
  no: number;
  name: string;
  summary: string;
  leads: string[];
  partners: string[];
  milestones: KeyItemMilestone[];
  /** The source line (text) or row (worksheet) the item starts on. */
  line: number;
}

export interface ParseWarning {
  line: number;
  message: string;
}

export interface ParsedKeyItems {
  /** The table's title, e.g. 「烟台市“十四五”妇女儿童发展规划 2023 年重要事项推进计划表」. */
  title: string | null;
  year: number | null;
  items: ParsedKeyItem[];
  warnings: ParseWarning[];
}

/** Limits checked before parsing: a year's table has tens of items. */
export const KEY_ITEM_LIMITS = { maxChars: 1_000_000, maxItems: 500 } as const;

export class KeyItemsError extends Error {
  constructor(message: string, readonly line: number | null = null) {
    super(message);
    this.name = 'KeyItemsError';
  }
}

export interface SourceRow {
  line: number;
  cells: string[];
}

type Column = 'no' | 'name' | 'summary' | 'target' | 'h1' | 'h2' | 'leads' | 'partners';
const HEADER_NAMES: [Column, RegExp][] = [
  ['no', /^序号$/],
  ['name', /^(事项名称|事项|项目名称)$/],
  ['summary', /^(事项简介|简介|主要内容)$/],
  ['target', /^(年度任务目标|年度目标|任务目标)$/],
  ['h1', /^上半年/],
  ['h2', /^下半年/],
  ['leads', /^(牵头单位|责任单位)$/],
  ['partners', /^(配合单位|协办单位|参与单位|协同单位)$/],
];
/** Seed 004's layout, used until a header says otherwise. */
const DEFAULT_COLUMNS: Partial<Record<Column, number>> = { no: 0, name: 1, summary: 2, target: 3, h1: 4, h2: 5, leads: 6 };

const isHeader = (cells: string[]) => cells.some((c) => /^(序号|上半年|下半年|事项名称|牵头单位)$/.test(cleanCell(c)));
const NUMBER = /^\s*(\d{1,4})\s*$/;

/** Lines of tab-separated text as rows; a line break inside a cell (a row that has not yet reached the header's width) joins the row. */
export function rowsOfText(text: string): SourceRow[] {
  if (text.length > KEY_ITEM_LIMITS.maxChars) throw new KeyItemsError(`文本过长：最多 ${KEY_ITEM_LIMITS.maxChars.toLocaleString('en')} 个字符`);
  const rows: SourceRow[] = [];
  let width = 7;
  let open: SourceRow | null = null;
  for (const [i, raw] of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).entries()) {
    const cells = raw.split('\t');
    if (isHeader(cells)) width = Math.max(width, cells.length);
    if (open && !NUMBER.test(cells[0]!) && !isHeader(cells) && raw.trim() && open.cells.length < width) {
      open.cells[open.cells.length - 1] += ` ${cells[0]}`;
      open.cells.push(...cells.slice(1));
      continue;
    }
    const row = { line: i + 1, cells };
    rows.push(row);
    open = NUMBER.test(cells[0]!) && cells.length < width ? row : null;
  }
  return rows;
}

export function parseKeyItemsText(text: string, options: { year?: number } = {}): ParsedKeyItems {
  return parseKeyItemRows(rowsOfText(text), options);
}

/** Rows of a table (from text or a worksheet) to items; `year` overrides the one in the title. */
export function parseKeyItemRows(rows: readonly SourceRow[], options: { year?: number } = {}): ParsedKeyItems {
  const warnings: ParseWarning[] = [];
  const items: ParsedKeyItem[] = [];
  let columns = { ...DEFAULT_COLUMNS };
  let title: string | null = null;
  let titleYear: number | null = null;
  let sawHeader = false;

  const pending: { line: number; cells: string[]; raw: string[] }[] = [];
  for (const row of rows) {
    const cells = row.cells.map(cleanCell);
    if (cells.every((c) => c === '')) continue;
    if (isHeader(row.cells)) {
      columns = readHeader(cells, columns);
      sawHeader = true;
      continue;
    }
    if (NUMBER.test(cells[0]!)) {
      pending.push({ line: row.line, cells, raw: row.cells });
      continue;
    }
    const text = cells.filter(Boolean).join(' ');
    if (!sawHeader && items.length === 0 && pending.length === 0) {
      // Before the table: 附件, the title with its year.
      if (/表|计划|事项/.test(text) && !title) {
        title = text;
        const y = /((?:19|20)\d{2})\s*年/.exec(text);
        if (y) titleYear = Number(y[1]);
      }
      continue;
    }
    warnings.push({ line: row.line, message: `无法识别的行，已跳过：“${text.slice(0, 30)}${text.length > 30 ? '…' : ''}”` });
  }

  const year = options.year ?? titleYear;
  if (year === null) warnings.push({ line: 0, message: '标题中没有年份，也未指定年度：各节点未设截止日期' });
  if (pending.length > KEY_ITEM_LIMITS.maxItems) throw new KeyItemsError(`事项过多：一张表最多 ${KEY_ITEM_LIMITS.maxItems} 项`);

  const seen = new Map<number, number>();
  for (const { line, cells, raw } of pending) {
    const cell = (c: Column) => (columns[c] === undefined ? '' : (cells[columns[c]!] ?? ''));
    // Units are split on the spaces cleaning would remove.
    const rawCell = (c: Column) => (columns[c] === undefined ? '' : (raw[columns[c]!] ?? ''));
    const no = Number(cell('no'));
    const name = cell('name');
    if (!name) {
      warnings.push({ line, message: `第 ${no} 项没有事项名称，已跳过` });
      continue;
    }
    if (seen.has(no)) {
      warnings.push({ line, message: `序号 ${no} 重复（第 ${seen.get(no)} 行已有），已跳过` });
      continue;
    }
    seen.set(no, line);
    const milestones: KeyItemMilestone[] = [];
    for (const [period, column] of [['annual', 'target'], ['H1', 'h1'], ['H2', 'h2']] as const) {
      const text = cell(column);
      if (!text) continue;
      const quantity = firstQuantity(text);
      milestones.push({ period, text, value: quantity?.value ?? null, unit: quantity?.unit ?? null, due: year === null ? null : dueOf(period, text, year), comparator: comparatorOf(text) });
    }
    if (milestones.length === 0) warnings.push({ line, message: `第 ${no} 项“${name}”没有年度目标和工作计划` });
    const leadCell = rawCell('leads');
    let leads = splitUnits(leadCell);
    let partners = splitUnits(rawCell('partners'));
    // A cell may name its helpers after 「配合：」; they are partners, not leads.
    const marked = /(配合|协办)[:：](.+)$/.exec(leadCell);
    if (marked) {
      leads = splitUnits(leadCell.slice(0, marked.index));
      partners = [...new Set([...partners, ...splitUnits(marked[2]!)])];
    }
    if (leads.length === 0) warnings.push({ line, message: `第 ${no} 项“${name}”没有牵头单位` });
    items.push({ no, name, summary: cell('summary'), leads, partners, milestones, line });
  }
  if (items.length === 0) throw new KeyItemsError('未识别到重要事项：表格应有“序号、事项名称、事项简介、年度任务目标、上半年、下半年、牵头单位”各列，每项以序号开头');
  return { title, year, items, warnings };
}

function readHeader(cells: string[], previous: Partial<Record<Column, number>>): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  cells.forEach((c, i) => {
    const hit = HEADER_NAMES.find(([, re]) => re.test(c));
    if (hit) found[hit[0]] = i;
  });
  // The second header row (上半年 | 下半年 under 年度工作计划) adds to the first.
  return Object.keys(found).length <= 2 && (found.h1 !== undefined || found.h2 !== undefined) ? { ...previous, ...found } : { ...DEFAULT_COLUMNS, ...found };
}
