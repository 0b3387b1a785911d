import { toChineseNumeral } from '../plan-text/numerals';

/** The numbering a point shows at its place: sections 「一、」, items 「1.」, sub-items 「（1）」. */
export function pointLabel(level: number, index: number): string {
  const n = index + 1;
  if (level === 1) return `${toChineseNumeral(n)}、`;
  if (level === 2) return `${n}.`;
  return `（${n}）`;
}

/** Deepest level a point may have: section → item → sub-item. */
export const MAX_POINT_LEVEL = 3;

export type PracticalState = 'unfiled' | 'filed' | 'notified';

export const PRACTICAL_STATE_LABELS: Record<PracticalState, string> = { unfiled: '未备案', filed: '已备案', notified: '已通报' };

/**
 * Where a 实事项目 stands by its records in date order: nothing filed yet, filed, or notified on
 * (a 通报) after its latest 备案. A 通报 before any 备案 leaves it unfiled.
 */
export function practicalState(records: readonly { kind: 'filing' | 'notice'; onDate: string }[]): PracticalState {
  const filed = records.filter((r) => r.kind === 'filing').map((r) => r.onDate).sort().at(-1);
  if (filed === undefined) return 'unfiled';
  return records.some((r) => r.kind === 'notice' && r.onDate >= filed) ? 'notified' : 'filed';
}
