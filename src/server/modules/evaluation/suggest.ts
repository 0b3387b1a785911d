import { targetText } from '../../../shared/format';
import { statusAtMilestone, suggestAttainment, type Attainment } from '../../../shared/evaluation/attainment';
import type { ProgressStatus } from '../../../shared/analytics/progress';
import type { AnalyticsContext } from '../analytics/context';

export interface EvidenceIndicator {
  indicatorId: number;
  name: string;
  target: string;
  targetYear: number | null;
  status: ProgressStatus;
}

/**
 * What the data say about a goal at a unit: each linked indicator's progress (the analytics
 * context's own assessment, as 达标率 counts it) towards its target at the milestone — or, when
 * the plan sets none for that year (a mid-term round of a plan with 2030 targets), towards its
 * final target — and the attainment these suggest.
 */
export function suggestForGoal(ctx: AnalyticsContext, indicatorIds: readonly number[], unitId: number, milestone: number, finalYear: number): { suggested: Attainment; indicators: EvidenceIndicator[] } {
  const indicators: EvidenceIndicator[] = [];
  const counted: ProgressStatus[] = [];
  for (const id of indicatorIds) {
    const indicator = ctx.indicators.find((i) => i.id === id);
    if (!indicator) continue;
    let targets = ctx.targetsAt(indicator, unitId, milestone);
    if (targets.length === 0 && finalYear > milestone) targets = ctx.targetsAt(indicator, unitId, finalYear);
    if (targets.length === 0) {
      indicators.push({ indicatorId: id, name: indicator.name, target: '未设定目标', targetYear: null, status: 'insufficient_data' });
      counted.push('insufficient_data');
      continue;
    }
    for (const target of targets) {
      const { status } = ctx.measure(indicator, unitId, target);
      indicators.push({ indicatorId: id, name: indicator.name, target: targetText(target, indicator.decimals, indicator.unit), targetYear: target.year, status });
      counted.push(statusAtMilestone(status, target.year, milestone));
    }
  }
  return { suggested: suggestAttainment(counted), indicators };
}
