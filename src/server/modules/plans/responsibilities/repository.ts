import type { Kysely, Transaction } from 'kysely';
import type { ItemKind } from '../../../../shared/plans/responsibilityTable';
import type { Database } from '../../../db/schema';
import { orgsRepository } from '../../orgs/repository';
import type { ImplementationState, ResponsibilityRole } from './tables';

type Executor = Kysely<Database> | Transaction<Database>;

const itemColumn = (kind: ItemKind) => (kind === 'goal' ? 'goal_id' : 'measure_id');

/** 牵头/配合 of goals and measures, and the departments' 实施方案. No access checks here. */
export function responsibilitiesRepository(db: Executor) {
  return {
    plan(planId: number) {
      return db
        .selectFrom('plans as p')
        .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
        .select(['p.id', 'p.title', 'p.kind', 'p.org_unit_id', 'o.name as org_unit_name', 'p.status', 'p.archived_at'])
        .where('p.id', '=', planId)
        .executeTakeFirst();
    },

    /** The member departments of a unit's committee (the orgs module's query). */
    departmentsOfUnit: (orgUnitId: number) => orgsRepository(db).departmentsOfUnit(orgUnitId),

    department(id: number) {
      return db
        .selectFrom('departments as d')
        .innerJoin('committees as c', 'c.id', 'd.committee_id')
        .innerJoin('org_units as o', 'o.id', 'c.org_unit_id')
        .select(['d.id', 'd.name', 'd.short_name as shortName', 'o.id as org_unit_id', 'o.name as org_unit_name'])
        .where('d.id', '=', id)
        .executeTakeFirst();
    },

    /** Every goal and measure of a plan with its area, in the plan's order. */
    async items(planId: number) {
      const [goals, measures] = await Promise.all(
        (['plan_goals', 'plan_measures'] as const).map((table) =>
          db
            .selectFrom(`${table} as i` as 'plan_goals as i')
            .innerJoin('plan_areas as a', 'a.id', 'i.area_id')
            .select(['i.id', 'i.no', 'i.text', 'a.no as area_no', 'a.title as area_title'])
            .where('a.plan_id', '=', planId)
            .orderBy('a.no')
            .orderBy('i.no')
            .execute(),
        ),
      );
      return [...goals!.map((g) => ({ ...g, kind: 'goal' as const })), ...measures!.map((m) => ({ ...m, kind: 'measure' as const }))];
    },

    /** The plan of one goal or measure, with its area and number (for the change log). */
    item(kind: ItemKind, id: number) {
      return db
        .selectFrom(`${kind === 'goal' ? 'plan_goals' : 'plan_measures'} as i` as 'plan_goals as i')
        .innerJoin('plan_areas as a', 'a.id', 'i.area_id')
        .select(['i.id', 'i.no', 'a.no as area_no', 'a.plan_id'])
        .where('i.id', '=', id)
        .executeTakeFirst();
    },

    ofPlan(planId: number) {
      return db
        .selectFrom('plan_responsibilities')
        .select(['goal_id', 'measure_id', 'department_id', 'role'])
        .where('plan_id', '=', planId)
        .orderBy('id')
        .execute();
    },

    ofItem(kind: ItemKind, id: number) {
      return db.selectFrom('plan_responsibilities').select(['department_id', 'role']).where(itemColumn(kind), '=', id).orderBy('id').execute();
    },

    /** Replaces one item's departments: leads first, then partners, in the order given. */
    async replaceItem(planId: number, kind: ItemKind, id: number, leads: readonly number[], partners: readonly number[]) {
      await db.deleteFrom('plan_responsibilities').where(itemColumn(kind), '=', id).execute();
      const rows = [
        ...leads.map((d) => ({ department_id: d, role: 'lead' as ResponsibilityRole })),
        ...partners.map((d) => ({ department_id: d, role: 'partner' as ResponsibilityRole })),
      ].map((r) => ({ ...r, plan_id: planId, goal_id: kind === 'goal' ? id : null, measure_id: kind === 'measure' ? id : null }));
      if (rows.length) await db.insertInto('plan_responsibilities').values(rows).execute();
    },

    /** The goals and measures a department leads or supports, in every plan. */
    responsibilitiesOf(departmentId: number) {
      return db
        .selectFrom('plan_responsibilities')
        .select(['plan_id', 'goal_id', 'measure_id', 'role'])
        .where('department_id', '=', departmentId)
        .orderBy('plan_id')
        .orderBy('id')
        .execute();
    },

    /** Names of the departments on some items, for display. */
    async departmentsOnItems(goalIds: readonly number[], measureIds: readonly number[]) {
      if (goalIds.length === 0 && measureIds.length === 0) return [];
      return db
        .selectFrom('plan_responsibilities as r')
        .innerJoin('departments as d', 'd.id', 'r.department_id')
        .select(['r.goal_id', 'r.measure_id', 'r.role', 'd.short_name'])
        .where((eb) => eb.or([eb('r.goal_id', 'in', goalIds.length ? [...goalIds] : [0]), eb('r.measure_id', 'in', measureIds.length ? [...measureIds] : [0])]))
        .orderBy('r.id')
        .execute();
    },

    /** The indicators measuring some goals: a target linked to one, or an indicator generated from a target. */
    async indicatorsOfGoals(goalIds: readonly number[]) {
      if (goalIds.length === 0) return [];
      const rows = await db
        .selectFrom('plan_targets as t')
        .leftJoin('indicators as gen', 'gen.plan_target_id', 't.id')
        .select(['t.goal_id', 't.seq'])
        .select((eb) => eb.fn.coalesce('t.indicator_id', 'gen.id').as('indicator_id'))
        .where('t.goal_id', 'in', [...goalIds])
        .orderBy('t.goal_id')
        .orderBy('t.seq')
        .execute();
      return rows.flatMap((r) => (r.indicator_id === null ? [] : [{ goalId: r.goal_id, indicatorId: Number(r.indicator_id) }]));
    },

    plansByIds(ids: readonly number[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('plans')
        .select(['id', 'title', 'kind', 'org_unit_id', 'status', 'archived_at'])
        .where('id', 'in', [...ids])
        .orderBy('kind', 'desc')
        .orderBy('id')
        .execute();
    },

    async due(planId: number) {
      return (await db.selectFrom('implementation_dues').select('due_on').where('plan_id', '=', planId).executeTakeFirst())?.due_on ?? null;
    },

    async duesOf(planIds: readonly number[]) {
      if (planIds.length === 0) return new Map<number, string>();
      const rows = await db.selectFrom('implementation_dues').select(['plan_id', 'due_on']).where('plan_id', 'in', [...planIds]).execute();
      return new Map(rows.map((r) => [r.plan_id, r.due_on]));
    },

    async setDue(planId: number, dueOn: string, by: number | null, at: string) {
      await db
        .insertInto('implementation_dues')
        .values({ plan_id: planId, due_on: dueOn, set_by: by, set_at: at })
        .onConflict((oc) => oc.column('plan_id').doUpdateSet({ due_on: dueOn, set_by: by, set_at: at }))
        .execute();
    },

    /** Departments with any responsibility in the plan: those who owe it a 实施方案. */
    async departmentsOwing(planId: number) {
      return db
        .selectFrom('departments as d')
        .select(['d.id', 'd.name', 'd.short_name as shortName'])
        .where('d.id', 'in', db.selectFrom('plan_responsibilities').select('department_id').where('plan_id', '=', planId))
        .orderBy('d.sort')
        .orderBy('d.id')
        .execute();
    },

    /** The new filing's id, or null when the department already has one waiting or accepted (a unique index decides, also under a race). */
    async insertImplementation(row: { planId: number; departmentId: number; text: string; filedBy: number | null; filedAt: string; isDemo?: boolean }): Promise<number | null> {
      const inserted = await db
        .insertInto('implementation_plans')
        .values({ plan_id: row.planId, department_id: row.departmentId, state: 'submitted', text: row.text, filed_by: row.filedBy, filed_at: row.filedAt, is_demo: row.isDemo ? 1 : 0 })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted?.id ?? null;
    },

    implementationsByIds(ids: readonly number[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('implementation_plans as i')
        .innerJoin('departments as d', 'd.id', 'i.department_id')
        .leftJoin('users as fb', 'fb.id', 'i.filed_by')
        .leftJoin('users as db', 'db.id', 'i.decided_by')
        .selectAll('i')
        .select(['d.name as department_name', 'd.short_name as department_short_name', 'fb.display_name as filed_by_name', 'db.display_name as decided_by_name'])
        .where('i.id', 'in', [...ids])
        .execute();
    },

    /** The latest filing of each department for some plans. */
    async latestImplementations(planIds: readonly number[]) {
      if (planIds.length === 0) return [];
      const rows = await db
        .selectFrom('implementation_plans')
        .select(['plan_id', 'department_id'])
        .select((eb) => eb.fn.max('id').as('id'))
        .where('plan_id', 'in', [...planIds])
        .groupBy(['plan_id', 'department_id'])
        .execute();
      return rows.map((r) => ({ planId: r.plan_id, departmentId: r.department_id, id: Number(r.id) }));
    },

    /** Compare-and-set from submitted: false when someone decided first. */
    async decide(id: number, state: Exclude<ImplementationState, 'submitted'>, by: number, at: string, reason: string | null): Promise<boolean> {
      const result = await db
        .updateTable('implementation_plans')
        .set({ state, decided_by: by, decided_at: at, return_reason: reason })
        .where('id', '=', id)
        .where('state', '=', 'submitted')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Plans in force with a due date, for reminders. */
    plansWithDue() {
      return db
        .selectFrom('implementation_dues as due')
        .innerJoin('plans as p', 'p.id', 'due.plan_id')
        .select(['p.id', 'p.title', 'p.org_unit_id', 'due.due_on'])
        .where('p.status', '!=', 'repealed')
        .where('p.archived_at', 'is', null)
        .orderBy('p.id')
        .execute();
    },

    /** The reporters and reviewers of departments at a unit. */
    seatUsers(orgUnitId: number, departmentIds: readonly number[]) {
      if (departmentIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('role_assignments as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['r.user_id', 'r.department_id'])
        .distinct()
        .where('r.org_unit_id', '=', orgUnitId)
        .where('r.department_id', 'in', [...departmentIds])
        .where('r.role', 'in', ['reporter', 'dept_reviewer'])
        .where('u.disabled', '=', 0)
        .orderBy('r.user_id')
        .execute();
    },
  };
}
export type ResponsibilitiesRepository = ReturnType<typeof responsibilitiesRepository>;
