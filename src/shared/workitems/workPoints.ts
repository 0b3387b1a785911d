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

interface Matched {
  departmentId: number | null;
}
interface PreviewPoint {
  line: number;
  title: string;
  text: string;
  dueOn: string | null;
  practical: boolean;
  leads: Matched[];
  partners: Matched[];
  mentioned: (Matched & { name: string })[];
  children: PreviewPoint[];
}
export interface PointToSave {
  title: string;
  text: string;
  dueOn: string | null;
  practical: boolean;
  leadIds: number[];
  partnerIds: number[];
  mentioned: string[];
  line: number | null;
  children: PointToSave[];
}

/**
 * A previewed point as it is saved unless a person changes it: the departments its names matched,
 * by id — those named 牵头 lead, the others (配合, or only mentioned in the text) are partners.
 * A name that matched none is not saved as a department; it stays in `mentioned` for a person to pick.
 */
export function pointToSave(p: PreviewPoint): PointToSave {
  const ids = (refs: Matched[]) => refs.flatMap((r) => (r.departmentId === null ? [] : [r.departmentId]));
  const leadIds = [...new Set(ids(p.leads))];
  return {
    title: p.title, text: p.text, dueOn: p.dueOn, practical: p.practical, line: p.line, leadIds,
    partnerIds: [...new Set(ids([...p.partners, ...p.mentioned]))].filter((id) => !leadIds.includes(id)),
    mentioned: p.mentioned.map((m) => m.name), children: p.children.map(pointToSave),
  };
}
