/**
 * The layout of a data entry template, shared by the builder and the upload: where the table
 * starts, which column holds what, and how a place in the workbook is named in messages.
 */
import { OPTION_LABELS, type OptionCode } from '../../../../shared/monitoring/validation';

/** The hidden sheet that stamps a workbook as our template and maps its cells to values. */
export const STAMP_SHEET = '_halfsky';
/** Bumped whenever the stamp or the sheet layout changes; older files are refused. */
export const FORMAT_VERSION = 2;

export const TITLE_ROW = 1;
export const NOTE_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

/** Typed into a value cell, deletes the stored value; an empty cell leaves the stored value as it is. */
export const DELETE_WORD = '删除';
export const COMMENT_MAX = 500;

export interface TemplateColumn {
  header: string;
  width: number;
  option?: OptionCode;
  comment?: true;
}

/** The columns of a sheet whose rows use `options`: descriptions, one column per option, 说明. */
export function templateColumns(options: readonly OptionCode[]): TemplateColumn[] {
  return [
    { header: '指标编码', width: 11 },
    { header: '指标名称', width: 30 },
    { header: '数据项', width: 36 },
    { header: '单位', width: 9 },
    { header: '上年值', width: 12 },
    ...options.map((option) => ({ header: OPTION_LABELS[option], width: 13, option })),
    { header: '说明', width: 32, comment: true as const },
  ];
}

/** What the 说明 cell of a row shows: its values' comments, each once. */
export function rowComment(cells: readonly { comment: string | null }[]): string | null {
  const comments = [...new Set(cells.map((c) => c.comment).filter((c): c is string => Boolean(c)))];
  return comments.length ? comments.join('；') : null;
}

/** Column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A cell as people read it in a message, and as a reference for programs. */
export interface Place {
  sheet: string;
  row: number;
  column: number;
  /** The column's header: 女, 说明 … */
  label: string;
}

export const describePlace = (p: Place) => `工作表“${p.sheet}”第 ${p.row} 行 ${columnLetter(p.column)} 列（${p.label}）`;
export const referenceOf = (p: Place) => `${p.sheet}!${columnLetter(p.column)}${p.row}`;

const FORBIDDEN_IN_SHEET_NAMES = /[\\/?*[\]:]/g;
const MAX_SHEET_NAME = 31;

/** Excel-safe, unique (case-insensitively, as Excel compares) sheet names for the given titles. */
export function sheetNames(titles: readonly string[]): string[] {
  const used = new Set([STAMP_SHEET.toLowerCase()]);
  return titles.map((title) => {
    const base = title.replace(FORBIDDEN_IN_SHEET_NAMES, '_').slice(0, MAX_SHEET_NAME) || '填报表';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, MAX_SHEET_NAME - 4)}（${n}）`;
    used.add(name.toLowerCase());
    return name;
  });
}
