import { describe, expect, it } from 'vitest';
import type { Me } from '../../../shared/api/auth';
import type { SubmissionDto } from '../../../shared/api/reporting';
import type { Role } from '../../../shared/roles';
import { cardAction } from './mine/SubmissionCard';
import { noticeTime } from './notifications/NotificationBell';
import { myReviewQueue } from './review/queue';
import { availableActions, managesTasks, reportsData, reviewsData, withheldActions } from './permissions';

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

  it('says why the city statistics group cannot approve a district’s data', () => {
    const cityStatistics = me(['statistics', 1, null]);
    expect(withheldActions(cityStatistics, seat('reviewed'))).toEqual([{ action: 'approve', reason: '审核通过须由西岗区妇儿工委统计监测组办理' }]);
    expect(withheldActions(cityStatistics, seat('approved'))).toEqual([{ action: 'reopen', reason: '重新打开须由西岗区妇儿工委统计监测组办理' }]);
    // Nothing to explain to those whose role never takes the step.
    expect(withheldActions(reporter, seat('reviewed'))).toEqual([]);
    expect(withheldActions(statistics, seat('reviewed'))).toEqual([]);
  });
});

describe('menu entries of the reporting module', () => {
  it.each<[string, Me, boolean, boolean, boolean]>([
    // who, 数据填报, 填报任务, 数据审核
    ['reporter', me(['reporter', 3, 48]), true, false, false],
    // Regression: the department reviewer had no 数据审核 entry.
    ['department reviewer', me(['dept_reviewer', 3, 48]), true, false, true],
    ['statistics group', me(['statistics', 3, null]), false, true, true],
    ['office', me(['office', 3, null]), false, true, false],
    ['leader', me(['leader', 3, null]), false, false, false],
    ['admin', me(['admin', null, null]), true, true, true],
  ])('%s', (_, user, reports, tasks, reviews) => {
    expect([reportsData(user), managesTasks(user), reviewsData(user)]).toEqual([reports, tasks, reviews]);
  });
});

describe('the review queue (待审核)', () => {
  const row = (id: number, state: SubmissionDto['state'], orgUnitId: number, updatedAt: string): SubmissionDto => ({
    ...seat(state),
    orgUnit: { id: orgUnitId, name: orgUnitId === 1 ? '大连市' : '西岗区' },
    id, taskId: 1, taskName: '2024年度', year: 2024, dueOn: '2025-03-31', returnReason: null, overdue: false, updatedAt, indicatorCount: 1, expected: 1, filled: 1,
  });
  const list = [row(1, 'reviewed', 3, '2025-01-02'), row(2, 'submitted', 1, '2025-01-03'), row(3, 'submitted', 3, '2025-01-01'), row(4, 'draft', 3, '2025-01-01')];

  it('lists for the city statistics group only the city’s own data; a district’s is the district’s to approve (regression)', () => {
    const { mine, othersDecide } = myReviewQueue(me(['statistics', 1, null]), list);
    expect([mine.map((s) => s.id), othersDecide]).toEqual([[2], 2]);
  });

  it('lists for the district statistics group its own unit’s data, the longest-waiting first', () => {
    expect(myReviewQueue(me(['statistics', 3, null]), list).mine.map((s) => s.id)).toEqual([3, 1]);
  });

  it('lists for a department reviewer what its department submitted, not what it already passed up', () => {
    const { mine, othersDecide } = myReviewQueue(me(['dept_reviewer', 3, 48]), list);
    expect([mine.map((s) => s.id), othersDecide]).toEqual([[3], 2]);
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
