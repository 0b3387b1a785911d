import type { Kysely, Updateable } from 'kysely';
import { PLANS_IN_FORCE } from '../../../shared/plans/lifecycle';
import type { FormState } from '../../../shared/unitreports/workflow';
import type { Database } from '../../db/schema';
import { orgsRepository } from '../orgs/repository';
import { notificationsRepository } from '../../services/reminders/notificationsRepository';

/** Where a form's rows are read: the round's and the reporting unit's names, the department's. */
function formsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('unit_report_forms as f')
    .innerJoin('unit_report_rounds as r', 'r.id', 'f.round_id')
    .innerJoin('org_units as ru', 'ru.id', 'r.org_unit_id')
    .innerJoin('org_units as u', 'u.id', 'f.org_unit_id')
    .leftJoin('departments as d', 'd.id', 'f.department_id')
    .leftJoin('users as p', 'p.id', 'f.updated_by')
    .select([
      'f.id', 'f.round_id', 'f.org_unit_id', 'f.department_id', 'f.state', 'f.version', 'f.content', 'f.submitted_at', 'f.first_submitted_at', 'f.accepted_at', 'f.accepted_items',
      'f.returned_reason', 'f.reminded_at', 'f.updated_at', 'p.display_name as updated_by_name', 'u.name as unit_name', 'u.sort as unit_sort', 'd.name as department_name', 'd.short_name as department_short_name', 'd.sort as department_sort',
      'r.org_unit_id as round_unit_id', 'ru.name as round_unit_name', 'r.year', 'r.due_on', 'r.note', 'r.is_demo',
    ]);
}
export type FormRow = Awaited<ReturnType<ReturnType<typeof formsQuery>['executeTakeFirstOrThrow']>>;

