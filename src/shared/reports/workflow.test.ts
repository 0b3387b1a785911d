import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES, transitionOf, transitionsFrom, type ReportAction, type ReportStatus } from './workflow';

describe('report workflow', () => {
  it.each<[ReportStatus, ReportAction, ReportStatus | null, string | null]>([
    ['draft', 'submit', 'reviewing', 'reports.edit'],
    ['draft', 'publish', null, null],
    ['draft', 'return', null, null],
    ['reviewing', 'pass', 'approving', 'reports.review'],
    ['reviewing', 'return', 'draft', 'reports.review'],
    ['reviewing', 'approve', null, null],
    ['approving', 'approve', 'approved', 'reports.approve'],
    ['approving', 'return', 'draft', 'reports.approve'],
    ['approved', 'publish', 'published', 'reports.publish'],
    ['approved', 'return', null, null],
    ['published', 'return', null, null],
    ['published', 'submit', null, null],
  ])('%s --%s--> %s (needs %s)', (from, action, to, policy) => {
    const t = transitionOf(from, action);
    expect(t && [t.to, t.policy]).toEqual(to === null ? null : [to, policy]);
  });

  it('returns always ask for a reason, and a published report has no way out', () => {
    for (const status of REPORT_STATUSES) {
      for (const t of transitionsFrom(status)) expect(t.needsReason).toBe(t.action === 'return');
    }
    expect(transitionsFrom('published')).toEqual([]);
  });
});
