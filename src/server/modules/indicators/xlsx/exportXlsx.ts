import ExcelJS from 'exceljs';
import type { IndicatorDto } from '../../../../shared/api/indicators';
import { cellOf, columnLetter, FORMAT_ID, FORMAT_VERSION, INDICATOR_COLUMNS, SHEETS, SPARE_ROWS, TARGET_COLUMNS, type ColumnSpec, type Flat } from './layout';
import { flattenIndicator, flattenTarget } from './rows';
import { writeXlsx } from '../../../http/xlsxExport';

/** exceljs keeps range validations in `dataValidations`, which its typings leave out. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
const READ_ONLY_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const DEPARTMENTS_COLUMN = 'D';

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly ColumnSpec[], rows: readonly Flat[], departmentCount: number) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9C1' } } };
  });
  for (const row of rows) {
    const added = sheet.addRow(columns.map((c) => cellOf(c, row[c.key] ?? null)));
    columns.forEach((c, i) => {
      if (c.readOnly) added.getCell(i + 1).fill = READ_ONLY_FILL;
    });
  }

  const last = rows.length + 1 + SPARE_ROWS;
  const validations = (sheet as unknown as RangeValidations).dataValidations;
  columns.forEach((c, i) => {
    const range = `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${last}`;
    const formula = c.labels
      ? `"${Object.values(c.labels).join(',')}"`
      : c.departments && departmentCount > 0
        ? `'${SHEETS.meta}'!$${DEPARTMENTS_COLUMN}$2:$${DEPARTMENTS_COLUMN}$${departmentCount + 1}`
        : null;
    if (formula) {
      validations.add(range, {
        type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: 'warning',
        errorTitle: c.header, error: `请从下拉列表中选择${c.header}`,
      });
    }
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** The hidden sheet that marks the file as ours, and holds the department list for drop-downs. */
function addMetaSheet(workbook: ExcelJS.Workbook, departments: readonly string[]) {
  const sheet = workbook.addWorksheet(SHEETS.meta, { state: 'hidden' });
  sheet.getCell('A1').value = '格式';
  sheet.getCell('B1').value = FORMAT_ID;
  sheet.getCell('A2').value = '版本';
  sheet.getCell('B2').value = FORMAT_VERSION;
  sheet.getCell(`${DEPARTMENTS_COLUMN}1`).value = '责任单位';
  departments.forEach((d, i) => {
    sheet.getCell(`${DEPARTMENTS_COLUMN}${i + 2}`).value = d;
  });
}

/** The whole dictionary as one workbook: 指标 (a row per indicator) and 目标值 (a row per yearly target). */
export async function dictionaryWorkbook(indicators: readonly IndicatorDto[], departments: readonly string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '半边天';
  workbook.created = new Date();
  addSheet(workbook, SHEETS.indicators, INDICATOR_COLUMNS, indicators.map(flattenIndicator), departments.length);
  const targets = indicators.flatMap((i) => i.targets.map((t) => flattenTarget(i.code, t)));
  addSheet(workbook, SHEETS.targets, TARGET_COLUMNS, targets, departments.length);
  addMetaSheet(workbook, departments);
  return writeXlsx(workbook);
}
