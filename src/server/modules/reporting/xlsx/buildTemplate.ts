/**
 * Builds the data entry template of one or more submissions: a printable sheet per submission in
 * the style of a statistics bureau form, inputs unlocked and validated, everything else locked,
 * and the hidden stamp that the upload reads back.
 */
import ExcelJS from 'exceljs';
import type { GridDto, TaskDto } from '../../../../shared/api/reporting';
import { STATE_LABELS } from '../../../../shared/monitoring/workflow';
import {
  COMMENT_MAX, DELETE_WORD, FIRST_DATA_ROW, FORMAT_VERSION, HEADER_ROW, NOTE_ROW, rowComment, sheetNames, templateColumns, TITLE_ROW,
  type TemplateColumn,
} from './layout';
import { writeStamp, type StampCell } from './stamp';
import { writeXlsx } from '../../../http/xlsxExport';

type GridRow = GridDto['rows'][number];
type Kind = 'title' | 'note' | 'header' | 'text' | 'centered' | 'number' | 'input' | 'readOnly' | 'unused' | 'footer';

// 宋体 with the GB2312 charset is what Chinese offices expect; where it is missing (Linux, macOS)
// the charset makes the viewer substitute a CJK font such as Noto Sans CJK SC.
const FONT: Partial<ExcelJS.Font> = { name: '宋体', charset: 134, size: 11 };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

