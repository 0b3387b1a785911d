import { lastValueScore, MODIFIED_Z_THRESHOLD, yearOnYearChanges } from '../../../shared/analytics/outliers';
import { formatNumber, meetsTarget, STATUS_LABELS } from '../../../shared/analytics/progress';
import type { WarningDto } from '../../../shared/api/analytics';
import type { AnalyticsIndicator } from './catalogue';
import type { AnalyticsContext } from './context';

export type Warning = Omit<WarningDto, 'acknowledged'>;

const indicatorRef = (i: AnalyticsIndicator) => ({ id: i.id, name: i.name, code: i.code });
const indicatorLink = (i: AnalyticsIndicator, unitId: number) => `/analytics/indicators/${i.id}?orgUnitId=${unitId}`;
/**
 * Spreads below these shares of the typical level are noise, not volatility: 2% for a unit's own
 * year-on-year changes, 5% among peer units, which differ in structure anyway.
 */
const OWN_SPREAD_FLOOR = 0.02;
const PEER_SPREAD_FLOOR = 0.05;
const typicalLevel = (points: readonly { value: number }[]) => {
  const sorted = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) sorted[i] = Math.abs(points[i]!.value);
  sorted.sort();
  return sorted.length ? sorted[sorted.length >> 1]! : 0;
};
const pct = (x: number) => `${x > 0 ? '+' : ''}${formatNumber(x)}%`;

/** 预计达标困难: a milestone target rated limited or deterioration, or whose projection misses it. */
export function laggingWarnings(ctx: AnalyticsContext, indicator: AnalyticsIndicator, unitId: number, milestone: number | null): Warning[] {
  const out: Warning[] = [];
  for (const target of ctx.targetsAt(indicator, unitId, milestone)) {
    const a = ctx.measure(indicator, unitId, target);
    if (a.status === 'achieved' || a.status === 'insufficient_data' || a.status === 'on_track') {
      continue;
    }
    const projectedMiss = a.targetValue !== null && a.projected !== null && !meetsTarget(target.comparator, a.projected, a.targetValue, indicator.tolerance ?? undefined);
    if (a.status === 'moderate' && !projectedMiss) continue;
    out.push({
      key: `lagging:${indicator.id}:${unitId}:${target.year}:${target.comparator}`,
      kind: 'lagging',
      orgUnit: { id: unitId, name: ctx.unit(unitId).name },
      indicator: indicatorRef(indicator),
      department: indicator.responsibleDept,
      year: target.year,
      reason: `${target.year}年目标（${ctx.basisLabel(indicator, unitId)}）${STATUS_LABELS[a.status]}：${ctx.assess(indicator, unitId, target).reason}`,
      link: indicatorLink(indicator, unitId),
    });
  }
  return out;
}

/**
 * 波动较大: in the unit's latest year, a year-on-year change beyond the indicator's threshold, a
 * change far from the unit's own earlier changes, or a value far from its peer units' values
 * (modified z-score above 3.5).
 */
export function volatileWarnings(ctx: AnalyticsContext, indicator: AnalyticsIndicator, unitId: number): Warning[] {
  const points = ctx.series(indicator, unitId).map(([year, value]) => ({ year, value }));
  const latest = points.at(-1);
  if (!latest) return [];
  const reasons: string[] = [];
  const changes = yearOnYearChanges(points);
  const last = changes.at(-1);
  if (last && last.year === latest.year) {
    if (indicator.yoyThreshold !== null && last.previous !== 0) {
      const changePct = (last.change / Math.abs(last.previous)) * 100;
      if (Math.abs(changePct) > indicator.yoyThreshold) {
        reasons.push(`${latest.year}年为${formatNumber(latest.value)}，较上年（${formatNumber(last.previous)}）变化${pct(changePct)}，超过±${formatNumber(indicator.yoyThreshold)}%的阈值`);
      }
    }
    const own = lastValueScore(changes.map((c) => c.change), { minSpread: OWN_SPREAD_FLOOR * typicalLevel(points) });
    if (own !== null && Math.abs(own) > MODIFIED_Z_THRESHOLD) {
      reasons.push(`较上年变化${formatNumber(last.change)}，明显偏离本单位历年变化（修正Z值${own.toFixed(1)}）`);
    }
  }
  const parent = ctx.unit(unitId).parentId;
  if (parent !== null) {
    const peers = ctx.childrenOf(parent).filter((u) => u.id !== unitId);
    const values = peers.map((u) => ctx.valueAt(indicator, u.id, latest.year)).filter((v): v is number => v !== null);
    const score = lastValueScore([...values, latest.value], { min: 5, minSpread: PEER_SPREAD_FLOOR * typicalLevel(values.map((value) => ({ value }))) });
    if (score !== null && Math.abs(score) > MODIFIED_Z_THRESHOLD) {
      const sorted = [...values].sort((a, b) => a - b);
      reasons.push(`${latest.year}年为${formatNumber(latest.value)}，明显偏离同级${values.length}个单位（中位数${formatNumber(sorted[sorted.length >> 1]!)}，修正Z值${score.toFixed(1)}）`);
    }
  }
  if (!reasons.length) return [];
  return [
    {
      key: `volatile:${indicator.id}:${unitId}:${latest.year}`,
      kind: 'volatile',
      orgUnit: { id: unitId, name: ctx.unit(unitId).name },
      indicator: indicatorRef(indicator),
      department: indicator.responsibleDept,
      year: latest.year,
      reason: reasons.join('；'),
      link: indicatorLink(indicator, unitId),
    },
  ];
}

export interface OverdueSeat {
  submissionId: number;
  taskId: number;
  orgUnitId: number;
  orgUnitName: string;
  department: string;
  year: number;
  dueOn: string;
  state: string;
}

/** 逾期未报: a seat still in draft or returned after its task's due date. */
export function overdueWarning(seat: OverdueSeat): Warning {
  return {
    key: `overdue:${seat.submissionId}`,
    kind: 'overdue',
    orgUnit: { id: seat.orgUnitId, name: seat.orgUnitName },
    indicator: null,
    department: seat.department,
    year: seat.year,
    reason: `${seat.department}${seat.year}年度数据${seat.state === 'returned' ? '被退回后' : ''}逾期未报（截止 ${seat.dueOn}）`,
    link: `/reporting/tasks/${seat.taskId}`,
  };
}
