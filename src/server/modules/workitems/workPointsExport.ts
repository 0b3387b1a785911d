import ExcelJS from 'exceljs';
import type { WorkPointDto } from '../../../shared/api/workPoints';
import { PRACTICAL_STATE_LABELS } from '../../../shared/workitems/workPoints';
import { writeXlsx } from '../../http/xlsxExport';

const names = (refs: { name: string }[]) => refs.map((r) => r.name).join('、');

/** The year's 工作要点 as one sheet: every point with its numbering path, departments, due date and 实事项目 state. */
export async function workPointsXlsx(input: { unitName: string; year: number; points: WorkPointDto[] }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('工作要点');
  sheet.addRow([`${input.unitName}妇女儿童工作委员会${input.year}年工作要点`]).font = { bold: true, size: 13 };
  const header = sheet.addRow(['编号', '标题', '内容', '牵头单位', '配合单位', '完成时限', '实事项目', '状态', '最近备案', '最近通报', '关联重要事项']);
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  const write = (points: WorkPointDto[], path: string) => {
    for (const p of points) {
      const label = `${path}${p.label}`;
      const latest = (kind: 'filing' | 'notice') => {
        const r = p.records.filter((x) => x.kind === kind).at(-1);
        return r ? `${r.onDate}${r.ref ? ` ${r.ref}` : ''}${r.text ? ` ${r.text}` : ''}` : '';
      };
      const row = sheet.addRow([
        label, p.title, p.text, names(p.leads), names(p.partners), p.dueOn ?? '', p.practical ? '是' : '', p.state ? PRACTICAL_STATE_LABELS[p.state] : '',
        latest('filing'), latest('notice'), p.keyItems.map((k) => `${k.no}. ${k.name}`).join('\n'),
      ]);
      if (p.level === 1) row.font = { bold: true };
      row.alignment = { vertical: 'top', wrapText: true };
      write(p.children, label);
    }
  };
  write(input.points, '');
  [10, 36, 60, 22, 28, 12, 9, 9, 28, 36, 30].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return writeXlsx(book);
}
