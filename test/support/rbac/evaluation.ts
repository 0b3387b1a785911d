import type { Row } from '../rbacMatrix';
import { buildUser } from '../appHarness';
import { unique, type District } from '../rbacWorld';
import { SEAT_READERS, UNIT_READERS, type RbacKit } from './kit';

/** Rounds are organised by the office and the 评估组 of the plan's unit or above. */
const ORGANISERS = 'A S F F S F F F F';
/** A department's own form: its reporters and reviewers fill it in. */
const SELF_ASSESSORS = 'A F F F F S S F F';
/** Third-party evaluator accounts: the office of the round's unit or above. */
const EVALUATOR_MANAGERS = 'A S F F F F F F F';
const NOBODY = 'F F F F F F F F F';
/** The 评估组 reviews. */
const REVIEWERS = 'A F F F S F F F F';
const CRITERIA = [{ key: 'indicators', label: '指标达标', weight: 60 }, { key: 'measures', label: '措施落实', weight: 30 }, { key: 'mechanisms', label: '机制保障', weight: 10 }];

type EvaluationFixture = { id: number; formId: number; checkId: number; rectificationId: number; evaluatorId: number; goalId: number };

/**
 * One mid-term round per district, its 卫健委 taking part with a form on the plan's goal, a site
 * check and a third-party evaluator; made once per district and kit.
 */
export function evaluationRoundOf({ db }: Pick<RbacKit, 'db'>): (d: District) => Promise<EvaluationFixture> {
  const roundOf = new Map<number, Promise<EvaluationFixture>>();
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
        // A site check whose one rectification request is answered: deleting it is refused by the workflow (409), after the rights check.
        const c = await db.kysely.insertInto('evaluation_site_checks').values({ round_id: r.id, participant_id: p.id, visited_on: '2025-10-10', inspectors: '["王明"]', findings: '检查发现', is_demo: 0, created_by: null, updated_by: null }).returning('id').executeTakeFirstOrThrow();
        const rect = await db.kysely.insertInto('evaluation_rectifications').values({ check_id: c.id, seq: 1, requirement: '整改要求', due_on: '2025-12-31', answer: '已整改', done_on: '2025-11-01' }).returning('id').executeTakeFirstOrThrow();
        // A third-party evaluator of the round.
        const account = await buildUser(db, { role: 'evaluator', orgUnitId: d.unit.id });
        const e = await db.kysely.insertInto('evaluation_evaluators').values({ round_id: r.id, user_id: account.id, organisation: '统计学会', expires_on: '2099-12-31', is_demo: 0, created_by: null }).returning('id').executeTakeFirstOrThrow();
        return { id: r.id, formId: f.id, checkId: c.id, rectificationId: rect.id, evaluatorId: e.id, goalId: goal.id };
      })());
    }
    return roundOf.get(d.unit.id)!;
  };
}

