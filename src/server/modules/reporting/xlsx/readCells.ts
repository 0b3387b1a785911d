/** Reading the cells of an uploaded template as people filled them in Excel or WPS. */
import type ExcelJS from 'exceljs';
import { restoreNeutralised } from '../../../../shared/interop/csv';
import { DELETE_WORD } from './layout';

export type ValueRead =
  | { kind: 'empty' }
  | { kind: 'delete' }
  | { kind: 'number'; value: number }
  | { kind: 'invalid'; reason: string };

/** Digits as typed into a cell formatted as text: 1234, 1,234, 12.5. */
const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

type Plain = number | string | { shown: string } | null;

/** A cell's content: a number, text, or something shown otherwise (dates, errors); formulas give their result. */
function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return { shown: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { shown: value.toISOString().slice(0, 10) };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return { shown: value.error };
  if ('formula' in value || 'sharedFormula' in value) {
    // A file written by a program and never opened in Excel has formulas without results.
    return value.result === undefined ? { shown: `=${'formula' in value ? value.formula : value.sharedFormula}` } : plain(value.result);
  }
  if ('hyperlink' in value) return value.text;
  return null;
}

const invalid = (reason: string): ValueRead => ({ kind: 'invalid', reason });

/**
 * A value cell: a non-negative number (whole for counts), the delete word, or nothing. A number
 * shown as a percentage (95% is stored as 0.95) counts as the percentage where the unit is %.
 */
export function readValue(cell: ExcelJS.Cell, rules: { count: boolean; percentUnit: boolean }): ValueRead {
  const content = plain(cell.value);
  if (content === null) return { kind: 'empty' };
  if (typeof content === 'object') return invalid(`应为数字，实为“${content.shown}”`);
  let value: number;
  if (typeof content === 'string') {
    const text = content.trim();
    if (text === '') return { kind: 'empty' };
    if (text === DELETE_WORD) return { kind: 'delete' };
    if (!NUMBER_TEXT.test(text)) return invalid(`应为数字，实为“${text}”`);
    value = Number(text.replaceAll(',', ''));
  } else if (cell.numFmt?.includes('%')) {
    if (!rules.percentUnit) return invalid('请直接填写数字，不要使用百分比格式');
    value = Number((content * 100).toPrecision(15));
  } else {
    value = content;
  }
  if (value < 0) return invalid(`不能为负数，实为 ${value}`);
  if (rules.count && !Number.isInteger(value)) return invalid(`应为整数，实为 ${value}`);
  return { kind: 'number', value };
}

/** A text cell, trimmed; null when empty. */
export function readText(cell: ExcelJS.Cell): string | null {
  const content = plain(cell.value);
  if (content === null) return null;
  // Our own export put an apostrophe before text that looks like a formula (writeXlsx).
  const text = restoreNeutralised((typeof content === 'object' ? content.shown : String(content)).trim());
  return text === '' ? null : text;
}
