import { Tag } from 'antd';
import { ITEM_STATUS_LABELS, MILESTONE_STATUS_LABELS, type ItemStatus, type MilestoneStatus } from '../../../shared/workitems/status';
import { SUPERVISION_STATE_LABELS, type SupervisionState } from '../../../shared/workitems/supervision';

const ITEM_COLORS: Record<ItemStatus, string> = { done: 'green', on_schedule: 'blue', late: 'red' };
const MILESTONE_COLORS: Record<MilestoneStatus, string> = { met: 'green', reported: 'blue', pending: 'default', overdue: 'red' };
const SUPERVISION_COLORS: Record<SupervisionState, string> = { open: 'orange', replied: 'blue', closed: 'default' };

export const ItemStatusTag = ({ status }: { status: ItemStatus }) => <Tag color={ITEM_COLORS[status]}>{ITEM_STATUS_LABELS[status]}</Tag>;
export const MilestoneStatusTag = ({ status }: { status: MilestoneStatus }) => <Tag color={MILESTONE_COLORS[status]}>{MILESTONE_STATUS_LABELS[status]}</Tag>;
export const SupervisionStateTag = ({ state, overdue }: { state: SupervisionState; overdue?: boolean }) => (
  <Tag color={overdue ? 'red' : SUPERVISION_COLORS[state]}>{overdue ? '逾期未答复' : SUPERVISION_STATE_LABELS[state]}</Tag>
);
