import type { Kysely, Transaction } from 'kysely';
import type { ParsedEvent } from '../../../../shared/events/parseEventsText';
import type { Database } from '../../../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

export function eventsRepository(db: Executor) {
  return {
    /** The unit's timeline, oldest first; undated events after the dated ones, by number. */
    listOfUnit: (orgUnitId: number) =>
      db
        .selectFrom('events')
        .select(['id', 'no', 'date', 'title', 'text', 'indicator_id as indicatorId', 'link_url as linkUrl'])
        .where('org_unit_id', '=', orgUnitId)
        .orderBy('no')
        .execute(),

    find: (id: number) => db.selectFrom('events').select(['id', 'org_unit_id as orgUnitId']).where('id', '=', id).executeTakeFirst(),

    async update(id: number, e: { date: string | null; title: string; text: string; indicatorId: number | null; linkUrl: string | null }): Promise<void> {
      await db.updateTable('events').set({ date: e.date, title: e.title, text: e.text, indicator_id: e.indicatorId, link_url: e.linkUrl }).where('id', '=', id).execute();
    },

    /** Whether an indicator exists (a 大事记 links to it by id). */
    indicatorExists: async (id: number) => !!(await db.selectFrom('indicators').select('id').where('id', '=', id).executeTakeFirst()),

    /** Inserts or, for a number already there, rewrites: importing the same text twice changes nothing. */
    async upsert(orgUnitId: number, events: readonly ParsedEvent[], isDemo: boolean): Promise<{ added: number; updated: number }> {
      const existing = new Map((await db.selectFrom('events').select(['id', 'no']).where('org_unit_id', '=', orgUnitId).execute()).map((e) => [e.no, e.id]));
      let added = 0;
      for (const e of events) {
        const id = existing.get(e.no);
        if (id) await db.updateTable('events').set({ date: e.date, title: e.title, text: e.text }).where('id', '=', id).execute();
        else await db.insertInto('events').values({ org_unit_id: orgUnitId, no: e.no, date: e.date, title: e.title, text: e.text, is_demo: isDemo ? 1 : 0 }).execute();
        if (!id) added++;
      }
      return { added, updated: events.length - added };
    },
  };
}
