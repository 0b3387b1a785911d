import type { Row } from '../rbacMatrix';
import { upload, type District } from '../rbacWorld';
import { OFFICE, SEAT_READERS, SIGNED_IN, type RbacKit } from './kit';

/** A department files its own 实施方案: the seat roles of 西岗卫健委. */
const SEAT_ACTORS = 'A F F F F S S F F';

/** Responsibilities (牵头/配合), 我的责任目标 and 实施方案 routes (src/server/modules/plans/responsibilities). */
export function responsibilityRows({ db, both, url }: RbacKit): Row[] {
  /** A filing of the district's 卫健委 waiting for the office, fresh for each decision. */
  const freshFiling = async (d: District) => {
    // One filing waits or is accepted at a time (a unique index): the one before is returned first.
    await db.kysely.updateTable('implementation_plans').set({ state: 'returned' }).where('plan_id', '=', d.planId).where('department_id', '=', d.health.id).execute();
    const row = await db.kysely.insertInto('implementation_plans').values({
      plan_id: d.planId, department_id: d.health.id, state: 'submitted', text: '实施方案', filed_by: null, filed_at: new Date().toISOString(), is_demo: 0,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  return [
    { route: 'GET /api/plans/:id/responsibilities', ...both((d) => url(`/api/plans/${d.planId}/responsibilities`)), expect: SIGNED_IN },
    {
      route: 'PUT /api/plan-items/:kind/:id/responsibilities',
      ...both((d) => ({ url: `/api/plan-items/goal/${d.goalId}/responsibilities`, payload: { leads: [d.health.id], partners: [] } })),
      expect: OFFICE,
    },
    { route: 'GET /api/plans/:id/responsibilities/template.xlsx', ...both((d) => url(`/api/plans/${d.planId}/responsibilities/template.xlsx`)), expect: SIGNED_IN },
    // Not an .xlsx: refused with a 400 once the rights are checked, nothing written.
    { route: 'POST /api/plans/:id/responsibilities/import', ...both((d) => upload(`/api/plans/${d.planId}/responsibilities/import`, 'table.txt', '领域')), expect: OFFICE },
    { route: 'GET /api/my-responsibilities', ...both((d) => url(`/api/my-responsibilities?departmentId=${d.health.id}`)), expect: SEAT_READERS },
    { route: 'PUT /api/plans/:id/implementation-due', ...both((d) => ({ url: `/api/plans/${d.planId}/implementation-due`, payload: { dueOn: '2030-06-30' } })), expect: OFFICE },
    { route: 'GET /api/plans/:id/implementation-plans', ...both((d) => url(`/api/plans/${d.planId}/implementation-plans`)), expect: OFFICE },
    {
      route: 'POST /api/plans/:id/implementation-plans',
      ...both((d) => ({ url: `/api/plans/${d.planId}/implementation-plans`, payload: { departmentId: d.health.id, text: '一、工作目标', attachmentIds: [] } })),
      expect: SEAT_ACTORS,
    },
    { route: 'POST /api/implementation-plans/:id/accept', ...both(async (d) => url(`/api/implementation-plans/${await freshFiling(d)}/accept`)), expect: OFFICE },
    {
      route: 'POST /api/implementation-plans/:id/return',
      ...both(async (d) => ({ url: `/api/implementation-plans/${await freshFiling(d)}/return`, payload: { reason: '请补充年度安排' } })),
      expect: OFFICE,
    },
  ];
}
