import type { Kysely } from 'kysely';
import type { TargetComparator } from '../../../shared/analytics/progress';
import type { OverviewDto, WarningDto } from '../../../shared/api/analytics';
import type { Database } from '../../db/schema';
import type { OrgTree } from '../orgs/tree';
import type { LinkedPlanTarget } from './targets';
import type { OverdueSeat } from './warnings';

const OPEN_STATES = ['draft', 'returned'];

/** Queries of the analytics module; no access checks here. */
export function analyticsRepository(db: Kysely<Database>) {
  return {
    /**
     * Plan targets linked to an indicator, with their plan (any status: resolution keeps those in
     * force). Read per request, never cached, so an edited target counts at once.
     */
    async linkedPlanTargets(indicatorId?: number): Promise<LinkedPlanTarget[]> {
      const rows = await db
        .selectFrom('plan_targets as t')
        .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .innerJoin('plans as p', 'p.id', 'a.plan_id')
        .select(['t.indicator_id', 't.year', 't.comparator', 't.value', 't.base_year', 'p.id as plan_id', 'p.title', 'p.kind', 'p.status', 'p.period_end', 'p.org_unit_id'])
        .where('t.indicator_id', 'is not', null)
        .$if(indicatorId !== undefined, (q) => q.where('t.indicator_id', '=', indicatorId!))
        .orderBy('a.no')
        .orderBy('g.no')
        .orderBy('t.seq')
        .execute();
      return rows.map((r) => ({
        indicatorId: r.indicator_id!, planId: r.plan_id, planTitle: r.title, planKind: r.kind, planStatus: r.status, periodEnd: r.period_end,
        orgUnitId: r.org_unit_id, year: r.year, comparator: r.comparator as TargetComparator, value: r.value, baseYear: r.base_year,
      }));
    },

    async rootUnitId(): Promise<number | null> {
      const row = await db.selectFrom('org_units').select('id').where('parent_id', 'is', null).orderBy('sort').orderBy('id').executeTakeFirst();
      return row?.id ?? null;
    },

    /** Seats of opened tasks at these units still in draft or returned after the due date. */
    async overdueSeats(unitIds: number[], today: string): Promise<OverdueSeat[]> {
      if (!unitIds.length) return [];
      const rows = await db
        .selectFrom('submissions as s')
        .innerJoin('reporting_tasks as t', 't.id', 's.task_id')
        .innerJoin('org_units as u', 'u.id', 's.org_unit_id')
        .innerJoin('departments as d', 'd.id', 's.department_id')
        .select(['s.id', 's.task_id', 's.org_unit_id', 'u.name as unit_name', 'd.short_name', 't.year', 't.due_on', 's.state'])
        .where('s.org_unit_id', 'in', unitIds)
        .where('s.state', 'in', OPEN_STATES)
        .where('t.due_on', '<', today)
        .orderBy('t.year')
        .orderBy('u.sort')
        .orderBy('d.sort')
        .execute();
      return rows.map((r) => ({
        submissionId: r.id, taskId: r.task_id, orgUnitId: r.org_unit_id, orgUnitName: r.unit_name, department: r.short_name, year: r.year, dueOn: r.due_on, state: r.state,
      }));
    },

    async acknowledgements(keys: string[]): Promise<Map<string, NonNullable<WarningDto['acknowledged']>>> {
      const out = new Map<string, NonNullable<WarningDto['acknowledged']>>();
      for (let i = 0; i < keys.length; i += 500) {
        const rows = await db
          .selectFrom('warning_acks as a')
          .leftJoin('users as u', 'u.id', 'a.acknowledged_by')
          .select(['a.key', 'a.comment', 'a.acknowledged_at', 'u.display_name'])
          .where('a.key', 'in', keys.slice(i, i + 500))
          .execute();
        for (const r of rows) out.set(r.key, { by: r.display_name, at: r.acknowledged_at, comment: r.comment });
      }
      return out;
    },

    /** The unit a warning key is about: named in it, or the unit of the overdue submission. */
    async unitOfWarning(key: string): Promise<number | null> {
      const [kind, a, b] = key.split(':');
      if (kind === 'overdue') {
        const row = await db.selectFrom('submissions').select('org_unit_id').where('id', '=', Number(a) || 0).executeTakeFirst();
        return row?.org_unit_id ?? null;
      }
      if (kind !== 'lagging' && kind !== 'volatile') return null;
      const row = await db.selectFrom('org_units').select('id').where('id', '=', Number(b) || 0).executeTakeFirst();
      return row?.id ?? null;
    },

    async acknowledge(ack: { key: string; unitId: number; comment: string; by: number | null; at: string }): Promise<void> {
      await db
        .insertInto('warning_acks')
        .values({ key: ack.key, org_unit_id: ack.unitId, comment: ack.comment, acknowledged_by: ack.by, acknowledged_at: ack.at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ comment: ack.comment, acknowledged_by: ack.by, acknowledged_at: ack.at }))
        .execute();
    },

    /** Reporting completeness of the unit's subtree in the latest task that covers it. */
    async completeness(unitId: number, tree: OrgTree, today: string): Promise<OverviewDto['completeness']> {
      const task = await db
        .selectFrom('reporting_tasks')
        .select(['id', 'name', 'year', 'due_on'])
        .where('org_unit_id', 'in', tree.ancestorsOrSelf(unitId))
        .where('opens_on', '<=', today)
        .orderBy('year', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!task) return null;
      const subtree = new Set(tree.subtree(unitId));
      const seats = (await db.selectFrom('submissions').select(['org_unit_id', 'state']).where('task_id', '=', task.id).execute()).filter((s) => subtree.has(s.org_unit_id));
      const overdue = task.due_on < today;
      return {
        taskId: task.id,
        taskName: task.name,
        year: task.year,
        total: seats.length,
        approved: seats.filter((s) => s.state === 'approved').length,
        submitted: seats.filter((s) => s.state === 'submitted' || s.state === 'reviewed').length,
        overdue: overdue ? seats.filter((s) => OPEN_STATES.includes(s.state)).length : 0,
      };
    },
  };
}
