import { extname } from 'node:path';
import { decodePlanText, PlanTextError } from '../../../shared/plan-text';
import { KeyItemsError, parseKeyItemRows, parseKeyItemsText, type ParsedKeyItems, type SourceRow } from '../../../shared/workitems/parseKeyItems';
import { appError } from '../../errors';
import { firstVisibleSheet, loadUploadedWorkbook } from '../../http/xlsxUpload';

/** Largest key-items file accepted, checked before it is read: a year's table is tens of kilobytes. */
export const KEY_ITEMS_FILE_LIMIT = 5 * 1024 * 1024;

const invalid = (message: string) => appError('KEY_ITEMS_INVALID', message);

/**
 * A key-items table from a file: tab-separated text (.txt in UTF-8 or GB18030, as copied out of a
 * Word table) or the first worksheet of an .xlsx. Bad input is a KEY_ITEMS_INVALID error in Chinese.
 */
export async function readKeyItemsFile(fileName: string, bytes: Uint8Array, options: { year?: number } = {}): Promise<ParsedKeyItems> {
  if (bytes.length > KEY_ITEMS_FILE_LIMIT) throw invalid(`文件过大：重要事项表最大 ${KEY_ITEMS_FILE_LIMIT / 1024 / 1024} MB`);
  const ext = extname(fileName).toLowerCase();
  try {
    if (ext === '.xlsx') return parseKeyItemRows(await worksheetRows(bytes), options);
    if (ext === '.txt' || ext === '.tsv' || ext === '') return parseKeyItemsText(decodePlanText(bytes), options);
  } catch (e) {
    if (e instanceof KeyItemsError || e instanceof PlanTextError) throw invalid(e.message);
    throw e;
  }
  throw invalid(`不支持的文件类型“${ext}”：请上传制表符分隔的 .txt（从 Word 表格复制）或 .xlsx 文件`);
}

async function worksheetRows(bytes: Uint8Array): Promise<SourceRow[]> {
  const unreadable = () => new KeyItemsError('无法读取 .xlsx 文件：文件已损坏，或不是 Excel 工作簿');
  const workbook = await loadUploadedWorkbook(bytes, unreadable);
  const sheet = firstVisibleSheet(workbook);
  if (!sheet) throw new KeyItemsError('.xlsx 文件中没有工作表');
  const rows: SourceRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      // A merged range holds its text once, in its first cell: 「本目标为年度目标」 spans 上半年 and 下半年.
      cells.push(cell.isMerged && cell.master !== cell ? '' : cell.text);
    }
    rows.push({ line, cells });
  });
  return rows;
}
