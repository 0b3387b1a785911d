/**
 * The hidden stamp of a template: which task, template version and submissions it was made for,
 * and which value (data element × option) or comment each input cell holds, so the upload reads
 * the cells by position and never by their visible text.
 */
import type ExcelJS from 'exceljs';
import { OPTION_CODES, type OptionCode } from '../../../../shared/monitoring/validation';
import { appError } from '../../../errors';
import { FORMAT_VERSION, STAMP_SHEET } from './layout';

export interface StampCell {
  sheet: string;
  submissionId: number;
  row: number;
  column: number;
  /** The indicator code shown in column A of the row: a moved or inserted row no longer matches. */
  indicatorCode: string;
  dataElementId: number;
  /** null: the row's 说明 (comment) cell. */
  option: OptionCode | null;
  /** The value's version when the template was made (null: no value yet), to catch edits made since. */
  version: number | null;
  /**
   * What the cell held when the template was made: the value, or for a 说明 cell the row's comment
   * (null: empty). A cell that still holds it was not changed by the person filling it in.
   */
  filled: number | string | null;
}

export interface TemplateStamp {
  formatVersion: number;
  taskId: number;
  taskName: string;
  templateVersion: number;
  submissionIds: number[];
  generatedAt: string;
  cells: StampCell[];
}

const HEADER_KEYS = ['formatVersion', 'taskId', 'taskName', 'templateVersion', 'submissionIds', 'generatedAt'] as const;
const CELL_COLUMNS = ['sheet', 'submissionId', 'row', 'column', 'indicatorCode', 'dataElementId', 'option', 'version', 'filled'] as const;
/** The cell table starts below the header keys and one blank row. */
const TABLE_ROW = HEADER_KEYS.length + 2;

export function writeStamp(workbook: ExcelJS.Workbook, stamp: TemplateStamp): void {
  // veryHidden: not listed under “unhide” in Excel or WPS, so people do not edit it by accident.
  const sheet = workbook.addWorksheet(STAMP_SHEET, { state: 'veryHidden' });
  const header: Record<(typeof HEADER_KEYS)[number], string | number> = { ...stamp, submissionIds: stamp.submissionIds.join(',') };
  HEADER_KEYS.forEach((key, i) => {
    sheet.getRow(i + 1).values = [key, header[key]];
  });
  sheet.getRow(TABLE_ROW).values = [...CELL_COLUMNS];
  stamp.cells.forEach((c, i) => {
    sheet.getRow(TABLE_ROW + 1 + i).values = CELL_COLUMNS.map((key) => c[key]);
  });
}

const NOT_OURS = '不是本系统导出的填报模板，请在“数据填报”页面下载模板后填写';
export const brokenStamp = () => appError('XLSX_UNRECOGNISED', '模板中的隐藏信息已损坏，请重新下载模板后填写');

const raw = (sheet: ExcelJS.Worksheet, row: number, column: number) => {
  const v = sheet.getCell(row, column).value;
  return typeof v === 'number' || typeof v === 'string' ? v : null;
};

function integer(v: string | number | null): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw brokenStamp();
  return n;
}

/** A row or column number a worksheet can have (Excel: 1,048,576 rows × 16,384 columns); a tampered stamp may say anything. */
function position(v: string | number | null, max: number): number {
  const n = integer(v);
  if (n < 1 || n > max) throw brokenStamp();
  return n;
}

/** The stamp of an uploaded workbook; refuses a workbook that is not one of our templates. */
export function readStamp(workbook: ExcelJS.Workbook): TemplateStamp {
  const sheet = workbook.getWorksheet(STAMP_SHEET);
  if (!sheet) throw appError('XLSX_UNRECOGNISED', NOT_OURS);
  const header = new Map(HEADER_KEYS.map((_, i) => [raw(sheet, i + 1, 1), raw(sheet, i + 1, 2)]));
  if (header.get('formatVersion') === undefined) throw appError('XLSX_UNRECOGNISED', NOT_OURS);
  const formatVersion = integer(header.get('formatVersion') ?? null);
  if (formatVersion !== FORMAT_VERSION) throw appError('XLSX_TEMPLATE_OUTDATED', '模板格式版本已过期，请重新下载模板后填写');

  const cells: StampCell[] = [];
  for (let row = TABLE_ROW + 1; raw(sheet, row, 1) !== null; row++) {
    const at = (key: (typeof CELL_COLUMNS)[number]) => raw(sheet, row, CELL_COLUMNS.indexOf(key) + 1);
    const option = at('option');
    if (option !== null && !OPTION_CODES.includes(option as OptionCode)) throw brokenStamp();
    const filled = at('filled');
    // A 说明 cell held text, a value cell a number.
    if (filled !== null && typeof filled !== (option === null ? 'string' : 'number')) throw brokenStamp();
    cells.push({
      sheet: String(at('sheet')),
      submissionId: integer(at('submissionId')),
      row: position(at('row'), 1_048_576),
      column: position(at('column'), 16_384),
      indicatorCode: String(at('indicatorCode') ?? ''),
      dataElementId: integer(at('dataElementId')),
      option: option as OptionCode | null,
      version: at('version') === null ? null : integer(at('version')),
      filled,
    });
  }
  const ids = String(header.get('submissionIds') ?? '');
  return {
    formatVersion,
    taskId: integer(header.get('taskId') ?? null),
    taskName: String(header.get('taskName') ?? ''),
    templateVersion: integer(header.get('templateVersion') ?? null),
    submissionIds: ids === '' ? [] : ids.split(',').map(integer),
    generatedAt: String(header.get('generatedAt') ?? ''),
    cells,
  };
}
