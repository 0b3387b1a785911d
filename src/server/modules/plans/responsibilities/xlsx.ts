import ExcelJS from 'exceljs';
import {
  areaNumber, itemNumber, RESPONSIBILITY_COLUMNS, RESPONSIBILITY_FILE_LIMIT, RESPONSIBILITY_ROW_LIMIT, type ItemKind, type SourceRow,
} from '../../../../shared/plans/responsibilityTable';
import { appError } from '../../../errors';
import { firstVisibleSheet, loadUploadedWorkbook } from '../../../http/xlsxUpload';

export const TEMPLATE_SHEET = '责任分解';
const invalid = (message: string) => appError('RESPONSIBILITY_TABLE_INVALID', message);

export interface TemplateItem {
  kind: ItemKind;
  no: number;
  text: string;
  area_no: number;
  area_title: string;
  leads: string[];
  partners: string[];
}

/**
 * The 责任分解 template of a plan: every goal, then every measure of each area, pre-filled with the
 * departments set so far, and a second sheet listing the committee's departments to choose from.
 */
export async function responsibilityTemplate(title: string, items: readonly TemplateItem[], departments: readonly { name: string; shortName: string }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.mergeCells(1, 1, 1, RESPONSIBILITY_COLUMNS.length);
  sheet.getCell(1, 1).value = `《${title}》责任分解表`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getRow(2).values = [...RESPONSIBILITY_COLUMNS];
  sheet.getRow(2).font = { bold: true };
  [22, 14, 30, 40, 70].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const ordered = [...items].sort((a, b) => a.area_no - b.area_no || (a.kind === b.kind ? a.no - b.no : a.kind === 'goal' ? -1 : 1));
  for (const item of ordered) {
    const row = sheet.addRow([`${areaNumber(item.area_no)}${item.area_title.replace(/^\s*[（(][一二三四五六七八九十]+[）)]\s*/, '')}`, itemNumber(item.kind, item.no), item.leads.join('、'), item.partners.join('、'), item.text]);
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(5).font = { color: { argb: 'FF666666' } };
  }
  const list = workbook.addWorksheet('成员单位');
  list.columns = [{ header: '简称', width: 20 }, { header: '全称', width: 40 }];
  list.getRow(1).font = { bold: true };
  for (const d of departments) list.addRow([d.shortName, d.name]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The first visible sheet's rows as text; the size is checked before anything is parsed, the row count before the rows are read. */
export async function readResponsibilitySheet(fileName: string, bytes: Uint8Array): Promise<{ sheet: string; rows: SourceRow[] }> {
  if (bytes.length > RESPONSIBILITY_FILE_LIMIT) throw invalid(`文件过大：责任分解表最大 ${RESPONSIBILITY_FILE_LIMIT / 1024 / 1024} MB`);
  if (!fileName.toLowerCase().endsWith('.xlsx')) throw invalid(`不支持的文件“${fileName}”：请上传 .xlsx 格式的责任分解表（可先下载模板）`);
  const unreadable = () => invalid('无法读取 .xlsx 文件：文件已损坏，或不是 Excel 工作簿');
  const workbook = await loadUploadedWorkbook(bytes, unreadable);
  const sheet = firstVisibleSheet(workbook);
  if (!sheet) throw invalid('.xlsx 文件中没有工作表');
  if (sheet.actualRowCount > RESPONSIBILITY_ROW_LIMIT + 2) throw invalid(`工作表“${sheet.name}”有 ${sheet.actualRowCount} 行，超过上限 ${RESPONSIBILITY_ROW_LIMIT} 行`);
  const rows: SourceRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= 4; c++) {
      const cell = row.getCell(c);
      cells.push(cell.isMerged && cell.master !== cell ? '' : cell.text);
    }
    rows.push({ line, cells });
  });
  return { sheet: sheet.name, rows };
}
