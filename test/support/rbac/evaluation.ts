import type { Row } from '../rbacMatrix';
import { unique, type District } from '../rbacWorld';
import { SEAT_READERS, UNIT_READERS, type RbacKit } from './kit';

/** Rounds are organised by the office and the 评估组 of the plan's unit or above. */
const ORGANISERS = 'A S F F S F F F F';
/** A department's own form: its reporters and reviewers fill it in. */
const SELF_ASSESSORS = 'A F F F F S S F F';
/** The 评估组 reviews. */
const REVIEWERS = 'A F F F S F F F F';
const CRITERIA = [{ key: 'indicators', label: '指标达标', weight: 60 }, { key: 'measures', label: '措施落实', weight: 30 }, { key: 'mechanisms', label: '机制保障', weight: 10 }];

/** One mid-term round per district, its 卫健委 taking part with a form on the plan's goal; made once per district and kit. */
export function evaluationRoundOf({ db }: Pick<RbacKit, 'db'>): (d: District) => Promise<{ id: number; formId: number }> {
  const roundOf = new Map<number, Promise<{ id: number; formId: number }>>();
  return (d: District) => {
    if (!roundOf.has(d.unit.id)) {
      roundOf.set(d.unit.id, (async () => {
        const now = new Date().toISOString();
        // A one-goal plan of its own: the report's rows build a small document.
        const plan = await db.kysely.insertInto('plans').values({
          org_unit_id: d.unit.id, kind: 'women', title: unique('评估规划'), period_start: 2021, period_end: 2030, status: 'adopted',
          source_name: 'plan.txt', source_text: '', source_hash: unique('hash'), is_demo: 0, created_at: now, updated_at: now,
        }).returning('id').executeTakeFirstOrThrow();
        const area = await db.kysely.insertInto('plan_areas').values({ plan_id: plan.id, no: 1, title: '妇女与健康', line: 1 }).returning('id').executeTakeFirstOrThrow();
        const goal = await db.kysely.insertInto('plan_goals').values({ area_id: area.id, no: 1, text: '目标。', line_start: 1, line_end: 1, qualitative: 0 }).returning('id').executeTakeFirstOrThrow();
        const r = await db.kysely.insertInto('evaluation_rounds').values({
          plan_id: plan.id, org_unit_id: d.unit.id, milestone: 2025, kind: 'midterm', title: `${d.unit.name}中期评估`, criteria: JSON.stringify(CRITERIA),
          self_due_on: '2099-09-30', review_due_on: '2099-11-30', created_by: null, created_at: now, is_demo: 0,
        }).returning('id').executeTakeFirstOrThrow();
        const p = await db.kysely.insertInto('evaluation_participants').values({ round_id: r.id, org_unit_id: d.unit.id, department_id: d.health.id }).returning('id').executeTakeFirstOrThrow();
        const f = await db.kysely.insertInto('evaluation_forms').values({ round_id: r.id, participant_id: p.id, goal_id: goal.id, updated_at: now, is_demo: 0 }).returning('id').executeTakeFirstOrThrow();
        return { id: r.id, formId: f.id };
      })());
    }
    return roundOf.get(d.unit.id)!;
  };
}

/** The evaluation module's routes: rounds, self-evaluation forms, review, results. */
export function evaluationRows(kit: RbacKit): Row[] {
  const { xg, zs, both, url, showsZhongshan } = kit;
  const round = evaluationRoundOf(kit);
  const draft = { attainment: null, attainmentReason: '', evidence: '佐证说明', problems: '', rectification: '', scores: {}, attachmentIds: [], submit: false };
  return [
    { route: 'GET /api/evaluation/candidates', ...both((d) => url(`/api/evaluation/candidates?planId=${d.planId}`)), expect: ORGANISERS },
    {
      route: 'GET /api/evaluation/rounds',
      own: async () => (await Promise.all([round(xg), round(zs)]), url('/api/evaluation/rounds')),
      showsForeign: showsZhongshan<{ orgUnit: { id: number } }>((rs) => rs.some((r) => r.orgUnit.id === zs.unit.id)),
      expect: SEAT_READERS,
    },
    // Empty participants: refused as invalid after the rights check, so nothing is made.
    {
      route: 'POST /api/evaluation/rounds',
      ...both((d) => ({ url: '/api/evaluation/rounds', payload: { planId: d.planId, milestone: 2025, criteria: CRITERIA, selfDueOn: '2099-09-30', reviewDueOn: '2099-11-30', departmentIds: [], committeeUnitIds: [] } })),
      expect: ORGANISERS,
    },
    { route: 'GET /api/evaluation/rounds/:id', ...both(async (d) => url(`/api/evaluation/rounds/${(await round(d)).id}`)), expect: SEAT_READERS },
    { route: 'GET /api/evaluation/rounds/:id/results', ...both(async (d) => url(`/api/evaluation/rounds/${(await round(d)).id}/results`)), expect: UNIT_READERS },
    { route: 'GET /api/evaluation/rounds/:id/report.docx', ...both(async (d) => url(`/api/evaluation/rounds/${(await round(d)).id}/report.docx`)), expect: UNIT_READERS },
    { route: 'GET /api/evaluation/forms/:id', ...both(async (d) => url(`/api/evaluation/forms/${(await round(d)).formId}`)), expect: SEAT_READERS },
    { route: 'PUT /api/evaluation/forms/:id', ...both(async (d) => ({ url: `/api/evaluation/forms/${(await round(d)).formId}`, payload: draft })), expect: SELF_ASSESSORS },
    // The draft is not submitted: a reviewer passes the rights check and is refused by the workflow (409).
    { route: 'POST /api/evaluation/forms/:id/review', ...both(async (d) => ({ url: `/api/evaluation/forms/${(await round(d)).formId}/review`, payload: { action: 'return', reason: '请补充材料' } })), expect: REVIEWERS },
  ];
}
