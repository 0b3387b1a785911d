import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResultsDto } from '../../../../shared/api/evaluation';
import type { SiteCheckDto, SiteCheckInput, SiteChecksDto } from '../../../../shared/api/evaluationChecks';
import { authHeaders, buildTestApp, type Session, type TestApp } from '../../../../../test/support/appHarness';
import { buildEvaluationRound, type EvaluationRound } from '../../../../../test/support/evaluationRound';
import { readZip } from '../../../../../test/support/zipFiles';
import { beijingToday } from '../../../../shared/evaluation/siteChecks';
import { siteCheckReminders } from './reminders';
import { testDialect } from '../../../../../test/support/testDb';

describe(`site checks of an evaluation round (${testDialect()})`, () => {
  let t: TestApp;
  let roundId: number;
  let p: EvaluationRound['p'];
  let s: EvaluationRound['s'];

  beforeEach(async () => {
    t = await buildTestApp();
    ({ roundId, p, s } = await buildEvaluationRound(t));
  });
  afterEach(async () => t.close());

  const send = (who: Session, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: authHeaders(who) });
  const get = async <T>(who: Session, url: string) => {
    const res = await t.app.inject({ url, headers: authHeaders(who) });
    return { status: res.statusCode, body: res.json<T>() };
  };
  const check = (o: Partial<SiteCheckInput> = {}): SiteCheckInput => ({
    participantId: p.health, visitedOn: '2025-10-10', inspectors: ['王明', '李红'], findings: '孕产妇健康管理台账齐全，个别社区随访记录不完整。',
    rectifications: [{ requirement: '补齐社区随访记录', dueOn: '2025-11-30' }, { requirement: '建立季度通报制度', dueOn: '2099-12-31' }], ...o,
  });
  const record = async (who: Session, input: SiteCheckInput) => {
    const res = await send(who, 'POST', `/api/evaluation/rounds/${roundId}/site-checks`, input);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SiteCheckDto>();
  };
  const answer = (who: Session, id: number, payload: object) => send(who, 'PUT', `/api/evaluation/rectifications/${id}/answer`, payload);

  it('is recorded by the 评估组 and the office; each unit sees only its own checks and answers them; results and report count them', async () => {
    const health = await record(s.evaluation, check());
    expect([health.participant.label, health.inspectors, health.recordedBy, health.canEdit]).toEqual(['大连市卫生健康委员会', ['王明', '李红'], '测试用户dalian_pinggu', true]);
    // 2025-11-30 has passed: the first request is overdue; the second is still pending.
    expect(health.rectifications.map((r) => [r.seq, r.state, r.canAnswer])).toEqual([[1, 'overdue', false], [2, 'pending', false]]);
    const xigang = await record(s.office, check({ participantId: p.xigang, visitedOn: '2025-10-12', rectifications: [] }));
    await record(s.office, check({ participantId: p.education, rectifications: [] }));

    // A department reporter cannot record a check.
    expect((await send(s.health, 'POST', `/api/evaluation/rounds/${roundId}/site-checks`, check())).statusCode).toBe(403);

    const all = await get<SiteChecksDto>(s.office, `/api/evaluation/rounds/${roundId}/site-checks`);
    expect([all.body.checks.length, all.body.canRecord]).toEqual([3, true]);
    const mine = await get<SiteChecksDto>(s.health, `/api/evaluation/rounds/${roundId}/site-checks`);
    expect(mine.body.checks.map((c) => c.id)).toEqual([health.id]);
    expect(mine.body.canRecord).toBe(false);
    expect(mine.body.checks[0]!.rectifications.every((r) => r.canAnswer && !mine.body.checks[0]!.canEdit)).toBe(true);
    expect((await get<SiteChecksDto>(s.xigang, `/api/evaluation/rounds/${roundId}/site-checks`)).body.checks.map((c) => c.id)).toEqual([xigang.id]);
    // 中山区 takes no part: refused outright.
    expect((await get(s.zhongshan, `/api/evaluation/rounds/${roundId}/site-checks`)).status).toBe(403);

    // The visited department answers its own request; another department may not.
    const first = health.rectifications[0]!.id;
    const refused = await answer(s.education, first, { answer: '已补齐', doneOn: '2025-11-20' });
    expect(refused.statusCode).toBe(403);
    const answered = await answer(s.health, first, { answer: '已补齐 12 个社区的随访记录。', doneOn: '2025-11-20' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json<SiteCheckDto>().rectifications[0]).toMatchObject({ state: 'answered', answer: '已补齐 12 个社区的随访记录。', doneOn: '2025-11-20', answeredBy: '测试用户dalian_weijian' });

    const results = await get<ResultsDto>(s.evaluation, `/api/evaluation/rounds/${roundId}/results`);
    expect(results.body.units.map((u) => [u.participant.label, u.checks])).toEqual([
      ['大连市卫生健康委员会', { visits: 1, requests: 2, answered: 1, overdue: 0 }],
      ['大连市教育局', { visits: 1, requests: 0, answered: 0, overdue: 0 }],
      ['西岗区妇儿工委', { visits: 1, requests: 0, answered: 0, overdue: 0 }],
    ]);

    const docx = await t.app.inject({ url: `/api/evaluation/rounds/${roundId}/report.docx`, headers: authHeaders(s.office) });
    expect(docx.statusCode).toBe(200);
    const text = readZip(docx.rawPayload).find((f) => f.name === 'word/document.xml')!.data.toString('utf8').replace(/<[^>]+>/g, '');
    for (const words of ['督导检查情况', '对 3 个参评单位开展实地督导检查 3 次', '提出整改要求 2 条，已答复 1 条，整改中 1 条', '补齐社区随访记录', '已补齐 12 个社区的随访记录。（2025-11-20）', '建立季度通报制度']) expect(text, words).toContain(words);
  });

  it('refuses bad input in Chinese, naming the field, and writes nothing', async () => {
    const bad = await send(s.office, 'POST', `/api/evaluation/rounds/${roundId}/site-checks`, check({ visitedOn: '2099-01-01', inspectors: [], findings: '', rectifications: [{ requirement: '整改', dueOn: '2098-01-01' }] }));
    expect(bad.statusCode).toBe(400);
    const body = bad.json<{ message: string; details: { path: string; message: string }[] }>();
    expect(body.details.map((d) => d.path)).toEqual(['visitedOn', 'inspectors', 'findings', 'rectifications.0.dueOn']);
    expect(body.message).toContain('检查日期（2099-01-01）不能晚于今天');
    const many = await send(s.office, 'POST', `/api/evaluation/rounds/${roundId}/site-checks`, check({ inspectors: Array.from({ length: 21 }, (_, i) => `检查员${i + 1}`) }));
    expect(many.json<{ details: { message: string }[] }>().details[0]!.message).toBe('检查人员最多 20 人，现为 21 人');
    const stranger = await send(s.office, 'POST', `/api/evaluation/rounds/${roundId}/site-checks`, check({ participantId: 999_999 }));
    expect([stranger.statusCode, stranger.json<{ details: { path: string }[] }>().details[0]!.path]).toEqual([400, 'participantId']);
    expect(await t.db.kysely.selectFrom('evaluation_site_checks').select('id').execute()).toEqual([]);

    const made = await record(s.office, check());
    const empty = await answer(s.health, made.rectifications[0]!.id, { answer: '', doneOn: '2025-10-01' });
    expect(empty.json<{ details: { path: string }[] }>().details.map((d) => d.path)).toEqual(['answer', 'doneOn']);
  });

  it('is edited as a whole until the results are final; answered requests stay as answered', async () => {
    const made = await record(s.evaluation, check());
    const [first, second] = made.rectifications;
    expect((await answer(s.health, first!.id, { answer: '已补齐', doneOn: '2025-11-20' })).statusCode).toBe(200);

    // Removing or changing the answered request is refused, naming it.
    const dropped = await send(s.evaluation, 'PUT', `/api/evaluation/site-checks/${made.id}`, check({ rectifications: [{ id: second!.id, requirement: '建立季度通报制度', dueOn: '2099-12-31' }] }));
    expect([dropped.statusCode, dropped.json<{ message: string }>().message]).toEqual([400, expect.stringContaining('整改要求“补齐社区随访记录”单位已答复，不能删除')]);
    const changed = await send(s.evaluation, 'PUT', `/api/evaluation/site-checks/${made.id}`, check({ rectifications: [{ id: first!.id, requirement: '改了', dueOn: '2025-11-30' }] }));
    expect(changed.json<{ details: { path: string }[] }>().details.map((d) => d.path)).toEqual(['rectifications.0.requirement']);

    // Kept, dropped and added in one go; the answer stays.
    const edited = await send(s.evaluation, 'PUT', `/api/evaluation/site-checks/${made.id}`, check({ findings: '复查：台账已补齐。', inspectors: ['王明'], rectifications: [{ id: first!.id, requirement: '补齐社区随访记录', dueOn: '2025-11-30' }, { requirement: '开展一次业务培训', dueOn: '2099-06-30' }] }));
    expect(edited.statusCode, edited.body).toBe(200);
    const dto = edited.json<SiteCheckDto>();
    expect([dto.findings, dto.inspectors]).toEqual(['复查：台账已补齐。', ['王明']]);
    expect(dto.rectifications.map((r) => [r.seq, r.requirement, r.answer])).toEqual([[1, '补齐社区随访记录', '已补齐'], [2, '开展一次业务培训', null]]);
    expect(await t.db.kysely.selectFrom('evaluation_rectifications').select('id').where('id', '=', second!.id).execute()).toEqual([]);

    // A unit cannot edit; a check with an answered request is not deleted; one without is.
    expect((await send(s.health, 'PUT', `/api/evaluation/site-checks/${made.id}`, check())).statusCode).toBe(403);
    const kept = await send(s.evaluation, 'DELETE', `/api/evaluation/site-checks/${made.id}`);
    expect([kept.statusCode, kept.json<{ code: string }>().code]).toEqual([409, 'EVALUATION_CHECK_ANSWERED']);
    const other = await record(s.office, check({ participantId: p.education }));
    expect((await send(s.office, 'DELETE', `/api/evaluation/site-checks/${other.id}`)).statusCode).toBe(204);

    // Once the round's results are final nothing changes any more.
    await t.db.kysely.updateTable('evaluation_rounds').set({ state: 'closed' }).where('id', '=', roundId).execute();
    const closed = await send(s.evaluation, 'PUT', `/api/evaluation/site-checks/${made.id}`, check());
    expect([closed.statusCode, closed.json<{ message: string }>().message]).toEqual([409, '评估结果已确定，督导检查不能再修改']);
    expect((await answer(s.health, dto.rectifications[1]!.id, { answer: '已培训', doneOn: '2025-12-01' })).statusCode).toBe(409);
    expect((await send(s.office, 'POST', `/api/evaluation/rounds/${roundId}/site-checks`, check())).statusCode).toBe(409);
    const list = await get<SiteChecksDto>(s.office, `/api/evaluation/rounds/${roundId}/site-checks`);
    expect([list.body.canRecord, list.body.checks[0]!.canEdit, list.body.checks[0]!.rectifications[1]!.canAnswer]).toEqual([false, false, false]);
  });

  it('reminds the visited unit of unanswered requests a week before the deadline and once it has passed', async () => {
    const made = await record(s.evaluation, check({ rectifications: [{ requirement: '补齐社区随访记录', dueOn: '2099-06-30' }, { requirement: '建立季度通报制度', dueOn: '2099-07-30' }] }));
    const at = (iso: string) => siteCheckReminders(t.db.kysely, new Date(iso));
    expect(await at('2099-06-01T02:00:00Z')).toEqual([]);
    const soon = await at('2099-06-25T02:00:00Z');
    expect(soon.map((x) => [x.key, x.title])).toEqual([[`evaluation:rectification:${made.rectifications[0]!.id}:due-7d`, '督导检查整改要求将于 2099-06-30 到期：大连市卫生健康委员会']]);
    const healthUser = await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'dalian_weijian').executeTakeFirstOrThrow();
    expect(soon[0]!.userIds).toEqual([healthUser.id]);
    expect((await answer(s.health, made.rectifications[0]!.id, { answer: '已补齐', doneOn: beijingToday(new Date()) })).statusCode).toBe(200);
    expect((await at('2099-07-31T02:00:00Z')).map((x) => x.key)).toEqual([`evaluation:rectification:${made.rectifications[1]!.id}:overdue`]);
  });
});
