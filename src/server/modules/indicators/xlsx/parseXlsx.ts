/**
 * Reads an indicator dictionary workbook back: refuses a file that is not our export, then checks
 * every cell and row and collects all errors, each naming sheet, row, column and reason.
 */
import ExcelJS from 'exceljs';
import { loadUploadedWorkbook } from '../../../http/xlsxUpload';
import { IndicatorInput, type DataElementInputDto, type IndicatorInputDto } from '../../../../shared/api/indicators';
import { formulaElements } from '../../../../shared/indicators/formula';
import {
  columnLetter, FORMAT_ID, FORMAT_VERSION, INDICATOR_COLUMNS, plainValue, readCell, SHEETS, TARGET_COLUMNS, type ColumnSpec, type Flat,
} from './layout';
import { candidateOf, columnKeyOf } from './rows';

/** The file is not an indicator dictionary export at all; the message says why. */
export class DictionaryFileError extends Error {}

export interface ParsedIndicator {
  input: IndicatorInputDto;
  row: number;
  /** Row in 目标值 of each of `input.targets`. */
  targetRows: number[];
}

export interface ParsedDictionary {
  indicators: ParsedIndicator[];
  errors: CellError[];
}

interface SheetRow {
  row: number;
  flat: Flat;
  /** Keys of the cells that could not be read; their own errors are already listed. */
  bad: Set<string>;
}

const NOT_OURS = '不是本系统导出的指标字典文件';

/** An error at one cell; `rank` orders the list by sheet, row and column. */
export interface CellError {
  rank: number;
  text: string;
}

const SHEET_RANK = { [SHEETS.indicators]: 0, [SHEETS.targets]: 1 } as Record<string, number>;

function cellError(sheet: string, columns: readonly ColumnSpec[], row: number, key: string, message: string): CellError {
  const index = Math.max(0, columns.findIndex((c) => c.key === key));
  return {
    rank: ((SHEET_RANK[sheet] ?? 2) * 1_000_000 + row) * 100 + index,
    text: `${sheet} 第 ${row} 行 ${columnLetter(index + 1)} 列（${columns[index]!.header}）：${message}`,
  };
}

/** The errors in reading order, as the Chinese lines people see. */
export const errorList = (errors: readonly CellError[]): string[] => [...errors].sort((a, b) => a.rank - b.rank).map((e) => e.text);

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new DictionaryFileError(`${NOT_OURS}：缺少“${name}”工作表`);
  return sheet;
}

function checkFormat(workbook: ExcelJS.Workbook): void {
  const meta = sheetOf(workbook, SHEETS.meta);
  if (plainValue(meta.getCell('B1').value) !== FORMAT_ID) throw new DictionaryFileError(`${NOT_OURS}：“${SHEETS.meta}”工作表中没有本系统的格式标记`);
  const version = plainValue(meta.getCell('B2').value);
  if (version !== FORMAT_VERSION) throw new DictionaryFileError(`文件格式版本为 ${version ?? '空'}，本系统只能导入版本 ${FORMAT_VERSION} 的指标字典，请重新导出后再编辑`);
}

function readSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly ColumnSpec[], errors: CellError[]): SheetRow[] {
  const sheet = sheetOf(workbook, name);
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const found = plainValue(header.getCell(i + 1).value);
    if (found !== c.header) {
      throw new DictionaryFileError(`${NOT_OURS}：“${name}”工作表 ${columnLetter(i + 1)} 列的表头应为“${c.header}”，实为“${found ?? '空'}”`);
    }
  });
  const rows: SheetRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const flat: Flat = {};
    const bad = new Set<string>();
    columns.forEach((c, i) => {
      if (c.readOnly) return;
      const read = readCell(c, plainValue(row.getCell(i + 1).value));
      if ('error' in read) {
        errors.push(cellError(name, columns, n, c.key, read.error));
        bad.add(c.key);
        flat[c.key] = null;
      } else {
        flat[c.key] = read.value;
      }
    });
    if (bad.size > 0 || Object.values(flat).some((v) => v !== null)) rows.push({ row: n, flat, bad });
  });
  return rows;
}

const sameElement = (a: DataElementInputDto, b: DataElementInputDto) =>
  a.name === b.name && a.unit === b.unit && a.valueType === b.valueType && a.categories === b.categories;

