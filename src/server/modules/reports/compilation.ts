import ExcelJS from 'exceljs';
import type { DataScope } from '../../../shared/api/analytics';
import { OPTION_CODES, OPTION_LABELS } from '../../../shared/monitoring/validation';
import { caliberChangeYear } from '../../../shared/reports/findings';
import { appError } from '../../errors';
import { writeXlsx } from '../../http/xlsxExport';
import type { AnalyticsIndicator } from '../analytics/catalogue';
import type { AnalyticsService } from '../analytics/service';
import { assertCan } from '../auth/access';
import type { AuthContext } from '../auth/service';
import type { OrgsService } from '../orgs/service';
import type { reportsRepository } from './repository';

/*
 * 统计资料汇编: every indicator × unit × year as the committee publishes it each year. One sheet per
 * plan area (indicators no plan links to on a sheet of their own) and an index sheet first. A row is
 * an indicator at a unit in one disaggregation (合计, then 女/男, 城镇/乡村, age groups where
 * reported); the figures are the analytics roll-up (ratio of sums), the same the report and the
 * pages show. An indicator whose 统计口径 changed is marked and explained under its sheet.
 */

export interface CompilationRequest {
  unitId: number;
  from?: number;
  to?: number;
  scope?: DataScope;
}

/** Years in one workbook: a column each. */
export const COMPILATION_LIMITS = { maxYears: 30 } as const;

const SHEET_NAME_MAX = 31;
const bareTitle = (title: string) => title.replace(/^\s*[（(][一二三四五六七八九十]+[）)]\s*/, '');
/** Excel refuses []:*?/\ in a sheet name and more than 31 characters. */
const sheetName = (text: string) => text.replace(/[[\]:*?/\\]/g, '·').slice(0, SHEET_NAME_MAX);

interface Group {
  planTitle: string;
  no: number;
  title: string;
  indicators: AnalyticsIndicator[];
}

function groupsOf(indicators: readonly AnalyticsIndicator[]): Group[] {
  const groups = new Map<string, Group>();
  for (const indicator of indicators) {
    const area = indicator.area ?? { planTitle: '', no: 0, title: '未关联规划的指标' };
    const key = `${area.planTitle}\u0000${area.no}`;
    const group = groups.get(key) ?? groups.set(key, { ...area, indicators: [] }).get(key)!;
    group.indicators.push(indicator);
  }
  // Plans in title order, their areas by number, the unlinked indicators last.
  return [...groups.values()].sort((a, b) => Number(a.planTitle === '') - Number(b.planTitle === '') || a.planTitle.localeCompare(b.planTitle, 'zh') || a.no - b.no);
}

