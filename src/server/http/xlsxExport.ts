import type ExcelJS from 'exceljs';
import { neutraliseCell } from '../../shared/interop/csv';

/**
 * The bytes of a workbook to download, with every text cell neutralised against formulas
 * (neutraliseCell: OWASP CSV injection applies to xlsx files people open in Excel or WPS too).
 * Numbers stay numbers. A veryHidden sheet is machine data our own upload reads back as written.
 */
export async function writeXlsx(workbook: ExcelJS.Workbook): Promise<Buffer> {
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'veryHidden') continue;
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = neutraliseCell(cell.value);
      });
    });
  }
  // exceljs types its result as its own Buffer (an ArrayBuffer); a Node Buffer is what it returns.
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
