import type { Row } from '../rbacMatrix';
import type { District } from '../rbacWorld';
import { OFFICE, type RbacKit } from './kit';

/** The office's 大事记 routes (the public timeline is a row of publishing's). */
export function eventRows({ db, both, url }: RbacKit): Row[] {
  const eventOf = new Map<number, Promise<number>>();
  const event = (d: District) => {
    if (!eventOf.has(d.unit.id)) {
      eventOf.set(d.unit.id, db.kysely.insertInto('events').values({ org_unit_id: d.unit.id, no: 1, date: '2011-03', title: '大事', text: '正文', is_demo: 0 }).returning('id').executeTakeFirstOrThrow().then((r) => r.id));
    }
    return eventOf.get(d.unit.id)!;
  };
  const update = { date: '2011', title: '改过的大事', text: '正文', indicatorId: null, linkUrl: null };
  return [
    { route: 'GET /api/publishing/events', ...both((d) => url(`/api/publishing/events?orgUnitId=${d.unit.id}`)), expect: OFFICE },
    { route: 'PUT /api/publishing/events/:id', ...both(async (d) => ({ url: `/api/publishing/events/${await event(d)}`, payload: update })), expect: OFFICE },
    { route: 'POST /api/publishing/events/import', ...both((d) => ({ url: '/api/publishing/events/import', payload: { orgUnitId: d.unit.id, text: '1.大事\n2011年3月，开了会。', dryRun: true } })), expect: OFFICE },
  ];
}