export function unitReportsRepository(db: Kysely<Database>) {
  const notifications = notificationsRepository(db);
  return {
    unit(id: number) {
      return db.selectFrom('org_units').select(['id', 'name', 'parent_id']).where('id', '=', id).executeTakeFirst();
    },

    /** The member departments of a unit's committee (the orgs module's query). */
    departmentsOfUnit: (orgUnitId: number) => orgsRepository(db).departmentsOfUnit(orgUnitId),


    async counterparts(): Promise<Map<number, number | null>> {
      const rows = await db.selectFrom('departments').select(['id', 'counterpart_id']).execute();
      return new Map(rows.map((r) => [r.id, r.counterpart_id]));
    },

    async indicatorsOfDepartment(topDepartmentId: number): Promise<number[]> {
      const rows = await db.selectFrom('indicators').select('id').where('responsible_department_id', '=', topDepartmentId).orderBy('code').execute();
      return rows.map((r) => r.id);
    },

    /** The areas of a unit's plans in force and the indicators their targets link to. */
    async areasInForce(orgUnitId: number) {
      const rows = await db
        .selectFrom('plans as p')
        .innerJoin('plan_areas as a', 'a.plan_id', 'p.id')
        .leftJoin('plan_goals as g', 'g.area_id', 'a.id')
        .leftJoin('plan_targets as t', 't.goal_id', 'g.id')
        // A target measures an indicator by its link, or is the one the indicator was generated from.
        .leftJoin('indicators as i', 'i.plan_target_id', 't.id')
        .select((eb) => ['p.title as plan_title', 'a.id as area_id', 'a.no', 'a.title', eb.fn.coalesce('t.indicator_id', 'i.id').as('indicator_id')])
        .where('p.org_unit_id', '=', orgUnitId)
        .where('p.status', 'in', [...PLANS_IN_FORCE])
        .orderBy('p.id')
        .orderBy('a.no')
        .execute();
      const areas = new Map<number, { planTitle: string; no: number; title: string; indicatorIds: Set<number> }>();
      for (const r of rows) {
        const area = areas.get(r.area_id) ?? areas.set(r.area_id, { planTitle: r.plan_title, no: r.no, title: r.title, indicatorIds: new Set() }).get(r.area_id)!;
        if (r.indicator_id !== null) area.indicatorIds.add(r.indicator_id);
      }
      return [...areas.values()];
    },

    async insertRound(r: { orgUnitId: number; year: number; dueOn: string; note: string; isDemo: boolean; createdBy: number | null; at: string }): Promise<number> {
      const row = await db
        .insertInto('unit_report_rounds')
        .values({ org_unit_id: r.orgUnitId, year: r.year, due_on: r.dueOn, note: r.note, is_demo: r.isDemo ? 1 : 0, created_by: r.createdBy, created_at: r.at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async insertForms(roundId: number, seats: readonly { orgUnitId: number; departmentId: number | null }[], content: string): Promise<void> {
      if (seats.length === 0) return;
      await db.insertInto('unit_report_forms').values(seats.map((s) => ({ round_id: roundId, org_unit_id: s.orgUnitId, department_id: s.departmentId, content }))).execute();
    },

    roundOfYear(orgUnitId: number, year: number) {
      return db.selectFrom('unit_report_rounds').select('id').where('org_unit_id', '=', orgUnitId).where('year', '=', year).executeTakeFirst();
    },

    rounds(filter: { orgUnitId: number } | { id: number }) {
      return db
        .selectFrom('unit_report_rounds as r')
        .innerJoin('org_units as u', 'u.id', 'r.org_unit_id')
        .select(['r.id', 'r.org_unit_id', 'u.name as unit_name', 'r.year', 'r.due_on', 'r.note', 'r.is_demo', 'r.created_at'])
        .$if('orgUnitId' in filter, (q) => q.where('r.org_unit_id', '=', (filter as { orgUnitId: number }).orgUnitId))
        .$if('id' in filter, (q) => q.where('r.id', '=', (filter as { id: number }).id))
        .orderBy('r.year', 'desc')
        .execute();
    },

    /** Forms of rounds, area reports after the departments, each in its committee's order. */
    forms(filter: { roundIds: readonly number[] } | { id: number }) {
      let q = formsQuery(db);
      if ('id' in filter) q = q.where('f.id', '=', filter.id);
      else if (filter.roundIds.length === 0) return Promise.resolve([] as FormRow[]);
      else q = q.where('f.round_id', 'in', [...filter.roundIds]);
      return q.orderBy('f.round_id').orderBy('f.department_id', (ob) => ob.asc().nullsLast()).orderBy('d.sort').orderBy('u.sort').orderBy('f.id').execute();
    },

    /** Forms of the seats a user holds: departments at units, lower committees by unit. */
    formsOfSeats(seats: readonly { orgUnitId: number; departmentId: number }[], areaUnits: readonly number[]) {
      if (seats.length === 0 && areaUnits.length === 0) return Promise.resolve([] as FormRow[]);
      return formsQuery(db)
        .where((eb) =>
          eb.or([
            ...seats.map((s) => eb.and([eb('f.org_unit_id', '=', s.orgUnitId), eb('f.department_id', '=', s.departmentId)])),
            ...(areaUnits.length ? [eb.and([eb('f.org_unit_id', 'in', [...areaUnits]), eb('f.department_id', 'is', null)])] : []),
          ]),
        )
        .orderBy('r.year', 'desc')
        .orderBy('f.id')
        .execute();
    },

    /** Compare-and-set on the version read: false when someone else wrote first. */
    async updateForm(id: number, version: number, set: Omit<Updateable<Database['unit_report_forms']>, 'id' | 'version'>, expectState?: readonly FormState[]): Promise<boolean> {
      const result = await db
        .updateTable('unit_report_forms')
        .set({ ...set, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .$if(expectState !== undefined, (q) => q.where('state', 'in', [...expectState!]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async markReminded(ids: readonly number[], at: string): Promise<void> {
      if (ids.length) await db.updateTable('unit_report_forms').set({ reminded_at: at }).where('id', 'in', [...ids]).execute();
    },

    async insertEvents(rows: readonly { formId: number; action: 'submit' | 'accept' | 'return' | 'remind'; text: string; actorId: number | null; at: string }[]): Promise<void> {
      if (rows.length) await db.insertInto('unit_report_events').values(rows.map((e) => ({ form_id: e.formId, action: e.action, text: e.text, actor_id: e.actorId, at: e.at }))).execute();
    },

    events(formId: number) {
      return db
        .selectFrom('unit_report_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_id')
        .select(['e.action', 'e.text', 'u.display_name as by', 'e.at'])
        .where('e.form_id', '=', formId)
        .orderBy('e.id')
        .execute();
    },

    /** Active people who fill a form: the department's reporters and reviewers, or the lower committee's office. */
    fillers: (orgUnitId: number, departmentId: number | null): Promise<number[]> =>
      departmentId === null ? notifications.holders(['office'], orgUnitId) : notifications.holders(['reporter', 'dept_reviewer'], orgUnitId, [departmentId]),

    notify: (userIds: readonly number[], n: { kind: 'workflow' | 'reminder'; title: string; body: string; link: string }, at: string) => notifications.notify(userIds, n, at),

    /** Forms still owed (draft or returned) of rounds due between two dates, inclusive. */
    outstandingDue(from: string, to: string) {
      return formsQuery(db).where('f.state', 'in', ['draft', 'returned']).where('r.due_on', '>=', from).where('r.due_on', '<=', to).orderBy('f.id').execute();
    },

    topUnit() {
      return db.selectFrom('org_units').select('id').where('parent_id', 'is', null).orderBy('sort').orderBy('id').executeTakeFirst();
    },
  };
}
export type UnitReportsRepository = ReturnType<typeof unitReportsRepository>;
