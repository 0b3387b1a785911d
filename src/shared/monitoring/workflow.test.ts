import { describe, expect, it } from 'vitest';
import { checkTransition, isEditable, lockedReason, SUBMISSION_STATES, WORKFLOW_ACTIONS, type SubmissionState, type WorkflowAction } from './workflow';

/** Every action from every state: the resulting state, or null when refused. */
const TABLE: Record<WorkflowAction, Record<SubmissionState, SubmissionState | null>> = {
  submit: { draft: 'submitted', submitted: null, reviewed: null, returned: 'submitted', approved: null },
  review: { draft: null, submitted: 'reviewed', reviewed: null, returned: null, approved: null },
  approve: { draft: null, submitted: 'approved', reviewed: 'approved', returned: null, approved: null },
  return: { draft: null, submitted: 'returned', reviewed: 'returned', returned: null, approved: null },
  reopen: { draft: null, submitted: null, reviewed: null, returned: null, approved: 'returned' },
};

describe('submission workflow', () => {
  for (const action of WORKFLOW_ACTIONS) {
    for (const state of SUBMISSION_STATES) {
      const expected = TABLE[action][state];
      it(`${action} from ${state} → ${expected ?? 'refused'}`, () => {
        const result = checkTransition(action, state, '数据口径有误');
        if (expected) expect(result).toEqual({ ok: true, to: expected });
        else expect(result).toMatchObject({ ok: false, message: expect.stringContaining('不能') });
      });
    }
  }

  it.each([['return', 'submitted'], ['reopen', 'approved']] as const)('%s needs a reason', (action, state) => {
    expect(checkTransition(action, state, '  ')).toEqual({ ok: false, message: expect.stringContaining('必须填写原因') });
  });

  it.each([
    ['draft', true, null],
    ['returned', true, null],
    ['submitted', false, '已提交审核'],
    ['reviewed', false, '已提交审核'],
    ['approved', false, '锁定'],
  ] as const)('%s: editable %s', (state, editable, reason) => {
    expect(isEditable(state)).toBe(editable);
    if (reason) expect(lockedReason(state)).toContain(reason);
    else expect(lockedReason(state)).toBeNull();
  });
});