/** Codes must be unique in the file, and a data element shared by rows must be defined alike. */
function crossRowErrors(indicators: readonly ParsedIndicator[]): CellError[] {
  const errors: CellError[] = [];
  const codes = new Map<string, number>();
  const elements = new Map<string, { element: DataElementInputDto; row: number }>();
  const at = (row: number, key: string, message: string) => cellError(SHEETS.indicators, INDICATOR_COLUMNS, row, key, message);
  for (const { input, row } of indicators) {
    const first = codes.get(input.code);
    if (first !== undefined) errors.push(at(row, 'code', `指标代码“${input.code}”与第 ${first} 行重复`));
    else codes.set(input.code, row);
    for (const [role, element] of formulaElements(input.formula)) {
      const seen = elements.get(element.code);
      if (!seen) elements.set(element.code, { element, row });
      else if (!sameElement(seen.element, element)) {
        errors.push(at(row, columnKeyOf(['formula', role, 'code']), `数据元素“${element.code}”与第 ${seen.row} 行的定义不同：名称、单位、类型和分组应一致`));
      }
    }
  }
  return errors;
}

/** Where an issue about an indicator's field lies in the workbook, as a message for people. */
export function locateIssue(parsed: { row: number; targetRows: number[] }, path: readonly PropertyKey[], message: string): CellError {
  if (path[0] === 'targets' && typeof path[1] === 'number') {
    const key = String(path[2] ?? 'year');
    return cellError(SHEETS.targets, TARGET_COLUMNS, parsed.targetRows[path[1]] ?? 0, key, message);
  }
  return cellError(SHEETS.indicators, INDICATOR_COLUMNS, parsed.row, columnKeyOf(path), message);
}

/** `departments`: the top committee's member departments, id by short name (the sheet's 责任单位). */
export async function parseDictionary(bytes: Uint8Array, departments: ReadonlyMap<string, number>): Promise<ParsedDictionary> {
  const unreadable = () => new DictionaryFileError('无法读取文件：不是 .xlsx 格式，或文件已损坏');
  const workbook = await loadUploadedWorkbook(bytes, unreadable);
  checkFormat(workbook);
  const errors: CellError[] = [];
  const rows = readSheet(workbook, SHEETS.indicators, INDICATOR_COLUMNS, errors);
  const targetRows = readSheet(workbook, SHEETS.targets, TARGET_COLUMNS, errors);
  if (rows.length === 0 && errors.length === 0) throw new DictionaryFileError(`“${SHEETS.indicators}”工作表中没有指标`);

  const known = new Set(rows.map((r) => r.flat.code));
  const targetsByCode = new Map<unknown, SheetRow[]>();
  for (const t of targetRows) {
    if (!known.has(t.flat.code)) {
      const message = t.flat.code === null ? '请填写指标代码' : `指标“${t.flat.code}”不在“${SHEETS.indicators}”工作表中`;
      if (!t.bad.has('code')) errors.push(cellError(SHEETS.targets, TARGET_COLUMNS, t.row, 'code', message));
      continue;
    }
    targetsByCode.set(t.flat.code, [...(targetsByCode.get(t.flat.code) ?? []), t]);
  }

  const indicators: ParsedIndicator[] = [];
  const byYear = (a: SheetRow, b: SheetRow) => Number(a.flat.year ?? Infinity) - Number(b.flat.year ?? Infinity);
  for (const r of rows) {
    const targets = (targetsByCode.get(r.flat.code) ?? []).sort(byYear);
    const place = { row: r.row, targetRows: targets.map((t) => t.row) };
    const department = r.flat.responsibleDept;
    const departmentId = department === null || department === undefined ? null : departments.get(String(department));
    if (departmentId === undefined) {
      const examples = [...departments.keys()].slice(0, 3).join('、');
      errors.push(cellError(SHEETS.indicators, INDICATOR_COLUMNS, r.row, 'responsibleDept', `责任单位“${String(department)}”不是成员单位的简称${examples ? `（如 ${examples}）` : ''}`));
      continue;
    }
    const parsed = IndicatorInput.safeParse(candidateOf(r.flat, targets.map((t) => t.flat), departmentId));
    if (parsed.success) {
      indicators.push({ input: parsed.data, ...place });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const inTargets = issue.path[0] === 'targets' && typeof issue.path[1] === 'number';
      const alreadyListed = inTargets ? targets[issue.path[1] as number]?.bad.has(String(issue.path[2])) : r.bad.has(columnKeyOf(issue.path));
      if (!alreadyListed) errors.push(locateIssue(place, issue.path, issue.message));
    }
  }
  return { indicators, errors: [...errors, ...crossRowErrors(indicators)] };
}
