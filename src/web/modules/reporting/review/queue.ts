import type { Me } from '../../../../shared/api/auth';
import type { SubmissionDto } from '../../../../shared/api/reporting';
import { awaitsDecisionOf } from '../permissions';

/** States that wait for the statistics group. */
export const AWAITING_REVIEW = new Set<SubmissionDto['state']>(['submitted', 'reviewed']);

/** Submissions waiting for review, the longest-waiting first. */
export function reviewQueue(submissions: readonly SubmissionDto[]): SubmissionDto[] {
  return submissions
    .filter((s) => AWAITING_REVIEW.has(s.state))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id - b.id);
}

/**
 * 待审核 for this user: what waits for their own decision. What waits for someone else's (a
 * district's data, approved by the district's statistics group; data still with the department
 * reviewer) is counted apart, so the queue never lists what the user cannot decide.
 */
export function myReviewQueue(user: Me, submissions: readonly SubmissionDto[]): { mine: SubmissionDto[]; othersDecide: number } {
  const waiting = reviewQueue(submissions);
  const mine = waiting.filter((s) => awaitsDecisionOf(user, s));
  return { mine, othersDecide: waiting.length - mine.length };
}

/** The next one to review after `currentId`, wrapping to the start; null when nothing else waits. */
export function nextInQueue(queue: readonly SubmissionDto[], currentId: number): SubmissionDto | null {
  const others = queue.filter((s) => s.id !== currentId);
  if (others.length === 0) return null;
  const at = queue.findIndex((s) => s.id === currentId);
  if (at < 0) return others[0]!;
  return queue.slice(at + 1).find((s) => s.id !== currentId) ?? others[0]!;
}
