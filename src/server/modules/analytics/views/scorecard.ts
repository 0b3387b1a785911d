import type { ScorecardDto } from '../../../../shared/api/analytics';
import type { AnalyticsIndicator } from '../catalogue';
import type { AnalyticsContext } from '../context';

type Cell = ScorecardDto['rows'][number]['cells'][number];

/**
 * Indicators × the unit and its sub-units in the latest year: value, status at the milestone,
 * the change against the year before and whether it is for the better, and the rank among the
 * sub-units (the unit itself is not ranked against its parts).
 */
export function buildScorecard(ctx: AnalyticsContext, unitId: number, milestone: number | null, requestedYear?: number): ScorecardDto {
  const unit = ctx.unit(unitId);
  const children = ctx.childrenOf(unitId);
  const units = [unit, ...children];
  const filled = figuresByYear(ctx, units.map((u) => u.id));
  const years = [...filled.keys()].sort((a, b) => b - a);
  const year = requestedYear !== undefined && filled.has(requestedYear) ? requestedYear : busiestRecentYear(filled, years);
  const rows = ctx.indicators.map((indicator) => {
    // Units may be judged by different targets; the unit's own ranks them (it only matters for a band).
    const target = ctx.targetsAt(indicator, unitId, milestone)[0]?.value ?? null;
    const cells: Cell[] = units.map((u) => {
      const value = year === null ? null : ctx.valueAt(indicator, u.id, year);
      const previous = year === null ? null : ctx.valueAt(indicator, u.id, year - 1);
      const trend = value === null || previous === null ? null : Math.abs(value - previous) <= 1e-9 * Math.max(1, Math.abs(previous)) ? 'flat' : value > previous ? 'up' : 'down';
      return {
        orgUnitId: u.id,
        value,
        previous,
        trend,
        better: trend === null || trend === 'flat' ? null : isBetter(indicator, value!, previous!, target),
        status: ctx.statusAt(indicator, u.id, milestone) ?? 'insufficient_data',
        targetBasis: ctx.basisLabel(indicator, u.id),
        rank: null,
      };
    });
    rankCells(indicator, cells.slice(1), target);
    return {
      indicator: { id: indicator.id, name: indicator.name, code: indicator.code, unit: indicator.unit, direction: indicator.direction, decimals: indicator.decimals },
      cells,
    };
  });
  return { orgUnit: { id: unit.id, name: unit.name }, scope: ctx.scope, year, years, milestone, milestones: ctx.milestones(), units: units.map((u) => ({ id: u.id, name: u.name })), rows };
}

/** How many unit × indicator figures each year has. */
function figuresByYear(ctx: AnalyticsContext, unitIds: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const indicator of ctx.indicators) {
    for (const id of unitIds) for (const [year] of ctx.series(indicator, id)) out.set(year, (out.get(year) ?? 0) + 1);
  }
  return out;
}

/**
 * Of the last three years, the one with the most figures (the later on a tie): the newest year
 * is often still being reported or approved, and a scorecard of blanks compares nothing.
 */
function busiestRecentYear(filled: Map<number, number>, yearsDesc: number[]): number | null {
  let best: number | null = null;
  for (const year of yearsDesc.slice(0, 3)) if (best === null || filled.get(year)! > filled.get(best)!) best = year;
  return best;
}

/** How good a value is for this indicator: larger is better. */
function merit(indicator: AnalyticsIndicator, value: number, target: number | null): number {
  if (indicator.direction === 'lower') return -value;
  if (indicator.direction === 'band') return target === null ? 0 : -Math.abs(value - target);
  return value;
}

function isBetter(indicator: AnalyticsIndicator, value: number, previous: number, target: number | null): boolean | null {
  if (indicator.direction === 'band' && target === null) return null;
  return merit(indicator, value, target) > merit(indicator, previous, target);
}

/** Competition ranking (1, 2, 2, 4) of the cells with a value. */
function rankCells(indicator: AnalyticsIndicator, cells: Cell[], target: number | null): void {
  if (indicator.direction === 'band' && target === null) return;
  const scored = cells.filter((c) => c.value !== null).map((c) => ({ c, m: merit(indicator, c.value!, target) }));
  scored.sort((a, b) => b.m - a.m);
  scored.forEach((s, i) => {
    s.c.rank = i > 0 && s.m === scored[i - 1]!.m ? scored[i - 1]!.c.rank : i + 1;
  });
}
