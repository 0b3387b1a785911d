import { PROGRESS_STATUSES, type ProgressStatus } from '../../../../shared/analytics/progress';
import type { OverviewDto } from '../../../../shared/api/analytics';
import type { AnalyticsContext } from '../context';
import type { AnalyticsIndicator } from '../catalogue';
import { achievementOf } from './achievement';

export const zeroCounts = (): Record<ProgressStatus, number> => Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;

/** Indicators no plan target links to: one group after the plans' areas, never posing as an area. */
export const UNLINKED_GROUP = { planTitle: null, no: null, title: '未关联规划的指标' } as const;

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
  const bases = new Map<string, OverviewDto['targetBases'][number]>();
  let untargeted = 0;
  for (const indicator of ctx.indicators) {
    const { basis } = ctx.targetsOf(indicator, unitId);
    if (!basis) untargeted++;
    const targets = ctx.targetsAt(indicator, unitId, milestone);
    if (!targets.length) continue;
    const targetBasis = ctx.basisLabel(indicator, unitId)!;
    const tally = bases.get(targetBasis) ?? bases.set(targetBasis, { label: targetBasis, source: basis!.source, indicators: 0 }).get(targetBasis)!;
    tally.indicators++;
    const area = areaOf(indicator);
    const key = `${area.planTitle}#${area.no}`;
    let entry = areas.get(key);
    if (!entry) areas.set(key, (entry = { ...area, statusCounts: zeroCounts(), indicators: [] }));
    for (const target of targets) {
      const { status } = ctx.measure(indicator, unitId, target);
      statusCounts[status]++;
      entry.statusCounts[status]++;
    }
    entry.indicators.push({ id: indicator.id, name: indicator.name, status: ctx.statusAt(indicator, unitId, milestone)!, targetBasis });
  }
  return {
    orgUnit: { id: unit.id, name: unit.name, level: unit.level },
    scope: ctx.scope,
    latestYear: ctx.latestDataYear(unitId),
    milestone,
    milestones: ctx.milestones(),
    statusCounts,
    achievement: achievementOf(statusCounts),
    areas: [...areas.values()].sort(byPlanArea),
    // The unit's own plan first, then the ancestors' it borrows.
    targetBases: [...bases.values()].sort((a, b) => Number(a.source === 'inherited') - Number(b.source === 'inherited')),
    untargeted,
    ...extra,
  };
}

function areaOf(indicator: AnalyticsIndicator): Pick<OverviewDto['areas'][number], 'planTitle' | 'no' | 'title'> {
  return indicator.area ?? UNLINKED_GROUP;
}

/** Plans by title, areas by number, the unlinked group last. */
export function byPlanArea(a: { planTitle: string | null; no: number | null }, b: { planTitle: string | null; no: number | null }): number {
  if (a.planTitle === null || b.planTitle === null) return Number(a.planTitle === null) - Number(b.planTitle === null);
  return a.planTitle.localeCompare(b.planTitle, 'zh') || a.no! - b.no!;
}
