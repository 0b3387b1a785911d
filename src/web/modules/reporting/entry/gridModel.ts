import type { IndicatorDto } from '../../../../shared/api/indicators';
import type { GridDto } from '../../../../shared/api/reporting';
import { indicatorValue, optionsOf, type Cell, type IndicatorRules, type OptionCode } from '../../../../shared/monitoring/validation';

type GridRow = GridDto['rows'][number];

export const cellKey = (dataElementId: number, option: OptionCode): string => `${dataElementId}:${option}`;

/** What the browser needs of an indicator to compute its value as the person types. */
export interface IndicatorMeta {
  id: number;
  unit: string | null;
  decimals: number;
  rules: IndicatorRules;
  options: OptionCode[];
}

export function metaFromIndicator(dto: IndicatorDto): IndicatorMeta {
  const f = dto.formula;
  return {
    id: dto.id,
    unit: dto.unit,
    decimals: dto.decimals,
    options: optionsOf(dto.categories),
    rules: {
      name: dto.name,
      unit: dto.unit,
      formulaType: f.type,
      valueDeId: f.type === 'direct' ? f.value.id : null,
      numeratorDeId: f.type === 'ratio' ? f.numerator.id : null,
      denominatorDeId: f.type === 'ratio' ? f.denominator.id : null,
      factor: f.type === 'ratio' ? f.factor : 1,
      minValue: dto.minValue,
      maxValue: dto.maxValue,
      yoyThreshold: dto.yoyThreshold,
    },
  };
}

/** One indicator's block of the entry grid: its data rows and, for a ratio, the computed value. */
export interface GridSection {
  indicatorId: number;
  indicatorCode: string;
  indicatorName: string;
  rows: GridRow[];
  isRatio: boolean;
  meta: IndicatorMeta | null;
  /** Options the computed value is shown for (ratio indicators). */
  derivedOptions: OptionCode[];
  /** A ratio part entered in another block (a denominator two indicators share). */
  sharedParts: { role: 'numerator' | 'denominator'; name: string; inIndicator: string }[];
}

/** Groups the grid's rows by indicator, in the grid's order. */
export function buildSections(grid: Pick<GridDto, 'rows' | 'derived'>, metas: ReadonlyMap<number, IndicatorMeta>): GridSection[] {
  const sections: GridSection[] = [];
  const byId = new Map<number, GridSection>();
  for (const row of grid.rows) {
    let section = byId.get(row.indicatorId);
    if (!section) {
      const meta = metas.get(row.indicatorId) ?? null;
      section = {
        indicatorId: row.indicatorId,
        indicatorCode: row.indicatorCode,
        indicatorName: row.indicatorName,
        rows: [],
        isRatio: false,
        meta,
        derivedOptions: [],
        sharedParts: [],
      };
      byId.set(row.indicatorId, section);
      sections.push(section);
    }
    section.rows.push(row);
    if (row.role !== 'value') section.isRatio = true;
  }
  // A ratio whose parts were all entered elsewhere still shows its value.
  for (const d of grid.derived) {
    if (byId.has(d.indicatorId)) byId.get(d.indicatorId)!.isRatio = true;
  }
  const rowByDe = new Map(grid.rows.map((r) => [r.dataElementId, r]));
  for (const section of sections) {
    if (!section.isRatio) continue;
    const fromServer = grid.derived.filter((d) => d.indicatorId === section.indicatorId).map((d) => d.option);
    section.derivedOptions = section.meta?.options ?? (fromServer.length ? fromServer : ['total']);
    const rules = section.meta?.rules;
    if (!rules) continue;
    for (const [role, deId] of [['numerator', rules.numeratorDeId], ['denominator', rules.denominatorDeId]] as const) {
      const row = deId === null ? undefined : rowByDe.get(deId);
      if (row && row.indicatorId !== section.indicatorId) section.sharedParts.push({ role, name: row.dataElementName, inIndicator: row.indicatorName });
    }
  }
  return sections;
}

/** The indicator's value for one option from the values in the inputs right now. */
export function liveValue(meta: IndicatorMeta, values: ReadonlyMap<string, number | null>, option: OptionCode): number | null {
  const { rules } = meta;
  const cells: Cell[] = [rules.valueDeId, rules.numeratorDeId, rules.denominatorDeId]
    .filter((id): id is number => id !== null)
    .map((id) => ({ dataElementId: id, option, value: values.get(cellKey(id, option)) ?? null }));
  const value = indicatorValue(rules, cells, option);
  return value !== null && Number.isFinite(value) ? value : null;
}

// ---------- keyboard navigation ----------

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev';

/** Cell keys by row and option column; null where a row is not broken down by that option. */
export type NavMatrix = (string | null)[][];

export function navMatrix(rows: readonly Pick<GridRow, 'dataElementId' | 'cells'>[], options: readonly OptionCode[]): NavMatrix {
  return rows.map((row) => options.map((o) => (row.cells.some((c) => c.option === o) ? cellKey(row.dataElementId, o) : null)));
}

function positionOf(matrix: NavMatrix, key: string): [number, number] | null {
  for (let r = 0; r < matrix.length; r++) {
    const c = matrix[r]!.indexOf(key);
    if (c >= 0) return [r, c];
  }
  return null;
}

/**
 * The cell a key press moves to: up/down keep the column and skip rows without it, left/right
 * stay in the row, next/prev (Tab, Shift+Tab) run through the cells row by row. Null at an edge.
 */
export function moveFrom(matrix: NavMatrix, key: string, move: Move): string | null {
  const at = positionOf(matrix, key);
  if (!at) return null;
  const [row, col] = at;
  const step = move === 'up' || move === 'left' || move === 'prev' ? -1 : 1;
  if (move === 'up' || move === 'down') {
    for (let r = row + step; r >= 0 && r < matrix.length; r += step) {
      const target = matrix[r]![col];
      if (target) return target;
    }
    return null;
  }
  if (move === 'left' || move === 'right') {
    const cells = matrix[row]!;
    for (let c = col + step; c >= 0 && c < cells.length; c += step) {
      if (cells[c]) return cells[c]!;
    }
    return null;
  }
  const order = matrix.flat().filter((k): k is string => k !== null);
  return order[order.indexOf(key) + step] ?? null;
}

/** Which move a key press asks for, or null to leave it to the input. Arrows left/right only at the text's edge. */
export function moveForKey(
  e: { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean },
  caret: { start: number | null; end: number | null; length: number },
): Move | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  switch (e.key) {
    case 'Enter':
      return e.shiftKey ? 'up' : 'down';
    case 'Tab':
      return e.shiftKey ? 'prev' : 'next';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return caret.start === 0 && caret.end === 0 ? 'left' : null;
    case 'ArrowRight':
      return caret.start === caret.length && caret.end === caret.length ? 'right' : null;
    default:
      return null;
  }
}
