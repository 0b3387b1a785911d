import type { TargetComparator } from '../../../shared/analytics/progress';
import { targetBasisLabel } from '../../../shared/analytics/targetBasis';
import type { TargetBasisDto } from '../../../shared/api/analytics';
import { indicatorTargets } from '../../../shared/indicators/fromPlan';
import { PLANS_IN_FORCE, type PlanStatus } from '../../../shared/plans/lifecycle';
import type { TargetSpec } from './catalogue';

/**
 * Whose targets a unit is judged by. Each unit is assessed against the targets of its own plan in
 * force; where it has none for an indicator, the nearest ancestor's stand in. The top unit's
 * targets are the dictionary's own (indicator_targets), edited on the indicator page.
 */

export type PlanKind = 'women' | 'children';

/** A plan target linked to an indicator (plan_targets.indicator_id), with the plan it belongs to. */
export interface LinkedPlanTarget {
  indicatorId: number;
  planId: number;
  planTitle: string;
  planKind: PlanKind;
  planStatus: string;
  /** The plan's end year: a target without a year is for it. */
  periodEnd: number;
  orgUnitId: number;
  year: number | null;
  comparator: TargetComparator;
  value: number | null;
  baseYear: number | null;
}

export interface TargetUnit {
  id: number;
  name: string;
  parentId: number | null;
}

/** The indicator as resolution sees it: its kind (that of the plan it was made from) and the dictionary's targets. */
export interface TargetIndicator {
  id: number;
  kind: PlanKind | null;
  targets: readonly TargetSpec[];
}

export interface TargetBasis {
  /** own: the unit's own plan (or, at the top unit, the dictionary); inherited: an ancestor's. */
  source: 'own' | 'inherited';
  orgUnit: { id: number; name: string };
  planTitle: string | null;
}

export interface ResolvedTargets {
  targets: TargetSpec[];
  /** Null when neither the unit nor any ancestor sets a target for the indicator. */
  basis: TargetBasis | null;
}


export const targetBasisDto = (basis: TargetBasis | null): TargetBasisDto | null => (basis ? { ...basis, label: targetBasisLabel(basis) } : null);

/** Plan targets in force grouped by unit and indicator: the lookup resolveTargets walks. */
export function indexPlanTargets(rows: readonly LinkedPlanTarget[]): Map<string, LinkedPlanTarget[]> {
  const out = new Map<string, LinkedPlanTarget[]>();
  for (const row of rows) {
    if (!PLANS_IN_FORCE.includes(row.planStatus as PlanStatus)) continue;
    const key = `${row.orgUnitId}:${row.indicatorId}`;
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

/**
 * The targets a unit is judged by for one indicator: its own plan's, else the nearest ancestor's,
 * up to the top unit's dictionary targets. Only plans in force and of the indicator's kind count
 * (any kind when the indicator was made from no plan); of several such plans of one unit, the one
 * ending last, then the later imported, speaks.
 */
export function resolveTargets(
  indicator: TargetIndicator,
  unitId: number,
  units: ReadonlyMap<number, TargetUnit>,
  planTargets: ReadonlyMap<string, readonly LinkedPlanTarget[]>,
): ResolvedTargets {
  let unit = units.get(unitId);
  while (unit) {
    if (unit.parentId === null) {
      if (!indicator.targets.length) return { targets: [], basis: null };
      return { targets: [...indicator.targets], basis: { source: unit.id === unitId ? 'own' : 'inherited', orgUnit: { id: unit.id, name: unit.name }, planTitle: null } };
    }
    const own = (planTargets.get(`${unit.id}:${indicator.id}`) ?? []).filter((t) => indicator.kind === null || t.planKind === indicator.kind);
    if (own.length) {
      const plan = own.reduce((best, t) => (t.periodEnd > best.periodEnd || (t.periodEnd === best.periodEnd && t.planId > best.planId) ? t : best));
      return {
        targets: indicatorTargets(own.filter((t) => t.planId === plan.planId), plan.periodEnd),
        basis: { source: unit.id === unitId ? 'own' : 'inherited', orgUnit: { id: unit.id, name: unit.name }, planTitle: plan.planTitle },
      };
    }
    unit = unit.parentId === null ? undefined : units.get(unit.parentId);
  }
  return { targets: [], basis: null };
}
