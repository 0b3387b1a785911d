import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { orgsRepository } from '../orgs/repository';
import type { KeyItemMilestonesTable, KeyItemUnitsTable, SupervisionsTable } from './tables';
import { notificationsRepository } from '../../services/reminders/notificationsRepository';

/** Key items, their units, milestones and reports, and 督办: all the workitems module's SQL. */
export function workitemsRepository(db: Kysely<Database>) {
  return {
    unit(id: number) {
      return db.selectFrom('org_units').select(['id', 'name', 'parent_id']).where('id', '=', id).executeTakeFirst();
    },

    /** The member departments of a unit's committee (the orgs module's query). */
    departmentsOfUnit: (orgUnitId: number) => orgsRepository(db).departmentsOfUnit(orgUnitId),

    unitByCode(code: string) {
      return db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirst();
    },

    /** The reporters and reviewers of some departments at a unit, who answer for them. */
    seatUsers: (orgUnitId: number, departmentIds: readonly number[]): Promise<number[]> => notificationsRepository(db).holders(['reporter', 'dept_reviewer'], orgUnitId, departmentIds),

    topUnit() {
      return db.selectFrom('org_units').select('id').where('parent_id', 'is', null).orderBy('sort').orderBy('id').executeTakeFirst();
    },

    async countSupervisionsOfItems(itemIds: readonly number[]): Promise<number> {
      if (itemIds.length === 0) return 0;
      const row = await db.selectFrom('supervisions').select((eb) => eb.fn.countAll<number | string>().as('n')).where('item_id', 'in', [...itemIds]).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    department(id: number) {
      return db
        .selectFrom('departments as d')
        .innerJoin('committees as c', 'c.id', 'd.committee_id')
        .select(['d.id', 'd.name', 'c.org_unit_id as orgUnitId'])
        .where('d.id', '=', id)
        .executeTakeFirst();
    },

    async years(orgUnitId: number): Promise<number[]> {
      const rows = await db.selectFrom('key_items').select('year').distinct().where('org_unit_id', '=', orgUnitId).orderBy('year', 'desc').execute();
      return rows.map((r) => r.year);
    },

    /** Units with key items, for choosing where to look. */
    async unitsWithItems(): Promise<number[]> {
      return (await db.selectFrom('key_items').select('org_unit_id').distinct().execute()).map((r) => r.org_unit_id);
    },

    items(filter: { orgUnitId: number; year: number } | { ids: readonly number[] }) {
      let q = db.selectFrom('key_items').selectAll();
      q = 'ids' in filter ? q.where('id', 'in', filter.ids.length ? [...filter.ids] : [-1]) : q.where('org_unit_id', '=', filter.orgUnitId).where('year', '=', filter.year);
      return q.orderBy('no').execute();
    },

    unitsOf(itemIds: readonly number[]) {
      if (itemIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('key_item_units as u')
        .leftJoin('departments as d', 'd.id', 'u.department_id')
        .select(['u.item_id', 'u.role', 'u.name', 'u.department_id', 'd.name as department_name'])
        .where('u.item_id', 'in', [...itemIds])
        .orderBy('u.item_id')
        .orderBy('u.sort')
        .execute();
    },

    milestonesOf(itemIds: readonly number[]) {
      if (itemIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('key_item_milestones').selectAll().where('item_id', 'in', [...itemIds]).orderBy('item_id').orderBy('id').execute();
    },

    reportsOf(milestoneIds: readonly number[]) {
      if (milestoneIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('key_item_reports as r')
        .innerJoin('departments as d', 'd.id', 'r.department_id')
        .leftJoin('users as u', 'u.id', 'r.reported_by')
        .select(['r.id', 'r.milestone_id', 'r.department_id', 'd.name as department_name', 'r.role', 'r.value', 'r.text', 'r.completed', 'u.display_name as reported_by', 'r.reported_at'])
        .where('r.milestone_id', 'in', [...milestoneIds])
        .orderBy('r.reported_at')
        .orderBy('r.id')
        .execute();
    },

    /** Item ids that a department is named on, as lead or partner. */
    async itemIdsOfDepartments(departmentIds: readonly number[]): Promise<number[]> {
      if (departmentIds.length === 0) return [];
      return (await db.selectFrom('key_item_units').select('item_id').distinct().where('department_id', 'in', [...departmentIds]).execute()).map((r) => r.item_id);
    },

    milestone(id: number) {
      return db
        .selectFrom('key_item_milestones as m')
        .innerJoin('key_items as i', 'i.id', 'm.item_id')
        .select(['m.id', 'm.item_id', 'm.period', 'i.org_unit_id', 'i.year', 'i.no', 'i.name'])
        .where('m.id', '=', id)
        .executeTakeFirst();
    },

    reportItem(reportId: number) {
      return db
        .selectFrom('key_item_reports as r')
        .innerJoin('key_item_milestones as m', 'm.id', 'r.milestone_id')
        .select('m.item_id')
        .where('r.id', '=', reportId)
        .executeTakeFirst();
    },

    async countReports(orgUnitId: number, year: number): Promise<number> {
      const row = await db
        .selectFrom('key_item_reports as r')
        .innerJoin('key_item_milestones as m', 'm.id', 'r.milestone_id')
        .innerJoin('key_items as i', 'i.id', 'm.item_id')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('i.org_unit_id', '=', orgUnitId)
        .where('i.year', '=', year)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Removes a year's items (with their units and milestones); returns how many there were. */
    async deleteItems(orgUnitId: number, year: number): Promise<number> {
      const rows = await db.deleteFrom('key_items').where('org_unit_id', '=', orgUnitId).where('year', '=', year).returning('id').execute();
      return rows.length;
    },

    async insertItem(item: { orgUnitId: number; year: number; no: number; name: string; summary: string; sourceName: string; isDemo: boolean; createdBy: number | null }, now: string): Promise<number> {
      const row = await db
        .insertInto('key_items')
        .values({ org_unit_id: item.orgUnitId, year: item.year, no: item.no, name: item.name, summary: item.summary, source_name: item.sourceName, is_demo: item.isDemo ? 1 : 0, created_by: item.createdBy, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async insertUnits(rows: Omit<KeyItemUnitsTable, 'id'>[]): Promise<void> {
      if (rows.length) await db.insertInto('key_item_units').values(rows).execute();
    },

    async insertMilestones(rows: Omit<KeyItemMilestonesTable, 'id'>[]): Promise<void> {
      if (rows.length) await db.insertInto('key_item_milestones').values(rows).execute();
    },

    async insertReport(row: { milestoneId: number; departmentId: number; role: 'lead' | 'partner'; value: number | null; text: string; completed: boolean; reportedBy: number | null; reportedAt: string; isDemo?: boolean }): Promise<number> {
      const inserted = await db
        .insertInto('key_item_reports')
        .values({ milestone_id: row.milestoneId, department_id: row.departmentId, role: row.role, value: row.value, text: row.text, completed: row.completed ? 1 : 0, reported_by: row.reportedBy, reported_at: row.reportedAt, is_demo: row.isDemo ? 1 : 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id;
    },

    supervisions(filter: { ids?: readonly number[]; itemId?: number; indicatorId?: number; workPointId?: number; openOnly?: boolean }) {
      let q = db
        .selectFrom('supervisions as s')
        .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
        .innerJoin('departments as d', 'd.id', 's.department_id')
        .leftJoin('key_items as i', 'i.id', 's.item_id')
        .leftJoin('indicators as ind', 'ind.id', 's.indicator_id')
        .leftJoin('work_points as wp', 'wp.id', 's.work_point_id')
        .select([
          's.id', 's.org_unit_id', 'o.name as org_unit_name', 's.department_id', 'd.name as department_name', 's.item_id', 'i.no as item_no', 'i.name as item_name', 'i.year as item_year',
          's.indicator_id', 'ind.name as indicator_name', 's.work_point_id', 'wp.title as work_point_title', 'wp.year as work_point_year',
          's.subject', 's.request', 's.due_on', 's.state', 's.round', 's.is_demo', 's.created_at', 's.updated_at',
        ]);
      if (filter.ids) q = q.where('s.id', 'in', filter.ids.length ? [...filter.ids] : [-1]);
      if (filter.itemId) q = q.where('s.item_id', '=', filter.itemId);
      if (filter.indicatorId) q = q.where('s.indicator_id', '=', filter.indicatorId);
      if (filter.workPointId) q = q.where('s.work_point_id', '=', filter.workPointId);
      if (filter.openOnly) q = q.where('s.state', '!=', 'closed');
      return q.orderBy('s.due_on').orderBy('s.id').execute();
    },

    eventsOf(supervisionIds: readonly number[]) {
      if (supervisionIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('supervision_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_id')
        .select(['e.id', 'e.supervision_id', 'e.action', 'e.text', 'e.due_on', 'u.display_name as actor', 'e.at'])
        .where('e.supervision_id', 'in', [...supervisionIds])
        .orderBy('e.at')
        .orderBy('e.id')
        .execute();
    },

    async openSupervisionCounts(itemIds: readonly number[]): Promise<Map<number, number>> {
      if (itemIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('supervisions')
        .select(['item_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('item_id', 'in', [...itemIds])
        .where('state', '!=', 'closed')
        .groupBy('item_id')
        .execute();
      return new Map(rows.map((r) => [r.item_id!, Number(r.n)]));
    },

    async insertSupervision(row: Insertable<SupervisionsTable>): Promise<number> {
      return (await db.insertInto('supervisions').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    /** Compare-and-set on the state: false when someone else moved it first. */
    async moveSupervision(id: number, from: SupervisionsTable['state'], to: SupervisionsTable['state'], patch: { dueOn?: string; pressed?: boolean }, now: string): Promise<boolean> {
      const result = await db
        .updateTable('supervisions')
        .set((eb) => ({ state: to, updated_at: now, ...(patch.dueOn && { due_on: patch.dueOn }), ...(patch.pressed && { round: eb('round', '+', 1) }) }))
        .where('id', '=', id)
        .where('state', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertEvent(row: { supervisionId: number; action: 'issue' | 'reply' | 'press' | 'close'; text: string; dueOn: string | null; actorId: number | null; at: string }): Promise<void> {
      await db.insertInto('supervision_events').values({ supervision_id: row.supervisionId, action: row.action, text: row.text, due_on: row.dueOn, actor_id: row.actorId, at: row.at }).execute();
    },

    indicator(id: number) {
      return db.selectFrom('indicators').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    },
  };
}
export type WorkitemsRepository = ReturnType<typeof workitemsRepository>;
