import type { Kysely } from 'kysely';
import type { Assessment, Measurement } from '../../../shared/analytics/progress';
import type { OptionCode } from '../../../shared/monitoring/validation';
import type { Database } from '../../db/schema';
import { assessTarget, defaultMilestone, loadIndicators, measureTarget, milestonesOf, progressSeries, progressSummary, type AnalyticsIndicator, type TargetSpec } from './catalogue';
import { seriesOf, type AggregatedGrid } from './engine/cube';
import { targetBasisLabel } from '../../../shared/analytics/targetBasis';
import type { FactBase, IndicatorGrids, Scope } from './facts';
import { analyticsRepository } from './repository';
import { indexPlanTargets, resolveTargets, type LinkedPlanTarget, type ResolvedTargets } from './targets';

export interface UnitInfo {
  id: number;
  name: string;
  level: string;
  parentId: number | null;
  sort: number;
}

/**
 * One request's view of the analytics model: the fact base of the current data version, the
 * dictionary, the units, and memoised grids and assessments for one data scope.
 */
export class AnalyticsContext {
  private readonly assessed = new Map<string, Assessment>();
  private readonly measured = new Map<string, Measurement>();
  /** By indicator id: the fact base caches grids too, but under a key that costs more to build than this lookup. */
  private readonly gridsOf = new Map<number, IndicatorGrids>();
  private readonly resolved = new Map<string, ResolvedTargets>();
  private children: Map<number, UnitInfo[]> | null = null;
  private readonly planTargets: Map<string, LinkedPlanTarget[]>;

  private constructor(
    readonly facts: FactBase,
    readonly indicators: AnalyticsIndicator[],
    readonly units: Map<number, UnitInfo>,
    readonly scope: Scope,
    planTargets: readonly LinkedPlanTarget[],
  ) {
    this.planTargets = indexPlanTargets(planTargets);
  }

  static async load(db: Kysely<Database>, facts: FactBase, scope: Scope, only?: { published?: boolean; id?: number }): Promise<AnalyticsContext> {
    const [indicators, units, planTargets] = await Promise.all([
      loadIndicators(db, only),
      db.selectFrom('org_units').select(['id', 'name', 'level', 'parent_id', 'sort']).orderBy('sort').orderBy('id').execute(),
      analyticsRepository(db).linkedPlanTargets(only?.id),
    ]);
    const unitMap = new Map(units.map((u) => [u.id, { id: u.id, name: u.name, level: u.level, parentId: u.parent_id, sort: u.sort }]));
    return new AnalyticsContext(facts, indicators, unitMap, scope, planTargets);
  }

  unit(id: number): UnitInfo {
    return this.units.get(id)!;
  }

  childrenOf(id: number): readonly UnitInfo[] {
    if (!this.children) {
      this.children = new Map();
      for (const u of this.units.values()) {
        if (u.parentId === null) continue;
        const siblings = this.children.get(u.parentId);
        if (siblings) siblings.push(u);
        else this.children.set(u.parentId, [u]);
      }
    }
    return this.children.get(id) ?? [];
  }

  grids(indicator: AnalyticsIndicator): IndicatorGrids {
    let found = this.gridsOf.get(indicator.id);
    if (!found) this.gridsOf.set(indicator.id, (found = this.facts.grids(indicator, this.scope)));
    return found;
  }

  grid(indicator: AnalyticsIndicator, option: OptionCode = 'total'): AggregatedGrid {
    return this.grids(indicator).grids.get(option)!;
  }

  private pos(unitId: number): number {
    return this.facts.index.indexOf.get(unitId)!;
  }

  /** Every [year, value] of the unit in one option (not cut at the baseline). */
  series(indicator: AnalyticsIndicator, unitId: number, option: OptionCode = 'total'): [number, number][] {
    const grid = this.grids(indicator).grids.get(option);
    return grid ? seriesOf(grid, this.pos(unitId), this.facts.years) : [];
  }

  /** The unit's value in a year, or null. */
  valueAt(indicator: AnalyticsIndicator, unitId: number, year: number, option: OptionCode = 'total'): number | null {
    const y = year - this.facts.years.first;
    if (y < 0 || y >= this.facts.years.count) return null;
    const v = this.grid(indicator, option).value[this.pos(unitId) * this.facts.years.count + y]!;
    return v === v ? v : null;
  }

