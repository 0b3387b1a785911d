import { describe, expect, it } from 'vitest';
import { rectificationState, SITE_CHECK_LIMITS, siteCheckProblems, tallyChecks, type SiteCheckDraft } from './siteChecks';

const TODAY = '2025-10-15';
const OK: SiteCheckDraft = { visitedOn: '2025-10-10', inspectors: ['王明', '李红（大连市统计学会）'], findings: '台账齐全。', rectifications: [{ requirement: '补齐分区县数据', dueOn: '2025-11-30' }] };

describe('siteCheckProblems', () => {
  it.each<[string, Partial<SiteCheckDraft>, string[]]>([
    ['a complete check', {}, []],
    ['no rectification requests', { rectifications: [] }, []],
    ['a visit tomorrow', { visitedOn: '2025-10-16' }, ['visitedOn']],
    ['a visit today', { visitedOn: TODAY, rectifications: [] }, []],
    ['nobody went', { inspectors: [] }, ['inspectors']],
    ['only blank names', { inspectors: [' '] }, ['inspectors', 'inspectors.0']],
    ['too many people', { inspectors: Array.from({ length: SITE_CHECK_LIMITS.inspectors + 1 }, (_, i) => `人员${i}`) }, ['inspectors']],
    ['a name too long', { inspectors: ['王明', '长'.repeat(SITE_CHECK_LIMITS.inspectorName + 1)] }, ['inspectors.1']],
    ['the same person twice', { inspectors: ['王明', '王明'] }, ['inspectors']],
    ['no findings', { findings: '  ' }, ['findings']],
    ['findings too long', { findings: '字'.repeat(SITE_CHECK_LIMITS.findings + 1) }, ['findings']],
    ['too many requests', { rectifications: Array.from({ length: SITE_CHECK_LIMITS.rectifications + 1 }, () => ({ requirement: '整改', dueOn: '2025-12-01' })) }, ['rectifications']],
    ['an empty request', { rectifications: [{ requirement: '', dueOn: '2025-12-01' }] }, ['rectifications.0.requirement']],
    ['a request too long', { rectifications: [{ requirement: '字'.repeat(SITE_CHECK_LIMITS.requirement + 1), dueOn: '2025-12-01' }] }, ['rectifications.0.requirement']],
    ['a deadline before the visit', { rectifications: [{ requirement: '整改', dueOn: '2025-12-01' }, { requirement: '整改', dueOn: '2025-10-09' }] }, ['rectifications.1.dueOn']],
  ])('%s', (_, change, paths) => {
    expect(siteCheckProblems({ ...OK, ...change }, TODAY).map((p) => p.path)).toEqual(paths);
  });

  it('names the field and the row in Chinese', () => {
    const problems = siteCheckProblems({ ...OK, inspectors: ['王明', ''], rectifications: [{ requirement: '整改', dueOn: '2025-10-01' }] }, TODAY);
    expect(problems.map((p) => p.message)).toEqual(['第 2 名检查人员没有填写姓名', '第 1 条整改要求的整改期限（2025-10-01）不能早于检查日期（2025-10-10）']);
  });
});

describe('rectificationState', () => {
  it.each<[string | null, string, string]>([
    [null, '2025-10-15', 'pending'],
    [null, '2025-10-16', 'pending'],
    [null, '2025-10-14', 'overdue'],
    ['已整改', '2025-10-14', 'answered'],
    ['已整改', '2025-12-01', 'answered'],
  ])('answer %s, due %s → %s', (answer, dueOn, state) => {
    expect(rectificationState({ answer, dueOn }, TODAY)).toBe(state);
  });
});

describe('tallyChecks', () => {
  it('counts visits, requests, answered and overdue', () => {
    expect(tallyChecks([])).toEqual({ visits: 0, requests: 0, answered: 0, overdue: 0 });
    expect(tallyChecks([{ rectifications: [{ state: 'answered' }, { state: 'overdue' }, { state: 'pending' }] }, { rectifications: [] }])).toEqual({ visits: 2, requests: 3, answered: 1, overdue: 1 });
  });
});