const STYLES: Record<Kind, Partial<ExcelJS.Style>> = {
  title: { font: { ...FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  note: { font: { ...FONT, size: 10 }, alignment: { vertical: 'top', wrapText: true } },
  header: { font: { ...FONT, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: BORDER, fill: fill('FFDDEBF7') },
  text: { font: FONT, alignment: { vertical: 'middle', wrapText: true }, border: BORDER },
  centered: { font: FONT, alignment: { horizontal: 'center', vertical: 'middle' }, border: BORDER },
  number: { font: FONT, alignment: { vertical: 'middle' }, border: BORDER },
  input: { font: FONT, alignment: { vertical: 'middle', wrapText: true }, border: BORDER, fill: fill('FFFFF2CC'), protection: { locked: false } },
  readOnly: { font: FONT, alignment: { vertical: 'middle', wrapText: true }, border: BORDER, fill: fill('FFF2F2F2') },
  unused: { font: FONT, border: BORDER, fill: fill('FFBFBFBF') },
  footer: { font: FONT, alignment: { vertical: 'middle' } },
};

function put(cell: ExcelJS.Cell, value: ExcelJS.CellValue, kind: Kind) {
  cell.value = value;
  cell.style = { ...STYLES[kind] };
}

function banner(sheet: ExcelJS.Worksheet, row: number, width: number, text: string, kind: Kind, height: number) {
  sheet.mergeCells(row, 1, row, width);
  put(sheet.getCell(row, 1), text, kind);
  sheet.getRow(row).height = height;
}

/** Two ideographic spaces, the gap between fields on a printed Chinese form. */
const GAP = '　　';

const ROLE_PREFIX: Record<GridRow['role'], string> = { value: '', numerator: '分子：', denominator: '分母：' };

/** Non-negative numbers (whole ones for counts) or the delete word; Excel and WPS both honour custom rules. */
function numberRule(address: string, count: boolean): ExcelJS.DataValidation {
  const number = count ? `AND(ISNUMBER(${address}),${address}>=0,${address}=INT(${address}))` : `AND(ISNUMBER(${address}),${address}>=0)`;
  return {
    type: 'custom',
    formulae: [`OR(${number},${address}="${DELETE_WORD}")`],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '数据格式不正确',
    error: `请填写不小于 0 的${count ? '整数' : '数字'}；要删除已填的数据，请填写“${DELETE_WORD}”`,
  };
}

const COMMENT_RULE: ExcelJS.DataValidation = {
  type: 'textLength', operator: 'lessThanOrEqual', formulae: [COMMENT_MAX], allowBlank: true, showErrorMessage: true,
  errorTitle: '说明过长', error: `说明不超过 ${COMMENT_MAX} 字`,
};

function addRow(sheet: ExcelJS.Worksheet, rowNo: number, columns: TemplateColumn[], row: GridRow, grid: GridDto): StampCell[] {
  const stamped: StampCell[] = [];
  const stamp = (column: number, option: StampCell['option'], version: number | null, filled: StampCell['filled']) =>
    stamped.push({ sheet: sheet.name, submissionId: grid.submission.id, row: rowNo, column, indicatorCode: row.indicatorCode, dataElementId: row.dataElementId, option, version, filled });
  const inputKind: Kind = grid.editable ? 'input' : 'readOnly';
  const previous = row.cells.find((c) => c.option === 'total')?.previous ?? null;
  const described: [ExcelJS.CellValue, Kind][] = [
    [row.indicatorCode, 'centered'],
    [row.indicatorName, 'text'],
    [`${ROLE_PREFIX[row.role]}${row.dataElementName}`, 'text'],
    [row.unit, 'centered'],
    [previous, 'number'],
  ];
  columns.forEach((column, i) => {
    const cell = sheet.getCell(rowNo, i + 1);
    const fixed = described[i];
    if (fixed) return put(cell, ...fixed);
    if (column.comment) {
      const comment = rowComment(row.cells);
      put(cell, comment, inputKind);
      cell.dataValidation = COMMENT_RULE;
      return stamp(i + 1, null, null, comment);
    }
    const value = row.cells.find((c) => c.option === column.option);
    if (!value) return put(cell, null, 'unused');
    put(cell, value.value, inputKind);
    cell.dataValidation = numberRule(cell.address, row.valueType === 'count');
    stamp(i + 1, value.option, value.version, value.value);
  });
  return stamped;
}

function title(task: TaskDto, grid: GridDto) {
  const name = task.name.endsWith('表') ? task.name : `${task.name}表`;
  return `${name}（${grid.submission.orgUnit.name} · ${grid.submission.department.shortName}）`;
}

function note(grid: GridDto) {
  const s = grid.submission;
  const state = `${STATE_LABELS[s.state]}${grid.lockedReason ? `（${grid.lockedReason}）` : ''}`;
  return [
    [`填报单位：${s.department.name}`, `截止日期：${s.dueOn}`, `状态：${state}`].join(GAP),
    `填报说明：在黄色单元格中填写 ${s.year} 年数据；空白单元格不修改已有数据，填写“${DELETE_WORD}”可删除已有数据；` +
      '“说明”适用于本行各项数据（如与上年相比变化较大的原因）。请勿增删行、列，也不要修改工作表名称。',
  ].join('\n');
}

async function addSheet(workbook: ExcelJS.Workbook, name: string, task: TaskDto, grid: GridDto): Promise<StampCell[]> {
  const columns = templateColumns(grid.options.map((o) => o.code));
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}` }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  banner(sheet, TITLE_ROW, columns.length, title(task, grid), 'title', 36);
  banner(sheet, NOTE_ROW, columns.length, note(grid), 'note', 48);
  columns.forEach((c, i) => put(sheet.getCell(HEADER_ROW, i + 1), c.header, 'header'));
  sheet.getRow(HEADER_ROW).height = 24;
  const stamped = grid.rows.flatMap((row, i) => addRow(sheet, FIRST_DATA_ROW + i, columns, row, grid));
  const footer = '单位负责人：　　　　　　统计负责人：　　　　　　填表人：　　　　　　联系电话：　　　　　　报出日期：　　年　　月　　日';
  banner(sheet, FIRST_DATA_ROW + grid.rows.length + 1, columns.length, footer, 'footer', 28);
  // No password: the lock guards against slips, not people; the upload checks every cell anyway.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return stamped;
}

/** The template of the given submissions of one task: a sheet each, named after its unit. */
export async function buildTemplate(task: TaskDto, grids: readonly GridDto[], now = new Date()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '半边天';
  workbook.created = now;
  const names = sheetNames(grids.map((g) => g.submission.orgUnit.name));
  const cells: StampCell[] = [];
  for (const [i, grid] of grids.entries()) cells.push(...(await addSheet(workbook, names[i]!, task, grid)));
  writeStamp(workbook, {
    formatVersion: FORMAT_VERSION,
    taskId: task.id,
    taskName: task.name,
    templateVersion: task.templateVersion,
    submissionIds: grids.map((g) => g.submission.id),
    generatedAt: now.toISOString(),
    cells,
  });
  return writeXlsx(workbook);
}
