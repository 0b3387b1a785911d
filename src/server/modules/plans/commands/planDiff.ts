import type { ImportChanges } from '../../../../shared/api/plans';
import type { ParsedArea, ParsedGoal, ParsedItem, ParsedPlan } from '../../../../shared/plan-text';
import { toChineseNumeral } from '../../../../shared/plan-text/numerals';

export interface StoredItem { id: number; no: number; text: string; lineStart: number; lineEnd: number }
export interface StoredArea { id: number; no: number; title: string; line: number; goals: StoredItem[]; measures: StoredItem[] }

/**
 * Steps that turn a stored plan into a revised parse of it; `apply` in importPlans carries them out.
 * Goal steps carry the goal's label (“（一）妇女与健康 目标2”) for the change list and link flags.
 */
export type PlanOp =
  | { op: 'addArea'; area: ParsedArea }
  | { op: 'updateArea'; id: number; title: string; line: number }
  | { op: 'removeArea'; id: number; goals: { id: number; label: string }[] }
  | { op: 'addGoal'; areaId: number; goal: ParsedGoal; label: string }
  | { op: 'updateGoal'; id: number; goal: ParsedGoal; textChanged: boolean; label: string }
  | { op: 'removeGoal'; id: number; label: string }
  | { op: 'addMeasure'; areaId: number; measure: ParsedItem }
  | { op: 'updateMeasure'; id: number; measure: ParsedItem }
  | { op: 'removeMeasure'; id: number };

export const areaLabel = (a: { no: number; title: string }) => `（${toChineseNumeral(a.no)}）${a.title}`;
export const goalLabel = (area: { no: number; title: string }, goalNo: number) => `${areaLabel(area)} 目标${goalNo}`;

/**
 * Compares by position (area number, goal/measure number): that is how plans are cited
 * (“领域一目标2”). Items whose text is unchanged but moved lines are updated silently. Changed
 * wording is listed as before → after; the targets' own changes are added when the ops are applied.
 */
export function diffPlan(stored: StoredArea[], parsed: ParsedPlan): { ops: PlanOp[]; changes: ImportChanges } {
  const ops: PlanOp[] = [];
  const changes: ImportChanges = { added: [], changed: [], removed: [], details: [] };

  for (const area of parsed.areas) {
    const old = stored.find((a) => a.no === area.no);
    if (!old) {
      ops.push({ op: 'addArea', area });
      changes.added.push(`领域${areaLabel(area)}`);
      continue;
    }
    if (old.title !== area.title) {
      changes.changed.push(`领域${areaLabel(old)} 更名为“${area.title}”`);
      changes.details.push({ item: `领域${areaLabel(old)}`, what: '领域名称', before: old.title, after: area.title });
    }
    if (old.title !== area.title || old.line !== area.line) ops.push({ op: 'updateArea', id: old.id, title: area.title, line: area.line });

    diffItems(old.goals, area.goals, `${areaLabel(area)} 目标`, '目标原文', {
      add: (goal, label) => ops.push({ op: 'addGoal', areaId: old.id, goal, label }),
      update: (id, goal, textChanged, label) => ops.push({ op: 'updateGoal', id, goal, textChanged, label }),
      remove: (id, label) => ops.push({ op: 'removeGoal', id, label }),
    }, changes);
    diffItems(old.measures, area.measures, `${areaLabel(area)} 措施`, '措施原文', {
      add: (measure) => ops.push({ op: 'addMeasure', areaId: old.id, measure }),
      update: (id, measure) => ops.push({ op: 'updateMeasure', id, measure }),
      remove: (id) => ops.push({ op: 'removeMeasure', id }),
    }, changes);
  }
  for (const old of stored) {
    if (!parsed.areas.some((a) => a.no === old.no)) {
      ops.push({ op: 'removeArea', id: old.id, goals: old.goals.map((g) => ({ id: g.id, label: goalLabel(old, g.no) })) });
      changes.removed.push(`领域${areaLabel(old)}`);
    }
  }
  return { ops, changes };
}

function diffItems<T extends ParsedItem>(
  stored: StoredItem[],
  parsed: T[],
  label: string,
  what: string,
  emit: {
    add(item: T, label: string): void;
    update(id: number, item: T, textChanged: boolean, label: string): void;
    remove(id: number, label: string): void;
  },
  changes: ImportChanges,
): void {
  for (const item of parsed) {
    const old = stored.find((s) => s.no === item.no);
    const itemLabel = `${label}${item.no}`;
    if (!old) {
      emit.add(item, itemLabel);
      changes.added.push(itemLabel);
    } else if (old.text !== item.text) {
      emit.update(old.id, item, true, itemLabel);
      changes.changed.push(itemLabel);
      changes.details.push({ item: itemLabel, what, before: old.text, after: item.text });
    } else if (old.lineStart !== item.lineStart || old.lineEnd !== item.lineEnd) {
      emit.update(old.id, item, false, itemLabel);
    }
  }
  for (const old of stored) {
    if (!parsed.some((p) => p.no === old.no)) {
      emit.remove(old.id, `${label}${old.no}`);
      changes.removed.push(`${label}${old.no}`);
    }
  }
}
