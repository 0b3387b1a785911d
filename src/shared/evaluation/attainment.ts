import type { ProgressStatus } from '../analytics/progress';

/** How far a plan goal is attained at an evaluation: 达标 / 基本达标 / 未达标 / 无法评估. */
export const ATTAINMENTS = ['met', 'partly', 'not_met', 'unassessable'] as const;
export type Attainment = (typeof ATTAINMENTS)[number];

export const ATTAINMENT_LABELS: Record<Attainment, string> = {
  met: '达标',
  partly: '基本达标',
  not_met: '未达标',
  unassessable: '无法评估',
};

/**
 * The attainment the data suggest for a goal, from the analytics service's progress status of
 * each target of its linked indicators at the round's milestone:
 * - no target with data → 无法评估;
 * - every target achieved → 达标;
 * - at least half of the targets with data achieved, and the rest on track (进展顺利) or without
 *   data → 基本达标 (a goal is not 达标 while part of it cannot be shown);
 * - otherwise → 未达标.
 * The evaluating unit may override it, with a reason.
 */
export function suggestAttainment(statuses: readonly ProgressStatus[]): Attainment {
  const judged = statuses.filter((s) => s !== 'insufficient_data');
  if (judged.length === 0) return 'unassessable';
  const achieved = judged.filter((s) => s === 'achieved').length;
  if (achieved === statuses.length) return 'met';
  const laggingOnes = judged.filter((s) => s !== 'achieved' && s !== 'on_track').length;
  return achieved * 2 >= judged.length && laggingOnes === 0 ? 'partly' : 'not_met';
}

/** 达标率 of goals: 达标 ones out of those that could be judged (无法评估 left out), null when none. */
export function goalAttainmentRate(attainments: readonly Attainment[]): { met: number; assessable: number; rate: number | null } {
  const assessable = attainments.filter((a) => a !== 'unassessable').length;
  const met = attainments.filter((a) => a === 'met').length;
  return { met, assessable, rate: assessable ? met / assessable : null };
}

/**
 * A target's status as it counts at the round's milestone: at a mid-term evaluation against a
 * later (final) target, 进展顺利 means the goal is where it should be by now, so it counts as achieved.
 */
export function statusAtMilestone(status: ProgressStatus, targetYear: number, milestone: number): ProgressStatus {
  return targetYear > milestone && status === 'on_track' ? 'achieved' : status;
}
