import { Tag } from 'antd';
import type { FormSummaryDto } from '../../../shared/api/evaluation';
import { ATTAINMENT_LABELS, type Attainment } from '../../../shared/evaluation/attainment';
import type { Criterion } from '../../../shared/evaluation/scoring';

export const KIND_LABELS = { midterm: '中期评估', final: '终期评估' } as const;

const STATE: Record<FormSummaryDto['state'], [string, string]> = {
  draft: ['待自评', 'default'],
  submitted: ['待评审', 'processing'],
  returned: ['已退回', 'warning'],
  reviewed: ['已评审', 'success'],
};

const ATTAINMENT_COLORS: Record<Attainment, string> = { met: 'green', partly: 'gold', not_met: 'red', unassessable: 'default' };

export function FormStateTag({ state }: { state: FormSummaryDto['state'] }) {
  return <Tag color={STATE[state][1]}>{STATE[state][0]}</Tag>;
}

export function AttainmentTag({ attainment }: { attainment: Attainment | null }) {
  if (attainment === null) return <span className="text-muted">—</span>;
  return <Tag color={ATTAINMENT_COLORS[attainment]}>{ATTAINMENT_LABELS[attainment]}</Tag>;
}

export const score = (n: number | null) => (n === null ? '—' : n.toFixed(1).replace(/\.0$/, ''));
export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`);
/** How the goal's own weight of a criterion differs from the round's, or '' when it does not. */
export function weightNote(c: Criterion): string {
  if (c.max === undefined || c.max === c.weight) return '';
  return c.weight === 0 ? '本目标不计分' : `本目标按 ${c.weight} 分计`;
}

/** A criterion as a form shows it: its full marks, and the goal's own weight when the area or goal has one. */
export function criterionLabel(c: Criterion): string {
  const note = weightNote(c);
  return note ? `${c.label}（满分 ${c.max}，${note}）` : `${c.label}（${c.weight} 分）`;
}

export const goalLabel = (g: { no: number; text: string; area: { title: string } }) => `${g.area.title} · 目标 ${g.no}`;
