/**
 * Site checks of an evaluation round (督导检查): the limits of what is recorded, the problems of a
 * check as entered (each naming its field or row), the state of a rectification request, and a
 * unit's tally. Pure, shared by the server (which enforces) and the web page (which shows).
 */

export const SITE_CHECK_LIMITS = {
  /** People who went on one visit. */
  inspectors: 20,
  /** Characters of one person's name (with title or organisation, e.g. 王明（市妇儿工委办公室）). */
  inspectorName: 40,
  /** Characters of the findings (检查发现). */
  findings: 5000,
  /** Rectification requests of one check. */
  rectifications: 20,
  /** Characters of one rectification request. */
  requirement: 1000,
  /** Characters of a unit's answer to one request. */
  answer: 2000,
} as const;

export interface SiteCheckDraft {
  visitedOn: string;
  inspectors: readonly string[];
  findings: string;
  rectifications: readonly { requirement: string; dueOn: string }[];
}

export interface Problem {
  path: string;
  message: string;
}

const L = SITE_CHECK_LIMITS;

/** What is wrong with a check as entered, given today's (Beijing) date; [] when fine. */
export function siteCheckProblems(c: SiteCheckDraft, today: string): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (c.visitedOn > today) add('visitedOn', `检查日期（${c.visitedOn}）不能晚于今天`);
  const names = c.inspectors.map((n) => n.trim());
  if (names.filter(Boolean).length === 0) add('inspectors', '请填写检查人员');
  if (names.length > L.inspectors) add('inspectors', `检查人员最多 ${L.inspectors} 人，现为 ${names.length} 人`);
  names.forEach((n, i) => {
    if (!n) add(`inspectors.${i}`, `第 ${i + 1} 名检查人员没有填写姓名`);
    else if (n.length > L.inspectorName) add(`inspectors.${i}`, `第 ${i + 1} 名检查人员的姓名超过 ${L.inspectorName} 字`);
  });
  const dup = names.find((n, i) => n && names.indexOf(n) !== i);
  if (dup) add('inspectors', `检查人员“${dup}”重复`);
  if (!c.findings.trim()) add('findings', '请填写检查发现');
  else if (c.findings.length > L.findings) add('findings', `检查发现不能超过 ${L.findings} 字，现为 ${c.findings.length} 字`);
  if (c.rectifications.length > L.rectifications) add('rectifications', `整改要求最多 ${L.rectifications} 条，现为 ${c.rectifications.length} 条`);
  c.rectifications.forEach((r, i) => {
    const row = `第 ${i + 1} 条整改要求`;
    if (!r.requirement.trim()) add(`rectifications.${i}.requirement`, `${row}没有填写内容`);
    else if (r.requirement.length > L.requirement) add(`rectifications.${i}.requirement`, `${row}超过 ${L.requirement} 字`);
    if (r.dueOn < c.visitedOn) add(`rectifications.${i}.dueOn`, `${row}的整改期限（${r.dueOn}）不能早于检查日期（${c.visitedOn}）`);
  });
  return problems;
}

export type RectificationState = 'pending' | 'overdue' | 'answered';

export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = { pending: '整改中', overdue: '逾期未答复', answered: '已答复' };

/** Answered once the unit has said what it did; overdue when the deadline has passed without an answer. */
export function rectificationState(r: { answer: string | null; dueOn: string }, today: string): RectificationState {
  if (r.answer !== null) return 'answered';
  return r.dueOn < today ? 'overdue' : 'pending';
}

export interface CheckTally {
  visits: number;
  requests: number;
  answered: number;
  overdue: number;
}

/** A unit's site checks in numbers: visits, rectification requests, how many answered and overdue. */
export function tallyChecks(checks: readonly { rectifications: readonly { state: RectificationState }[] }[]): CheckTally {
  const all = checks.flatMap((c) => c.rectifications);
  return { visits: checks.length, requests: all.length, answered: all.filter((r) => r.state === 'answered').length, overdue: all.filter((r) => r.state === 'overdue').length };
}

/** The date in Beijing (UTC+8), YYYY-MM-DD: what “today” means for visits and deadlines. */
export const beijingToday = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
