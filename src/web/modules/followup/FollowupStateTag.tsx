import { Tag } from 'antd';
import { FOLLOWUP_STATE_LABELS, RECOVERED_LABEL, type FollowupState } from '../../../shared/followup/stateMachine';

const COLORS: Record<FollowupState, string> = { assigned: 'gold', answered: 'blue', returned: 'volcano', accepted: 'cyan', closed: 'default' };

/** The follow-up's state, or 「指标已恢复」 for an open one whose warning no longer fires; 逾期 when the answer is late. */
export function FollowupStateTag({ state, recovered = false, overdue = false }: { state: FollowupState; recovered?: boolean; overdue?: boolean }) {
  if (recovered) return <Tag color="green">{RECOVERED_LABEL}</Tag>;
  return (
    <>
      <Tag color={COLORS[state]}>{FOLLOWUP_STATE_LABELS[state]}</Tag>
      {overdue && <Tag color="red">已逾期</Tag>}
    </>
  );
}
