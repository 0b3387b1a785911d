import { describe, expect, it } from 'vitest';
import { REPORT_KINDS, REPORT_STATUSES, reportNotice, reportStatusLabel, reportStepLabel, rolesToTell, transitionOf, transitionsFrom, type ReportAction, type ReportKind, type ReportStatus } from './workflow';

describe('report workflow', () => {
  it.each<[ReportKind, ReportStatus, ReportAction, ReportStatus | null, string | null]>([
    ['annual', 'draft', 'submit', 'reviewing', 'reports.edit'],
    ['annual', 'draft', 'publish', null, null],
    ['annual', 'draft', 'return', null, null],
    ['annual', 'reviewing', 'pass', 'approving', 'reports.review'],
    ['annual', 'reviewing', 'return', 'draft', 'reports.review'],
    ['annual', 'reviewing', 'approve', null, null],
    ['annual', 'approving', 'approve', 'approved', 'reports.approve'],
    ['annual', 'approving', 'return', 'draft', 'reports.approve'],
    ['annual', 'approved', 'publish', 'published', 'reports.publish'],
    ['annual', 'approved', 'return', null, null],
    ['annual', 'published', 'return', null, null],
    ['annual', 'published', 'submit', null, null],
    // The evaluation report is reviewed by the 评估组; the other steps are the same.
    ['evaluation', 'draft', 'submit', 'reviewing', 'reports.edit'],
    ['evaluation', 'reviewing', 'pass', 'approving', 'reports.reviewEvaluation'],
    ['evaluation', 'reviewing', 'return', 'draft', 'reports.reviewEvaluation'],
    ['evaluation', 'approving', 'approve', 'approved', 'reports.approve'],
    ['evaluation', 'approved', 'publish', 'published', 'reports.publish'],
    ['evaluation', 'published', 'return', null, null],
  ])('%s: %s --%s--> %s (needs %s)', (kind, from, action, to, policy) => {
    const t = transitionOf(kind, from, action);
    expect(t && [t.to, t.policy]).toEqual(to === null ? null : [to, policy]);
  });

  it('returns always ask for a reason, and a published report has no way out', () => {
    for (const kind of REPORT_KINDS) {
      for (const status of REPORT_STATUSES) {
        for (const t of transitionsFrom(kind, status)) expect(t.needsReason).toBe(t.action === 'return');
      }
      expect(transitionsFrom(kind, 'published')).toEqual([]);
    }
  });

  it.each<[ReportKind, string, string]>([
    ['annual', '统计监测组审核中', '统计监测组审核通过'],
    ['evaluation', '评估组审核中', '评估组审核通过'],
  ])('names the reviewer of a %s report in its status and history', (kind, status, step) => {
    expect(reportStatusLabel(kind, 'reviewing')).toBe(status);
    expect(reportStepLabel(kind, 'pass')).toBe(step);
    expect(reportStatusLabel(kind, 'approving')).toBe('待领导审定');
  });

  it.each<[ReportKind, ReportStatus, string[]]>([
    ['annual', 'draft', ['office']],
    ['annual', 'reviewing', ['statistics']],
    ['evaluation', 'reviewing', ['evaluation']],
    ['annual', 'approving', ['leader']],
    ['evaluation', 'approving', ['leader']],
    ['annual', 'approved', ['office']],
    ['annual', 'published', ['office']],
  ])('%s reaching %s tells %j', (kind, status, roles) => {
    expect(rolesToTell(kind, status)).toEqual(roles);
  });

  it('a returned report says why, and names the reviewer of its kind', () => {
    expect(reportNotice('annual', 'draft', '2025年大连市妇女发展规划统计监测报告', '王审核', '图表口径不一致').body).toContain('退回理由：图表口径不一致');
    expect(reportNotice('evaluation', 'reviewing', '中期评估报告', '李主任', null)).toEqual({ title: '《中期评估报告》待评估组审核', body: '李主任送审了报告，请评估组审核。' });
  });
});
