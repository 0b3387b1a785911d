import type { Action } from '../policy';

/*
 * How a monitoring report goes out (issue on the annual report, point 2): the office drafts it, the
 * 统计监测组 审核, the leader 审定 (「审核监测评估报告」), the office publishes. Either reviewer may
 * return it to a draft with a reason. Who may take a step is the policy action of its row.
 */

export const REPORT_STATUSES = ['draft', 'reviewing', 'approving', 'approved', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  reviewing: '统计监测组审核中',
  approving: '待领导审定',
  approved: '已审定，待发布',
  published: '已发布',
};

export const REPORT_ACTIONS = ['submit', 'pass', 'approve', 'return', 'publish'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export interface ReportTransition {
  action: ReportAction;
  from: ReportStatus;
  to: ReportStatus;
  /** The policy action a person needs on the report's unit. */
  policy: Action;
  label: string;
  /** Returning says why. */
  needsReason: boolean;
}

export const REPORT_TRANSITIONS: readonly ReportTransition[] = [
  { action: 'submit', from: 'draft', to: 'reviewing', policy: 'reports.edit', label: '送审', needsReason: false },
  { action: 'pass', from: 'reviewing', to: 'approving', policy: 'reports.review', label: '审核通过', needsReason: false },
  { action: 'return', from: 'reviewing', to: 'draft', policy: 'reports.review', label: '退回修改', needsReason: true },
  { action: 'approve', from: 'approving', to: 'approved', policy: 'reports.approve', label: '审定通过', needsReason: false },
  { action: 'return', from: 'approving', to: 'draft', policy: 'reports.approve', label: '退回修改', needsReason: true },
  { action: 'publish', from: 'approved', to: 'published', policy: 'reports.publish', label: '发布', needsReason: false },
];

/** The step `action` takes from `status`, or null when it cannot be taken there. */
export function transitionOf(status: ReportStatus, action: ReportAction): ReportTransition | null {
  return REPORT_TRANSITIONS.find((t) => t.from === status && t.action === action) ?? null;
}

/** The steps open at `status`, in the order the buttons show them. */
export const transitionsFrom = (status: ReportStatus): ReportTransition[] => REPORT_TRANSITIONS.filter((t) => t.from === status);

/** What the history says a step did; `create` and `regenerate` are the office's own steps outside the table. */
export const REPORT_STEP_LABELS: Record<ReportAction | 'create' | 'regenerate', string> = {
  create: '生成草稿',
  regenerate: '按最新数据重新生成',
  submit: '送审',
  pass: '统计监测组审核通过',
  approve: '领导审定通过',
  return: '退回修改',
  publish: '发布',
};
