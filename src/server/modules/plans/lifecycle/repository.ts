import type { Kysely, Transaction } from 'kysely';
import type { PlanStatus } from '../../../../shared/plans/lifecycle';
import type { Database } from '../../../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** A plan's lifecycle columns and the facts its actions depend on. No access checks here. */
export function lifecycleRepository(db: Executor) {
  return {
    findPlan(planId: number) {
      return db
        .selectFrom('plans as p')
        .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
        .select(['p.id', 'p.title', 'p.kind', 'p.status', 'p.released_on', 'p.archived_at', 'p.org_unit_id', 'p.period_end', 'o.name as org_unit_name', 'o.parent_id'])
        .where('p.id', '=', planId)
        .executeTakeFirst();
    },

    latestFiling(planId: number) {
      return db.selectFrom('plan_filings').selectAll().where('plan_id', '=', planId).orderBy('id', 'desc').limit(1).executeTakeFirst();
    },

    /**
     * History that forbids deleting: a filing, or a monitoring value at the plan's unit or below for
     * an indicator its targets measure (linked either way: the target names it, or it was made from it).
     */
    async hasHistory(planId: number, unitIds: readonly number[]): Promise<boolean> {
      const filed = await db.selectFrom('plan_filings').select('id').where('plan_id', '=', planId).limit(1).executeTakeFirst();
      if (filed) return true;
      if (unitIds.length === 0) return false;
      const targetIds = db
        .selectFrom('plan_targets as t')
        .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .where('a.plan_id', '=', planId);
      const value = await db
        .selectFrom('indicators as i')
        .innerJoin('data_values as v', (j) =>
          j.on((eb) => eb.or([eb('v.data_element_id', '=', eb.ref('i.value_de_id')), eb('v.data_element_id', '=', eb.ref('i.numerator_de_id')), eb('v.data_element_id', '=', eb.ref('i.denominator_de_id'))])),
        )
        .select('v.period')
        .where((eb) => eb.or([eb('i.id', 'in', targetIds.select('t.indicator_id')), eb('i.plan_target_id', 'in', targetIds.select('t.id'))]))
        .where('v.org_unit_id', 'in', unitIds)
        .limit(1)
        .executeTakeFirst();
      return value !== undefined;
    },

    setRelease(planId: number, releasedOn: string, now: string) {
      return db.updateTable('plans').set({ status: 'adopted', released_on: releasedOn, updated_at: now }).where('id', '=', planId).execute();
    },

    setStatus(planId: number, status: PlanStatus, now: string) {
      return db.updateTable('plans').set({ status, updated_at: now }).where('id', '=', planId).execute();
    },

    setArchived(planId: number, archivedAt: string | null, now: string) {
      return db.updateTable('plans').set({ archived_at: archivedAt, updated_at: now }).where('id', '=', planId).execute();
    },

    deletePlan(planId: number) {
      return db.deleteFrom('plans').where('id', '=', planId).execute();
    },
  };
}
export type LifecycleRepository = ReturnType<typeof lifecycleRepository>;
