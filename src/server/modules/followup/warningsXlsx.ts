import ExcelJS from 'exceljs';
import { WARNING_KIND_LABELS } from '../../../shared/api/analytics';
import type { FollowupWarningListDto } from '../../../shared/api/followup';
import { FOLLOWUP_STATE_LABELS } from '../../../shared/followup/stateMachine';
import { writeXlsx } from '../../http/xlsxExport';

/** The warnings list as filtered on the page, with each warning's acknowledgement and follow-up. */
export async function warningsWorkbook(list: FollowupWarningListDto): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('预警');
  sheet.addRow([`${list.orgUnit.name}及下级单位预警（${list.items.length} 条${list.items.length < list.total ? `，共 ${list.total} 条中按条件筛选` : ''}）`]).font = { bold: true, size: 13 };
  const header = sheet.addRow(['类型', '单位', '指标代码', '指标 / 成员单位', '年度', '原因', '责任成员单位', '整改状态', '整改期限', '确认说明', '确认人', '确认时间']);
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const w of list.items) {
    sheet.addRow([
      WARNING_KIND_LABELS[w.kind],
      w.orgUnit.name,
      w.indicator?.code ?? '',
      w.indicator?.name ?? w.department ?? '',
      w.year,
      w.reason,
      w.followup?.department.name ?? w.department ?? '',
      w.followup ? FOLLOWUP_STATE_LABELS[w.followup.state] : '未整改',
      w.followup?.deadline ?? '',
      w.acknowledged?.comment ?? '',
      w.acknowledged?.by ?? '',
      w.acknowledged?.at.slice(0, 16).replace('T', ' ') ?? '',
    ]);
  }
  const widths = [14, 12, 12, 30, 8, 60, 16, 12, 12, 30, 12, 18];
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  return writeXlsx(book);
}
