import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { WorkPointsTable } from './workPointsTables';
import { notificationsRepository } from '../../services/reminders/notificationsRepository';

/** The work points' SQL: points, their departments, 备案/通报 records and links to key items. */
export function workPointsRepository(db: Kysely<Database>) {
  return {
    points(orgUnitId: number, year: number) {
      return db.selectFrom('work_points').selectAll().where('org_unit_id', '=', orgUnitId).where('year', '=', year).orderBy('sort').orderBy('id').execute();
    },

    point(id: number) {
      return db.selectFrom('work_points').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The points under a parent (null: the sections) in their order. */
    siblings(orgUnitId: number, year: number, parentId: number | null) {
      const q = db.selectFrom('work_points').select(['id', 'sort']).where('org_unit_id', '=', orgUnitId).where('year', '=', year);
      return (parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId)).orderBy('sort').orderBy('id').execute();
    },

    async years(orgUnitId: number): Promise<number[]> {
      return (await db.selectFrom('work_points').select('year').distinct().where('org_unit_id', '=', orgUnitId).orderBy('year', 'desc').execute()).map((r) => r.year);
    },

    unitsOf(pointIds: readonly number[]) {
      if (pointIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('work_point_units as u')
        .innerJoin('departments as d', 'd.id', 'u.department_id')
        .select(['u.point_id', 'u.role', 'u.department_id', 'd.name'])
        .where('u.point_id', 'in', [...pointIds])
        .orderBy('u.point_id')
        .orderBy('u.sort')
        .execute();
    },

    recordsOf(pointIds: readonly number[]) {
      if (pointIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('work_point_records as r')
        .leftJoin('users as u', 'u.id', 'r.actor_id')
        .select(['r.id', 'r.point_id', 'r.kind', 'r.on_date', 'r.ref', 'r.text', 'u.display_name as actor', 'r.at'])
        .where('r.point_id', 'in', [...pointIds])
        .orderBy('r.on_date')
        .orderBy('r.id')
        .execute();
    },

    linksOf(pointIds: readonly number[]) {
      if (pointIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('work_point_links as l')
        .innerJoin('key_items as k', 'k.id', 'l.key_item_id')
        .select(['l.point_id', 'k.id', 'k.no', 'k.name'])
        .where('l.point_id', 'in', [...pointIds])
        .orderBy('k.no')
        .execute();
    },

    /** The work points a key item carries out. */
    pointsOfKeyItem(keyItemId: number) {
      return db
        .selectFrom('work_point_links as l')
        .innerJoin('work_points as p', 'p.id', 'l.point_id')
        .select(['p.id', 'p.title'])
        .where('l.key_item_id', '=', keyItemId)
        .orderBy('p.id')
        .execute();
    },

    keyItemsOf(orgUnitId: number, year: number) {
      return db.selectFrom('key_items').select(['id', 'no', 'name']).where('org_unit_id', '=', orgUnitId).where('year', '=', year).orderBy('no').execute();
    },

    /** How many of the given points have a 备案/通报 record, a link to a key item or a 督办 (open or closed). */
    async countProgress(pointIds: readonly number[]): Promise<number> {
      if (pointIds.length === 0) return 0;
      const [records, links, supervisions] = await Promise.all([
        db.selectFrom('work_point_records').select((eb) => eb.fn.countAll<number | string>().as('n')).where('point_id', 'in', [...pointIds]).executeTakeFirstOrThrow(),
        db.selectFrom('work_point_links').select((eb) => eb.fn.countAll<number | string>().as('n')).where('point_id', 'in', [...pointIds]).executeTakeFirstOrThrow(),
        db.selectFrom('supervisions').select((eb) => eb.fn.countAll<number | string>().as('n')).where('work_point_id', 'in', [...pointIds]).executeTakeFirstOrThrow(),
      ]);
      return Number(records.n) + Number(links.n) + Number(supervisions.n);
    },

    /** Per point, its 督办: how many in all and how many not yet closed. */
    async supervisionCounts(pointIds: readonly number[]): Promise<Map<number, { all: number; open: number }>> {
      if (pointIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('supervisions')
        .select(['work_point_id', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.sum<number | string | null>(eb.case().when('state', '!=', 'closed').then(1).else(0).end()).as('open')])
        .where('work_point_id', 'in', [...pointIds])
        .groupBy('work_point_id')
        .execute();
      return new Map(rows.map((r) => [r.work_point_id!, { all: Number(r.n), open: Number(r.open ?? 0) }]));
    },

    /** Points due within [from, to] (Beijing dates), for reminders. */
    dueBetween(from: string, to: string) {
      return db.selectFrom('work_points').select(['id', 'org_unit_id', 'year', 'title', 'due_on', 'practical']).where('due_on', '>=', from).where('due_on', '<=', to).orderBy('due_on').orderBy('id').execute();
    },

    /** The people of a unit's committee office. */
    officeUsers: (orgUnitId: number): Promise<number[]> => notificationsRepository(db).holders(['office'], orgUnitId),

    async insertPoint(row: Insertable<WorkPointsTable>): Promise<number> {
      return (await db.insertInto('work_points').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    /** Compare-and-set on the version the edit was made from: false when someone saved first. */
    async updatePoint(id: number, version: number, patch: { title: string; body: string; due_on: string | null; practical: number }, by: number | null, now: string): Promise<boolean> {
      const result = await db
        .updateTable('work_points')
        .set((eb) => ({ ...patch, updated_at: now, updated_by: by, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Who saved a point last and when, to name in a refused save. */
    lastEdit(id: number) {
      return db
        .selectFrom('work_points as p')
        .leftJoin('users as u', 'u.id', 'p.updated_by')
        .select(['p.title', 'p.updated_at', 'u.display_name as updated_by_name'])
        .where('p.id', '=', id)
        .executeTakeFirst();
    },

    async setSort(id: number, sort: number): Promise<void> {
      await db.updateTable('work_points').set({ sort }).where('id', '=', id).execute();
    },

    /** Replaces a point's departments: leads first, then partners, in the order given. */
    async setUnits(pointId: number, leadIds: readonly number[], partnerIds: readonly number[]): Promise<void> {
      await db.deleteFrom('work_point_units').where('point_id', '=', pointId).execute();
      const rows = [...leadIds.map((d) => ['lead', d] as const), ...partnerIds.map((d) => ['partner', d] as const)].map(([role, department_id], sort) => ({ point_id: pointId, role, department_id, sort }));
      if (rows.length) await db.insertInto('work_point_units').values(rows).execute();
    },

    async deletePoint(id: number): Promise<void> {
      await db.deleteFrom('work_points').where('id', '=', id).execute();
    },

    /** Removes a year's points; returns how many there were (counted first: cascaded rows are not returned by a delete on SQLite). */
    async deleteYear(orgUnitId: number, year: number): Promise<number> {
      const row = await db.selectFrom('work_points').select((eb) => eb.fn.countAll<number | string>().as('n')).where('org_unit_id', '=', orgUnitId).where('year', '=', year).executeTakeFirstOrThrow();
      await db.deleteFrom('work_points').where('org_unit_id', '=', orgUnitId).where('year', '=', year).execute();
      return Number(row.n);
    },

    async insertRecord(row: { pointId: number; kind: 'filing' | 'notice'; onDate: string; ref: string; text: string; actorId: number | null; at: string; isDemo?: boolean }): Promise<void> {
      await db.insertInto('work_point_records').values({ point_id: row.pointId, kind: row.kind, on_date: row.onDate, ref: row.ref, text: row.text, actor_id: row.actorId, at: row.at, is_demo: row.isDemo ? 1 : 0 }).execute();
    },

    async setLinks(pointId: number, keyItemIds: readonly number[]): Promise<void> {
      await db.deleteFrom('work_point_links').where('point_id', '=', pointId).execute();
      if (keyItemIds.length) await db.insertInto('work_point_links').values(keyItemIds.map((key_item_id) => ({ point_id: pointId, key_item_id }))).execute();
    },
  };
}
