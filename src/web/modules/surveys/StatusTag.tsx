import { Tag } from 'antd';
import { AUDIENCE_LABELS } from '../../../shared/api/surveys';
import type { SurveySummary } from './api';

const STATE: Record<SurveySummary['state'], { color: string; label: string }> = {
  draft: { color: 'default', label: '草稿' },
  not_open: { color: 'blue', label: '未开始' },
  open: { color: 'green', label: '收集中' },
  closed: { color: 'orange', label: '已结束' },
};

export function SurveyStateTag({ state }: { state: SurveySummary['state'] }) {
  return <Tag color={STATE[state].color}>{STATE[state].label}</Tag>;
}

export function AudienceTag({ audience }: { audience: SurveySummary['audience'] }) {
  return <Tag color={audience === 'child' ? 'magenta' : 'geekblue'}>{AUDIENCE_LABELS[audience]}</Tag>;
}
