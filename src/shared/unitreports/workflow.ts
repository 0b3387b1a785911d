/*
 * A member unit's annual report (成员单位年度报告) moves draft → submitted → accepted, or back to
 * the unit as returned (with a reason) and submitted again. One pure table says who moves it.
 */

export const FORM_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type FormState = (typeof FORM_STATES)[number];

export const FORM_STATE_LABELS: Record<FormState, string> = { draft: '未提交', submitted: '已提交', returned: '已退回', accepted: '已接收' };

export type FormAction = 'submit' | 'accept' | 'return';
export const FORM_ACTION_LABELS: Record<FormAction | 'remind', string> = { submit: '提交', accept: '接收', return: '退回', remind: '催报' };

/** Who acts: the reporting unit itself, or the office of the round's committee. */
export type FormActor = 'reporter' | 'office';

const TRANSITIONS: Record<FormAction, { from: readonly FormState[]; to: FormState; by: FormActor }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'reporter' },
  accept: { from: ['submitted'], to: 'accepted', by: 'office' },
  return: { from: ['submitted'], to: 'returned', by: 'office' },
};

/** The state an action leads to, or null when it may not be taken from `state` by `actor`. */
export function nextState(state: FormState, action: FormAction, actor: FormActor): FormState | null {
  const t = TRANSITIONS[action];
  return t.by === actor && t.from.includes(state) ? t.to : null;
}

/** A draft can be edited while the unit still holds it. */
export const isEditable = (state: FormState) => state === 'draft' || state === 'returned';

/** Still owed by the unit: never submitted, or returned to it. */
export const isOutstanding = (state: FormState) => state === 'draft' || state === 'returned';

const DAY = 86_400_000;
const dayNumber = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / DAY;

/**
 * Days past the due date (Beijing dates, `YYYY-MM-DD`): for a report still outstanding, up to
 * today; for one submitted, up to the day it was (first) submitted. 0 when on time.
 */
export function overdueDays(dueOn: string, state: FormState, submittedOn: string | null, today: string): number {
  const end = isOutstanding(state) || submittedOn === null ? today : submittedOn;
  return Math.max(0, Math.round(dayNumber(end) - dayNumber(dueOn)));
}

/** The sentence an accepted report's frozen figures carry, on the form page and in the compilation. */
export const figuresNote = (asOf: string) => `数据为受理时（${asOf}）的数据`;
