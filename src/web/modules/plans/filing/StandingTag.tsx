import { Tag } from 'antd';
import { FILING_STATUS_LABELS, type FilingStatus } from '../../../../shared/plans/filing';
import { PLAN_STATUS_LABELS, type PlanStatus } from '../../../../shared/plans/lifecycle';

const STANDING_COLORS: Record<FilingStatus, string> = {
  not_released: 'default',
  due: 'blue',
  overdue: 'red',
  submitted: 'gold',
  returned: 'volcano',
  accepted: 'green',
};

export function StandingTag({ status, late }: { status: FilingStatus; late?: boolean }) {
  return (
    <span className="standing-tag">
      <Tag color={STANDING_COLORS[status]}>{FILING_STATUS_LABELS[status]}</Tag>
      {late && status !== 'overdue' && <Tag color="red" variant="outlined">逾期</Tag>}
    </span>
  );
}

const STATUS_COLORS: Record<PlanStatus, string> = { draft: 'default', adopted: 'blue', filed: 'green', repealed: 'default' };

export function PlanStatusTag({ status, archived }: { status: PlanStatus; archived?: boolean }) {
  return (
    <span className="standing-tag">
      <Tag color={STATUS_COLORS[status]}>{PLAN_STATUS_LABELS[status]}</Tag>
      {archived && <Tag>已归档</Tag>}
    </span>
  );
}
