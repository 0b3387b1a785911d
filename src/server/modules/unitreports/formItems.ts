import type { ProgressStatus } from '../../../shared/analytics/progress';
import { STATUS_LABELS } from '../../../shared/analytics/progress';
import type { FormGroupDto, FormItemDto } from '../../../shared/api/unitreports';

/*
 * What a report's form lists, from facts the analytics service gave (pure, table-tested): a member
 * department's indicators grouped by plan area, a lower committee's plan areas with their 达标率.
 */

export interface IndicatorFacts {
  id: number;
  name: string;
  unit: string | null;
  decimals: number;
  area: { planTitle: string; no: number; title: string } | null;
  latest: { year: number; value: number } | null;
  status: ProgressStatus | null;
  /** Whose targets the status is against (本级规划目标 / 沿用…). */
  basis: string | null;
}

export interface AreaFacts {
  planTitle: string;
  no: number;
  title: string;
  /** The statuses of the area's indicators at the unit, one per indicator with a target. */
  statuses: readonly ProgressStatus[];
}

/** Indicators no plan links to: one group after the plans' areas. */
const UNLINKED = '未关联规划的指标';

const byPlanThenNo = (a: { planTitle: string | null; no: number }, b: { planTitle: string | null; no: number }) =>
  a.planTitle === null || b.planTitle === null ? Number(a.planTitle === null) - Number(b.planTitle === null) : a.planTitle.localeCompare(b.planTitle, 'zh') || a.no - b.no;

/** A member department's indicators, grouped by plan area in the plans' order, the unlinked last. */
export function indicatorGroups(indicators: readonly IndicatorFacts[]): FormGroupDto[] {
  const groups = new Map<string, FormGroupDto & { no: number }>();
  for (const i of indicators) {
    const key = i.area ? `${i.area.planTitle}#${i.area.no}` : UNLINKED;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { planTitle: i.area?.planTitle ?? null, title: i.area?.title ?? UNLINKED, no: i.area?.no ?? 0, items: [] }));
    group.items.push({ key: `indicator:${i.id}`, kind: 'indicator', name: i.name, unit: i.unit, latest: i.latest, decimals: i.decimals, status: i.status, note: i.basis });
  }
  return [...groups.values()].sort(byPlanThenNo).map(({ no: _no, ...g }) => g);
}

/** 达标率 of an area in words: 「5 项指标，已实现 2 项、进展顺利 1 项…；达标率 40.0%」. */
export function areaNote(statuses: readonly ProgressStatus[]): string {
  if (statuses.length === 0) return '暂无可评估的指标';
  const counts = new Map<ProgressStatus, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  const parts = [...counts].map(([s, n]) => `${STATUS_LABELS[s]} ${n} 项`).join('、');
  const assessable = statuses.filter((s) => s !== 'insufficient_data').length;
  const achieved = statuses.filter((s) => s === 'achieved').length;
  const rate = assessable ? `；达标率 ${((achieved / assessable) * 100).toFixed(1)}%` : '';
  return `${statuses.length} 项指标：${parts}${rate}`;
}

/** The worst status of an area's indicators speaks for it (data lacking only when nothing else is known). */
const WORST: ProgressStatus[] = ['deterioration', 'limited', 'moderate', 'on_track', 'achieved', 'insufficient_data'];

/** A lower committee's report about its area: one item per area of its plans, one group per plan. */
export function areaGroups(areas: readonly AreaFacts[]): FormGroupDto[] {
  const plans = new Map<string, FormGroupDto>();
  for (const a of [...areas].sort(byPlanThenNo)) {
    let group = plans.get(a.planTitle);
    if (!group) plans.set(a.planTitle, (group = { planTitle: a.planTitle, title: a.planTitle, items: [] }));
    const item: FormItemDto = {
      key: `area:${a.planTitle}#${a.no}`, kind: 'area', name: a.title, unit: null, latest: null, decimals: 0,
      status: WORST.find((s) => a.statuses.includes(s)) ?? null, note: areaNote(a.statuses),
    };
    group.items.push(item);
  }
  return [...plans.values()];
}

/** The top committee's department a department reports along (its counterpart chain), by id. */
export function topDepartmentOf(departmentId: number, counterpartOf: ReadonlyMap<number, number | null>): number {
  let at = departmentId;
  // A chain is short (street → district → city); the bound guards against a loop in bad data.
  for (let hops = 0; hops < 8 && counterpartOf.get(at); hops++) at = counterpartOf.get(at)!;
  return at;
}