/** The evaluation module's routes: rounds, self-evaluation forms, review, results, site checks, evaluators. */
export function evaluationRows(kit: RbacKit): Row[] {
  const { xg, zs, both, url, showsZhongshan } = kit;
  const round = evaluationRoundOf(kit);
  const check = { participantId: 1, visitedOn: '2025-10-10', inspectors: ['王明'], findings: '', rectifications: [] };
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
    // Site checks: a unit sees its own; the office and the 评估组 record them (an invalid check: refused after the rights check).
    { route: 'GET /api/evaluation/rounds/:id/site-checks', ...both(async (d) => url(`/api/evaluation/rounds/${(await round(d)).id}/site-checks`)), expect: SEAT_READERS },
    { route: 'POST /api/evaluation/rounds/:id/site-checks', ...both(async (d) => ({ url: `/api/evaluation/rounds/${(await round(d)).id}/site-checks`, payload: check })), expect: ORGANISERS },
    { route: 'PUT /api/evaluation/site-checks/:id', ...both(async (d) => ({ url: `/api/evaluation/site-checks/${(await round(d)).checkId}`, payload: check })), expect: ORGANISERS },
    { route: 'DELETE /api/evaluation/site-checks/:id', ...both(async (d) => url(`/api/evaluation/site-checks/${(await round(d)).checkId}`)), expect: ORGANISERS },
    // An empty answer: refused as invalid after the rights check.
    // Third-party evaluators: the office manages them (a past expiry date: refused as invalid after the rights check).
    { route: 'GET /api/evaluation/rounds/:id/evaluators', ...both(async (d) => url(`/api/evaluation/rounds/${(await round(d)).id}/evaluators`)), expect: EVALUATOR_MANAGERS },
    { route: 'POST /api/evaluation/rounds/:id/evaluators', ...both(async (d) => ({ url: `/api/evaluation/rounds/${(await round(d)).id}/evaluators`, payload: { username: 'rbac_eval', displayName: '专家', organisation: '学会', expiresOn: '2000-01-01' } })), expect: EVALUATOR_MANAGERS },
    { route: 'PUT /api/evaluation/evaluators/:id', ...both(async (d) => ({ url: `/api/evaluation/evaluators/${(await round(d)).evaluatorId}`, payload: { expiresOn: '2000-01-01' } })), expect: EVALUATOR_MANAGERS },
    { route: 'POST /api/evaluation/evaluators/:id/revoke', ...both(async (d) => ({ url: `/api/evaluation/evaluators/${(await round(d)).evaluatorId}/revoke`, payload: {} })), expect: EVALUATOR_MANAGERS },
    { route: 'GET /api/evaluation/evaluators/:id/audit', ...both(async (d) => url(`/api/evaluation/evaluators/${(await round(d)).evaluatorId}/audit`)), expect: EVALUATOR_MANAGERS },
    // The scoring sheet is the round's own evaluators' alone (none of these actors; the administrator has no evaluator account either).
    { route: 'GET /api/evaluation/rounds/:id/third-party', ...both(async (d) => url(`/api/evaluation/rounds/${(await round(d)).id}/third-party`)), expect: NOBODY },
    { route: 'PUT /api/evaluation/rounds/:id/third-party/:goalId', ...both(async (d) => ({ url: `/api/evaluation/rounds/${(await round(d)).id}/third-party/${(await round(d)).goalId}`, payload: { scores: {}, comment: '' } })), expect: NOBODY },
    // Closing: the form is still a draft, so an organiser passes the rights check and is refused by the workflow (409); the round stays open.
    { route: 'POST /api/evaluation/rounds/:id/close', ...both(async (d) => ({ url: `/api/evaluation/rounds/${(await round(d)).id}/close`, payload: {} })), expect: ORGANISERS },
    // Weights by area or goal: those who read the results see them; organisers set (weights adding up to 90: refused as invalid after the rights check) and reset them.
    { route: 'GET /api/evaluation/rounds/:id/weights', ...both(async (d) => url(`/api/evaluation/rounds/${(await round(d)).id}/weights`)), expect: UNIT_READERS },
    { route: 'PUT /api/evaluation/rounds/:id/weights', ...both(async (d) => ({ url: `/api/evaluation/rounds/${(await round(d)).id}/weights`, payload: { scope: 'goal', targetId: (await round(d)).goalId, criteria: { indicators: 60, measures: 20, mechanisms: 10 }, share: null } })), expect: ORGANISERS },
    { route: 'DELETE /api/evaluation/rounds/:id/weights', ...both(async (d) => url(`/api/evaluation/rounds/${(await round(d)).id}/weights?scope=goal&targetId=${(await round(d)).goalId}`)), expect: ORGANISERS },
    { route: 'PUT /api/evaluation/rectifications/:id/answer', ...both(async (d) => ({ url: `/api/evaluation/rectifications/${(await round(d)).rectificationId}/answer`, payload: { answer: '', doneOn: '2025-11-01' } })), expect: SELF_ASSESSORS },
  ];
}
