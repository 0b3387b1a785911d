/*
 * 督办: the office issues one to a member department (what, by when); the department replies; the
 * office closes it or presses again (a new round with a new deadline). Every step is kept.
 */

export type SupervisionState = 'open' | 'replied' | 'closed';
export type SupervisionAction = 'issue' | 'reply' | 'press' | 'close';

export const SUPERVISION_STATE_LABELS: Record<SupervisionState, string> = { open: '待答复', replied: '已答复', closed: '已办结' };
export const SUPERVISION_ACTION_LABELS: Record<SupervisionAction, string> = { issue: '发出督办', reply: '答复', press: '再次督办', close: '办结' };

/** Who takes a step: the office that issued it, or the department it was issued to. */
export const ACTOR_OF: Record<Exclude<SupervisionAction, 'issue'>, 'office' | 'unit'> = { reply: 'unit', press: 'office', close: 'office' };

const TRANSITIONS: Record<Exclude<SupervisionAction, 'issue'>, Partial<Record<SupervisionState, SupervisionState>>> = {
  reply: { open: 'replied' },
  // Pressing again answers a reply that does not do, or chases one that has not come.
  press: { open: 'open', replied: 'open' },
  close: { open: 'closed', replied: 'closed' },
};

/** The state after `action`, or null when the action is not possible now. */
export function nextSupervisionState(state: SupervisionState, action: Exclude<SupervisionAction, 'issue'>): SupervisionState | null {
  return TRANSITIONS[action][state] ?? null;
}

/** An open 督办 past its deadline (Beijing date). */
export const isOverdue = (s: { state: SupervisionState; dueOn: string }, today: string) => s.state === 'open' && s.dueOn < today;
