import { PROGRESS_STATUSES, type ProgressStatus } from '../../../../shared/analytics/progress';
import type { OverviewDto } from '../../../../shared/api/analytics';
import type { AnalyticsContext } from '../context';
import { achievementOf, areaOf } from './achievement';

export const zeroCounts = (): Record<ProgressStatus, number> => Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;

/** Status of every target at the milestone, counted overall and per plan area, with 达标率. */
export function buildOverview(
  ctx: AnalyticsContext,
  unitId: number,
  milestone: number | null,
  extra: Pick<OverviewDto, 'warnings' | 'completeness'>,
): OverviewDto {
  const unit = ctx.unit(unitId);
  const statusCounts = zeroCounts();
  const areas = new Map<string, OverviewDto['areas'][number]>();
  for (const indicator of ctx.indicators) {
    const targets = ctx.targetsAt(indicator, milestone);
    if (!targets.length) continue;
    const area = areaOf(indicator);
    const key = `${area.planTitle}#${area.no}`;
    let entry = areas.get(key);
    if (!entry) areas.set(key, (entry = { ...area, statusCounts: zeroCounts(), indicators: [] }));
    for (const target of targets) {
      const { status } = ctx.measure(indicator, unitId, target);
      statusCounts[status]++;
      entry.statusCounts[status]++;
    }
    entry.indicators.push({ id: indicator.id, name: indicator.name, status: ctx.statusAt(indicator, unitId, milestone)! });
  }
  return {
    orgUnit: { id: unit.id, name: unit.name, level: unit.level },
    scope: ctx.scope,
    latestYear: ctx.latestDataYear(unitId),
    milestone,
    milestones: ctx.milestones(),
    statusCounts,
    achievement: achievementOf(statusCounts),
    areas: [...areas.values()].sort((a, b) => a.planTitle.localeCompare(b.planTitle, 'zh') || a.no - b.no),
    ...extra,
  };
}
