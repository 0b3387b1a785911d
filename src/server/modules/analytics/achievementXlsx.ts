import ExcelJS from 'exceljs';
import { STATUS_LABELS } from '../../../shared/analytics/progress';
import type { AchievementDto, AchievementTallyDto } from '../../../shared/api/analytics';

/*
 * 达标率 as a workbook: the summary by plan and area, the sub-units ranked, and the targets behind
 * every count (the unit's own and each sub-unit's), so a figure can be checked line by line.
 */

const LIST_LABELS = { met: '已达标', notMet: '未达标', noData: '无数据' } as const;

function header(sheet: ExcelJS.Worksheet, values: string[]) {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.views = [{ state: 'frozen', ySplit: row.number }];
}

const counts = (t: AchievementTallyDto) => [t.achieved + t.notAchieved + t.noData, t.achieved, t.notAchieved, t.noData, t.rate];

function percentColumn(sheet: ExcelJS.Worksheet, column: number) {
  sheet.getColumn(column).numFmt = '0.0%';
}

export async function achievementWorkbook(view: AchievementDto): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const scope = view.scope === 'approved' ? '仅含已审核数据' : '含未审核数据';
  const title = `${view.orgUnit.name}目标达标率（对照${view.milestone ?? '—'}年目标，${scope}）`;

  const summary = book.addWorksheet('达标率');
  summary.addRow([title]).font = { bold: true, size: 13 };
  header(summary, ['规划', '领域', '目标数', '已达标', '未达标', '无数据', '达标率']);
  summary.addRow(['合计', '', ...counts(view.overall)]).font = { bold: true };
  for (const plan of view.plans) {
    summary.addRow([plan.planTitle, '（全部领域）', ...counts(plan.tally)]).font = { bold: true };
    for (const area of plan.areas) summary.addRow([plan.planTitle, area.title, ...counts(area.tally)]);
  }
  summary.addRow([]);
  summary.addRow(['注：达标率 = 已达标目标数 ÷（已达标 + 未达标）；无数据的目标不计入分母。与「监测概览」的达标率为同一评估结果。']);
  summary.getColumn(1).width = 30;
  summary.getColumn(2).width = 30;
  percentColumn(summary, 7);

  const units = book.addWorksheet('各单位');
  units.addRow([`${view.orgUnit.name}下级单位达标率排名（对照${view.milestone ?? '—'}年目标）`]).font = { bold: true, size: 13 };
  header(units, ['排名', '单位', '目标数', '已达标', '未达标', '无数据', '达标率']);
  for (const u of view.units) units.addRow([u.rank ?? '—', u.orgUnit.name, ...counts(u.tally)]);
  units.getColumn(2).width = 20;
  percentColumn(units, 7);

  const details = book.addWorksheet('目标清单');
  header(details, ['单位', '分类', '指标代码', '指标', '目标', '目标来源', '状态']);
  for (const [name, tally] of [[view.orgUnit.name, view.overall] as const, ...view.units.map((u) => [u.orgUnit.name, u.tally] as const)]) {
    for (const list of ['met', 'notMet', 'noData'] as const) {
      for (const item of tally.lists[list]) details.addRow([name, LIST_LABELS[list], item.code, item.name, item.target, item.targetBasis, STATUS_LABELS[item.status]]);
    }
  }
  details.getColumn(1).width = 14;
  details.getColumn(4).width = 40;
  details.getColumn(5).width = 16;
  details.getColumn(6).width = 20;
  return Buffer.from(await book.xlsx.writeBuffer());
}
