import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedDto, PublicSurveyDto, SurveyDto, SurveyInput } from '../../../shared/api/surveys';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, login, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildDepartment, buildDirectIndicator } from '../../../../test/support/monitoringFactories';
import { testDialect } from '../../../../test/support/testDb';
import { TICKET_RULES } from './ticket';

const definition = (rootId: number): SurveyInput['definition'] => ({
  sections: [{
    title: '基本情况',
    questions: [
      { code: 'D', type: 'region', title: '您住在哪个区？', required: true, regionRootId: rootId },
      { code: 'K', type: 'single', title: '您知道妇女营养健康知识吗？', required: true, options: [{ code: '1', label: '知道' }, { code: '2', label: '不知道' }] },
      { code: 'W', type: 'text', title: '从哪里知道的？', required: true, showIf: [{ question: 'K', op: 'equals', value: '1' }] },
    ],
  }],
});

describe(`surveys (${testDialect()})`, () => {
  let t: TestApp;
  let office: Session;
  let statistics: Session;
  let units: { city: number; xigang: number; zhongshan: number };
  let indicatorId: number;
  let counter = 0;

  beforeEach(async () => {
    t = await buildTestApp();
    const city = await buildOrgUnit(t.db, { name: '大连市', level: 'city' });
    const xigang = await buildOrgUnit(t.db, { name: '西岗区', parentId: city.id });
    const zhongshan = await buildOrgUnit(t.db, { name: '中山区', parentId: city.id });
    units = { city: city.id, xigang: xigang.id, zhongshan: zhongshan.id };
    for (const u of [city, xigang, zhongshan]) await buildDepartment(t.db, u.id, '卫健委', `${u.name}卫生健康委员会`);
    indicatorId = (await buildDirectIndicator(t.db, { name: '妇女营养健康知识知晓率', dept: '卫健委' })).id;
    office = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city.id })).username);
    statistics = await login(t.app, (await buildUser(t.db, { role: 'statistics', orgUnitId: city.id })).username);
    const task = await t.app.inject({
      method: 'POST', url: '/api/reporting/tasks', headers: authHeaders(office),
      payload: { orgUnitId: city.id, year: 2025, name: '2025年度填报', opensOn: '2026-01-01', dueOn: '2099-03-31', indicatorIds: [indicatorId], orgUnitIds: [city.id, xigang.id, zhongshan.id] },
    });
    expect(task.statusCode).toBe(200);
  });
  afterEach(async () => t.close());

  const send = (s: Session, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: authHeaders(s) });

  async function openSurvey(accessMode: 'open' | 'code' = 'open'): Promise<SurveyDto> {
    const input: SurveyInput = { orgUnitId: units.city, title: '2025年妇女儿童知识问卷', description: null, audience: 'adult', definition: definition(units.city), opensAt: null, closesAt: null, accessMode };
    const created = await send(office, 'POST', '/api/surveys', input);
    expect(created.statusCode, created.body).toBe(200);
    const published = await send(office, 'POST', `/api/surveys/${created.json<SurveyDto>().id}/publish`);
    expect(published.json<SurveyDto>().state).toBe('open');
    return published.json<SurveyDto>();
  }

  /** A ticket old enough to pass the bot check: fetched, then waited on. */
  async function agedTicket(publicId: string): Promise<string> {
    const page = await t.app.inject({ method: 'GET', url: `/api/public/surveys/${publicId}` });
    await new Promise((r) => setTimeout(r, TICKET_RULES.minSeconds * 1000 + 100));
    return page.json<PublicSurveyDto>().ticket;
  }

  const answer = (publicId: string, ticket: string, values: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST', url: `/api/public/surveys/${publicId}/responses`,
      payload: { answers: { values }, browserToken: `browser-token-${++counter}-xxxxxxxx`, idempotencyKey: `idem-key-${counter}-xxxxxxxxxx`, ticket, ...extra },
    });

  it('stores a response once per browser; a retry with the same key is the same response', async () => {
    const s = await openSurvey();
    const fresh = (await t.app.inject({ method: 'GET', url: `/api/public/surveys/${s.publicId}` })).json<PublicSurveyDto>();
    expect(fresh.regions.D!.map((r) => r.name)).toEqual(['西岗区', '中山区']);
    const tooFast = await answer(s.publicId, fresh.ticket, { D: units.xigang, K: '2' });
    expect([tooFast.statusCode, tooFast.json().message]).toEqual([400, '提交得太快了，请确认每道题都已看过，稍等几秒再提交']);

    const ticket = await agedTicket(s.publicId);
    const body = { answers: { values: { D: units.xigang, K: '1', W: '社区讲座' } }, browserToken: 'one-browser-token-0001', idempotencyKey: 'one-idempotency-key-01', ticket };
    const post = (payload: object) => t.app.inject({ method: 'POST', url: `/api/public/surveys/${s.publicId}/responses`, payload });
    expect((await post(body)).json()).toEqual({ received: true, repeated: false });
    expect((await post(body)).json()).toEqual({ received: true, repeated: true });
    const again = await post({ ...body, idempotencyKey: 'another-idempotency-key' });
    expect([again.statusCode, again.json().code, again.json().message]).toEqual([409, 'SURVEY_DUPLICATE', '您已经提交过这份问卷，感谢参与']);
    expect((await t.db.kysely.selectFrom('survey_responses').selectAll().execute()).map((r) => JSON.parse(r.answers))).toEqual([{ values: { D: units.xigang, K: '1', W: '社区讲座' } }]);

    const bot = await answer(s.publicId, ticket, { D: units.xigang, K: '2' }, { website: 'http://spam' });
    expect([bot.statusCode, bot.json().code]).toEqual([400, 'SURVEY_BOT_SUSPECTED']);
    const forged = await answer(s.publicId, `${Date.now() - 60_000}.abc`, { D: units.xigang, K: '2' });
    expect(forged.json().code).toBe('SURVEY_BOT_SUSPECTED');
    const incomplete = await answer(s.publicId, ticket, { D: units.xigang, K: '1' });
    expect([incomplete.statusCode, incomplete.json().message]).toEqual([400, '还有 1 道题需要修改：第 3 题：请填写']);
    // The follow-up is hidden for 不知道, so not required.
    expect((await answer(s.publicId, ticket, { D: units.zhongshan, K: '2' })).statusCode).toBe(200);
  });

  it('refuses answers past the per-address limit', async () => {
    const s = await openSurvey();
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) {
      const res = await t.app.inject({ method: 'POST', url: `/api/public/surveys/${s.publicId}/responses`, payload: { answers: { values: {} }, browserToken: 'x'.repeat(20), idempotencyKey: `k${i}`.padEnd(20, 'x'), ticket: 'bad' }, remoteAddress: '10.0.0.7' });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 60).every((c) => c === 400)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
    const other = await t.app.inject({ method: 'POST', url: `/api/public/surveys/${s.publicId}/responses`, payload: {}, remoteAddress: '10.0.0.8' });
    expect(other.statusCode).toBe(400);
  });

  it('a closed survey refuses answers and says so; a closing time in the past closes it', async () => {
    const s = await openSurvey();
    const ticket = await agedTicket(s.publicId);
    await send(office, 'POST', `/api/surveys/${s.id}/close`);
    const closed = await answer(s.publicId, ticket, { D: units.xigang, K: '2' });
    expect([closed.statusCode, closed.json().message]).toEqual([410, '问卷已经结束，感谢您的关注']);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/surveys/${s.publicId}` })).json<PublicSurveyDto>()).toMatchObject({ state: 'closed', definition: { sections: [{ questions: [] }] } });

    await send(office, 'POST', `/api/surveys/${s.id}/publish`);
    await t.db.kysely.updateTable('surveys').set({ closes_at: '2020-01-01T00:00:00.000Z', updated_at: new Date().toISOString() }).where('id', '=', s.id).execute();
    expect((await answer(s.publicId, ticket, { D: units.xigang, K: '2' })).json().code).toBe('SURVEY_CLOSED');
  });

  it('one-time access codes: needed, used once', async () => {
    const s = await openSurvey('code');
    const codes = (await send(office, 'POST', `/api/surveys/${s.id}/codes`, { count: 2, label: '西岗区第一小学' })).json<{ code: string }[]>();
    expect(codes.map((c) => c.code)).toEqual([expect.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/), expect.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/)]);
    const ticket = await agedTicket(s.publicId);
    expect((await answer(s.publicId, ticket, { D: units.xigang, K: '2' })).json().code).toBe('SURVEY_CODE_INVALID');
    expect((await answer(s.publicId, ticket, { D: units.xigang, K: '2' }, { code: codes[0]!.code.toLowerCase() })).statusCode).toBe(200);
    const reused = await answer(s.publicId, ticket, { D: units.xigang, K: '2' }, { code: codes[0]!.code });
    expect([reused.statusCode, reused.json().message]).toEqual([403, '访问码不对或已经用过，请核对后再输入']);
    // A refused code leaves nothing behind.
    expect(await t.db.kysely.selectFrom('survey_responses').select('id').execute()).toHaveLength(1);
  });

  it('answers arriving at once are committed together, each refused or stored on its own', async () => {
    const s = await openSurvey('code');
    const [first, second] = (await send(office, 'POST', `/api/surveys/${s.id}/codes`, { count: 2, label: null })).json<{ code: string }[]>().map((c) => c.code);
    const ticket = await agedTicket(s.publicId);
    const post = (browser: string, key: string, code: string) =>
      t.app.inject({ method: 'POST', url: `/api/public/surveys/${s.publicId}/responses`, payload: { answers: { values: { D: units.xigang, K: '2' } }, browserToken: `browser-${browser}`.padEnd(20, 'x'), idempotencyKey: `key-${key}`.padEnd(20, 'x'), ticket, code } });
    const replies = await Promise.all([
      post('a', 'a', first!),
      post('a', 'a', first!), // the same response sent twice: stored once
      post('b', 'b', first!), // the code the first one took
      post('a', 'c', second!), // the browser the first one took: its code goes back
    ]);
    expect(replies.map((r) => r.json().code ?? r.json().repeated)).toEqual([false, true, 'SURVEY_CODE_INVALID', 'SURVEY_DUPLICATE']);
    expect((await post('d', 'd', second!)).json()).toEqual({ received: true, repeated: false });
    expect(await t.db.kysely.selectFrom('survey_responses').select('browser_hash').execute()).toHaveLength(2);
  });

  it('maps 知道 to the indicator: written through the value path with the sample size kept, a rewrite audited', async () => {
    const s = await openSurvey();
    const ticket = await agedTicket(s.publicId);
    for (const [d, k] of [[units.xigang, '1'], [units.xigang, '1'], [units.xigang, '2'], [units.zhongshan, '2']] as const) {
      expect((await answer(s.publicId, ticket, { D: d, K: k, ...(k === '1' ? { W: '电视' } : {}) })).statusCode).toBe(200);
    }
    const feedInput = { questionCode: 'K', optionKeys: ['1'], regionQuestionCode: 'D', indicatorId, year: 2025, minSample: 2 };
    expect((await send(office, 'POST', `/api/surveys/${s.id}/feeds`, feedInput)).statusCode).toBe(403);
    const created = await send(statistics, 'POST', `/api/surveys/${s.id}/feeds`, feedInput);
    expect(created.statusCode, created.body).toBe(200);
    const feed = created.json<FeedDto[]>()[0]!;
    expect(feed.rows.map((r) => [r.orgUnit.name, r.value, r.sampleSize, r.status])).toEqual([['大连市', 50, 4, 'ready'], ['西岗区', 66.7, 3, 'ready'], ['中山区', 0, 1, 'small']]);

    const written = (await send(statistics, 'POST', `/api/surveys/${s.id}/feeds/${feed.id}/write`)).json<FeedDto>();
    expect(written.rows.map((r) => r.status)).toEqual(['written', 'written', 'small']);
    const values = await t.db.kysely.selectFrom('data_values').select(['org_unit_id', 'value', 'comment', 'created_via']).orderBy('org_unit_id').execute();
    expect(values).toEqual([
      { org_unit_id: units.city, value: 50, comment: '问卷调查：《2025年妇女儿童知识问卷》，有效样本 4 份', created_via: 'ui' },
      { org_unit_id: units.xigang, value: 66.7, comment: '问卷调查：《2025年妇女儿童知识问卷》，有效样本 3 份', created_via: 'ui' },
    ]);
    expect(await t.db.kysely.selectFrom('survey_feed_values').select(['org_unit_id', 'value', 'sample_size', 'source']).orderBy('org_unit_id').execute()).toEqual([
      { org_unit_id: units.city, value: 50, sample_size: 4, source: '问卷调查' },
      { org_unit_id: units.xigang, value: 66.7, sample_size: 3, source: '问卷调查' },
    ]);

    expect((await answer(s.publicId, ticket, { D: units.xigang, K: '2' })).statusCode).toBe(200);
    await send(statistics, 'POST', `/api/surveys/${s.id}/feeds/${feed.id}/write`);
    const audits = await t.db.kysely.selectFrom('data_value_audits').select(['org_unit_id', 'old_value', 'new_value', 'via']).orderBy('org_unit_id').execute();
    expect(audits).toEqual([
      { org_unit_id: units.city, old_value: 50, new_value: 40, via: 'ui' },
      { org_unit_id: units.xigang, old_value: 66.7, new_value: 50, via: 'ui' },
    ]);

    // Once the seat is approved, the value path refuses and the mapping says why.
    await t.db.kysely.updateTable('submissions').set({ state: 'approved' }).execute();
    const refused = (await send(statistics, 'POST', `/api/surveys/${s.id}/feeds/${feed.id}/write`)).json<FeedDto>();
    expect(refused.rows[0]).toMatchObject({ status: 'refused', reason: expect.stringContaining('大连市') });
  });

  it('statistics count answers live, filter and cross-tabulate', async () => {
    const s = await openSurvey();
    const ticket = await agedTicket(s.publicId);
    for (const [d, k] of [[units.xigang, '1'], [units.zhongshan, '2'], [units.zhongshan, '1']] as const) await answer(s.publicId, ticket, { D: d, K: k, ...(k === '1' ? { W: '社区宣传栏' } : {}) });
    const stats = (await t.app.inject({ method: 'GET', url: `/api/surveys/${s.id}/stats?rows=K&columns=D&filter=K:1,2`, headers: { cookie: office.cookie } })).json();
    expect(stats.responses).toBe(3);
    expect(stats.questions[1].categories.map((c: { count: number }) => c.count)).toEqual([2, 1]);
    expect(stats.crossTab.counts).toEqual([[1, 1], [0, 1]]);
    const filtered = (await t.app.inject({ method: 'GET', url: `/api/surveys/${s.id}/stats?filter=D:${units.zhongshan}`, headers: { cookie: office.cookie } })).json();
    expect(filtered.responses).toBe(2);
    const editing = await send(office, 'PUT', `/api/surveys/${s.id}`, { orgUnitId: units.city, title: s.title, description: null, audience: 'adult', definition: { sections: [{ title: '', questions: definition(units.city).sections[0]!.questions.slice(0, 2) }] }, opensAt: null, closesAt: null, accessMode: 'open' });
    expect([editing.statusCode, editing.json().message]).toEqual([409, '题目 W 已有答卷，不能删除（可以改写文字或新增题目）']);
  });
});