  /** The last year with a value of the unit. */
  latestYear(indicator: AnalyticsIndicator, unitId: number): number | null {
    return this.series(indicator, unitId).at(-1)?.[0] ?? null;
  }

  /** The assessment with its reason in words. */
  assess(indicator: AnalyticsIndicator, unitId: number, target: TargetSpec): Assessment {
    const key = targetKey(indicator, unitId, target);
    let found = this.assessed.get(key);
    if (!found) {
      found = assessTarget(indicator, target, progressSeries(this.facts, this.grids(indicator), indicator, this.pos(unitId)));
      this.assessed.set(key, found);
    }
    return found;
  }

  /** The same status and numbers as assess, without the words: for views that judge many units. */
  measure(indicator: AnalyticsIndicator, unitId: number, target: TargetSpec): Measurement {
    const key = targetKey(indicator, unitId, target);
    let found = this.measured.get(key);
    if (!found) {
      found = measureTarget(indicator, target, progressSummary(this.facts, this.grids(indicator), indicator, this.pos(unitId), target.baseYear));
      this.measured.set(key, found);
    }
    return found;
  }

  /**
   * The targets the unit is judged by for the indicator and whose they are: its own plan's, else
   * the nearest ancestor's (targets.ts). Every view reads targets through here.
   */
  targetsOf(indicator: AnalyticsIndicator, unitId: number): ResolvedTargets {
    const key = `${indicator.id}:${unitId}`;
    let found = this.resolved.get(key);
    if (!found) this.resolved.set(key, (found = resolveTargets(indicator, unitId, this.units, this.planTargets)));
    return found;
  }

  /** Whose targets the unit is judged by for the indicator, in words: 「本级规划目标」 / 「沿用大连市规划目标」; null without any. */
  basisLabel(indicator: AnalyticsIndicator, unitId: number): string | null {
    const { basis } = this.targetsOf(indicator, unitId);
    return basis ? targetBasisLabel(basis) : null;
  }

  /** The unit's targets of an indicator at a milestone year. */
  targetsAt(indicator: AnalyticsIndicator, unitId: number, milestone: number | null): TargetSpec[] {
    return milestone === null ? [] : this.targetsOf(indicator, unitId).targets.filter((t) => t.year === milestone);
  }

  /** The latest year with any value of the unit over all indicators. */
  latestDataYear(unitId: number): number | null {
    let latest: number | null = null;
    for (const indicator of this.indicators) {
      const year = this.latestYear(indicator, unitId);
      if (year !== null && (latest === null || year > latest)) latest = year;
    }
    return latest;
  }

  /** Target years of the dictionary and of every plan in force. */
  milestones(): number[] {
    const planYears = [...this.planTargets.values()].flatMap((list) => list.map((t) => t.year ?? t.periodEnd));
    return milestonesOf(this.indicators, planYears);
  }

  /** The requested milestone if the dictionary has it, else the default for the unit's data. */
  milestoneFor(unitId: number, requested: number | undefined): number | null {
    const all = this.milestones();
    if (requested !== undefined && all.includes(requested)) return requested;
    return defaultMilestone(all, this.latestDataYear(unitId));
  }

  /** The worst status among an indicator's targets at a milestone (null without targets there). */
  statusAt(indicator: AnalyticsIndicator, unitId: number, milestone: number | null): Assessment['status'] | null {
    const targets = this.targetsAt(indicator, unitId, milestone);
    if (!targets.length) return null;
    return targets.map((t) => this.measure(indicator, unitId, t).status).sort((a, b) => STATUS_RANK[b] - STATUS_RANK[a])[0]!;
  }
}

const targetKey = (indicator: AnalyticsIndicator, unitId: number, t: TargetSpec) => `${indicator.id}:${unitId}:${t.year}:${t.comparator}:${t.value}:${t.baseYear}`;

/** Higher is worse: which of several targets' statuses speaks for the indicator; a lack of data speaks last. */
const STATUS_RANK: Record<Assessment['status'], number> = {
  insufficient_data: 0,
  achieved: 1,
  on_track: 2,
  moderate: 3,
  limited: 4,
  deterioration: 5,
};
