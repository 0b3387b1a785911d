import type { Row } from '../rbacMatrix';
import type { District } from '../rbacWorld';
import { OFFICE, SIGNED_IN, type RbacKit } from './kit';

/** Plan links: version history, link flags, the targets every plan sets for an indicator. */
export function planLinkRows({ db, both, url }: RbacKit): Row[] {
  // A fresh open flag per request: resolving settles it.
  const freshFlag = async (d: District) => {
    const row = await db.kysely.insertInto('plan_link_flags').values({
      plan_id: d.planId, indicator_id: d.indicatorId, target_id: null, kind: 'removed', item: '（一）测试 目标1', target_indicator: '测试指标',
      was_source: 0, detail: JSON.stringify({ message: '测试', proposed: null }), created_at: new Date().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  return [
    ...['/versions', '/link-flags'].map((tail): Row => ({ route: `GET /api/plans/:id${tail}`, ...both((d) => url(`/api/plans/${d.planId}${tail}`)), expect: SIGNED_IN })),
    ...['/link-flags', '/plan-targets'].map((tail): Row => ({ route: `GET /api/indicators/:id${tail}`, ...both((d) => url(`/api/indicators/${d.indicatorId}${tail}`)), expect: SIGNED_IN })),
    {
      route: 'POST /api/plan-link-flags/:id/resolve',
      ...both(async (d) => ({ url: `/api/plan-link-flags/${await freshFlag(d)}/resolve`, payload: { action: 'keep' } })),
      expect: OFFICE,
    },
  ];
}
