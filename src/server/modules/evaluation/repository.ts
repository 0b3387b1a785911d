import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Role } from '../../../shared/roles';
import type { Database } from '../../db/schema';
import type { EvaluationFormEventsTable, EvaluationFormsTable, EvaluationRoundsTable } from './tables';

/** Evaluation rounds, participants, forms and their events: all the evaluation module's SQL. */
export function evaluationRepository(db: Kysely<Database>) {
  const rounds = () =>
    db
      .selectFrom('evaluation_rounds as r')
      .innerJoin('plans as p', 'p.id', 'r.plan_id')
      .innerJoin('org_units as u', 'u.id', 'r.org_unit_id')
      .leftJoin('users as closer', 'closer.id', 'r.closed_by')
      .select(['r.id', 'r.plan_id', 'p.title as plan_title', 'r.org_unit_id', 'u.name as org_unit_name', 'r.milestone', 'r.kind', 'r.title', 'r.criteria', 'r.self_due_on', 'r.review_due_on', 'r.state', 'r.is_demo'])
      .select(['r.closed_at', 'closer.display_name as closed_by_name']);

  return {
    plan(id: number) {
      return db.selectFrom('plans as p').innerJoin('org_units as u', 'u.id', 'p.org_unit_id').select(['p.id', 'p.kind', 'p.title', 'p.org_unit_id', 'u.name as org_unit_name', 'p.period_start', 'p.period_end']).where('p.id', '=', id).executeTakeFirst();
    },

    /** A plan's goals with their areas, in the plan's order. */
    goalsOfPlan(planId: number) {
      return db
        .selectFrom('plan_goals as g')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .select(['g.id', 'g.no', 'g.text', 'a.id as area_id', 'a.no as area_no', 'a.title as area_title'])
        .where('a.plan_id', '=', planId)
        .orderBy('a.no')
        .orderBy('g.no')
        .execute();
    },

    /** The plan's targets that are linked to an indicator, with the indicator's responsible department. */
    linkedTargets(planId: number) {
      return db
        .selectFrom('plan_targets as t')
        .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .innerJoin('indicators as i', 'i.id', 't.indicator_id')
        .select(['t.goal_id', 'i.id as indicator_id', 'i.responsible_department_id'])
        .where('a.plan_id', '=', planId)
        .orderBy('t.goal_id')
        .orderBy('t.seq')
        .execute();
    },

    departmentsByIds(ids: readonly number[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('departments as d')
        .innerJoin('committees as c', 'c.id', 'd.committee_id')
        .select(['d.id', 'd.name', 'c.org_unit_id'])
        .where('d.id', 'in', [...ids])
        .orderBy('d.sort')
        .orderBy('d.id')
        .execute();
    },


    round(id: number) {
      return rounds().where('r.id', '=', id).executeTakeFirst();
    },

    listRounds() {
      return rounds().orderBy('r.milestone', 'desc').orderBy('r.id', 'desc').execute();
    },

    unitByCode(code: string) {
      return db.selectFrom('org_units').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
    },

    /** A unit's rounds at a milestone, with their plans' kinds. */
    roundsOfUnit(orgUnitId: number, milestone: number) {
      return db.selectFrom('evaluation_rounds as r').innerJoin('plans as p', 'p.id', 'r.plan_id').select(['r.id', 'p.kind'])
        .where('r.org_unit_id', '=', orgUnitId).where('r.milestone', '=', milestone).orderBy('r.id').execute();
    },

    openRounds() {
      return rounds().where('r.state', '=', 'open').orderBy('r.id').execute();
    },

    /** Enabled users holding one of the roles at a unit (and, when given, for a department). */
    async usersWith(orgUnitId: number, roles: readonly Role[], departmentId: number | null): Promise<number[]> {
      let q = db.selectFrom('role_assignments as r').innerJoin('users as u', 'u.id', 'r.user_id').select('r.user_id').distinct()
        .where('r.org_unit_id', '=', orgUnitId).where('r.role', 'in', [...roles]).where('u.disabled', '=', 0);
      if (departmentId !== null) q = q.where('r.department_id', '=', departmentId);
      return (await q.orderBy('r.user_id').execute()).map((r) => r.user_id);
    },

    roundOf(planId: number, milestone: number) {
      return db.selectFrom('evaluation_rounds').select('id').where('plan_id', '=', planId).where('milestone', '=', milestone).executeTakeFirst();
    },

    async insertRound(row: Insertable<EvaluationRoundsTable>): Promise<number> {
      return (await db.insertInto('evaluation_rounds').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    /** Compare-and-set: false when the round was no longer open. */
    async closeRound(id: number, closedBy: number | null, at: string): Promise<boolean> {
      const result = await db.updateTable('evaluation_rounds').set({ state: 'closed', closed_at: at, closed_by: closedBy }).where('id', '=', id).where('state', '=', 'open').executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertParticipant(row: { round_id: number; org_unit_id: number; department_id: number | null }): Promise<number> {
      return (await db.insertInto('evaluation_participants').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    async insertForms(rows: Insertable<EvaluationFormsTable>[]): Promise<void> {
      // In slices: a round of a big plan with many participants stays under the bound-parameter limits.
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('evaluation_forms').values(rows.slice(i, i + 200)).execute();
    },

    participants(roundIds: readonly number[]) {
      if (roundIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('evaluation_participants as p')
        .innerJoin('org_units as u', 'u.id', 'p.org_unit_id')
        .leftJoin('departments as d', 'd.id', 'p.department_id')
        .select(['p.id', 'p.round_id', 'p.org_unit_id', 'u.name as org_unit_name', 'p.department_id', 'd.name as department_name'])
        .where('p.round_id', 'in', [...roundIds])
        .orderBy('p.id')
        .execute();
    },

    /** Forms of rounds (or the given ids) with their goals; callers filter to what the reader may see. */
    forms(filter: { roundIds: readonly number[] } | { ids: readonly number[] }) {
      let q = db
        .selectFrom('evaluation_forms as f')
        .innerJoin('plan_goals as g', 'g.id', 'f.goal_id')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .leftJoin('users as u', 'u.id', 'f.reviewed_by')
        .selectAll('f')
        .select(['g.no as goal_no', 'g.text as goal_text', 'a.id as area_id', 'a.no as area_no', 'a.title as area_title', 'u.display_name as reviewed_by_name']);
      if ('ids' in filter) q = q.where('f.id', 'in', filter.ids.length ? [...filter.ids] : [-1]);
      else q = q.where('f.round_id', 'in', filter.roundIds.length ? [...filter.roundIds] : [-1]);
      return q.orderBy('a.no').orderBy('g.no').orderBy('f.participant_id').execute();
    },

    /** Compare-and-set on the form's state: false when someone else moved it first. */
    async updateForm(id: number, expected: EvaluationFormsTable['state']['__select__'], values: Updateable<EvaluationFormsTable>): Promise<boolean> {
      const result = await db.updateTable('evaluation_forms').set(values).where('id', '=', id).where('state', '=', expected).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertEvent(row: Insertable<EvaluationFormEventsTable>): Promise<void> {
      await db.insertInto('evaluation_form_events').values(row).execute();
    },

    events(formId: number) {
      return db
        .selectFrom('evaluation_form_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_id')
        .select(['e.action', 'e.text', 'u.display_name as actor', 'e.at'])
        .where('e.form_id', '=', formId)
        .orderBy('e.at')
        .orderBy('e.id')
        .execute();
    },
  };
}
export type EvaluationRepository = ReturnType<typeof evaluationRepository>;
