/**
 * Turns the filled-in cells of an uploaded template into value writes, checking every cell and
 * collecting every problem with its place; unchanged values are left out, so an untouched row
 * of a locked submission does not stand in the way.
 */
import type ExcelJS from 'exceljs';
import type { GridDto } from '../../../../shared/api/reporting';
import { OPTION_LABELS, type OptionCode } from '../../../../shared/monitoring/validation';
import type { ValueInput } from '../commands/writeDataValues';
import { COMMENT_MAX, describePlace, HEADER_ROW, type Place } from './layout';
import { readText, readValue } from './readCells';
import type { StampCell } from './stamp';

export interface Located {
  /** null: about a whole sheet. */
  place: Place | null;
  /** Reading order: sheet, row, column. */
  rank: number;
}

export interface Problem extends Located {
  message: string;
}

export interface Collected {
  inputs: ValueInput[];
  /** Where each input came from, by its `where`, to place the write path's conflicts. */
  places: Map<string, Located>;
  unchanged: number;
  problems: Problem[];
}

interface SheetContext {
  sheet: ExcelJS.Worksheet;
  index: number;
  grid: GridDto;
  optionIds: ReadonlyMap<OptionCode, number>;
  out: Collected;
}

const rankOf = (index: number, row: number, column: number) => (index * 100_000 + row) * 1_000 + column;

function problem(ctx: SheetContext, row: number, column: number, label: string, reason: string) {
  const place = { sheet: ctx.sheet.name, row, column, label };
  ctx.out.problems.push({ place, rank: rankOf(ctx.index, row, column), message: `${describePlace(place)}：${reason}` });
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const columnLabel = (c: StampCell) => (c.option ? OPTION_LABELS[c.option] : '说明');

/** The header of every stamped column and the indicator code of every stamped row are where they were. */
function layoutIntact(ctx: SheetContext, cells: readonly StampCell[]): boolean {
  let intact = true;
  for (const c of new Map(cells.map((c) => [c.column, c])).values()) {
    const found = readText(ctx.sheet.getCell(HEADER_ROW, c.column));
    if (found === columnLabel(c)) continue;
    intact = false;
    problem(ctx, HEADER_ROW, c.column, columnLabel(c), `表头应为“${columnLabel(c)}”，实为“${found ?? '空'}”；请不要增删或移动列，请重新下载模板`);
  }
  for (const c of new Map(cells.map((c) => [c.row, c])).values()) {
    const found = readText(ctx.sheet.getCell(c.row, 1));
    if (found === c.indicatorCode) continue;
    intact = false;
    problem(ctx, c.row, 1, '指标编码', `应为“${c.indicatorCode}”，实为“${found ?? '空'}”；请不要增删或移动行，请重新下载模板`);
  }
  return intact;
}

/**
 * The 说明 of a row: undefined when left as the template had it, so the stored comments stay as
 * they are, also where someone changed them since the download.
 */
function commentOf(ctx: SheetContext, stamp: StampCell | undefined): string | null | undefined {
  if (!stamp) return undefined;
  const text = readText(ctx.sheet.getCell(stamp.row, stamp.column));
  if (text === stamp.filled) return undefined;
  if (text && text.length > COMMENT_MAX) problem(ctx, stamp.row, stamp.column, '说明', `不超过 ${COMMENT_MAX} 字，实为 ${text.length} 字`);
  return text;
}

function collectRow(ctx: SheetContext, cells: readonly StampCell[], optionColumns: ReadonlyMap<number, OptionCode>) {
  const first = cells[0]!;
  const row = ctx.grid.rows.find((r) => r.dataElementId === first.dataElementId);
  if (!row) return problem(ctx, first.row, 1, '指标编码', '该数据项已不在本填报表中，请重新下载模板');
  const comment = commentOf(ctx, cells.find((c) => c.option === null));
  const { orgUnit, year } = ctx.grid.submission;

  for (const [column, option] of optionColumns) {
    const stamp = cells.find((c) => c.column === column);
    const cell = ctx.sheet.getCell(first.row, column);
    const current = row.cells.find((c) => c.option === option);
    if (!stamp || !current) {
      if (readText(cell) !== null) problem(ctx, first.row, column, OPTION_LABELS[option], `“${row.dataElementName}”不按“${OPTION_LABELS[option]}”分组填报，此格应留空`);
      continue;
    }
    const read = readValue(cell, { count: row.valueType === 'count', percentUnit: row.unit === '%' });
    if (read.kind === 'invalid') problem(ctx, first.row, column, OPTION_LABELS[option], read.reason);
    if (read.kind === 'invalid' || read.kind === 'empty') continue;
    const value = read.kind === 'delete' ? null : read.value;
    // A cell left as downloaded is not written: that would undo what someone saved since, or be
    // refused as a conflict with it. A changed cell carries the version it was downloaded at
    // (below), so edits made since still stop it.
    const asDownloaded = value === stamp.filled && comment === undefined;
    const asStored = value === current.value && (comment === undefined || value === null || comment === current.comment);
    if (asDownloaded || asStored) {
      ctx.out.unchanged++;
      continue;
    }
    const place = { sheet: ctx.sheet.name, row: first.row, column, label: OPTION_LABELS[option] };
    const where = describePlace(place);
    ctx.out.places.set(where, { place, rank: rankOf(ctx.index, first.row, column) });
    ctx.out.inputs.push({
      dataElementId: row.dataElementId, orgUnitId: orgUnit.id, period: year, optionId: ctx.optionIds.get(option)!,
      value, comment, expectedVersion: stamp.version, where,
    });
  }
}

/**
 * Reads the stamped cells of every sheet, in the order of the stamp; `grids` are the stamped
 * submissions as they are now, by id.
 */
export function collectValues(
  workbook: ExcelJS.Workbook,
  stampCells: readonly StampCell[],
  grids: ReadonlyMap<number, GridDto>,
  optionIds: ReadonlyMap<OptionCode, number>,
): Collected {
  const out: Collected = { inputs: [], places: new Map(), unchanged: 0, problems: [] };
  const bySheet = groupBy(stampCells, (c) => c.sheet);
  [...bySheet].forEach(([name, cells], index) => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) {
      out.problems.push({ place: null, rank: rankOf(index, 0, 0), message: `找不到工作表“${name}”：请不要删除或重命名模板中的工作表，请重新下载模板` });
      return;
    }
    const ctx: SheetContext = { sheet, index, grid: grids.get(cells[0]!.submissionId)!, optionIds, out };
    if (!layoutIntact(ctx, cells)) return;
    const optionColumns = new Map(cells.filter((c) => c.option !== null).map((c) => [c.column, c.option!]));
    for (const rowCells of groupBy(cells, (c) => c.row).values()) collectRow(ctx, rowCells, optionColumns);
  });
  return out;
}
