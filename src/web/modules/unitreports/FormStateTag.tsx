import { Tag } from 'antd';
import { FORM_STATE_LABELS, type FormState } from '../../../shared/unitreports/workflow';

const COLORS: Record<FormState, string> = { draft: 'default', submitted: 'processing', returned: 'error', accepted: 'success' };

export function FormStateTag({ state }: { state: FormState }) {
  return <Tag color={COLORS[state]}>{FORM_STATE_LABELS[state]}</Tag>;
}

/** 「逾期 5 天」 in red, nothing when on time. */
export function OverdueText({ days }: { days: number }) {
  return days > 0 ? <span className="unitreports-overdue">逾期 {days} 天</span> : null;
}
