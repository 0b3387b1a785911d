import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { PlanTextError } from '../../../shared/plan-text';
import { parseWorkPointRows, WORK_POINT_SHEET_ROWS, type SheetRow } from '../../../shared/workitems/parseWorkPointRows';
import { parseWorkPoints, WORK_POINTS_LIMITS, WorkPointsError, type ParsedWorkPoints } from '../../../shared/workitems/parseWorkPoints';
import { appError } from '../../errors';
import { firstVisibleSheet, loadUploadedWorkbook } from '../../http/xlsxUpload';
import { documentText } from '../plans/documentText';

/** Largest 工作要点 file accepted, checked before it is read: a year's text or sheet is tens of kilobytes. */
export const WORK_POINTS_FILE_LIMIT = 5 * 1024 * 1024;

const invalid = (message: string) => appError('WORK_POINTS_INVALID', message);

/**
 * A year's 工作要点 from a file: text (.txt in UTF-8/GB18030, .docx) or the first visible worksheet
 * of an .xlsx. Bad input is a WORK_POINTS_INVALID error in Chinese; nothing is written anywhere.
 */
export async function readWorkPointsFile(fileName: string, bytes: Uint8Array, options: { year?: number } = {}): Promise<ParsedWorkPoints> {
  if (bytes.length > WORK_POINTS_FILE_LIMIT) throw invalid(`文件过大：工作要点最大 ${WORK_POINTS_FILE_LIMIT / 1024 / 1024} MB`);
  const ext = extname(fileName).toLowerCase();
  if (ext === '.xls' || ext === '.et') throw invalid(`不支持旧版 Excel 格式（${ext}）：请在 Excel 或 WPS 中另存为 .xlsx 后上传`);
  if (!['.xlsx', '.txt', '', '.docx', '.doc', '.wps'].includes(ext)) throw invalid(`不支持的文件类型“${ext}”：请上传 .txt（UTF-8 或 GB18030 编码）、.docx 或 .xlsx 文件`);
  try {
    if (ext === '.xlsx') return parseWorkPointRows(await firstSheet(bytes), options);
    return parseWorkPoints(await documentText(fileName, bytes), options);
  } catch (e) {
    if (e instanceof WorkPointsError || e instanceof PlanTextError) throw invalid(e.message);
    throw e;
  }
}

/** The first visible worksheet as text rows, its size checked before a row is read. */
async function firstSheet(bytes: Uint8Array): Promise<{ name: string; rows: SheetRow[] }> {
  const unreadable = () => new WorkPointsError('无法读取 .xlsx 文件：文件已损坏，或不是 Excel 工作簿');
  if (bytes.length === 0) throw new WorkPointsError('文件为空：没有可导入的内容');
  // Bounds what loading can cost: entries, inflated size and rows of all sheets.
  const workbook = await loadUploadedWorkbook(bytes, unreadable);
  const sheet = firstVisibleSheet(workbook);
  if (!sheet) throw new WorkPointsError('.xlsx 文件中没有工作表');
  if (sheet.actualRowCount > WORK_POINT_SHEET_ROWS) {
    throw new WorkPointsError(`工作表“${sheet.name}”有 ${sheet.actualRowCount} 行：工作要点表最多 ${WORK_POINT_SHEET_ROWS} 行、${WORK_POINTS_LIMITS.points} 条`);
  }
  const rows: SheetRow[] = [];
  const width = Math.min(sheet.columnCount, 50);
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    const continued: number[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master : cell;
      // Merged across columns the text stands once, in the first; merged down it holds for every row.
      if (Number(master.col) < c) cells.push('');
      else {
        if (Number(master.row) < line) continued.push(c - 1);
        cells.push(textOf(master));
      }
    }
    rows.push({ line, cells, continued });
  });
  return { name: sheet.name, rows };
}

/** A cell's text; a date (a 完成时限 typed into Excel) as YYYY-MM-DD, whatever its number format shows. */
function textOf(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cell.text;
}
