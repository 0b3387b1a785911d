import { targetText } from '../../../../shared/format';
import type { ProgressStatus } from '../../../../shared/analytics/progress';
import type { AchievementDto, AchievementTallyDto } from '../../../../shared/api/analytics';
import type { AnalyticsIndicator } from '../catalogue';
import type { AnalyticsContext } from '../context';

/*
 * 达标率 per plan, per area and per sub-unit at a milestone: achieved targets out of the targets with
 * data to judge, with the targets behind each count. Every status is the analytics context's own
 * assessment (ctx.measure), the one 监测概览 counts, so the figures agree by construction.
 */

const OTHER_AREA = { planTitle: '', no: 0, title: '未关联规划的指标' };

/** The plan area an indicator is counted under; indicators outside every plan go under 其他指标. */
export function areaOf(indicator: AnalyticsIndicator) {
  return indicator.area ?? OTHER_AREA;
}

/** 达标率 from status counts: achieved out of the assessable (insufficient data excluded). */
export function achievementOf(counts: Record<ProgressStatus, number>): { achieved: number; assessable: number; rate: number | null } {
  const assessable = Object.values(counts).reduce((s, n) => s + n, 0) - counts.insufficient_data;
  return { achieved: counts.achieved, assessable, rate: assessable ? counts.achieved / assessable : null };
}

type Item = AchievementTallyDto['lists']['met'][number];

function tally(ctx: AnalyticsContext, indicators: readonly AnalyticsIndicator[], unitId: number, milestone: number | null): AchievementTallyDto {
  const lists: AchievementTallyDto['lists'] = { met: [], notMet: [], noData: [] };
  for (const indicator of indicators) {
    for (const target of ctx.targetsAt(indicator, unitId, milestone)) {
      const { status } = ctx.measure(indicator, unitId, target);
      const item: Item = {
        indicatorId: indicator.id, code: indicator.code, name: indicator.name, status,
        target: targetText(target, indicator.decimals, indicator.unit),
        targetBasis: ctx.basisLabel(indicator, unitId)!,
      };
      (status === 'achieved' ? lists.met : status === 'insufficient_data' ? lists.noData : lists.notMet).push(item);
    }
  }
  const assessable = lists.met.length + lists.notMet.length;
  return {
    achieved: lists.met.length, notAchieved: lists.notMet.length, noData: lists.noData.length, assessable,
    rate: assessable ? lists.met.length / assessable : null, lists,
  };
}

/** Competition ranking (1, 2, 2, 4) by rate, best first; units without a rate come last, unranked. */
export function rankByRate<T extends { rate: number | null }>(rows: readonly T[]): { row: T; rank: number | null }[] {
  const sorted = [...rows].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1));
  const ranked: { row: T; rank: number | null }[] = [];
  sorted.forEach((row, i) => {
    const previous = ranked[i - 1];
    const rank = row.rate === null ? null : previous && previous.row.rate === row.rate ? previous.rank : i + 1;
    ranked.push({ row, rank });
  });
  return ranked;
}

export function buildAchievement(ctx: AnalyticsContext, unitId: number, milestone: number | null): AchievementDto {
  const unit = ctx.unit(unitId);
  const byPlan = new Map<string, Map<number, { title: string; indicators: AnalyticsIndicator[] }>>();
  for (const indicator of ctx.indicators) {
    if (!ctx.targetsAt(indicator, unitId, milestone).length) continue;
    const area = areaOf(indicator);
    const areas = byPlan.get(area.planTitle) ?? byPlan.set(area.planTitle, new Map()).get(area.planTitle)!;
    const entry = areas.get(area.no) ?? areas.set(area.no, { title: area.title, indicators: [] }).get(area.no)!;
    entry.indicators.push(indicator);
  }
  const plans = [...byPlan.entries()]
    // The indicators no plan links to (planTitle '') come after the plans.
    .sort(([a], [b]) => Number(a === '') - Number(b === '') || a.localeCompare(b, 'zh'))
    .map(([planTitle, areas]) => ({
      planTitle,
      tally: tally(ctx, [...areas.values()].flatMap((a) => a.indicators), unitId, milestone),
      areas: [...areas.entries()].sort(([a], [b]) => a - b).map(([no, a]) => ({ no, title: a.title, tally: tally(ctx, a.indicators, unitId, milestone) })),
    }));
  const children = ctx.childrenOf(unitId).map((child) => ({ orgUnit: { id: child.id, name: child.name }, tally: tally(ctx, ctx.indicators, child.id, milestone) }));
  return {
    orgUnit: { id: unit.id, name: unit.name, level: unit.level },
    scope: ctx.scope,
    milestone,
    milestones: ctx.milestones(),
    overall: tally(ctx, ctx.indicators, unitId, milestone),
    plans,
    units: rankByRate(children.map((c) => ({ ...c, rate: c.tally.rate }))).map(({ row, rank }) => ({ orgUnit: row.orgUnit, rank, tally: row.tally })),
  };
}
