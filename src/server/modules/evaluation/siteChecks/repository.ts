import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../../db/schema';
import type { EvaluationRectificationsTable, EvaluationSiteChecksTable } from '../tables';

/** Site checks and their rectification requests: all their SQL. */
export function siteChecksRepository(db: Kysely<Database>) {
  return {
    /** Checks of a round (or the given ids), by visit date, with who recorded them. */
    checks(filter: { roundId: number } | { ids: readonly number[] }) {
      let q = db.selectFrom('evaluation_site_checks as c').leftJoin('users as u', 'u.id', 'c.created_by').selectAll('c').select('u.display_name as recorded_by_name');
      q = 'ids' in filter ? q.where('c.id', 'in', filter.ids.length ? [...filter.ids] : [-1]) : q.where('c.round_id', '=', filter.roundId);
      return q.orderBy('c.visited_on').orderBy('c.id').execute();
    },

    rectifications(checkIds: readonly number[]) {
      if (checkIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('evaluation_rectifications as r')
        .leftJoin('users as u', 'u.id', 'r.answered_by')
        .selectAll('r')
        .select('u.display_name as answered_by_name')
        .where('r.check_id', 'in', [...checkIds])
        .orderBy('r.check_id')
        .orderBy('r.seq')
        .execute();
    },

    rectification(id: number) {
      return db.selectFrom('evaluation_rectifications').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async insertCheck(row: Insertable<EvaluationSiteChecksTable>): Promise<number> {
      return (await db.insertInto('evaluation_site_checks').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    async updateCheck(id: number, values: Updateable<EvaluationSiteChecksTable>): Promise<void> {
      await db.updateTable('evaluation_site_checks').set(values).where('id', '=', id).execute();
    },

    async deleteCheck(id: number): Promise<void> {
      await db.deleteFrom('evaluation_rectifications').where('check_id', '=', id).execute();
      await db.deleteFrom('evaluation_site_checks').where('id', '=', id).execute();
    },

    async insertRectifications(rows: Insertable<EvaluationRectificationsTable>[]): Promise<void> {
      if (rows.length) await db.insertInto('evaluation_rectifications').values(rows).execute();
    },

    async updateRectification(id: number, values: Updateable<EvaluationRectificationsTable>): Promise<void> {
      await db.updateTable('evaluation_rectifications').set(values).where('id', '=', id).execute();
    },

    async deleteRectifications(ids: readonly number[]): Promise<void> {
      if (ids.length) await db.deleteFrom('evaluation_rectifications').where('id', 'in', [...ids]).execute();
    },
  };
}
