import type { Kysely } from 'kysely';
import type { ComparisonDto } from '../../../../shared/api/planFiling';
import type { Comparator } from '../../../../shared/plan-text/types';
import { compareFilingTargets, type ComparedTarget } from '../../../../shared/plans/filingComparison';
import type { Database } from '../../../db/schema';
import { filingRepository } from './repository';

async function comparedTargets(db: Kysely<Database>, planId: number): Promise<ComparedTarget[]> {
  return (await filingRepository(db).targetsOf(planId)).map((t) => ({
    targetId: t.id,
    indicatorId: t.indicator_id,
    indicator: t.indicator,
    comparator: t.comparator as Comparator,
    value: t.value,
    unit: t.unit,
    year: t.year ?? t.period_end,
    baseYear: t.base_year,
  }));
}

/** The plan's targets against those of the parent unit's plan of the same kind in force, as they stand now. */
export async function compareWithParentPlan(db: Kysely<Database>, planId: number, kind: 'women' | 'children', parentUnitId: number): Promise<ComparisonDto> {
  const parentPlan = (await filingRepository(db).planInForce(parentUnitId, kind)) ?? null;
  return {
    parentPlan: parentPlan ? { id: parentPlan.id, title: parentPlan.title } : null,
    ...compareFilingTargets(parentPlan ? await comparedTargets(db, parentPlan.id) : [], await comparedTargets(db, planId)),
  };
}