export async function buildCompilation(
  deps: { analytics: AnalyticsService; orgs: OrgsService; repo: ReturnType<typeof reportsRepository> },
  auth: AuthContext,
  request: CompilationRequest,
): Promise<{ fileName: string; bytes: Buffer }> {
  const tree = await deps.orgs.tree();
  if (!tree.has(request.unitId)) throw appError('NOT_FOUND', '单位不存在');
  assertCan(auth, 'analytics.read', { orgUnitId: request.unitId, tree });
  const ctx = await deps.analytics.context(request.scope ?? 'approved');

  // The unit, then its sub-units depth first in the tree's order.
  const units: { id: number; name: string; depth: number }[] = [];
  const walk = (id: number, depth: number) => {
    units.push({ id, name: ctx.unit(id).name, depth });
    for (const child of ctx.childrenOf(id)) walk(child.id, depth + 1);
  };
  walk(request.unitId, 0);

  const withData = ctx.indicators.flatMap((i) => ctx.series(i, request.unitId).map(([year]) => year));
  const from = request.from ?? (withData.length ? Math.min(...withData) : undefined);
  const to = request.to ?? (withData.length ? Math.max(...withData) : undefined);
  const unitName = ctx.unit(request.unitId).name;
  if (from === undefined || to === undefined || !withData.some((y) => y >= from && y <= to)) {
    throw appError('REPORT_NO_DATA', `${unitName}${request.from ?? ''}${request.to && request.to !== request.from ? `—${request.to}` : ''}年没有监测数据，无法编制统计资料汇编`);
  }
  if (from > to || to - from + 1 > COMPILATION_LIMITS.maxYears) {
    throw appError('BAD_REQUEST', `年份范围 ${from}—${to} 无效（起始年不晚于终止年，最多 ${COMPILATION_LIMITS.maxYears} 年）`);
  }
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);

  const book = new ExcelJS.Workbook();
  book.creator = `${unitName}妇女儿童工作委员会办公室`;
  const index = book.addWorksheet('目录');
  const title = `${unitName}妇女儿童统计资料汇编（${from}—${to}年）`;
  index.addRow([title]).font = { bold: true, size: 14 };
  index.addRow([`数据范围：${ctx.scope === 'approved' ? '经统计监测组审核的数据' : '含未审核数据'}；下级单位数据按“分子之和 ÷ 分母之和”汇总。`]);
  const indexHeader = index.addRow(['序号', '规划', '领域', '工作表', '指标数', '口径调整']);
  indexHeader.font = { bold: true };
  [6, 30, 28, 30, 8, 10].forEach((w, i) => (index.getColumn(i + 1).width = w));

  const used = new Set<string>();
  groupsOf(ctx.indicators).forEach((group, gi) => {
    let name = sheetName(`${gi + 1} ${bareTitle(group.title)}`);
    while (used.has(name)) name = sheetName(`${name.slice(0, SHEET_NAME_MAX - 1)}′`);
    used.add(name);
    const sheet = book.addWorksheet(name);
    sheet.addRow([`${group.planTitle ? `${group.planTitle} · ` : ''}${bareTitle(group.title)}`]).font = { bold: true, size: 13 };
    const header = sheet.addRow(['指标代码', '指标', '计量单位', '单位', '分组', ...years.map((y) => `${y}年`), '资料来源']);
    header.font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 2 }];
    [10, 34, 8, 14, 10, ...years.map(() => 10), 24].forEach((w, i) => (sheet.getColumn(i + 1).width = w));

    const notes: string[] = [];
    for (const indicator of group.indicators) {
      const changed = caliberChangeYear(indicator.caliber);
      let mark = '';
      if (changed !== null) {
        notes.push(`${notes.length + 1}. ${indicator.name}：统计口径自${changed}年起调整（${indicator.caliber}），此前年份数据与之后不可直接比较。`);
        mark = `（注${notes.length}）`;
      }
      for (const unit of units) {
        for (const option of OPTION_CODES) {
          const series = new Map(ctx.series(indicator, unit.id, option));
          if (option !== 'total' && !years.some((y) => series.has(y))) continue;
          const row = sheet.addRow([
            indicator.code, `${indicator.name}${mark}`, indicator.unit ?? '', `${'　'.repeat(unit.depth)}${unit.name}`, OPTION_LABELS[option],
            ...years.map((y) => series.get(y) ?? null), indicator.dataSource ?? indicator.responsibleDept ?? '',
          ]);
          for (let c = 0; c < years.length; c++) row.getCell(6 + c).numFmt = indicator.decimals > 0 ? `0.${'0'.repeat(indicator.decimals)}` : '0';
        }
      }
    }
    sheet.addRow([]);
    sheet.addRow(['注：空白表示该年度没有数据；“资料来源”为指标的数据来源或责任单位。']);
    for (const note of notes) sheet.addRow([note]);

    const link = index.addRow([gi + 1, group.planTitle || '—', bareTitle(group.title), { text: name, hyperlink: `#'${name}'!A1` }, group.indicators.length, notes.length ? `${notes.length} 项` : '']);
    link.getCell(4).font = { color: { argb: 'FF1D5FA8' }, underline: true };
  });

  return { fileName: `${title}.xlsx`, bytes: await writeXlsx(book) };
}
