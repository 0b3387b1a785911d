import type { Action } from '../policy';

/**
 * Review of one department's data at one unit for one reporting task, bottom-up:
 * reporter submits → department reviewer passes it up → statistics group approves (locks) or
 * returns it with a reason; reopening approved data is the statistics group's audited act.
 */
export const SUBMISSION_STATES = ['draft', 'submitted', 'reviewed', 'returned', 'approved'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const STATE_LABELS: Record<SubmissionState, string> = {
  draft: '填报中',
  submitted: '已提交待审核',
  reviewed: '部门已审核',
  returned: '已退回',
  approved: '已审核通过（锁定）',
};

export const WORKFLOW_ACTIONS = ['submit', 'review', 'approve', 'return', 'reopen'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: '提交',
  review: '部门审核上报',
  approve: '审核通过',
  return: '退回',
  reopen: '重新打开',
};

interface Transition {
  from: readonly SubmissionState[];
  to: SubmissionState;
  /** Who may take the step, and at which unit: a row of the access policy (src/shared/policy.ts). */
  permission: Action;
  /** A reason is required (and shown to the reporter). */
  needsReason: boolean;
}

export const TRANSITIONS: Record<WorkflowAction, Transition> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', permission: 'data.submit', needsReason: false },
  review: { from: ['submitted'], to: 'reviewed', permission: 'data.review', needsReason: false },
  // Straight from “submitted” only where the department has no reviewer (checked by the server).
  approve: { from: ['submitted', 'reviewed'], to: 'approved', permission: 'data.approve', needsReason: false },
  return: { from: ['submitted', 'reviewed'], to: 'returned', permission: 'data.return', needsReason: true },
  reopen: { from: ['approved'], to: 'returned', permission: 'data.reopen', needsReason: true },
};

/** Values can be changed only while the reporter holds the data. */
export function isEditable(state: SubmissionState): boolean {
  return state === 'draft' || state === 'returned';
}

/** Why values in this state cannot be changed, for the person who tried. */
export function lockedReason(state: SubmissionState): string | null {
  switch (state) {
    case 'approved':
      return '数据已审核通过并锁定，不能修改；如需更正，请联系统计监测组重新打开';
    case 'submitted':
    case 'reviewed':
      return '数据已提交审核，不能修改；如需更正，请等待退回';
    default:
      return null;
  }
}

export type TransitionCheck = { ok: true; to: SubmissionState } | { ok: false; message: string };

/** Whether `action` may happen now; role and scope are checked by the caller. */
export function checkTransition(action: WorkflowAction, state: SubmissionState, reason: string | null | undefined): TransitionCheck {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state)) {
    return { ok: false, message: `当前状态为“${STATE_LABELS[state]}”，不能${ACTION_LABELS[action]}` };
  }
  if (t.needsReason && !reason?.trim()) return { ok: false, message: `${ACTION_LABELS[action]}时必须填写原因` };
  return { ok: true, to: t.to };
}
