import { chineseNumeral, toChineseNumeral } from '../plan-text/numerals';

/*
 * The 责任分解 table: one row per goal or measure of a plan, naming its 牵头单位 and 配合单位.
 * Columns: 领域 | 编号 | 牵头单位 | 配合单位 | 内容 (the last only for the reader, never read back).
 * 领域 is the area's number as the plan shows it, 「（一）」 or 「（一）妇女与健康」 (「一」 and 「1」 too);
 * 编号 is 「目标2」 or 「措施3」. Departments are the short or full names of the plan unit's committee,
 * several in one cell separated by 、，；/ or new lines.
 */

export const RESPONSIBILITY_COLUMNS = ['领域', '目标/措施编号', '牵头单位', '配合单位', '内容（仅供参考，导入时不读取）'] as const;
/** Largest file and most rows accepted; a plan has a few hundred goals and measures. */
export const RESPONSIBILITY_FILE_LIMIT = 2 * 1024 * 1024;
export const RESPONSIBILITY_ROW_LIMIT = 2000;

export type ItemKind = 'goal' | 'measure';
export const ITEM_KIND_LABELS: Record<ItemKind, string> = { goal: '目标', measure: '措施' };

/** 「目标2」 / 「措施3」: how the table and the pages number an item within its area. */
export const itemNumber = (kind: ItemKind, no: number) => `${ITEM_KIND_LABELS[kind]}${no}`;
export const areaNumber = (no: number) => `（${toChineseNumeral(no)}）`;

export interface SourceRow {
  /** 1-based row number in the sheet. */
  line: number;
  cells: readonly string[];
}

export interface DepartmentName {
  id: number;
  name: string;
  shortName: string;
}

export interface PlanItemRef {
  kind: ItemKind;
  id: number;
  areaNo: number;
  no: number;
}

export interface ParsedAssignment {
  line: number;
  item: PlanItemRef;
  leads: number[];
  partners: number[];
}

export interface TableProblem {
  line: number;
  /** Column letter, A…E; null for a problem of the whole row. */
  column: string | null;
  message: string;
}

export type ParseOutcome = { ok: true; rows: ParsedAssignment[] } | { ok: false; problems: TableProblem[] };

const COLUMN_LETTERS = ['A', 'B', 'C', 'D', 'E'];

const clean = (s: string) => s.replace(/[\u3000\u00a0]/g, ' ').replace(/\s+/g, ' ').trim();
/** Full-width digits and letters as ASCII: 「目标２」 is 「目标2」. */
const halfWidth = (s: string) => s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** The area's number from 「（一）妇女与健康」, 「(一)」, 「一、」, 「一」 or 「1」; null when it names none. */
export function parseAreaCell(raw: string): number | null {
  const s = halfWidth(clean(raw));
  const m = /^[（(]?\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[）)、.．]?/.exec(s);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : chineseNumeral(m[1]!);
  return n !== null && n > 0 ? n : null;
}

/** 「目标2」, 「目标 2」, 「措施３」; a bare number is a goal. */
export function parseItemCell(raw: string): { kind: ItemKind; no: number } | null {
  const s = halfWidth(clean(raw)).replace(/\s+/g, '');
  const m = /^(目标|措施|策略措施)?第?(\d{1,3})(条|项)?$/.exec(s);
  if (!m) return null;
  const no = Number(m[2]);
  if (no < 1) return null;
  return { kind: m[1] === '措施' || m[1] === '策略措施' ? 'measure' : 'goal', no };
}

export function splitDepartments(cell: string): string[] {
  return [...new Set(clean(cell).split(/[、，,；;／/\n]+/).map((s) => s.replace(/\s+/g, '')).filter(Boolean))];
}

/** A department of the committee by its full or short name, exactly (spaces ignored); never a guess. */
export function findDepartment<D extends DepartmentName>(name: string, departments: readonly D[]): D | null {
  const key = name.replace(/\s+/g, '');
  return departments.find((d) => d.name.replace(/\s+/g, '') === key || d.shortName.replace(/\s+/g, '') === key) ?? null;
}

