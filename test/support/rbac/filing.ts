import type { Row } from '../rbacMatrix';
import { unique, type District } from '../rbacWorld';
import { OFFICE, SIGNED_IN, type RbacKit } from './kit';

/** Plan lifecycle and 备案 routes (src/server/modules/plans/lifecycle, plans/filing). */
export function filingRows({ db, both, url }: RbacKit): Row[] {
  const now = new Date().toISOString();
  /** A plan of its own for each request that changes a plan's state. */
  const freshPlan = async (unitId: number, o: { status?: string; releasedOn?: string | null; archived?: boolean } = {}) => {
    const row = await db.kysely.insertInto('plans').values({
      org_unit_id: unitId, kind: 'women', title: unique('规划'), period_start: 2021, period_end: 2030, status: o.status ?? 'adopted',
      source_name: 'plan.txt', source_text: '', source_hash: unique('hash'), is_demo: 0, created_at: now, updated_at: now,
      released_on: o.releasedOn ?? null, archived_at: o.archived ? now : null,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  /** A street's plan filed with the district: the district's office decides on it. */
  const freshFiling = async (d: District) => {
    const planId = await freshPlan(await d.freshStreet(), { releasedOn: '2026-01-10' });
    const row = await db.kysely.insertInto('plan_filings').values({
      plan_id: planId, to_org_unit_id: d.unit.id, state: 'submitted', due_on: '2026-02-10', note: null,
      comparison: JSON.stringify({ parentPlan: null, rows: [], counts: { weaker: 0, meets: 0, different: 0, incomparable: 0, unlinked: 0, extra: 0 } }), filed_by: null, filed_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const onFreshPlan = (tail: string, o: Parameters<typeof freshPlan>[1], payload?: object) =>
    both(async (d) => ({ url: `/api/plans/${await freshPlan(d.unit.id, o)}${tail}`, payload }));
  return [
    { route: 'GET /api/plans/:id/lifecycle', ...both((d) => url(`/api/plans/${d.planId}/lifecycle`)), expect: SIGNED_IN },
    { route: 'POST /api/plans/:id/release', ...onFreshPlan('/release', { status: 'draft' }, { releasedOn: '2026-03-01' }), expect: OFFICE },
    { route: 'POST /api/plans/:id/repeal', ...onFreshPlan('/repeal', {}), expect: OFFICE },
    { route: 'POST /api/plans/:id/archive', ...onFreshPlan('/archive', { status: 'repealed' }), expect: OFFICE },
    { route: 'POST /api/plans/:id/unarchive', ...onFreshPlan('/unarchive', { status: 'repealed', archived: true }), expect: OFFICE },
    { route: 'DELETE /api/plans/:id', ...onFreshPlan('', { status: 'draft' }), expect: OFFICE },
    { route: 'POST /api/plans/:id/filings', ...onFreshPlan('/filings', { releasedOn: '2026-03-01' }, { note: null }), expect: OFFICE },
    { route: 'GET /api/plans/:id/filings', ...both((d) => url(`/api/plans/${d.planId}/filings`)), expect: OFFICE },
    { route: 'GET /api/filings', ...both((d) => url(`/api/filings?unitId=${d.unit.id}`)), expect: OFFICE },
    { route: 'GET /api/filings/:id', ...both(async (d) => url(`/api/filings/${await freshFiling(d)}`)), expect: OFFICE },
    { route: 'POST /api/filings/:id/accept', ...both(async (d) => url(`/api/filings/${await freshFiling(d)}/accept`)), expect: OFFICE },
    { route: 'POST /api/filings/:id/return', ...both(async (d) => ({ url: `/api/filings/${await freshFiling(d)}/return`, payload: { reason: '请补充目标分解' } })), expect: OFFICE },
  ];
}
