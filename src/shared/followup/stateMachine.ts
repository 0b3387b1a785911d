/**
 * 整改 of a warning: the office assigns it to a member department with a deadline, the department
 * answers (cause, measures, expected date), the office accepts, returns or closes it. Whether the
 * indicator has recovered is not a state: it is read from the data each time (the warning no longer
 * fires), so it can never disagree with the warnings list.
 */
export const FOLLOWUP_STATES = ['assigned', 'answered', 'returned', 'accepted', 'closed'] as const;
export type FollowupState = (typeof FOLLOWUP_STATES)[number];

export const FOLLOWUP_ACTIONS = ['answer', 'accept', 'return', 'close'] as const;
export type FollowupAction = (typeof FOLLOWUP_ACTIONS)[number];

/** Who takes an action: the assigned member department, or the committee office that assigned it. */
export type FollowupActor = 'department' | 'office';

export const FOLLOWUP_STATE_LABELS: Record<FollowupState, string> = {
  assigned: '待答复',
  answered: '待审核',
  returned: '已退回',
  accepted: '整改中',
  closed: '已关闭',
};
/** Shown instead of the state when an open follow-up's warning no longer fires. */
export const RECOVERED_LABEL = '指标已恢复';

export const FOLLOWUP_ACTION_LABELS: Record<FollowupAction, string> = {
  answer: '答复',
  accept: '采纳',
  return: '退回',
  close: '关闭',
};

interface Rule {
  from: readonly FollowupState[];
  to: FollowupState;
  by: FollowupActor;
}

const RULES: Record<FollowupAction, Rule> = {
  answer: { from: ['assigned', 'returned'], to: 'answered', by: 'department' },
  accept: { from: ['answered'], to: 'accepted', by: 'office' },
  return: { from: ['answered'], to: 'returned', by: 'office' },
  close: { from: ['assigned', 'answered', 'returned', 'accepted'], to: 'closed', by: 'office' },
};

export type Transition = { ok: true; to: FollowupState } | { ok: false; reason: string };

/** The state after `action` by `actor`, or why it cannot be taken now. */
export function followupTransition(state: FollowupState, action: FollowupAction, actor: FollowupActor): Transition {
  const rule = RULES[action];
  if (rule.by !== actor) {
    return { ok: false, reason: `「${FOLLOWUP_ACTION_LABELS[action]}」由${rule.by === 'office' ? '妇儿工委办公室' : '责任成员单位'}办理` };
  }
  if (!rule.from.includes(state)) {
    return { ok: false, reason: `整改${FOLLOWUP_STATE_LABELS[state]}，不能${FOLLOWUP_ACTION_LABELS[action]}` };
  }
  return { ok: true, to: rule.to };
}

/** The actions `actor` may take in `state`, for buttons. */
export function followupActions(state: FollowupState, actor: FollowupActor): FollowupAction[] {
  return FOLLOWUP_ACTIONS.filter((a) => followupTransition(state, a, actor).ok);
}

export const isOpenFollowup = (state: FollowupState) => state !== 'closed';
/** States in which the department owes an answer: its deadline reminders apply. */
export const awaitsDepartment = (state: FollowupState) => state === 'assigned' || state === 'returned';
