import { meets, type Comparator } from './milestones';

/*
 * Where a key item stands, from its milestones and the reports on them. Pure: the server's list,
 * the 通报 and the web page all call these, with the day they mean by “today” (Beijing date).
 */

export type MilestoneStatus = 'met' | 'reported' | 'pending' | 'overdue';
export type ItemStatus = 'done' | 'on_schedule' | 'late';

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = { met: '已完成', reported: '已报进展', pending: '未到期', overdue: '逾期未完成' };
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = { done: '已完成', on_schedule: '按计划推进', late: '滞后' };

export interface MilestoneFacts {
  value: number | null;
  unit: string | null;
  comparator: Comparator;
  due: string | null;
}

export interface ReportFacts {
  departmentKey: string;
  role: 'lead' | 'partner';
  value: number | null;
  completed: boolean;
  reportedAt: string;
}

/** Rates are not added up across units: the figure of a rate is the latest one a lead unit reported. */
const isRate = (unit: string | null) => unit === '%' || unit === '‰' || unit === '个百分点';

/**
 * The figure reached: each unit's latest figure, added up (each reports its own part: 场次, 万人),
 * or for a rate the latest a lead unit gave. Null when nobody has given a figure.
 */
export function achieved(milestone: Pick<MilestoneFacts, 'unit'>, reports: readonly ReportFacts[]): number | null {
  const withValue = [...reports].filter((r) => r.value !== null).sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  if (isRate(milestone.unit)) return withValue.filter((r) => r.role === 'lead').at(-1)?.value ?? null;
  const latest = new Map<string, number>();
  for (const r of withValue) latest.set(r.departmentKey, r.value!);
  return latest.size ? [...latest.values()].reduce((a, b) => a + b, 0) : null;
}

/** A numeric milestone is met by its figure; one in words when a lead unit reports it done. */
export function milestoneStatus(milestone: MilestoneFacts, reports: readonly ReportFacts[], today: string): MilestoneStatus {
  const reached = achieved(milestone, reports);
  const met = milestone.value !== null ? reached !== null && meets(reached, milestone.value, milestone.comparator) : reports.some((r) => r.role === 'lead' && r.completed);
  if (met) return 'met';
  if (milestone.due !== null && milestone.due < today) return 'overdue';
  return reports.length ? 'reported' : 'pending';
}

export function itemStatus(milestones: readonly MilestoneStatus[]): ItemStatus {
  if (milestones.length && milestones.every((s) => s === 'met')) return 'done';
  return milestones.includes('overdue') ? 'late' : 'on_schedule';
}

/** Today in Beijing (UTC+8), `YYYY-MM-DD`: a milestone due on 30 June is late from 1 July there. */
export const beijingDate = (now: Date = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
