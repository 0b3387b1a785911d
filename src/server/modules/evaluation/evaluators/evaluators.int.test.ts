import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResultsDto, RoundDetailDto, RoundSummaryDto } from '../../../../shared/api/evaluation';
import type { EvaluatorAuditDto, EvaluatorCreatedDto, EvaluatorDto, ThirdPartySheetDto } from '../../../../shared/api/evaluationEvaluators';
import { beijingToday } from '../../../../shared/evaluation/siteChecks';
import { authHeaders, buildTestApp, login, type Session, type TestApp } from '../../../../../test/support/appHarness';
import { buildEvaluationRound, type EvaluationRound } from '../../../../../test/support/evaluationRound';
import { testDialect } from '../../../../../test/support/testDb';

const day = (offset: number) => beijingToday(new Date(Date.now() + offset * 86_400_000));

describe(`third-party evaluators of an evaluation round (${testDialect()})`, () => {
  let t: TestApp;
  let r: EvaluationRound;

  beforeEach(async () => {
    t = await buildTestApp();
    r = await buildEvaluationRound(t);
  });
  afterEach(async () => t.close());

  const send = (who: Session, method: 'POST' | 'PUT', url: string, payload: object = {}) => t.app.inject({ method, url, payload, headers: authHeaders(who) });
  const get = (who: Session, url: string) => t.app.inject({ url, headers: authHeaders(who) });
  const input = { username: 'tongjixuehui', displayName: '陈静', organisation: '大连市统计学会', expiresOn: day(30) };
  const addEvaluator = async () => {
    const res = await send(r.s.office, 'POST', `/api/evaluation/rounds/${r.roundId}/evaluators`, input);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<EvaluatorCreatedDto>();
  };
  const loginRes = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: input.username, password } });

  it('is added by the office for one round; reads that round only, scores apart from the 评估组, and every action is audited', async () => {
    expect((await send(r.s.health, 'POST', `/api/evaluation/rounds/${r.roundId}/evaluators`, input)).statusCode).toBe(403);
    expect((await send(r.s.evaluation, 'POST', `/api/evaluation/rounds/${r.roundId}/evaluators`, input)).statusCode).toBe(403);
    const { evaluator, password } = await addEvaluator();
    expect([evaluator.state, evaluator.organisation, password.length]).toEqual(['active', '大连市统计学会', 16]);
    const taken = await send(r.s.office, 'POST', `/api/evaluation/rounds/${r.roundId}/evaluators`, input);
    expect(taken.json<{ details: { path: string; message: string }[] }>().details[0]).toEqual({ path: 'username', message: '用户名“tongjixuehui”已被使用' });
    const late = await send(r.s.office, 'POST', `/api/evaluation/rounds/${r.roundId}/evaluators`, { ...input, username: 'x2', expiresOn: day(400) });
    expect(late.json<{ details: { path: string }[] }>().details[0]!.path).toBe('expiresOn');

    const me = await login(t.app, input.username, password);
    const rounds = (await get(me, '/api/evaluation/rounds')).json<RoundSummaryDto[]>();
    expect(rounds.map((x) => x.id)).toEqual([r.roundId]);
    const round = (await get(me, `/api/evaluation/rounds/${r.roundId}`)).json<RoundDetailDto>();
    expect([round.isEvaluator, round.oversees, round.canManage, round.canReview, round.canManageEvaluators, round.participants.length]).toEqual([true, true, false, false, false, 3]);
    expect((await get(me, `/api/evaluation/forms/${r.forms.health}`)).statusCode).toBe(200);
    expect((await get(me, `/api/evaluation/rounds/${r.roundId}/site-checks`)).statusCode).toBe(200);
    // Another round of the same unit, and everything that is not reading or its own scoring, is refused.
    expect((await get(me, `/api/evaluation/rounds/${r.other.id}`)).statusCode).toBe(403);
    expect((await get(me, `/api/evaluation/forms/${r.forms.children}`)).statusCode).toBe(403);
    expect((await get(me, `/api/evaluation/rounds/${r.other.id}/results`)).statusCode).toBe(403);
    expect((await get(me, `/api/evaluation/rounds/${r.other.id}/third-party`)).statusCode).toBe(403);
    const draft = { attainment: null, attainmentReason: '', evidence: '', problems: '', rectification: '', scores: {}, attachmentIds: [], submit: false };
    expect((await send(me, 'PUT', `/api/evaluation/forms/${r.forms.health}`, draft)).statusCode).toBe(403);
    expect((await send(me, 'POST', `/api/evaluation/forms/${r.forms.health}/review`, { action: 'return', reason: '补充' })).statusCode).toBe(403);
    expect((await send(me, 'POST', `/api/evaluation/rounds/${r.roundId}/site-checks`, { participantId: r.p.health, visitedOn: '2025-10-10', inspectors: ['王明'], findings: '发现', rectifications: [] })).statusCode).toBe(403);
    expect((await send(me, 'POST', `/api/evaluation/rounds/${r.roundId}/evaluators`, { ...input, username: 'x3' })).statusCode).toBe(403);
    expect((await get(me, '/api/analytics/overview')).statusCode).not.toBe(200);

    // Its own scores, checked against the criteria; the 评估组 cannot use the sheet.
    const over = await send(me, 'PUT', `/api/evaluation/rounds/${r.roundId}/third-party/${r.goals[0]}`, { scores: { indicators: 70, measures: 20, mechanisms: 5 }, comment: '' });
    expect([over.statusCode, over.json<{ details: { path: string }[] }>().details[0]!.path]).toEqual([400, 'scores']);
    const scored = await send(me, 'PUT', `/api/evaluation/rounds/${r.roundId}/third-party/${r.goals[0]}`, { scores: { indicators: 50, measures: 25, mechanisms: 8 }, comment: '数据真实，措施有力。' });
    expect(scored.statusCode, scored.body).toBe(200);
    expect(scored.json<ThirdPartySheetDto>().goals.map((g) => g.total)).toEqual([83, null]);
    expect((await send(me, 'PUT', `/api/evaluation/rounds/${r.roundId}/third-party/${r.other.goals[0]}`, { scores: { indicators: 50, measures: 25, mechanisms: 8 }, comment: '' })).statusCode).toBe(404);
    expect((await get(r.s.evaluation, `/api/evaluation/rounds/${r.roundId}/third-party`)).statusCode).toBe(403);

    const results = (await get(r.s.office, `/api/evaluation/rounds/${r.roundId}/results`)).json<ResultsDto>();
    expect(results.goals.map((g) => [g.thirdPartyScore, g.reviewScore])).toEqual([[83, null], [null, null]]);
    expect(results.thirdParty).toEqual([{ name: '陈静', organisation: '大连市统计学会', scored: 1, mean: 83 }]);
    expect((await get(me, `/api/evaluation/rounds/${r.roundId}/results`)).statusCode).toBe(200);

    const audit = (await get(r.s.office, `/api/evaluation/evaluators/${evaluator.id}/audit`)).json<EvaluatorAuditDto>();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['登录', '查看评估', '查看自评表', '查看督导检查', '评分', '查看评估结果']));
    expect(audit.find((a) => a.action === '评分')!.detail).toContain('妇女与健康目标 1');
    const rows = await t.db.kysely.selectFrom('change_log').select(['field', 'changed_by']).where('entity', '=', 'evaluator').execute();
    expect(rows.every((x) => x.changed_by === rows[0]!.changed_by) && rows.length === audit.length).toBe(true);
    // Nobody else's reads are audited.
    const before = rows.length;
    await get(r.s.office, `/api/evaluation/rounds/${r.roundId}`);
    expect((await t.db.kysely.selectFrom('change_log').select('id').where('entity', '=', 'evaluator').execute()).length).toBe(before);
  });

  it('is refused after its expiry date, at sign-in too, until the office extends it; revoked, it is refused at once', async () => {
    const { evaluator, password } = await addEvaluator();
    const me = await login(t.app, input.username, password);
    await t.db.kysely.updateTable('evaluation_evaluators').set({ expires_on: day(-1) }).where('id', '=', evaluator.id).execute();
    const expired = await get(me, `/api/evaluation/rounds/${r.roundId}`);
    expect([expired.statusCode, expired.json<{ code: string; message: string }>()]).toEqual([401, expect.objectContaining({ code: 'AUTH_ACCOUNT_EXPIRED', message: `第三方评估账号已于 ${day(-1)} 到期，如需继续评估请联系妇儿工委办公室延期` })]);
    const signIn = await loginRes(password);
    expect([signIn.statusCode, signIn.json<{ code: string }>().code]).toEqual([401, 'AUTH_ACCOUNT_EXPIRED']);
    expect((await get(r.s.office, `/api/evaluation/rounds/${r.roundId}/evaluators`)).json<EvaluatorDto[]>()[0]!.state).toBe('expired');

    const extended = await send(r.s.office, 'PUT', `/api/evaluation/evaluators/${evaluator.id}`, { expiresOn: day(60) });
    expect([extended.statusCode, extended.json<EvaluatorDto>().state]).toEqual([200, 'active']);
    expect((await loginRes(password)).statusCode).toBe(200);
    expect((await get(me, `/api/evaluation/rounds/${r.roundId}`)).statusCode).toBe(200);

    const revoked = await send(r.s.office, 'POST', `/api/evaluation/evaluators/${evaluator.id}/revoke`);
    expect(revoked.json<EvaluatorDto>().state).toBe('revoked');
    expect((await get(me, `/api/evaluation/rounds/${r.roundId}`)).statusCode).toBe(401);
    expect((await loginRes(password)).json<{ message: string }>().message).toBe('第三方评估账号已被撤销，如有疑问请联系妇儿工委办公室');
    expect((await send(r.s.office, 'PUT', `/api/evaluation/evaluators/${evaluator.id}`, { expiresOn: day(60) })).statusCode).toBe(409);
    // The user administration cannot hand out the role.
    const viaUsers = await send(r.s.office, 'POST', '/api/users', { username: 'sneaky', displayName: '某人', orgUnitId: r.city.id, departmentId: null, password: null, roles: [{ role: 'evaluator', orgUnitId: r.city.id, departmentId: null }] });
    expect(viaUsers.statusCode).toBe(400);
  });
});
