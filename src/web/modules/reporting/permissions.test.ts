import { describe, expect, it } from 'vitest';
import type { Me } from '../../../shared/api/auth';
import type { Role } from '../../../shared/roles';
import { cardAction } from './mine/SubmissionCard';
import { noticeTime } from './notifications/NotificationBell';
import { availableActions, hasAnyRole } from './permissions';

const me = (...grants: [Role, number | null, number | null][]): Me => ({
  id: 1,
  username: 'u',
  displayName: '用户',
  roles: grants.map(([role, orgUnitId, departmentId]) => ({ role, orgUnitId, orgUnitName: null, departmentId })),
});
const seat = (state: 'draft' | 'submitted' | 'reviewed' | 'returned' | 'approved') => ({
  state,
  orgUnit: { id: 3, name: '西岗区' },
  department: { id: 48, name: '西岗区卫生健康委员会', shortName: '卫健委' },
});

describe('availableActions', () => {
  const reporter = me(['reporter', 3, 48]);
  const otherReporter = me(['reporter', 3, 49]);
  const reviewer = me(['dept_reviewer', 3, 48]);
  const statistics = me(['statistics', 3, null]);
  const admin = me(['admin', null, null]);

  it('offers the reporter of the seat only 提交, while the data is theirs', () => {
    expect(availableActions(reporter, seat('draft'))).toEqual(['submit']);
    expect(availableActions(reporter, seat('returned'))).toEqual(['submit']);
    expect(availableActions(reporter, seat('submitted'))).toEqual([]);
    expect(availableActions(otherReporter, seat('draft'))).toEqual([]);
  });

  it('offers the department reviewer 审核上报 and 退回 on submitted data', () => {
    expect(availableActions(reviewer, seat('submitted'))).toEqual(['review', 'return']);
    // The shared rules let a reviewer still return what they passed up, until the statistics group decides.
    expect(availableActions(reviewer, seat('reviewed'))).toEqual(['return']);
    expect(availableActions(reviewer, seat('approved'))).toEqual([]);
  });

  it('offers the city statistics group only 退回 on a district’s data: approving is the district’s', () => {
    const cityStatistics = me(['statistics', 1, null]);
    expect(availableActions(cityStatistics, seat('reviewed'))).toEqual(['return']);
    expect(availableActions(cityStatistics, seat('approved'))).toEqual([]);
  });

  it('offers the statistics group 审核通过 and 退回, and 重新打开 on approved data', () => {
    expect(availableActions(statistics, seat('submitted'))).toEqual(['approve', 'return']);
    expect(availableActions(statistics, seat('reviewed'))).toEqual(['approve', 'return']);
    expect(availableActions(statistics, seat('approved'))).toEqual(['reopen']);
    expect(availableActions(statistics, seat('draft'))).toEqual([]);
  });

  it('offers admin whatever the state allows', () => {
    expect(availableActions(admin, seat('submitted'))).toEqual(['review', 'approve', 'return']);
  });

  it('hasAnyRole counts admin as every role', () => {
    expect(hasAnyRole(admin, ['office'])).toBe(true);
    expect(hasAnyRole(reporter, ['office', 'statistics'])).toBe(false);
  });
});

describe('cardAction', () => {
  it('tells a reporter what to do next', () => {
    expect(cardAction({ state: 'draft', filled: 0 }, false)).toEqual({ label: '开始填报', primary: true });
    expect(cardAction({ state: 'draft', filled: 3 }, false)).toEqual({ label: '继续填报', primary: true });
    expect(cardAction({ state: 'returned', filled: 9 }, false)).toEqual({ label: '修改后重新提交', primary: true });
    expect(cardAction({ state: 'approved', filled: 9 }, false)).toEqual({ label: '查看', primary: false });
  });

  it('asks a department reviewer to review what was submitted', () => {
    expect(cardAction({ state: 'submitted', filled: 9 }, true)).toEqual({ label: '审核', primary: true });
    expect(cardAction({ state: 'draft', filled: 0 }, true)).toEqual({ label: '查看', primary: false });
  });
});

describe('noticeTime', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it.each([
    ['2026-11-23T09:59:40Z', '刚刚'],
    ['2026-11-23T09:35:00Z', '25 分钟前'],
    ['2026-11-23T02:05:00Z', '今天 02:05'],
    ['2026-03-20T02:00:00Z', '03-20 02:00'],
    ['2025-12-31T08:00:00Z', '2025-12-31'],
  ])('%s → %s', (iso, text) => expect(noticeTime(iso, now)).toBe(text));
});
