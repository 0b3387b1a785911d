import ExcelJS from 'exceljs';

export type SheetCell = string | number | Date | null;

/** A real .xlsx with one worksheet of these rows (row 1 first), and ranges merged like 「A1:E1」. */
export async function sheetXlsx(rows: SheetCell[][], options: { name?: string; merges?: string[] } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(options.name ?? 'Sheet1');
  rows.forEach((cells, i) => {
    const row = sheet.getRow(i + 1);
    cells.forEach((value, c) => {
      if (value === null) return;
      const cell = row.getCell(c + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'yyyy"年"m"月"d"日"';
    });
  });
  for (const range of options.merges ?? []) sheet.mergeCells(range);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * A 工作要点 table as a person makes it in Excel: the title merged over the columns, headers with
 * stray spaces, sections merged over their row, numbers typed as numbers, several units in a cell,
 * an Excel date and text dates, a title merged down over two rows that name different units.
 */
export function handMadeWorkPoints(year = 2027): Promise<Buffer> {
  return sheetXlsx(
    [
      [`大连市妇女儿童工作委员会${year}年工作要点`, null, null, null, null],
      [],
      [' 序 号 ', '工作要点', '责任单位', '完成 时限', '实事项目'],
      ['一、加强组织领导', null, null, null, null],
      [1, '召开妇儿工委全体会议', '市妇儿工委办公室', '6月底前', null],
      [2, '开展规划中期评估（实事项目）', '市统计局、市妇联', new Date(Date.UTC(year, 8, 30)), '是'],
      ['二、保障妇女儿童健康', null, null, null, null],
      [1, '推进“两癌”免费检查', '市卫生 健康委员会 市财政局', '年底前', '√'],
      [null, null, '市妇联', null, null],
      [2, '建设儿童友好医院', '市卫生健康委员会', '', null],
    ],
    { name: '2027年要点', merges: ['A1:E1', 'A4:E4', 'A7:E7', 'A8:A9', 'B8:B9', 'D8:D9', 'E8:E9'] },
  );
}
