import type { Kysely, Transaction } from 'kysely';
import type { FilingState } from '../../../../shared/plans/filing';
import { PLANS_IN_FORCE } from '../../../../shared/plans/lifecycle';
import type { Database } from '../../../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** 备案: filings of plans with the unit above, and what they are compared by. No access checks here. */
export function filingRepository(db: Executor) {
  return {
    targetsOf(planId: number) {
      return db
        .selectFrom('plan_targets as t')
        .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .innerJoin('plans as p', 'p.id', 'a.plan_id')
        .select(['t.id', 't.indicator', 't.comparator', 't.value', 't.unit', 't.year', 't.base_year', 'p.period_end'])
        // Linked either way: the target names its indicator, or the indicator was made from it.
        .select((eb) => eb.fn.coalesce('t.indicator_id', eb.selectFrom('indicators as i').select('i.id').whereRef('i.plan_target_id', '=', 't.id').limit(1)).as('indicator_id'))
        .where('a.plan_id', '=', planId)
        .orderBy('a.no')
        .orderBy('g.no')
        .orderBy('t.seq')
        .execute();
    },

    /** The unit's plan of this kind in force (the newest, should there be two). */
    planInForce(orgUnitId: number, kind: 'women' | 'children') {
      return db
        .selectFrom('plans')
        .select(['id', 'title'])
        .where('org_unit_id', '=', orgUnitId)
        .where('kind', '=', kind)
        .where('status', 'in', [...PLANS_IN_FORCE])
        .where('archived_at', 'is', null)
        .orderBy('period_end', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    latestState(planId: number) {
      return db.selectFrom('plan_filings').select(['id', 'state']).where('plan_id', '=', planId).orderBy('id', 'desc').limit(1).executeTakeFirst();
    },

    async insertFiling(row: { planId: number; toOrgUnitId: number; dueOn: string; note: string | null; comparison: string; filedBy: number | null; filedAt: string }) {
      const inserted = await db
        .insertInto('plan_filings')
        .values({
          plan_id: row.planId, to_org_unit_id: row.toOrgUnitId, state: 'submitted', due_on: row.dueOn, note: row.note,
          comparison: row.comparison, filed_by: row.filedBy, filed_at: row.filedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id;
    },

    findFiling(id: number) {
      return db
        .selectFrom('plan_filings as f')
        .innerJoin('plans as p', 'p.id', 'f.plan_id')
        .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
        .innerJoin('org_units as to', 'to.id', 'f.to_org_unit_id')
        .leftJoin('users as fb', 'fb.id', 'f.filed_by')
        .leftJoin('users as db', 'db.id', 'f.decided_by')
        .selectAll('f')
        .select([
          'p.title as plan_title', 'p.kind as plan_kind', 'p.released_on', 'p.org_unit_id', 'o.name as org_unit_name', 'to.name as to_org_unit_name',
          'fb.display_name as filed_by_name', 'db.display_name as decided_by_name',
        ])
        .where('f.id', '=', id)
        .executeTakeFirst();
    },

    filingIdsOf(planId: number) {
      return db.selectFrom('plan_filings').select('id').where('plan_id', '=', planId).orderBy('id', 'desc').execute();
    },

    /** Compare-and-set from submitted: false when someone decided first. */
    async decide(id: number, state: Exclude<FilingState, 'submitted'>, by: number, at: string, reason: string | null): Promise<boolean> {
      const result = await db
        .updateTable('plan_filings')
        .set({ state, decided_by: by, decided_at: at, return_reason: reason })
        .where('id', '=', id)
        .where('state', '=', 'submitted')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    markPlanFiled(planId: number, at: string) {
      return db.updateTable('plans').set({ status: 'filed', updated_at: at }).where('id', '=', planId).where('status', '=', 'adopted').execute();
    },

    /** Plans of these units that count for 备案: drafts and released ones, not repealed or archived. */
    plansOf(unitIds: readonly number[]) {
      if (unitIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('plans as p')
        .select(['p.id', 'p.title', 'p.kind', 'p.status', 'p.released_on', 'p.org_unit_id'])
        .select((eb) => [
          eb.selectFrom('plan_filings as f').whereRef('f.plan_id', '=', 'p.id').select('f.id').orderBy('f.id', 'desc').limit(1).as('latest_id'),
        ])
        .where('p.org_unit_id', 'in', unitIds)
        .where('p.status', '!=', 'repealed')
        .where('p.archived_at', 'is', null)
        .orderBy('p.kind', 'desc')
        .orderBy('p.id')
        .execute();
    },

    filingsByIds(ids: readonly number[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('plan_filings').select(['id', 'state', 'filed_at', 'comparison']).where('id', 'in', ids).execute();
    },

    childUnits(unitId: number) {
      return db.selectFrom('org_units').select(['id', 'name']).where('parent_id', '=', unitId).orderBy('sort').orderBy('code').execute();
    },

    /** Released plans not yet filed (none, or returned) whose unit has a unit above, with the offices to remind. */
    async unfiledReleasedPlans() {
      const plans = await db
        .selectFrom('plans as p')
        .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
        .select(['p.id', 'p.title', 'p.released_on', 'p.org_unit_id'])
        .select((eb) => [
          eb.selectFrom('plan_filings as f').whereRef('f.plan_id', '=', 'p.id').select('f.state').orderBy('f.id', 'desc').limit(1).as('latest_state'),
        ])
        .where('p.status', '=', 'adopted')
        .where('p.released_on', 'is not', null)
        .where('p.archived_at', 'is', null)
        .where('o.parent_id', 'is not', null)
        .orderBy('p.id')
        .execute();
      return plans.filter((p) => p.latest_state === null || p.latest_state === 'returned');
    },

    officeUsersAt(unitIds: readonly number[]) {
      if (unitIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('role_assignments as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['r.user_id', 'r.org_unit_id'])
        .where('r.role', '=', 'office')
        .where('r.org_unit_id', 'in', unitIds)
        .where('u.disabled', '=', 0)
        .execute();
    },
  };
}