const isHeader = (cells: readonly string[]) => clean(cells[0] ?? '') === '领域' && /编号/.test(clean(cells[1] ?? ''));

/**
 * Reads the rows of a 责任分解 sheet against the plan's items and the committee's departments.
 * Every problem is reported (row, column, what is wrong), and no row counts unless all are good.
 * Rows before the header (a title) and blank rows are skipped; a row with neither 牵头 nor 配合
 * clears that item's responsibilities.
 */
export function parseResponsibilityRows(
  rows: readonly SourceRow[],
  items: readonly PlanItemRef[],
  departments: readonly DepartmentName[],
  committeeName: string,
): ParseOutcome {
  const problems: TableProblem[] = [];
  const headerAt = rows.findIndex((r) => isHeader(r.cells));
  if (headerAt === -1) {
    return { ok: false, problems: [{ line: rows[0]?.line ?? 1, column: null, message: `找不到表头：第一列应为“领域”，第二列应为“目标/措施编号”，请使用下载的模板` }] };
  }
  const out: ParsedAssignment[] = [];
  const seen = new Map<string, number>();
  for (const row of rows.slice(headerAt + 1)) {
    const cell = (i: number) => clean(row.cells[i] ?? '');
    if ([0, 1, 2, 3].every((i) => cell(i) === '')) continue;
    const problem = (col: number | null, message: string) => problems.push({ line: row.line, column: col === null ? null : COLUMN_LETTERS[col]!, message });
    const areaNo = parseAreaCell(cell(0));
    const itemNo = parseItemCell(cell(1));
    if (cell(0) === '') problem(0, '领域未填写，应为领域序号，如“（一）”');
    else if (areaNo === null) problem(0, `“${cell(0)}”不是领域序号，应写作“（一）”或“（一）妇女与健康”`);
    if (cell(1) === '') problem(1, '编号未填写，应为“目标2”或“措施3”');
    else if (itemNo === null) problem(1, `“${cell(1)}”不是目标或措施编号，应写作“目标2”或“措施3”`);
    let item: PlanItemRef | undefined;
    if (areaNo !== null && itemNo !== null) {
      item = items.find((i) => i.areaNo === areaNo && i.kind === itemNo.kind && i.no === itemNo.no);
      const label = `${areaNumber(areaNo)}${itemNumber(itemNo.kind, itemNo.no)}`;
      if (!item) problem(1, `规划中没有${label}`);
      else {
        const key = `${item.kind}:${item.id}`;
        const before = seen.get(key);
        if (before !== undefined) problem(1, `${label}与第 ${before} 行重复`);
        else seen.set(key, row.line);
      }
    }
    const resolve = (col: number) =>
      splitDepartments(cell(col)).flatMap((name) => {
        const d = findDepartment(name, departments);
        if (!d) problem(col, `“${name}”不是${committeeName}的成员单位（请填写成员单位的简称或全称）`);
        return d ? [d.id] : [];
      });
    const leads = resolve(2);
    const partners = resolve(3);
    if (leads.length === 0 && cell(2) === '' && cell(3) !== '') problem(2, '已填写配合单位，但未填写牵头单位');
    const both = leads.filter((id) => partners.includes(id));
    for (const id of both) problem(3, `“${departments.find((d) => d.id === id)!.shortName}”已是牵头单位，不能同时作为配合单位`);
    if (item) out.push({ line: row.line, item, leads, partners: partners.filter((id) => !both.includes(id)) });
  }
  if (problems.length) return { ok: false, problems };
  if (out.length === 0) return { ok: false, problems: [{ line: rows[headerAt]!.line, column: null, message: '表头下没有任何目标或措施' }] };
  return { ok: true, rows: out };
}

/** 「工作表“责任分解”第 5 行 C 列（牵头单位）：…」 */
export function describeProblem(sheet: string, p: TableProblem): string {
  const column = p.column === null ? '' : ` ${p.column} 列（${RESPONSIBILITY_COLUMNS[COLUMN_LETTERS.indexOf(p.column)]!.replace(/（.*$/, '')}）`;
  return `工作表“${sheet}”第 ${p.line} 行${column}：${p.message}`;
}
