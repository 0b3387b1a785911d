import type { Kysely } from 'kysely';
import type { EventDto } from '../../../../shared/api/publishing';
import { EventsTextError, parseEventsText, type ParsedEvents } from '../../../../shared/events/parseEventsText';
import type { Database } from '../../../db/schema';
import { appError } from '../../../errors';
import { assertCan } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import { eventsRepository } from './repository';

/** Parses a 大事记 text, or a 400 in Chinese saying where it is wrong. */
export function parseEventsOrThrow(text: string): ParsedEvents {
  try {
    return parseEventsText(text);
  } catch (e) {
    if (e instanceof EventsTextError) throw appError('EVENTS_TEXT_INVALID', `大事记文本无法识别：${e.message}`);
    throw e;
  }
}

/** The 大事记 timeline of a unit: imported from text, read by everyone on the portal. */
export function eventsService(db: Kysely<Database>, orgs: OrgsService) {
  return {
    list: (orgUnitId: number): Promise<EventDto[]> => eventsRepository(db).listOfUnit(orgUnitId),

    /** Parses first; writes all events in one transaction or, on any error, none. */
    async import(auth: AuthContext, orgUnitId: number, text: string, options: { dryRun: boolean; isDemo?: boolean }) {
      assertCan(auth, 'events.edit', { orgUnitId, tree: await orgs.tree() });
      const parsed = parseEventsOrThrow(text);
      const outcome = options.dryRun ? null : await db.transaction().execute((trx) => eventsRepository(trx).upsert(orgUnitId, parsed.events, !!options.isDemo));
      return { ...parsed, outcome };
    },
  };
}
export type EventsService = ReturnType<typeof eventsService>;
