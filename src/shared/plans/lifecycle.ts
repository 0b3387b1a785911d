/**
 * A plan's lifecycle: 草案 → 已印发 (released) → 已备案 (filed with the committee above) → 已废止.
 * `adopted` is the stored name of 已印发, the state every imported plan has had so far.
 */
export const PLAN_STATUS_LABELS = { draft: '草案', adopted: '已印发', filed: '已备案', repealed: '已废止' } as const;
export type PlanStatus = keyof typeof PLAN_STATUS_LABELS;

/** The plans a unit is judged by: released, filed or not. */
export const PLANS_IN_FORCE: readonly PlanStatus[] = ['adopted', 'filed'];
