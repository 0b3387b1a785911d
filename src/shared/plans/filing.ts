import type { PlanStatus } from './lifecycle';

/**
 * 备案 deadlines (seed 001 §三): a unit files its plan with the committee above within one month
 * of the plan's release. Dates are calendar dates, YYYY-MM-DD, in Beijing time as written on the
 * 印发 document.
 */
export type FilingState = 'submitted' | 'accepted' | 'returned';

/** Where a plan stands with the unit above, as the overview shows it. */
export type FilingStatus =
  /** Not released yet (草案), or released without a date: no deadline runs. */
  | 'not_released'
  | 'due'
  | 'overdue'
  | 'submitted'
  | 'returned'
  | 'accepted';

export const FILING_STATUS_LABELS: Record<FilingStatus, string> = {
  not_released: '未印发',
  due: '待报送',
  overdue: '逾期未报',
  submitted: '已报送待审核',
  returned: '已退回',
  accepted: '已备案',
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** One calendar month later; the 31st of a month whose next month is shorter ends on that month's last day. */
export function filingDueOn(releasedOn: string): string {
  const m = DATE.exec(releasedOn);
  if (!m) throw new Error(`not a date: ${releasedOn}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Today's date in Beijing (UTC+8), where the committee works, as YYYY-MM-DD. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface FilingStanding {
  status: FilingStatus;
  dueOn: string | null;
  /** Filed (or still not filed) after the due date. */
  late: boolean;
}

/** The plan's standing from its release, its latest filing and today's date. */
export function filingStanding(
  plan: { status: PlanStatus; releasedOn: string | null },
  latest: { state: FilingState; filedAt: string } | null,
  today: string,
): FilingStanding {
  if (plan.status === 'draft' || plan.releasedOn === null) return { status: 'not_released', dueOn: null, late: false };
  const dueOn = filingDueOn(plan.releasedOn);
  if (plan.status === 'filed' || latest?.state === 'accepted') return { status: 'accepted', dueOn, late: latest !== null && beijingDate(new Date(latest.filedAt)) > dueOn };
  if (latest?.state === 'submitted') return { status: 'submitted', dueOn, late: beijingDate(new Date(latest.filedAt)) > dueOn };
  if (latest?.state === 'returned') return { status: 'returned', dueOn, late: today > dueOn };
  return today > dueOn ? { status: 'overdue', dueOn, late: true } : { status: 'due', dueOn, late: false };
}
