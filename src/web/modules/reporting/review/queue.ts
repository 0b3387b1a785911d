import type { SubmissionDto } from '../../../../shared/api/reporting';

/** States that wait for the statistics group. */
export const AWAITING_REVIEW = new Set<SubmissionDto['state']>(['submitted', 'reviewed']);

/** Submissions waiting for review, the longest-waiting first. */
export function reviewQueue(submissions: readonly SubmissionDto[]): SubmissionDto[] {
  return submissions
    .filter((s) => AWAITING_REVIEW.has(s.state))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id - b.id);
}

/** The next one to review after `currentId`, wrapping to the start; null when nothing else waits. */
export function nextInQueue(queue: readonly SubmissionDto[], currentId: number): SubmissionDto | null {
  const others = queue.filter((s) => s.id !== currentId);
  if (others.length === 0) return null;
  const at = queue.findIndex((s) => s.id === currentId);
  if (at < 0) return others[0]!;
  return queue.slice(at + 1).find((s) => s.id !== currentId) ?? others[0]!;
}
