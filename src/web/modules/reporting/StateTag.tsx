import { Tag } from 'antd';
import { STATE_LABELS, type SubmissionState } from '../../../shared/monitoring/workflow';
import { STATE_COLORS, STATE_SHORT_LABELS } from './format';

export function StateTag({ state, short = false }: { state: SubmissionState; short?: boolean }) {
  return (
    <Tag color={STATE_COLORS[state]} className="state-tag" variant="outlined">
      {short ? STATE_SHORT_LABELS[state] : STATE_LABELS[state]}
    </Tag>
  );
}
