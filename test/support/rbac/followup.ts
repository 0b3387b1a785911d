import type { Row } from '../rbacMatrix';
import { unique, type District } from '../rbacWorld';
import { OFFICE, SEAT_READERS, SIGNED_IN, UNIT_READERS, type RbacKit } from './kit';

/** Answering a follow-up: the seat's own reporters and reviewers. */
const SEAT_ANSWER = 'A F F F F S S F F';

/** The followup module's routes and the notification centre's. */
export function followupRows({ db, xg, zs, both, url, showsZhongshan }: RbacKit): Row[] {
  // A follow-up of each district's 卫健委, open, made fresh where a step would change it.
  const freshFollowup = async (d: District) => {
    const at = new Date().toISOString();
    const key = unique('rbac-warning-');
    const row = await db.kysely
      .insertInto('followups')
      .values({
        warning_key: key, open_key: key, kind: 'overdue', org_unit_id: d.unit.id, indicator_id: null, department_id: d.health.id, year: 2022, subject: '测试整改', reason: '测试',
        link: '/analytics/warnings', deadline: '2099-12-31', state: 'assigned', assigned_by: null, assigned_at: at, updated_at: at, is_demo: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  let listed: Promise<unknown> | undefined;
  const onFollowup = (tail: string, payload?: object) => both(async (d) => ({ url: `/api/followups/${await freshFollowup(d)}${tail}`, payload }));
  return [
    ...['/warnings', '/warnings.xlsx'].map((tail): Row => ({ route: `GET /api/followup${tail}`, ...both((d) => url(`/api/followup${tail}?orgUnitId=${d.unit.id}`)), expect: UNIT_READERS })),
    { route: 'POST /api/followup/assign', ...both((d) => ({ url: '/api/followup/assign', payload: { keys: [d.warningKey], deadline: '2099-01-01' } })), expect: OFFICE },
    {
      route: 'GET /api/followups',
      own: async () => {
        listed ??= Promise.all([freshFollowup(xg), freshFollowup(zs)]);
        await listed;
        return url('/api/followups');
      },
      showsForeign: showsZhongshan<{ orgUnit: { name: string } }>((rows) => rows.some((r) => r.orgUnit.name === '中山区')),
      expect: SEAT_READERS,
    },
    { route: 'GET /api/followups/:id', ...onFollowup(''), expect: SEAT_READERS },
    { route: 'POST /api/followups/:id/answer', ...onFollowup('/answer', { cause: '原因', measures: '措施', expectedOn: '2099-12-31' }), expect: SEAT_ANSWER },
    ...['accept', 'return', 'close'].map((action): Row => ({ route: `POST /api/followups/:id/${action}`, ...onFollowup(`/${action}`, { comment: '意见' }), expect: OFFICE })),
    { route: 'GET /api/notifications/centre', own: url('/api/notifications/centre'), expect: SIGNED_IN },
    { route: 'POST /api/notifications/read-all', own: url('/api/notifications/read-all'), expect: SIGNED_IN },
    { route: 'GET /api/notifications/settings', own: url('/api/notifications/settings'), expect: SIGNED_IN },
    { route: 'PUT /api/notifications/settings', own: { url: '/api/notifications/settings', payload: { email: null, emailEnabled: true } }, expect: SIGNED_IN },
  ];
}
