import type { ImplementationStanding } from '../api/responsibilities';

/**
 * Where a department stands with its 实施方案: its latest filing decides, else the due date does
 * (no date set: not due yet; past it: overdue). A returned one is 'returned' until filed again.
 */
export function implementationStanding(dueOn: string | null, latest: { state: 'submitted' | 'accepted' | 'returned' } | null, today: string): ImplementationStanding {
  if (latest) return latest.state;
  if (dueOn === null) return 'not_due';
  return today > dueOn ? 'overdue' : 'due';
}

export const STANDING_LABELS: Record<ImplementationStanding, string> = {
  not_due: '未设报送期限',
  due: '待报送',
  overdue: '逾期未报',
  submitted: '已报送待审',
  accepted: '已接收',
  returned: '已退回',
};
