import ExcelJS from 'exceljs';
import { STATUS_LABELS, type ProgressStatus } from '../../../shared/analytics/progress';
import type { IndicatorAnalyticsDto, ScorecardDto } from '../../../shared/api/analytics';
import { writeXlsx } from '../../http/xlsxExport';

/** Fill colours of the statuses, the same hues as the web legend. */
const STATUS_FILL: Record<ProgressStatus, string> = {
  achieved: 'FFB7EB8F',
  on_track: 'FFBAE0FF',
  moderate: 'FFFFE58F',
  limited: 'FFFFBB96',
  deterioration: 'FFFFA39E',
  insufficient_data: 'FFF0F0F0',
};

const numberFormat = (decimals: number) => (decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0');

function headerRow(sheet: ExcelJS.Worksheet, values: string[]) {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: row.number }];
}

/** The scorecard as a table: per unit its value, status and rank, cells coloured by status. */
export async function scorecardWorkbook(card: ScorecardDto): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('评估记分卡');
  sheet.addRow([`${card.orgUnit.name}指标评估记分卡（${card.year ?? '—'}年数据，对照${card.milestone ?? '—'}年目标，${card.scope === 'approved' ? '仅含已审核数据' : '含未审核数据'}）`]).font = { bold: true, size: 13 };
  headerRow(sheet, ['指标代码', '指标', '计量单位', ...card.units.flatMap((u) => [`${u.name}\n数值`, `${u.name}\n状态`, `${u.name}\n排名`])]);
  for (const row of card.rows) {
    const r = sheet.addRow([
      row.indicator.code,
      row.indicator.name,
      row.indicator.unit ?? '',
      ...row.cells.flatMap((c) => [c.value, STATUS_LABELS[c.status], c.rank]),
    ]);
    row.cells.forEach((c, i) => {
      const valueCell = r.getCell(4 + i * 3);
      valueCell.numFmt = numberFormat(row.indicator.decimals);
      r.getCell(5 + i * 3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[c.status] } };
    });
  }
  sheet.getColumn(2).width = 36;
  for (let i = 0; i < card.units.length; i++) sheet.getColumn(4 + i * 3).width = 12;
  return writeXlsx(book);
}

/** An indicator's data at one unit, by year and disaggregation, and its target assessments. */
export async function indicatorWorkbook(view: IndicatorAnalyticsDto): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const data = book.addWorksheet('数据');
  data.addRow([`${view.orgUnit.name} · ${view.indicator.name}${view.indicator.unit ? `（${view.indicator.unit}）` : ''}`]).font = { bold: true, size: 13 };
  headerRow(data, ['年份', '分组', '数值', '分子', '分母', '来源']);
  for (const s of view.series) {
    for (const p of s.points) {
      data.addRow([p.year, s.optionName, p.value, p.numerator, p.denominator, p.source === 'reported' ? '本级填报' : '下级汇总']).getCell(3).numFmt = numberFormat(view.indicator.decimals);
    }
  }
  data.getColumn(3).width = 14;
  data.getColumn(4).width = 14;
  data.getColumn(5).width = 14;

  const targets = book.addWorksheet('目标评估');
  headerRow(targets, ['目标年份', '目标', '状态', '基期', '最新', '年均变化（实际）', '年均变化（所需）', '进度比', '目标年预测值', '说明']);
  for (const t of view.targets) {
    const a = t.assessment;
    targets.addRow([
      t.year,
      `${t.comparator} ${t.value ?? ''}${t.baseYear ? `（基期${t.baseYear}）` : ''}`,
      STATUS_LABELS[a.status],
      a.baseline ? `${a.baseline.year}年 ${a.baseline.value}` : '',
      a.latest ? `${a.latest.year}年 ${a.latest.value}` : '',
      a.cagrObserved,
      a.cagrRequired,
      a.ratio,
      a.projected,
      a.reason,
    ]);
  }
  targets.getColumn(6).numFmt = '0.00%';
  targets.getColumn(7).numFmt = '0.00%';
  targets.getColumn(10).width = 60;
  return writeXlsx(book);
}
