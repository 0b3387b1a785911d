import { describe, expect, it } from 'vitest';
import { FOLLOWUP_ACTIONS, FOLLOWUP_STATES, followupActions, followupTransition, type FollowupAction, type FollowupActor, type FollowupState } from './stateMachine';

/** Every state × action × actor: the state reached, or null when refused. */
const TABLE: [FollowupState, FollowupAction, FollowupActor, FollowupState | null][] = [
  ['assigned', 'answer', 'department', 'answered'],
  ['assigned', 'answer', 'office', null],
  ['assigned', 'accept', 'office', null],
  ['assigned', 'return', 'office', null],
  ['assigned', 'close', 'office', 'closed'],
  ['assigned', 'close', 'department', null],
  ['answered', 'answer', 'department', null],
  ['answered', 'accept', 'office', 'accepted'],
  ['answered', 'accept', 'department', null],
  ['answered', 'return', 'office', 'returned'],
  ['answered', 'return', 'department', null],
  ['answered', 'close', 'office', 'closed'],
  ['returned', 'answer', 'department', 'answered'],
  ['returned', 'accept', 'office', null],
  ['returned', 'return', 'office', null],
  ['returned', 'close', 'office', 'closed'],
  ['accepted', 'answer', 'department', null],
  ['accepted', 'accept', 'office', null],
  ['accepted', 'return', 'office', null],
  ['accepted', 'close', 'office', 'closed'],
  ['closed', 'answer', 'department', null],
  ['closed', 'accept', 'office', null],
  ['closed', 'return', 'office', null],
  ['closed', 'close', 'office', null],
];

describe('follow-up state machine', () => {
  it.each(TABLE)('%s --%s by %s--> %s', (state, action, actor, expected) => {
    const t = followupTransition(state, action, actor);
    expect(t.ok ? t.to : null).toBe(expected);
    if (!t.ok) expect(t.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('the table covers every state × action for the actor that owns the action', () => {
    for (const s of FOLLOWUP_STATES) for (const a of FOLLOWUP_ACTIONS) expect(TABLE.some(([ts, ta]) => ts === s && ta === a)).toBe(true);
  });

  it('names who may act when the wrong side tries', () => {
    expect(followupTransition('answered', 'accept', 'department')).toEqual({ ok: false, reason: '「采纳」由妇儿工委办公室办理' });
    expect(followupTransition('closed', 'close', 'office')).toEqual({ ok: false, reason: '整改已关闭，不能关闭' });
  });

  it('lists the buttons of each side', () => {
    expect(followupActions('answered', 'office')).toEqual(['accept', 'return', 'close']);
    expect(followupActions('returned', 'department')).toEqual(['answer']);
    expect(followupActions('closed', 'office')).toEqual([]);
  });
});
