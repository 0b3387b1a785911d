import { grantScope, type Action } from '../policy';
import { ROLES, type Role } from '../roles';

/*
 * How a report goes out (issue on the annual report, point 2; the evaluation report of the evaluation
 * issue, point 3): the office drafts it, a reviewer 审核 — the 统计监测组 for the annual monitoring
 * report, the 评估组 for an evaluation report — the leader 审定 (「审核监测评估报告」), the office
 * publishes. Either reviewer may return it to a draft with a reason. Who may take a step is the policy
 * action of its row.
 */

export const REPORT_KINDS = ['annual', 'evaluation'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = { annual: '年度监测报告', evaluation: '规划评估报告' };

/** Who reviews a report of each kind, and the policy action that lets them. */
export const REPORT_REVIEWERS: Record<ReportKind, { name: string; policy: Action }> = {
  annual: { name: '统计监测组', policy: 'reports.review' },
  evaluation: { name: '评估组', policy: 'reports.reviewEvaluation' },
};

export const REPORT_STATUSES = ['draft', 'reviewing', 'approving', 'approved', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const STATUS_LABELS: Record<Exclude<ReportStatus, 'reviewing'>, string> = {
  draft: '草稿',
  approving: '待领导审定',
  approved: '已审定，待发布',
  published: '已发布',
};

export const reportStatusLabel = (kind: ReportKind, status: ReportStatus): string =>
  status === 'reviewing' ? `${REPORT_REVIEWERS[kind].name}审核中` : STATUS_LABELS[status];

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

/** The steps of a report of `kind`; only the reviewer's differ between kinds. */
export function reportTransitions(kind: ReportKind): readonly ReportTransition[] {
  const review = REPORT_REVIEWERS[kind].policy;
  return [
    { action: 'submit', from: 'draft', to: 'reviewing', policy: 'reports.edit', label: '送审', needsReason: false },
    { action: 'pass', from: 'reviewing', to: 'approving', policy: review, label: '审核通过', needsReason: false },
    { action: 'return', from: 'reviewing', to: 'draft', policy: review, label: '退回修改', needsReason: true },
    { action: 'approve', from: 'approving', to: 'approved', policy: 'reports.approve', label: '审定通过', needsReason: false },
    { action: 'return', from: 'approving', to: 'draft', policy: 'reports.approve', label: '退回修改', needsReason: true },
    { action: 'publish', from: 'approved', to: 'published', policy: 'reports.publish', label: '发布', needsReason: false },
  ];
}

/** The step `action` takes from `status`, or null when it cannot be taken there. */
export function transitionOf(kind: ReportKind, status: ReportStatus, action: ReportAction): ReportTransition | null {
  return reportTransitions(kind).find((t) => t.from === status && t.action === action) ?? null;
}

/** The steps open at `status`, in the order the buttons show them. */
export const transitionsFrom = (kind: ReportKind, status: ReportStatus): ReportTransition[] => reportTransitions(kind).filter((t) => t.from === status);

export type ReportStepAction = ReportAction | 'create' | 'regenerate';

/** Regenerating reads the figures again: the reported data, or the round's forms and reviews. */
export const REGENERATE_LABELS: Record<ReportKind, string> = { annual: '按最新数据重新生成', evaluation: '按最新评估结果重新生成' };

/** What the history says a step did; `create` and `regenerate` are the office's own steps outside the table. */
export function reportStepLabel(kind: ReportKind, action: ReportStepAction): string {
  const labels: Record<ReportStepAction, string> = {
    create: '生成草稿',
    regenerate: REGENERATE_LABELS[kind],
    submit: '送审',
    pass: `${REPORT_REVIEWERS[kind].name}审核通过`,
    approve: '领导审定通过',
    return: '退回修改',
    publish: '发布',
  };
  return labels[action];
}

/**
 * Who is told when a report reaches `status`: the roles that take its next step forward (the
 * reviewer, the leader, the office to publish or to rework a returned draft), and the office once it
 * is published. Administrators are not told; they act everywhere and are told nothing.
 */
export function rolesToTell(kind: ReportKind, status: ReportStatus): Role[] {
  const policies: Action[] = status === 'published' ? ['reports.publish'] : transitionsFrom(kind, status).filter((t) => t.action !== 'return').map((t) => t.policy);
  return ROLES.filter((role) => role !== 'admin' && policies.some((p) => grantScope(p, role) !== undefined));
}

/** What the notification of reaching `status` says, for a report titled `title`. */
export function reportNotice(kind: ReportKind, status: ReportStatus, title: string, actor: string, reason: string | null): { title: string; body: string } {
  const reviewer = REPORT_REVIEWERS[kind].name;
  const notices: Record<ReportStatus, { title: string; body: string }> = {
    draft: { title: `《${title}》被退回修改`, body: `${actor}退回了报告。退回理由：${reason ?? '未说明'}。请修改后重新送审。` },
    reviewing: { title: `《${title}》待${reviewer}审核`, body: `${actor}送审了报告，请${reviewer}审核。` },
    approving: { title: `《${title}》待领导审定`, body: `${actor}（${reviewer}）审核通过了报告，请审定。` },
    approved: { title: `《${title}》已审定，待发布`, body: `${actor}审定通过了报告，可以发布。` },
    published: { title: `《${title}》已发布`, body: `${actor}发布了报告，公众可在门户下载。` },
  };
  return notices[status];
}
