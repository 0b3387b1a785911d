import type { Row } from '../rbacMatrix';
import { unique, upload, type District } from '../rbacWorld';
import { OFFICE, SEAT_READERS, UNIT_READERS, type RbacKit } from './kit';
import { workPointRows } from './workPoints';

/** An item's own department reports on it and answers its 督办: the seat roles of 西岗卫健委. */
const SEAT_ACTORS = 'A F F F F S S F F';
const TABLE = '序号\t事项名称\t事项简介\t年度任务目标\t上半年\t下半年\t牵头单位\n1\t两癌检查\t\t完成22万人\t完成10万人\t完成12万人\t卫健委\n';

/** The workitems module's routes: key items, progress, 通报 and 督办, and the work points. */
export function workitemRows(kit: RbacKit): Row[] {
  const { db, xg, zs, both, url, showsZhongshan } = kit;
  // One key item per district, led by its 卫健委, with one milestone; fresh 督办 for each step.
  const itemOf = new Map<number, Promise<{ id: number; milestoneId: number }>>();
  const item = (d: District) => {
    if (!itemOf.has(d.unit.id)) {
      itemOf.set(d.unit.id, (async () => {
        const row = await db.kysely.insertInto('key_items').values({ org_unit_id: d.unit.id, year: 2030, no: 1, name: '两癌检查', summary: '', source_name: 'rbac.txt', created_by: null }).returning('id').executeTakeFirstOrThrow();
        await db.kysely.insertInto('key_item_units').values({ item_id: row.id, role: 'lead', name: '卫健委', department_id: d.health.id, sort: 0 }).execute();
        const m = await db.kysely.insertInto('key_item_milestones').values({ item_id: row.id, period: 'H1', text: '完成10万人', value: 10, unit: '万人', comparator: '>=', due_on: '2030-06-30' }).returning('id').executeTakeFirstOrThrow();
        return { id: row.id, milestoneId: m.id };
      })());
    }
    return itemOf.get(d.unit.id)!;
  };
  const freshSupervision = async (d: District) => {
    const now = new Date().toISOString();
    const row = await db.kysely.insertInto('supervisions').values({
      org_unit_id: d.unit.id, department_id: d.health.id, item_id: (await item(d)).id, indicator_id: null, subject: unique('督办'), request: '请加快进度', due_on: '2099-12-31', state: 'open', is_demo: 0, created_by: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const supervisionOf = new Map<number, Promise<number>>();
  const supervision = (d: District) => {
    if (!supervisionOf.has(d.unit.id)) supervisionOf.set(d.unit.id, freshSupervision(d));
    return supervisionOf.get(d.unit.id)!;
  };
  return [
    { route: 'GET /api/workitems/key-items', ...both((d) => url(`/api/workitems/key-items?orgUnitId=${d.unit.id}`)), expect: SEAT_READERS },
    { route: 'GET /api/workitems/key-items/:id', ...both(async (d) => url(`/api/workitems/key-items/${(await item(d)).id}`)), expect: SEAT_READERS },
    // A preview: nothing is saved.
    { route: 'POST /api/workitems/import', ...both((d) => upload(`/api/workitems/import?orgUnitId=${d.unit.id}&year=2031&dryRun=true`, 'items.txt', TABLE)), expect: OFFICE },
    {
      route: 'POST /api/workitems/milestones/:id/reports',
      ...both(async (d) => ({ url: `/api/workitems/milestones/${(await item(d)).milestoneId}/reports`, payload: { departmentId: d.health.id, value: 5, text: '已完成5万人', completed: false, attachmentIds: [] } })),
      expect: SEAT_ACTORS,
    },
    { route: 'GET /api/workitems/bulletin.:format', ...both(async (d) => (await item(d), url(`/api/workitems/bulletin.xlsx?orgUnitId=${d.unit.id}&year=2030&period=H1`))), expect: UNIT_READERS },
    {
      route: 'GET /api/supervisions',
      own: async () => (await Promise.all([supervision(xg), supervision(zs)]), url('/api/supervisions')), showsForeign: showsZhongshan<{ orgUnit: { id: number } }>((ss) => ss.some((s) => s.orgUnit.id === zs.unit.id)),
      expect: SEAT_READERS,
    },
    {
      route: 'POST /api/supervisions',
      ...both(async (d) => ({ url: '/api/supervisions', payload: { orgUnitId: d.unit.id, departmentId: d.health.id, itemId: (await item(d)).id, indicatorId: null, subject: '两癌检查进度滞后', request: '请说明原因', dueOn: '2099-12-31' } })),
      expect: OFFICE,
    },
    { route: 'GET /api/supervisions/indicator', ...both((d) => url(`/api/supervisions/indicator?indicatorId=${kit.w.mmr.id}&orgUnitId=${d.unit.id}`)), expect: OFFICE },
    { route: 'GET /api/supervisions/:id', ...both(async (d) => url(`/api/supervisions/${await supervision(d)}`)), expect: SEAT_READERS },
    { route: 'POST /api/supervisions/:id/actions', name: 'reply', ...both(async (d) => ({ url: `/api/supervisions/${await freshSupervision(d)}/actions`, payload: { action: 'reply', text: '已加快进度' } })), expect: SEAT_ACTORS },
    { route: 'POST /api/supervisions/:id/actions', name: 'close', ...both(async (d) => ({ url: `/api/supervisions/${await freshSupervision(d)}/actions`, payload: { action: 'close', text: '已办结' } })), expect: OFFICE },
    ...workPointRows(kit),
  ];
}
