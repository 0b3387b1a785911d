import type { ImportChanges } from '../../../../shared/api/plans';
import type { ParsedArea, ParsedGoal, ParsedItem, ParsedPlan } from '../../../../shared/plan-text';
import { toChineseNumeral } from '../../../../shared/plan-text/numerals';

export interface StoredItem { id: number; no: number; text: string; lineStart: number; lineEnd: number }
export interface StoredArea { id: number; no: number; title: string; line: number; goals: StoredItem[]; measures: StoredItem[] }

/** Steps that turn a stored plan into a revised parse of it; `apply` in importPlans carries them out. */
export type PlanOp =
  | { op: 'addArea'; area: ParsedArea }
  | { op: 'updateArea'; id: number; title: string; line: number }
  | { op: 'removeArea'; id: number }
  | { op: 'addGoal'; areaId: number; goal: ParsedGoal }
  | { op: 'updateGoal'; id: number; goal: ParsedGoal; textChanged: boolean }
  | { op: 'removeGoal'; id: number }
  | { op: 'addMeasure'; areaId: number; measure: ParsedItem }
  | { op: 'updateMeasure'; id: number; measure: ParsedItem }
  | { op: 'removeMeasure'; id: number };

const areaLabel = (a: { no: number; title: string }) => `（${toChineseNumeral(a.no)}）${a.title}`;

/**
 * Compares by position (area number, goal/measure number): that is how plans are cited
 * (“领域一目标2”). Items whose text is unchanged but moved lines are updated silently.
 */
export function diffPlan(stored: StoredArea[], parsed: ParsedPlan): { ops: PlanOp[]; changes: ImportChanges } {
  const ops: PlanOp[] = [];
  const changes: ImportChanges = { added: [], changed: [], removed: [] };

  for (const area of parsed.areas) {
    const old = stored.find((a) => a.no === area.no);
    if (!old) {
      ops.push({ op: 'addArea', area });
      changes.added.push(`领域${areaLabel(area)}`);
      continue;
    }
    if (old.title !== area.title) changes.changed.push(`领域${areaLabel(old)} 更名为“${area.title}”`);
    if (old.title !== area.title || old.line !== area.line) ops.push({ op: 'updateArea', id: old.id, title: area.title, line: area.line });

    diffItems(old.goals, area.goals, `${areaLabel(area)} 目标`, {
      add: (goal) => ops.push({ op: 'addGoal', areaId: old.id, goal }),
      update: (id, goal, textChanged) => ops.push({ op: 'updateGoal', id, goal, textChanged }),
      remove: (id) => ops.push({ op: 'removeGoal', id }),
    }, changes);
    diffItems(old.measures, area.measures, `${areaLabel(area)} 措施`, {
      add: (measure) => ops.push({ op: 'addMeasure', areaId: old.id, measure }),
      update: (id, measure) => ops.push({ op: 'updateMeasure', id, measure }),
      remove: (id) => ops.push({ op: 'removeMeasure', id }),
    }, changes);
  }
  for (const old of stored) {
    if (!parsed.areas.some((a) => a.no === old.no)) {
      ops.push({ op: 'removeArea', id: old.id });
      changes.removed.push(`领域${areaLabel(old)}`);
    }
  }
  return { ops, changes };
}

function diffItems<T extends ParsedItem>(
  stored: StoredItem[],
  parsed: T[],
  label: string,
  emit: { add(item: T): void; update(id: number, item: T, textChanged: boolean): void; remove(id: number): void },
  changes: ImportChanges,
): void {
  for (const item of parsed) {
    const old = stored.find((s) => s.no === item.no);
    if (!old) {
      emit.add(item);
      changes.added.push(`${label}${item.no}`);
    } else if (old.text !== item.text) {
      emit.update(old.id, item, true);
      changes.changed.push(`${label}${item.no}`);
    } else if (old.lineStart !== item.lineStart || old.lineEnd !== item.lineEnd) {
      emit.update(old.id, item, false);
    }
  }
  for (const old of stored) {
    if (!parsed.some((p) => p.no === old.no)) {
      emit.remove(old.id);
      changes.removed.push(`${label}${old.no}`);
    }
  }
}
