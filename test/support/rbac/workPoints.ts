import type { Row } from '../rbacMatrix';
import { unique, upload, type District } from '../rbacWorld';
import { OFFICE, SEAT_READERS, type RbacKit } from './kit';

const TEXT = '2030年工作要点\n一、加强组织领导\n1、召开全体委员会议。\n';

/** The work points' routes (workitems module): the unit's committee reads, its own office writes. */
export function workPointRows({ db, both, url }: RbacKit): Row[] {
  // A fresh 实事项目 of the district for every request, so a delete or a record never meets another's leftovers.
  const point = async (d: District) => {
    const now = new Date().toISOString();
    const row = await db.kysely.insertInto('work_points').values({
      org_unit_id: d.unit.id, year: 2030, parent_id: null, sort: 0, title: unique('加强组织领导'), body: '', due_on: null, practical: 1, source_line: null, is_demo: 0, created_by: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const item = { title: '加强组织领导', text: '', dueOn: null, practical: true, leadIds: [], partnerIds: [] };
  return [
    { route: 'GET /api/workpoints', ...both((d) => url(`/api/workpoints?orgUnitId=${d.unit.id}&year=2030`)), expect: SEAT_READERS },
    { route: 'GET /api/workpoints/export.xlsx', ...both((d) => url(`/api/workpoints/export.xlsx?orgUnitId=${d.unit.id}&year=2030`)), expect: SEAT_READERS },
    { route: 'GET /api/workpoints/key-items', ...both((d) => url(`/api/workpoints/key-items?orgUnitId=${d.unit.id}&year=2030`)), expect: OFFICE },
    { route: 'POST /api/workpoints/preview', ...both((d) => upload(`/api/workpoints/preview?orgUnitId=${d.unit.id}`, 'points.txt', TEXT)), expect: OFFICE },
    {
      route: 'POST /api/workpoints/import',
      ...both((d) => ({ url: '/api/workpoints/import', payload: { orgUnitId: d.unit.id, year: 2031, points: [{ ...item, mentioned: [], line: null, children: [] }] } })),
      expect: OFFICE,
    },
    { route: 'POST /api/workpoints', ...both((d) => ({ url: '/api/workpoints', payload: { ...item, orgUnitId: d.unit.id, year: 2030, parentId: null } })), expect: OFFICE },
    { route: 'PUT /api/workpoints/:id', ...both(async (d) => ({ url: `/api/workpoints/${await point(d)}`, payload: { ...item, version: 0 } })), expect: OFFICE },
    { route: 'POST /api/workpoints/:id/move', ...both(async (d) => ({ url: `/api/workpoints/${await point(d)}/move`, payload: { direction: 'up' } })), expect: OFFICE },
    { route: 'DELETE /api/workpoints/:id', ...both(async (d) => ({ url: `/api/workpoints/${await point(d)}` })), expect: OFFICE },
    { route: 'POST /api/workpoints/:id/records', ...both(async (d) => ({ url: `/api/workpoints/${await point(d)}/records`, payload: { kind: 'filing', onDate: '2030-03-01', ref: '〔2030〕1号' } })), expect: OFFICE },
    { route: 'PUT /api/workpoints/:id/key-items', ...both(async (d) => ({ url: `/api/workpoints/${await point(d)}/key-items`, payload: { keyItemIds: [] } })), expect: OFFICE },
  ];
}
