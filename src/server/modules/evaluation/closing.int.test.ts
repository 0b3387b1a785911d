import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormDto, RoundDetailDto, RoundSummaryDto } from '../../../shared/api/evaluation';
import type { SiteCheckDto, SiteChecksDto } from '../../../shared/api/evaluationChecks';
import type { EvaluatorCreatedDto, ThirdPartySheetDto } from '../../../shared/api/evaluationEvaluators';
import { beijingToday } from '../../../shared/evaluation/siteChecks';
import { authHeaders, buildTestApp, login, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildEvaluationRound, type EvaluationRound } from '../../../../test/support/evaluationRound';
import { testDialect } from '../../../../test/support/testDb';

const FULL = { indicators: 55, measures: 27, mechanisms: 9 };
const inAMonth = beijingToday(new Date(Date.now() + 30 * 86_400_000));

describe(`closing an evaluation round (${testDialect()})`, () => {
  let t: TestApp;
  let r: EvaluationRound;

  beforeEach(async () => {
    t = await buildTestApp();
    r = await buildEvaluationRound(t);
  });
  afterEach(async () => t.close());

  const send = (who: Session, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: authHeaders(who) });
  const get = async <T>(who: Session, url: string) => (await t.app.inject({ url, headers: authHeaders(who) })).json<T>();
  const close = (who: Session) => send(who, 'POST', `/api/evaluation/rounds/${r.roundId}/close`, {});
  const refusal = async (res: ReturnType<typeof close>) => {
    const done = await res;
    return [done.statusCode, done.json<{ code: string }>().code];
  };
  const saveForm = (submit: boolean) => send(r.s.health, 'PUT', `/api/evaluation/forms/${r.forms.health}`, {
    attainment: 'unassessable', attainmentReason: '', evidence: '住院分娩率统计表', problems: '', rectification: '', scores: FULL, attachmentIds: [], submit,
  });

  it('is refused while forms are open, naming them; once all are reviewed the office closes it, audited, and everything turns read-only', async () => {
    // Before closing: a site check with a request, and a third-party evaluator.
    const checkInput = { participantId: r.p.health, visitedOn: '2025-10-10', inspectors: ['王明'], findings: '台账齐全。', rectifications: [{ requirement: '补齐随访记录', dueOn: inAMonth }] };
    const check = (await send(r.s.office, 'POST', `/api/evaluation/rounds/${r.roundId}/site-checks`, checkInput)).json<SiteCheckDto>();
    const added = await send(r.s.office, 'POST', `/api/evaluation/rounds/${r.roundId}/evaluators`, { username: 'zhuanjia', displayName: '陈静', organisation: '大连市统计学会', expiresOn: inAMonth });
    expect(added.statusCode, added.body).toBe(200);
    const evaluator = await login(t.app, 'zhuanjia', added.json<EvaluatorCreatedDto>().password);

    // A department may not close; the office may not while a form is open, and is told which.
    expect((await close(r.s.health)).statusCode).toBe(403);
    const early = await close(r.s.office);
    expect([early.statusCode, early.json<{ code: string; message: string }>()]).toEqual([409, expect.objectContaining({ code: 'EVALUATION_ROUND_NOT_FINAL', message: '尚有 1 份自评表未评审（待自评 1 份），全部评审后才能结束评估' })]);
    expect((await saveForm(true)).statusCode).toBe(200);
    expect((await close(r.s.office)).json<{ message: string }>().message).toBe('尚有 1 份自评表未评审（待评审 1 份），全部评审后才能结束评估');
    const reviewed = await send(r.s.evaluation, 'POST', `/api/evaluation/forms/${r.forms.health}/review`, { action: 'review', scores: FULL, comment: '材料齐全。' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);

    const closed = await close(r.s.office);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<RoundDetailDto>()).toMatchObject({ state: 'closed', closedBy: '测试用户dalian_office', closedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const log = await t.db.kysely.selectFrom('change_log as c').innerJoin('users as u', 'u.id', 'c.changed_by').select(['c.entity_id', 'c.field', 'c.old_value', 'c.new_value', 'u.username']).where('c.entity', '=', 'evaluation_round').execute();
    expect(log).toEqual([{ entity_id: r.roundId, field: 'state', old_value: 'open', new_value: 'closed', username: 'dalian_office' }]);
    expect(await refusal(close(r.s.office))).toEqual([409, 'EVALUATION_ROUND_CLOSED']);
    // Only this round: the plan's other round stays open.
    expect((await get<RoundSummaryDto[]>(r.s.health, '/api/evaluation/rounds')).map((x) => [x.id, x.state])).toEqual([[r.other.id, 'open'], [r.roundId, 'closed']]);

    // Forms: no editing, no review, and the page says so.
    expect(await get<FormDto>(r.s.evaluation, `/api/evaluation/forms/${r.forms.health}`)).toMatchObject({ canEdit: false, canReview: false });
    expect(await refusal(send(r.s.evaluation, 'POST', `/api/evaluation/forms/${r.forms.health}/review`, { action: 'review', scores: FULL, comment: '改分' }))).toEqual([409, 'EVALUATION_ROUND_CLOSED']);
    expect(await refusal(send(r.s.evaluation, 'POST', `/api/evaluation/forms/${r.forms.health}/review`, { action: 'return', reason: '补充' }))).toEqual([409, 'EVALUATION_ROUND_CLOSED']);
    // Site checks: no new check, no edit, no delete, no answer.
    const checks = await get<SiteChecksDto>(r.s.health, `/api/evaluation/rounds/${r.roundId}/site-checks`);
    expect([checks.canRecord, checks.checks[0]!.canEdit, checks.checks[0]!.rectifications[0]!.canAnswer]).toEqual([false, false, false]);
    expect(await refusal(send(r.s.office, 'POST', `/api/evaluation/rounds/${r.roundId}/site-checks`, checkInput))).toEqual([409, 'EVALUATION_ROUND_CLOSED']);
    expect(await refusal(send(r.s.office, 'PUT', `/api/evaluation/site-checks/${check.id}`, checkInput))).toEqual([409, 'EVALUATION_ROUND_CLOSED']);
    expect(await refusal(send(r.s.office, 'DELETE', `/api/evaluation/site-checks/${check.id}`))).toEqual([409, 'EVALUATION_ROUND_CLOSED']);
    // The weights are final with the results: still shown, no longer editable.
    expect(await refusal(send(r.s.office, 'PUT', `/api/evaluation/rounds/${r.roundId}/weights`, { scope: 'goal', targetId: r.goals[0], criteria: null, share: 2 }))).toEqual([409, 'EVALUATION_ROUND_CLOSED']);
    expect(await refusal(send(r.s.office, 'DELETE', `/api/evaluation/rounds/${r.roundId}/weights?scope=goal&targetId=${r.goals[0]}`))).toEqual([409, 'EVALUATION_ROUND_CLOSED']);
    expect((await get<{ canEdit: boolean }>(r.s.office, `/api/evaluation/rounds/${r.roundId}/weights`)).canEdit).toBe(false);
    expect(await refusal(send(r.s.health, 'PUT', `/api/evaluation/rectifications/${check.rectifications[0]!.id}/answer`, { answer: '已整改', doneOn: '2025-11-01' }))).toEqual([409, 'EVALUATION_ROUND_CLOSED']);
    // Third-party evaluators: no scoring, no new accounts.
    expect((await get<ThirdPartySheetDto>(evaluator, `/api/evaluation/rounds/${r.roundId}/third-party`)).canScore).toBe(false);
    expect(await refusal(send(evaluator, 'PUT', `/api/evaluation/rounds/${r.roundId}/third-party/${r.goals[0]}`, { scores: FULL, comment: '' }))).toEqual([409, 'EVALUATION_ROUND_CLOSED']);
    expect(await refusal(send(r.s.office, 'POST', `/api/evaluation/rounds/${r.roundId}/evaluators`, { username: 'x2', displayName: '某人', organisation: '学会', expiresOn: inAMonth }))).toEqual([409, 'EVALUATION_ROUND_CLOSED']);
    // Results and the report stay readable.
    expect((await t.app.inject({ url: `/api/evaluation/rounds/${r.roundId}/results`, headers: authHeaders(r.s.office) })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/evaluation/rounds/${r.roundId}/report.docx`, headers: authHeaders(r.s.office) })).statusCode).toBe(200);
  });

  it('refuses a department saving its form once the round is closed', async () => {
    // Closed in the database: through the API a round closes only once every form is reviewed, when no unit may save anyway.
    expect((await saveForm(false)).statusCode).toBe(200);
    await t.db.kysely.updateTable('evaluation_rounds').set({ state: 'closed', closed_at: new Date().toISOString() }).where('id', '=', r.roundId).execute();
    expect(await refusal(saveForm(false))).toEqual([409, 'EVALUATION_ROUND_CLOSED']);
    expect((await get<FormDto>(r.s.health, `/api/evaluation/forms/${r.forms.health}`)).canEdit).toBe(false);
  });
});
