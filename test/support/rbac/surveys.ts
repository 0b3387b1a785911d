import type { Row } from '../rbacMatrix';
import { buildDirectIndicator } from '../monitoringFactories';
import { unique, type District } from '../rbacWorld';
import { EVERYONE, OFFICE, UNIT_READERS, type RbacKit } from './kit';

/** The surveys module's routes. */
export function surveyRows({ w, db, xg, zs, both, url, showsZhongshan }: RbacKit): Row[] {
  // One open survey per district, made on first use; a fresh one for each deletion.
  const SURVEY_READERS = UNIT_READERS;
  const SURVEY_FEEDERS = 'A F S A F F F F F';
  const surveyOf = new Map<number, Promise<{ id: number; publicId: string }>>();
  const surveyDefinition = (d: District) => ({ sections: [{ title: '', questions: [
    { code: 'D', type: 'region', title: '所在街道', required: true, regionRootId: d.unit.id },
    { code: 'K', type: 'single', title: '是否知道', required: true, options: [{ code: '1', label: '知道' }, { code: '2', label: '不知道' }] },
  ] }] });
  const freshSurvey = async (d: District) => {
    const now = new Date().toISOString();
    const row = await db.kysely.insertInto('surveys').values({
      org_unit_id: d.unit.id, title: unique('问卷'), description: null, definition: JSON.stringify(surveyDefinition(d)), public_id: unique('pub-rbac-'), status: 'open', created_at: now, updated_at: now, created_by: null, opens_at: null, closes_at: null, variant_of: null, is_demo: 0,
    }).returning(['id', 'public_id']).executeTakeFirstOrThrow();
    return { id: row.id, publicId: row.public_id };
  };
  const survey = (d: District) => {
    if (!surveyOf.has(d.unit.id)) surveyOf.set(d.unit.id, freshSurvey(d));
    return surveyOf.get(d.unit.id)!;
  };
  // A percentage indicator without a reporting task: writing is tried and refused per unit (200), not by role.
  let rateIndicator: Promise<{ id: number }> | undefined;
  const freshFeed = async (d: District) => {
    rateIndicator ??= buildDirectIndicator(db, { name: '知识知晓率', dept: '卫健委' });
    const row = await db.kysely.insertInto('survey_feeds').values({
      survey_id: (await survey(d)).id, question_code: 'K', option_keys: '["1"]', region_question_code: 'D', indicator_id: (await rateIndicator).id, year: 2024, min_sample: 1, created_by: null, created_at: new Date().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const feedOf = new Map<number, Promise<number>>();
  const feed = (d: District) => {
    if (!feedOf.has(d.unit.id)) feedOf.set(d.unit.id, freshFeed(d));
    return feedOf.get(d.unit.id)!;
  };
  const freshBankQuestion = async (d: District) => {
    const question = { type: 'text', title: unique('您的建议'), required: false };
    const row = await db.kysely.insertInto('survey_bank_questions').values({ org_unit_id: d.unit.id, title: question.title, type: 'text', question: JSON.stringify(question), created_by: null, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const surveyInput = (d: District) => ({ orgUnitId: d.unit.id, title: '知识问卷', description: null, audience: 'adult', definition: surveyDefinition(d), opensAt: null, closesAt: null, accessMode: 'open' });
  const onSurvey = (tail: string, payload?: object) => both(async (d) => ({ url: `/api/surveys/${(await survey(d)).id}${tail}`, payload }));
  return [
    {
      route: 'GET /api/surveys',
      own: async () => (await Promise.all([survey(xg), survey(zs)]), url('/api/surveys')), showsForeign: showsZhongshan<{ orgUnit: { id: number } }>((ss) => ss.some((s) => s.orgUnit.id === zs.unit.id)),
      expect: 'A S S A S S S S F',
    },
    { route: 'POST /api/surveys', ...both((d) => ({ url: '/api/surveys', payload: surveyInput(d) })), expect: OFFICE },
    ...[['', ''], ['/rights', '/rights'], ['/stats', '/stats'], ['/qr.:format', '/qr.png'], ['/responses.:format', '/responses.xlsx'], ['/summary.xlsx', '/summary.xlsx'], ['/report.docx', '/report.docx']].map(
      ([route, tail]): Row => ({ route: `GET /api/surveys/:id${route}`, ...onSurvey(tail!), expect: SURVEY_READERS }),
    ),
    { route: 'PUT /api/surveys/:id', ...both(async (d) => ({ url: `/api/surveys/${(await survey(d)).id}`, payload: surveyInput(d) })), expect: OFFICE },
    { route: 'DELETE /api/surveys/:id', ...both(async (d) => url(`/api/surveys/${(await freshSurvey(d)).id}`)), expect: OFFICE },
    { route: 'POST /api/surveys/:id/copy', ...onSurvey('/copy', { audience: 'child', asVariant: true }), expect: OFFICE },
    // Publishing an open survey leaves it open; closing is tried on a fresh one.
    { route: 'POST /api/surveys/:id/publish', ...onSurvey('/publish'), expect: OFFICE },
    { route: 'POST /api/surveys/:id/close', ...both(async (d) => url(`/api/surveys/${(await freshSurvey(d)).id}/close`)), expect: OFFICE },
    { route: 'GET /api/surveys/:id/codes', ...onSurvey('/codes'), expect: OFFICE },
    { route: 'POST /api/surveys/:id/codes', ...onSurvey('/codes', { count: 1, label: null }), expect: OFFICE },
    { route: 'GET /api/surveys/:id/feeds', ...onSurvey('/feeds'), expect: SURVEY_FEEDERS },
    // The ratio indicator per 100,000 is refused as a target (400) after the role check.
    { route: 'POST /api/surveys/:id/feeds', ...onSurvey('/feeds', { questionCode: 'K', optionKeys: ['1'], regionQuestionCode: 'D', indicatorId: w.mmr.id, year: 2024, minSample: 1 }), expect: SURVEY_FEEDERS },
    { route: 'DELETE /api/surveys/:id/feeds/:feedId', ...both(async (d) => url(`/api/surveys/${(await survey(d)).id}/feeds/${await freshFeed(d)}`)), expect: SURVEY_FEEDERS },
    { route: 'POST /api/surveys/:id/feeds/:feedId/write', ...both(async (d) => url(`/api/surveys/${(await survey(d)).id}/feeds/${await feed(d)}/write`)), expect: SURVEY_FEEDERS },
    // The question bank is the unit's, used by whoever builds its surveys.
    { route: 'GET /api/survey-bank', ...both((d) => url(`/api/survey-bank?orgUnitId=${d.unit.id}`)), expect: OFFICE },
    { route: 'POST /api/survey-bank', ...both((d) => ({ url: '/api/survey-bank', payload: { orgUnitId: d.unit.id, question: { code: 'K', type: 'single', title: unique('是否知道'), required: true, options: [{ code: '1', label: '知道' }, { code: '2', label: '不知道' }] } } })), expect: OFFICE },
    { route: 'DELETE /api/survey-bank/:id', ...both(async (d) => url(`/api/survey-bank/${await freshBankQuestion(d)}`)), expect: OFFICE },
    { route: 'GET /api/public/surveys/:publicId', own: async () => url(`/api/public/surveys/${(await survey(xg)).publicId}`), expect: EVERYONE },
    // An empty answer: refused as 400 for everyone, signed in or not, and nothing is stored.
    { route: 'POST /api/public/surveys/:publicId/responses', own: async () => ({ url: `/api/public/surveys/${(await survey(xg)).publicId}/responses`, payload: {} }), expect: EVERYONE },
    { route: 'GET /api/public/surveys', own: url(`/api/public/surveys?orgUnitId=${xg.unit.id}`), expect: EVERYONE },
  ];
}
