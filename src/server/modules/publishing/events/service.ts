import type { Kysely } from 'kysely';
import type { EventDto, EventUpdate } from '../../../../shared/api/publishing';
import { EventsTextError, parseEventsText, type ParsedEvents } from '../../../../shared/events/parseEventsText';
import type { Database } from '../../../db/schema';
import { appError } from '../../../errors';
import { attachmentDto } from '../../../services/attachments/routes';
import type { AttachmentStore } from '../../../services/attachments/store';
import { can } from '../../../../shared/policy';
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

export const EVENT_OWNER = 'event';

/** The 大事记 timeline of a unit: imported from text, pictures added by hand, read by everyone on the portal. */
export function eventsService(db: Kysely<Database>, orgs: OrgsService, attachments: AttachmentStore) {
  attachments.registerOwner(EVENT_OWNER, {
    label: '大事记配图',
    imagesOnly: true,
    canUpload: (auth) => can(auth, 'events.edit'),
    // The timeline is public: so are the pictures of its events.
    canRead: async (_auth, id) => !!(await eventsRepository(db).find(id)),
  });

  async function listOfUnit(orgUnitId: number): Promise<EventDto[]> {
    const events = await eventsRepository(db).listOfUnit(orgUnitId);
    const pictures = await attachments.listOfOwners(EVENT_OWNER, events.map((e) => e.id));
    return events.map((e) => ({ ...e, pictures: pictures.filter((p) => p.ownerId === e.id).map(attachmentDto) }));
  }

  return {
    list: listOfUnit,

    /** The timeline as its editors see it. */
    async listForEditor(auth: AuthContext | null, orgUnitId: number): Promise<EventDto[]> {
      const tree = await orgs.tree();
      if (!tree.has(orgUnitId)) throw appError('NOT_FOUND', '单位不存在');
      assertCan(auth, 'events.edit', { orgUnitId, tree });
      return listOfUnit(orgUnitId);
    },

    async update(auth: AuthContext | null, id: number, input: EventUpdate): Promise<EventDto> {
      const repo = eventsRepository(db);
      const event = await repo.find(id);
      if (!event) throw appError('NOT_FOUND', '大事记不存在');
      const user = assertCan(auth, 'events.edit', { orgUnitId: event.orgUnitId, tree: await orgs.tree() });
      if (input.indicatorId !== null && !(await repo.indicatorExists(input.indicatorId))) throw appError('VALIDATION_FAILED', `相关指标 ${input.indicatorId} 不存在`);
      const kept = input.pictureIds;
      const dropped = kept ? (await attachments.listOfOwner(EVENT_OWNER, id)).filter((p) => !kept.includes(p.id)).map((p) => p.id) : [];
      await db.transaction().execute(async (trx) => {
        await eventsRepository(trx).update(id, input);
        if (!kept) return;
        await attachments.detach(trx, EVENT_OWNER, id, dropped);
        await attachments.bind(trx, user, EVENT_OWNER, id, kept);
      });
      return (await listOfUnit(event.orgUnitId)).find((e) => e.id === id)!;
    },

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
